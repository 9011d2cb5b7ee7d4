"""Writes to the exchanges: each runs in one transaction and appends an audit entry.

Who may do what: mediators create exchanges, run reconciliation, review links and record
statuses; a delegation uploads (and re-maps) its own side's list. Detainee data never enters an
audit entry's change: entries carry ids, counts and digests only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from accord.audit.services import audit_append
from accord.domain import exchange as engine
from accord.domain.visibility import Visibility
from accord.exchanges.categories import category_column, category_of
from accord.exchanges.models import (
    CandidateLink,
    Exchange,
    ExchangeList,
    ListRecord,
    PersonStatusEvent,
)
from accord.talks.access import Seat, require_mediator

if TYPE_CHECKING:
    from accord.talks.models import Party

#: Uploads larger than this are refused before reading (the engine's own limit is higher).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
Report = Callable[[float, str], None]


def _audit(seat_or_actor: Any, action: str, obj: Any, change: dict, process_id: int) -> None:
    actor = seat_or_actor.membership.user if isinstance(seat_or_actor, Seat) else seat_or_actor
    audit_append(actor=actor, action=action, obj=obj, change=change, process_id=process_id)


@transaction.atomic
def exchange_create(
    *,
    seat: Seat,
    title: str,
    agreed_number: int,
    visibility: Visibility = Visibility.PARTIES,
    illustrative: bool = False,
) -> Exchange:
    """A new exchange, owned by the mediators (delegations see it at `parties`)."""
    require_mediator(seat)
    exchange = Exchange(
        process=seat.process,
        title=title,
        agreed_number=agreed_number,
        owner_party=None,
        visibility=visibility.value,
        illustrative=illustrative,
    )
    exchange.full_clean()
    exchange.save()
    change = {"title": title, "agreed_number": agreed_number, "visibility": visibility.value}
    _audit(seat, "exchange.create", exchange, change, seat.process.pk)
    return exchange


def _read(data: bytes, file_name: str, id_column: str | None) -> engine.ExchangeList:
    if not data:
        raise ValidationError({"file": f"{file_name}: the file is empty."})
    try:
        return engine.read_list_bytes(
            data, file_name, id_column=id_column or None, max_bytes=MAX_UPLOAD_BYTES
        )
    except engine.ExchangeInputError as error:
        raise ValidationError({"file": str(error)}) from error


def _warnings(read: engine.ExchangeList) -> list[dict[str, Any]]:
    return [{"row": w.row, "column": w.column or "", "message": w.message} for w in read.warnings]


def _records(exchange_list: ExchangeList, read: engine.ExchangeList) -> list[ListRecord]:
    column = category_column(read.headers)
    return [
        ListRecord(
            exchange_list=exchange_list,
            owner_party_id=exchange_list.owner_party_id,
            visibility=exchange_list.visibility,
            row=record.row,
            record_key=record.id[:200],
            raw=dict(record.raw),
            surname=record.surname[:200],
            given_name=record.given_name[:200],
            patronymic=record.patronymic[:200],
            birth_date=str(record.birth_date or "")[:60],
            document=record.document[:100],
            military_number=record.military_number[:100],
            language=record.language,
            latin=record.latin[:400],
            problems=list(record.problems),
            category=category_of(record.raw, column),
        )
        for record in read.records
    ]


@transaction.atomic
def list_upload(
    *,
    seat: Seat,
    exchange: Exchange,
    file_name: str,
    data: bytes,
    id_column: str | None = None,
    illustrative: bool = False,
) -> ExchangeList:
    """Store a list as submitted and read its records; a bad file saves nothing.

    A delegation submits its side's list (seen by it and the mediators); a mediator uploads the
    mediator's own list, often Latin transliterations (seen by the mediators only), which
    reconciliation links each side's list against.
    """
    owner, visibility = list_submitter(seat)
    read = _read(data, file_name, id_column)
    exchange_list = ExchangeList(
        exchange=exchange,
        owner_party=owner,
        visibility=visibility.value,
        file_name=file_name[:200],
        content=data,
        sha256=hashlib.sha256(data).hexdigest(),
        columns=read.columns,
        headers=read.headers,
        id_column=read.id_column,
        warnings=_warnings(read),
        illustrative=illustrative,
        uploaded_by=seat.membership.user,
    )
    exchange_list.full_clean()
    exchange_list.save()
    ListRecord.objects.bulk_create(_records(exchange_list, read), batch_size=2000)
    change = {"sha256": exchange_list.sha256, "records": len(read.records)}
    _audit(seat, "exchange.list.upload", exchange_list, change, exchange.process_id)
    return exchange_list


def list_submitter(seat: Seat) -> tuple[Party | None, Visibility]:
    """Who owns a list this seat submits, and at which visibility: a delegation's side (it and
    the mediators), or the mediators' own list (mediators only). Anyone else gets 404.

    Pages and API call it before an upload is read as a list, so no observer's file ever is.
    """
    if seat.is_mediator:
        return None, Visibility.OWN
    if seat.is_delegation and seat.party is not None:
        return seat.party, Visibility.MEDIATOR
    raise Http404("Only a delegation or a mediator submits a list")


@transaction.atomic
def list_remap(*, seat: Seat, exchange_list: ExchangeList, id_column: str) -> ExchangeList:
    """Read the stored file again with another id column (only before any link uses it)."""
    if not list_is_own(seat, exchange_list):
        raise Http404("Not your list")
    if CandidateLink.objects.filter(left__exchange_list=exchange_list).exists() or (
        CandidateLink.objects.filter(right__exchange_list=exchange_list).exists()
    ):
        raise ValidationError({"id_column": "This list is already reconciled; upload it again."})
    read = _read(bytes(exchange_list.content), exchange_list.file_name, id_column)
    exchange_list.records.all().delete()
    exchange_list.id_column = read.id_column
    exchange_list.columns = read.columns
    exchange_list.warnings = _warnings(read)
    exchange_list.save(update_fields=["id_column", "columns", "warnings"])
    ListRecord.objects.bulk_create(_records(exchange_list, read), batch_size=2000)
    change = {"id_column": read.id_column, "records": len(read.records)}
    _audit(seat, "exchange.list.remap", exchange_list, change, exchange_list.exchange.process_id)
    return exchange_list


def list_is_own(seat: Seat, exchange_list: ExchangeList) -> bool:
    """The seat submitted this list: its delegation's, or the mediators' own list."""
    if exchange_list.owner_party_id is None:
        return seat.is_mediator
    return seat.party is not None and exchange_list.owner_party_id == seat.party.pk


def sides(exchange: Exchange) -> list[ExchangeList]:
    """The latest list of each submitting party, by party id (left first)."""
    latest: dict[int, ExchangeList] = {}
    for item in exchange.lists.filter(owner_party__isnull=False).order_by("uploaded_at", "id"):
        latest[item.owner_party_id] = item
    return [latest[key] for key in sorted(latest)]


def mediator_list(exchange: Exchange) -> ExchangeList | None:
    """The mediators' own latest list (e.g. Latin transliterations), if they uploaded one."""
    return exchange.lists.filter(owner_party__isnull=True).order_by("-uploaded_at", "-id").first()


