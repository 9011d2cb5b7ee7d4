"""Reads of the exchanges, always through the seat: `visible_to(seat.viewer)` on every query.

Counts are computed from visible rows only; the reconciliation summary (links, persons,
categories) exists only for mediators, who alone see links.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accord.exchanges.models import (
    CandidateLink,
    Exchange,
    ExchangeList,
    ListRecord,
    PersonStatusEvent,
)
from accord.exchanges.services import sides
from accord.talks.access import Seat, require_mediator


def exchange_list(*, seat: Seat) -> QuerySet[Exchange]:
    return Exchange.objects.visible_to(seat.viewer).filter(process=seat.process)


def exchange_get(*, seat: Seat, exchange_id: int) -> Exchange:
    return get_object_or_404(exchange_list(seat=seat), pk=exchange_id)


def list_list(*, seat: Seat, exchange: Exchange | None = None) -> QuerySet[ExchangeList]:
    lists = ExchangeList.objects.visible_to(seat.viewer).filter(
        exchange__in=exchange_list(seat=seat)
    )
    if exchange is not None:
        lists = lists.filter(exchange=exchange)
    # The stored file (up to 20 MiB) is read only where it is re-parsed (a remap), not to list.
    lists = lists.defer("content").select_related("owner_party", "exchange")
    return lists.annotate(record_count=Count("records"))


def list_get(*, seat: Seat, exchange_list_id: int) -> ExchangeList:
    return get_object_or_404(list_list(seat=seat), pk=exchange_list_id)


def record_list(*, seat: Seat, exchange_list: ExchangeList) -> QuerySet[ListRecord]:
    records = ListRecord.objects.visible_to(seat.viewer).filter(exchange_list=exchange_list)
    return records.select_related("exchange_list__owner_party")


def record_get(*, seat: Seat, list_record_id: int) -> ListRecord:
    records = ListRecord.objects.visible_to(seat.viewer).filter(
        exchange_list__in=list_list(seat=seat)
    )
    return get_object_or_404(
        records.select_related("exchange_list__exchange", "owner_party"), pk=list_record_id
    )


def link_list(*, seat: Seat, exchange: Exchange) -> QuerySet[CandidateLink]:
    require_mediator(seat)
    return (
        CandidateLink.objects.visible_to(seat.viewer)
        .filter(exchange=exchange)
        .select_related(
            "left__exchange_list__owner_party", "right__exchange_list__owner_party", "reviewed_by"
        )
    )


def review_queue(*, seat: Seat, exchange: Exchange) -> QuerySet[CandidateLink]:
    return link_list(seat=seat, exchange=exchange).filter(
        decision=CandidateLink.Decision.REVIEW, reviewer_decision=""
    )


def link_get(*, seat: Seat, candidate_link_id: int) -> CandidateLink:
    if not seat.is_mediator:
        raise Http404("Not found")
    links = CandidateLink.objects.visible_to(seat.viewer).filter(
        exchange__in=exchange_list(seat=seat)
    )
    return get_object_or_404(
        links.select_related("exchange", "left__exchange_list", "right__exchange_list"),
        pk=candidate_link_id,
    )


def events_of(*, seat: Seat, link: CandidateLink) -> QuerySet[PersonStatusEvent]:
    """The person's log: events on the link and on either of its records, oldest first."""
    events = PersonStatusEvent.objects.visible_to(seat.viewer).filter(
        Q(link=link) | Q(record_id__in=[link.left_id, link.right_id])
    )
    return events.select_related("owner_party", "record").order_by("recorded_at", "id")


def record_events(*, seat: Seat, record: ListRecord) -> QuerySet[PersonStatusEvent]:
    """The events of one record the seat may see (a delegation: its own and none other)."""
    events = PersonStatusEvent.objects.visible_to(seat.viewer).filter(record=record)
    return events.select_related("owner_party").order_by("recorded_at", "id")


def latest_statuses(*, seat: Seat, records: list[ListRecord]) -> dict[int, str]:
    """Latest visible status (display label) per record id, in one query."""
    events = PersonStatusEvent.objects.visible_to(seat.viewer).filter(
        record_id__in=[r.pk for r in records]
    )
    labels = dict(PersonStatusEvent.Status.choices)
    latest: dict[int, str] = {}
    for record_id, status in events.order_by("recorded_at", "id").values_list(
        "record_id", "status"
    ):
        latest[record_id] = labels.get(status, status)
    return latest


