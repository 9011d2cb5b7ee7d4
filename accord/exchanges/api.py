"""API of the exchanges: lists (own side or mediator) and their upload, links (mediators),
review decisions, and each person's status log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import wraps
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseBase
from ninja import Field, File, Form, Router, Schema, Status, UploadedFile
from ninja.decorators import decorate_view

from accord.core.ids import Id
from accord.exchanges import selectors, services
from accord.exchanges.models import PersonStatusEvent
from accord.exchanges.uploads import limit_uploads, refusal, refused_file
from accord.talks.access import access_process

router = Router(tags=["exchanges"])

#: The six statuses of a person's log, as values (an enum type would add a shared schema name).
StatusValue = Literal[tuple(PersonStatusEvent.Status.values)]


class ExchangeOut(Schema):
    id: int
    title: str
    agreed_number: int
    visibility: str
    illustrative: bool


class ListWarningOut(Schema):
    """A reading problem the engine reported (row and column when it has them); never fatal."""

    row: int | None = None
    column: str = ""
    message: str


class ListOut(Schema):
    id: int
    exchange_id: int
    party_id: int | None = Field(None, alias="owner_party_id")
    file_name: str
    sha256: str
    id_column: str
    columns: dict[str, str]
    record_count: int
    uploaded_at: datetime
    warnings: list[ListWarningOut]


class RecordOut(Schema):
    id: int
    row: int
    record_key: str
    surname: str
    given_name: str
    patronymic: str
    birth_date: str
    document: str
    military_number: str
    latin: str
    category: str
    duplicate_group: int | None
    raw: dict[str, str]


class FieldOut(Schema):
    field: str
    left: str
    right: str
    level: str
    similarity: float
    weight: float


class LinkOut(Schema):
    id: int
    left_id: int
    right_id: int
    score: float
    decision: str
    reviewer_decision: str
    final: str
    note: str
    explanation: list[FieldOut]


class DecisionIn(Schema):
    decision: Literal["accept", "reject"]


class PersonStatusOut(Schema):
    id: int
    exchange_id: int
    link_id: int | None
    record_id: int | None
    status: str
    note: str
    party_id: int | None = Field(None, alias="owner_party_id")
    visibility: str
    recorded_at: datetime


class PersonStatusIn(Schema):
    status: StatusValue
    note: str = Field("", max_length=400)


class UploadProblemOut(Schema):
    loc: list[str]
    msg: str


class UploadErrorOut(Schema):
    detail: list[UploadProblemOut]


@router.get("/{process_id}/", response=list[ExchangeOut])
def exchanges(request: HttpRequest, process_id: Id):
    seat = access_process(request.user, process_id)
    return list(selectors.exchange_list(seat=seat))


@router.get("/{process_id}/lists", response=list[ListOut])
def lists(request: HttpRequest, process_id: Id):
    """The lists this seat may see: its own side's, or every list for a mediator."""
    seat = access_process(request.user, process_id)
    return list(selectors.list_list(seat=seat))


@router.get("/{process_id}/lists/{exchange_list_id}/records", response=list[RecordOut])
def records(request: HttpRequest, process_id: Id, exchange_list_id: Id):
    seat = access_process(request.user, process_id)
    exchange_list = selectors.list_get(seat=seat, exchange_list_id=exchange_list_id)
    found = list(selectors.record_list(seat=seat, exchange_list=exchange_list))
    services.records_read_log(seat=seat, exchange_list=exchange_list, rows=len(found))
    return found


@router.get("/{process_id}/{exchange_id}/links", response=list[LinkOut])
def links(request: HttpRequest, process_id: Id, exchange_id: Id):
    """Candidate links with their explanation (mediators only; 404 for anyone else)."""
    seat = access_process(request.user, process_id)
    exchange = selectors.exchange_get(seat=seat, exchange_id=exchange_id)
    return list(selectors.link_list(seat=seat, exchange=exchange))