def reconcile_pairs(exchange: Exchange) -> list[tuple[ExchangeList, ExchangeList]]:
    """Which lists reconciliation links: the two sides, and each side against the mediator's."""
    lists = sides(exchange)
    pairs = [(lists[0], lists[1])] if len(lists) == 2 else []
    own = mediator_list(exchange)
    if own is not None:
        pairs += [(side, own) for side in lists]
    return pairs


_NO_PAIRS = (
    "Reconciliation needs one list from each of two sides, or a side's list and the mediator's."
)


def _engine_records(exchange_list: ExchangeList) -> list[engine.Record]:
    data = bytes(exchange_list.content)
    read = engine.read_list_bytes(
        data, exchange_list.file_name, id_column=exchange_list.id_column or None,
        max_bytes=max(len(data), 1),
    )  # fmt: skip
    return read.records


def _flag_duplicates(exchange_list: ExchangeList, records: list[engine.Record]) -> int:
    by_row = {r.row: r.pk for r in exchange_list.records.only("pk", "row")}
    ListRecord.objects.filter(exchange_list=exchange_list).update(duplicate_group=None)
    groups = engine.dedupe(records)
    for number, group in enumerate(groups, start=1):
        ids = [by_row[row] for row in group.rows if row in by_row]
        ListRecord.objects.filter(pk__in=ids).update(duplicate_group=number)
    return len(groups)


