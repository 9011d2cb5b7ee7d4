"""Register the exchanges' confidential models and route parameters with the crawl.

Lists and records exist only at visibility `mediator` (the submitting side and the mediators) or,
for the mediators' own list, at `own`;
links and mediators' statuses only at `own` owned by the mediators, a delegation's statuses on its
own records at `mediator`: other levels make no record.
"""

from __future__ import annotations

from accord.core.registry import register_confidential, register_url_parameter
from accord.domain.visibility import Role, Visibility
from accord.exchanges import services
from accord.exchanges.models import (
    CandidateLink,
    Exchange,
    ExchangeList,
    ListRecord,
    PersonStatusEvent,
)
from accord.talks.access import Seat
from accord.talks.models import Membership

HOST = "Crawl host exchange"


def _seat(seat: Seat, role: Role, exclude: set[int] = frozenset()) -> Seat | None:
    found = (
        Membership.objects.select_related("process", "party")
        .filter(process=seat.process, role=role.value)
        .exclude(party_id__in=exclude)
        .order_by("party_id", "id")
        .first()
    )
    return Seat(process=found.process, membership=found) if found else None


def _host(seat: Seat) -> Exchange | None:
    existing = Exchange.objects.filter(process=seat.process, title=HOST).first()
    mediator = _seat(seat, Role.MEDIATOR)
    if existing or mediator is None:
        return existing
    return services.exchange_create(
        seat=mediator, title=HOST, agreed_number=2, visibility=Visibility.PARTIES
    )


def _csv(surname: str) -> bytes:
    return f"ID,Surname,Given name,Date of birth\n1,{surname},Ivan,01.02.1990\n".encode()


def _upload(seat: Seat, file_name: str, surname: str) -> ExchangeList:
    return services.list_upload(
        seat=seat, exchange=_host(seat), file_name=file_name, data=_csv(surname)
    )


def _make_exchange(*, seat: Seat, visibility: Visibility, canary: str) -> Exchange | None:
    if not seat.is_mediator:
        return None
    return services.exchange_create(
        seat=seat, title=f"Exchange {canary}", agreed_number=10, visibility=visibility
    )


def _own_level(seat: Seat, visibility: Visibility) -> bool:
    """A delegation's list is seen at `mediator`, the mediators' own list at `own`."""
    if seat.is_delegation:
        return visibility is Visibility.MEDIATOR
    return seat.is_mediator and visibility is Visibility.OWN


def _make_list(*, seat: Seat, visibility: Visibility, canary: str) -> ExchangeList | None:
    if not _own_level(seat, visibility):
        return None
    return _upload(seat, f"list-{canary}.csv", "Host")


def _make_record(*, seat: Seat, visibility: Visibility, canary: str) -> ListRecord | None:
    if not _own_level(seat, visibility):
        return None
    return _upload(seat, "records.csv", canary).records.get()


def _host_link(seat: Seat, note: str) -> CandidateLink | None:
    left = _seat(seat, Role.DELEGATION)
    right = left and _seat(seat, Role.DELEGATION, exclude={left.membership.party_id})
    if right is None:
        return None
    return services.link_propose(
        seat=seat,
        left=_upload(left, "left.csv", "Left").records.get(),
        right=_upload(right, "right.csv", "Right").records.get(),
        note=note,
    )


def _make_link(*, seat: Seat, visibility: Visibility, canary: str) -> CandidateLink | None:
    if not seat.is_mediator or visibility is not Visibility.OWN:
        return None
    return _host_link(seat, f"Link {canary}")


def _make_event(*, seat: Seat, visibility: Visibility, canary: str) -> PersonStatusEvent | None:
    if seat.is_delegation and visibility is Visibility.MEDIATOR:
        record = _upload(seat, "status.csv", "Status").records.get()
        return services.status_record(
            seat=seat, exchange=record.exchange_list.exchange, record=record,
            status="confirmed", note=f"Event {canary}",
        )  # fmt: skip
    if not seat.is_mediator or visibility is not Visibility.OWN:
        return None
    link = _host_link(seat, "Host link")
    if link is None:
        return None
    link = services.link_review(seat=seat, link=link, decision="accept")
    return services.status_record(
        seat=seat, exchange=link.exchange, link=link, status="requested", note=f"Event {canary}"
    )


register_confidential(Exchange, _make_exchange)
register_confidential(ExchangeList, _make_list)
register_confidential(ListRecord, _make_record)
register_confidential(CandidateLink, _make_link)
register_confidential(PersonStatusEvent, _make_event)

for parameter, label in {
    "exchange_id": "exchanges.Exchange",
    "exchange_list_id": "exchanges.ExchangeList",
    "list_record_id": "exchanges.ListRecord",
    "candidate_link_id": "exchanges.CandidateLink",
}.items():
    register_url_parameter(parameter, label)