@router.post("/{process_id}/links/{candidate_link_id}/decision", response=LinkOut)
def decision(request: HttpRequest, process_id: Id, candidate_link_id: Id, payload: DecisionIn):
    seat = access_process(request.user, process_id)
    link = selectors.link_get(seat=seat, candidate_link_id=candidate_link_id)
    return services.link_review(seat=seat, link=link, decision=payload.decision)


@router.get("/{process_id}/links/{candidate_link_id}/statuses", response=list[PersonStatusOut])
def link_statuses(request: HttpRequest, process_id: Id, candidate_link_id: Id):
    """A linked person's log: events on the link and on both its records (mediators only)."""
    seat = access_process(request.user, process_id)
    link = selectors.link_get(seat=seat, candidate_link_id=candidate_link_id)
    return list(selectors.events_of(seat=seat, link=link))


@router.post("/{process_id}/links/{candidate_link_id}/statuses", response={201: PersonStatusOut})
def link_status(
    request: HttpRequest, process_id: Id, candidate_link_id: Id, payload: PersonStatusIn
):
    """Append a status to an accepted link (mediators only; an unaccepted link is a 400)."""
    seat = access_process(request.user, process_id)
    link = selectors.link_get(seat=seat, candidate_link_id=candidate_link_id)
    event = services.status_record(
        seat=seat, exchange=link.exchange, link=link, status=payload.status,
        note=payload.note,
    )  # fmt: skip
    return Status(201, event)


@router.get("/{process_id}/records/{list_record_id}/statuses", response=list[PersonStatusOut])
def record_statuses(request: HttpRequest, process_id: Id, list_record_id: Id):
    """A record's log as the seat may see it (a delegation: its own events on its own records)."""
    seat = access_process(request.user, process_id)
    record = selectors.record_get(seat=seat, list_record_id=list_record_id)
    return list(selectors.record_events(seat=seat, record=record))


@router.post("/{process_id}/records/{list_record_id}/statuses", response={201: PersonStatusOut})
def record_status(
    request: HttpRequest, process_id: Id, list_record_id: Id, payload: PersonStatusIn
):
    """Append a status to a record: a delegation on its own submission (never "exchanged"),
    a mediator on any record it sees."""
    seat = access_process(request.user, process_id)
    record = selectors.record_get(seat=seat, list_record_id=list_record_id)
    event = services.status_record(
        seat=seat, exchange=record.exchange_list.exchange, record=record,
        status=payload.status, note=payload.note,
    )  # fmt: skip
    return Status(201, event)


def _size_limited(run: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Install the streaming size limit before anything reads the body (the session CSRF check
    of authentication reads it before the operation's parameters do)."""

    @wraps(run)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        limit_uploads(request, services.MAX_UPLOAD_BYTES)
        return run(request, *args, **kwargs)

    return limited


def _too_large(file_name: str) -> Status:
    message = refusal(file_name, services.MAX_UPLOAD_BYTES)
    return Status(413, {"detail": [{"loc": ["body", "file"], "msg": message}]})


@router.post("/{process_id}/{exchange_id}/lists", response={201: ListOut, 413: UploadErrorOut})
@decorate_view(_size_limited)
def upload(
    request: HttpRequest,
    process_id: Id,
    exchange_id: Id,
    file: File[UploadedFile | None] = None,
    id_column: str = Form("", max_length=200),
):
    """Submit a list (multipart `file`, CSV or XLSX; `id_column` names the id header, default
    the first): a delegation's side, or the mediators' own list. A file over the limit is
    refused while it streams in (413); one the engine cannot read is a 400; neither stores
    anything."""
    seat = access_process(request.user, process_id)
    exchange = selectors.exchange_get(seat=seat, exchange_id=exchange_id)
    services.list_submitter(seat)
    refused = refused_file(request)
    if refused:
        return _too_large(refused)
    if file is None:
        raise ValidationError({"file": "Attach the list as a CSV or XLSX file."})
    created = services.list_upload(
        seat=seat, exchange=exchange, file_name=file.name or "list", data=file.read(),
        id_column=id_column or None,
    )  # fmt: skip
    return Status(201, selectors.list_get(seat=seat, exchange_list_id=created.pk))