def _explanation(found: engine.Link) -> list[dict[str, Any]]:
    return [
        {
            "field": f.field, "left": f.left, "right": f.right, "level": f.level,
            "similarity": round(f.similarity, 3), "weight": round(f.weight, 2),
        }
        for f in found.fields
    ]  # fmt: skip


def _noop(fraction: float, message: str = "") -> None:
    return None


@transaction.atomic
def exchange_reconcile(*, actor: Any, exchange: Exchange, report: Report = _noop) -> dict:
    """Link the lists: the two sides' latest lists with each other, and each with the mediator's
    own list when there is one; flag duplicates within each list; keep reviewed links.

    Links a mediator has decided, or that carry statuses, are kept; every other link is
    replaced by the engine's new proposal. Runs inside a job (or the demo loader). The files
    are read here, in the job, not in the upload request.
    """
    pairs = reconcile_pairs(exchange)
    if len(sides(exchange)) > 2 or not pairs:
        raise ValidationError(_NO_PAIRS)
    lists = list(dict.fromkeys(item for pair in pairs for item in pair))
    records: dict[int, list[engine.Record]] = {}
    duplicates = 0
    for index, item in enumerate(lists):
        report(0.05 + 0.35 * index / len(lists), f"Reading and checking {item.file_name}")
        records[item.pk] = _engine_records(item)
        duplicates += _flag_duplicates(item, records[item.pk])
    CandidateLink.objects.filter(
        exchange=exchange, reviewer_decision="", events__isnull=True
    ).delete()
    created = 0
    for index, (left_list, right_list) in enumerate(pairs):
        report(
            0.4 + 0.55 * index / len(pairs),
            f"Linking {left_list.file_name} and {right_list.file_name}",
        )
        proposals = engine.link(records[left_list.pk], records[right_list.pk])
        created += _save_links(exchange, left_list, right_list, proposals)
    result = {"links": created, "duplicate_groups": duplicates, "lists": [x.pk for x in lists]}
    audit_append(
        actor=actor, action="exchange.reconcile", obj=exchange, change=result,
        process_id=exchange.process_id,
    )  # fmt: skip
    report(1.0, "Done")
    return result


def _save_links(
    exchange: Exchange, left_list: ExchangeList, right_list: ExchangeList, proposals: list
) -> int:
    """Store new proposals between two lists, leaving records a kept link already pairs."""
    kept = CandidateLink.objects.filter(
        exchange=exchange, left__exchange_list=left_list, right__exchange_list=right_list
    ).values_list("left_id", "right_id")
    taken = {pk for pair in kept for pk in pair}
    left_rows = dict(left_list.records.values_list("row", "pk"))
    right_rows = dict(right_list.records.values_list("row", "pk"))
    new = []
    for found in proposals:
        left_id, right_id = left_rows.get(found.left_row), right_rows.get(found.right_row)
        if left_id is None or right_id is None or taken & {left_id, right_id}:
            continue
        new.append(
            CandidateLink(
                exchange=exchange, left_id=left_id, right_id=right_id, score=found.score,
                weight=found.weight, decision=found.decision, explanation=_explanation(found),
                note=found.note[:400], owner_party=None, visibility=Visibility.OWN.value,
            )
        )  # fmt: skip
    CandidateLink.objects.bulk_create(new, batch_size=2000)
    return len(new)


def reconcile_start(*, seat: Seat, exchange: Exchange) -> Any:
    """Queue reconciliation as a background job (mediators only)."""
    from accord.exchanges.jobs import KIND  # the job module imports these services
    from accord.jobs.runner import job_start

    require_mediator(seat)
    if len(sides(exchange)) > 2 or not reconcile_pairs(exchange):
        raise ValidationError(_NO_PAIRS)
    return job_start(
        actor=seat.membership.user, kind=KIND, params={"exchange_id": exchange.pk},
        process_id=exchange.process_id,
    )  # fmt: skip


@transaction.atomic
def link_propose(
    *, seat: Seat, left: ListRecord, right: ListRecord, note: str = ""
) -> CandidateLink:
    """A mediator links two records by hand (sent to review like any uncertain pair)."""
    require_mediator(seat)
    exchange = left.exchange_list.exchange
    if right.exchange_list.exchange_id != exchange.pk or left.exchange_list_id == (
        right.exchange_list_id
    ):
        raise ValidationError("Link records of two different lists of one exchange.")
    link = CandidateLink(
        exchange=exchange, left=left, right=right, score=0.0, decision="review", note=note,
        owner_party=None, visibility=Visibility.OWN.value,
    )  # fmt: skip
    link.full_clean()
    link.save()
    _audit(seat, "exchange.link.propose", link, {"left": left.pk, "right": right.pk},
           exchange.process_id)  # fmt: skip
    return link