@dataclass
class Person:
    """A resolved person: an accepted link (two records) or a record found on one side only."""

    records: list[ListRecord]
    link: CandidateLink | None = None
    status: str = ""

    @property
    def category(self) -> str:
        return next((r.category for r in self.records if r.category), "")


@dataclass
class Summary:
    """Where an exchange stands: agreed against reconciled, per category, from persons."""

    agreed: int
    reconciled: int = 0
    in_review: int = 0
    rejected: int = 0
    single: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    single_categories: dict[str, int] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    against_mediator: dict[str, dict[str, int]] = field(default_factory=dict)
    mediator_of: dict[int, str] = field(default_factory=dict)  # side record -> mediators' id

    @property
    def queue(self) -> int:
        """Pairs awaiting review, the mediator's own list's included."""
        return self.in_review + sum(c["review"] for c in self.against_mediator.values())

    @property
    def difference(self) -> int:
        return self.agreed - self.reconciled


def _latest_status(exchange: Exchange, seat: Seat) -> dict[tuple[str, int], tuple[int, str]]:
    """(order, status) of the latest event per link and per record."""
    events = PersonStatusEvent.objects.visible_to(seat.viewer).filter(exchange=exchange)
    latest: dict[tuple[str, int], tuple[int, str]] = {}
    rows = events.order_by("recorded_at", "id").values_list("link_id", "record_id", "status")
    for order, (link_id, record_id, status) in enumerate(rows):
        latest[("link", link_id) if link_id else ("record", record_id)] = (order, status)
    return latest


def _person_status(latest: dict[tuple[str, int], tuple[int, str]], *keys: tuple[str, int]) -> str:
    """The latest status among a person's link and records (a side's own log included)."""
    found = [latest[key] for key in keys if key in latest]
    return max(found)[1] if found else ""


def summary(*, seat: Seat, exchange: Exchange) -> Summary:
    """Persons, not rows: an accepted pair is one person, a repeat within a list counts once."""
    require_mediator(seat)
    all_links = list(link_list(seat=seat, exchange=exchange))
    between_sides = [link for link in all_links if not _against_mediator(link)]
    latest = _latest_status(exchange, seat)
    result = Summary(agreed=exchange.agreed_number)
    result.against_mediator = _mediator_counts(all_links)
    result.mediator_of = {
        link.left_id: link.right.record_key
        for link in all_links
        if _against_mediator(link) and link.final == "accept"
    }
    links = between_sides
    linked: set[int] = set()
    for link in links:
        final = link.final
        if final == "accept":
            status = _person_status(
                latest, ("link", link.pk), ("record", link.left_id), ("record", link.right_id)
            )
            result.persons.append(Person([link.left, link.right], link, status))
            linked |= {link.left_id, link.right_id}
        elif final == "review":
            result.in_review += 1
            linked |= {link.left_id, link.right_id}
        else:
            result.rejected += 1
    result.reconciled = len(result.persons)
    for exchange_list in sides(exchange):
        _singles(seat, exchange_list, linked, latest, result)
    paired = [person for person in result.persons if person.link is not None]
    alone = [person for person in result.persons if person.link is None]
    result.categories = dict(Counter(person.category or "unknown" for person in paired))
    result.single_categories = dict(Counter(person.category or "unknown" for person in alone))
    return result


def _against_mediator(link: CandidateLink) -> bool:
    return link.right.exchange_list.owner_party_id is None


def _mediator_counts(links: list[CandidateLink]) -> dict[str, dict[str, int]]:
    """Per side: links to the mediator's own list accepted, in review and rejected."""
    counts: dict[str, dict[str, int]] = {}
    for link in links:
        if _against_mediator(link):
            side = counts.setdefault(
                link.left.exchange_list.owner_party.name, {"accept": 0, "review": 0, "reject": 0}
            )
            side[link.final] += 1
    return counts


def _singles(seat, exchange_list, linked, latest, result: Summary) -> None:
    """Records on one side only; a flagged repeat of a linked or counted record is skipped."""
    seen_groups: set[int] = set()
    records = list(record_list(seat=seat, exchange_list=exchange_list))
    linked_groups = {r.duplicate_group for r in records if r.pk in linked and r.duplicate_group}
    count = 0
    for record in records:
        if record.pk in linked:
            continue
        group = record.duplicate_group
        if group and (group in linked_groups or group in seen_groups):
            continue
        if group:
            seen_groups.add(group)
        status = _person_status(latest, ("record", record.pk))
        result.persons.append(Person([record], None, status))
        count += 1
    result.single[exchange_list.owner_party.name] = count