@transaction.atomic
def link_review(*, seat: Seat, link: CandidateLink, decision: str) -> CandidateLink:
    """Record a mediator's accept or reject on a candidate pair."""
    require_mediator(seat)
    if decision not in (CandidateLink.Review.ACCEPT, CandidateLink.Review.REJECT):
        raise ValidationError({"decision": "Choose accept or reject."})
    link = CandidateLink.objects.select_for_update().get(pk=link.pk)
    link.reviewer_decision = decision
    link.reviewed_by = seat.membership.user
    link.reviewed_at = timezone.now()
    link.save(update_fields=["reviewer_decision", "reviewed_by", "reviewed_at"])
    _audit(seat, "exchange.link.review", link, {"decision": decision},
           link.exchange.process_id)  # fmt: skip
    return link


#: What a delegation may record on its own records; "exchanged" is the mediator's to record.
DELEGATION_STATUSES = frozenset(
    {
        PersonStatusEvent.Status.REQUESTED,
        PersonStatusEvent.Status.CONFIRMED,
        PersonStatusEvent.Status.REFUSED,
        PersonStatusEvent.Status.DECEASED,
        PersonStatusEvent.Status.DISPUTED,
    }
)


@transaction.atomic
def status_record(
    *,
    seat: Seat,
    exchange: Exchange,
    status: str,
    link: CandidateLink | None = None,
    record: ListRecord | None = None,
    note: str = "",
) -> PersonStatusEvent:
    """Append a status to a person's log (an accepted link or a single record).

    Mediators record any status on a link or a record; their events are theirs alone. A
    delegation records on records of its own submission only (the holding party confirms the
    people it holds, a requesting side requests), never "exchanged"; its events are seen by it
    and the mediators. Another party's record is not found (404), whatever the status.
    """
    owner, visibility = _status_owner(seat, exchange, status, link, record)
    event = PersonStatusEvent(
        exchange=exchange, link=link, record=record, status=status, note=note,
        recorded_by=seat.membership.user, owner_party=owner, visibility=visibility.value,
    )  # fmt: skip
    event.full_clean()
    if link is not None and link.final != "accept":
        raise ValidationError({"status": "Accept the link before recording a status."})
    event.save()
    target = {"link": link.pk} if link is not None else {"record": record.pk if record else None}
    _audit(seat, "exchange.status.record", event, {"status": status, **target},
           exchange.process_id)  # fmt: skip
    return event


def _status_owner(
    seat: Seat,
    exchange: Exchange,
    status: str,
    link: CandidateLink | None,
    record: ListRecord | None,
) -> tuple[Any, Visibility]:
    """Who owns a new status event and who sees it; refuses what the seat may not record."""
    if record is not None and record.exchange_list.exchange_id != exchange.pk:
        raise Http404("Not a record of this exchange")
    if seat.is_mediator:
        return None, Visibility.OWN
    if link is not None or record is None or seat.party is None:
        raise Http404("Only mediators record statuses on links")
    if record.owner_party_id != seat.party.pk:
        raise Http404("Not your record")
    if status not in DELEGATION_STATUSES:
        raise ValidationError({"status": "Only the mediator records that a person was exchanged."})
    return seat.party, Visibility.MEDIATOR


@transaction.atomic
def record_view_log(*, seat: Seat, record: ListRecord) -> None:
    """Every view of a record page is audited (who looked at which detainee)."""
    _audit(seat, "exchange.record.view", record, {"record": record.pk},
           record.exchange_list.exchange.process_id)  # fmt: skip


@transaction.atomic
def export_log(*, seat: Seat, exchange: Exchange, rows: int) -> None:
    """Every export of the reconciled list is audited."""
    _audit(seat, "exchange.export", exchange, {"rows": rows}, exchange.process_id)


@transaction.atomic
def records_read_log(*, seat: Seat, exchange_list: ExchangeList, rows: int) -> None:
    """A whole list read through the API is audited like an export: who took which names."""
    _audit(seat, "exchange.records.read", exchange_list, {"rows": rows},
           exchange_list.exchange.process_id)  # fmt: skip
