"""What a provision links to, read through each owning app's selectors (never around them).

A provision may name the released text clause it came from, an exchange and a truce. The
agreement's owner wrote the link, but the linked record keeps its own confidentiality: a seat
sees the clause text only if the texts app lets it read that version, and an exchange's counts
only as far as the exchanges app lets it see rows (aggregates only, never a person).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from accord.domain.text import Document, State, clause_state, parse, render_segments, resolve
from accord.exchanges import selectors as exchange_selectors
from accord.exchanges.models import Exchange, PersonStatusEvent
from accord.talks.access import Seat
from accord.texts import selectors as text_selectors
from accord.texts.models import TextVersion
from accord.truces import selectors as truce_selectors
from accord.truces.models import Truce


def released_versions(*, seat: Seat):
    """Versions of the negotiating text this seat may read that have been released."""
    return text_selectors.version_list(seat=seat).filter(released_at__isnull=False)


def readable_version(*, seat: Seat, version_id: int | None) -> TextVersion | None:
    if version_id is None:
        return None
    return released_versions(seat=seat).filter(pk=version_id).first()


def visible_exchange(*, seat: Seat, exchange_id: int | None) -> Exchange | None:
    if exchange_id is None:
        return None
    return exchange_selectors.exchange_list(seat=seat).filter(pk=exchange_id).first()


def visible_truce(*, seat: Seat, truce_id: int | None) -> Truce | None:
    if truce_id is None:
        return None
    return truce_selectors.truce_list(seat=seat).filter(pk=truce_id).first()


@dataclass(frozen=True)
class VisibleLinks:
    """Ids of the linked records a seat may read, for a batch of provisions (three queries)."""

    versions: frozenset[int]
    exchanges: frozenset[int]
    truces: frozenset[int]


def visible_links(*, seat: Seat, provisions: list) -> VisibleLinks:
    """Which of the provisions' linked versions, exchanges and truces the seat may read, each
    asked of its own app's selectors (the same rules as the provision page)."""

    def ids(queryset, wanted: set[int]) -> frozenset[int]:
        if not wanted:
            return frozenset()
        return frozenset(queryset.filter(pk__in=wanted).values_list("pk", flat=True))

    def linked(attribute: str) -> set[int]:
        return {getattr(p, attribute) for p in provisions if getattr(p, attribute) is not None}

    return VisibleLinks(
        ids(released_versions(seat=seat), linked("text_version_id")),
        ids(exchange_selectors.exchange_list(seat=seat), linked("exchange_id")),
        ids(truce_selectors.truce_list(seat=seat), linked("truce_id")),
    )


@dataclass(frozen=True)
class AgreedClause:
    number: str
    wording: str


def agreed_clauses(*, seat: Seat, version: TextVersion) -> list[AgreedClause]:
    """The clauses of `version` every party has accepted (in the marks this seat may see),
    each with the agreed reading's wording (brackets resolved)."""
    acceptance = text_selectors.acceptance(seat=seat, text=version.text)
    agreed = []
    for clause in parse(version.notation).clauses():
        state, reading = clause_state(clause, acceptance)
        if state == State.AGREED and reading is not None:
            agreed.append(
                AgreedClause(clause.number, render_segments(resolve(clause, reading).segments))
            )
    return agreed


def clause_numbers(version: TextVersion) -> list[str]:
    return [clause.number for clause in parse(version.notation).clauses()]


def check_clause(*, seat: Seat, version: TextVersion | None, number: str) -> None:
    """A link names a clause of a released version the seat may read, or nothing at all."""
    if version is None and not number:
        return
    if version is None or readable_version(seat=seat, version_id=version.pk) is None:
        raise ValidationError({"clause": "No released text version you can read has that id."})
    if number not in clause_numbers(version):
        raise ValidationError(
            {"clause": f"Version {version.number} of {version.text} has no clause {number!r}."}
        )


@dataclass(frozen=True)
class ClauseView:
    number: str
    version: TextVersion | None  # None: the seat may not read the linked version
    wording: str = ""
    agreed: bool = False


def clause_view(*, seat: Seat, version_id: int | None, number: str) -> ClauseView | None:
    """The linked clause as this seat may read it: its wording (the agreed reading when every
    party accepted it, else the notation with brackets), or only its number."""
    if version_id is None:
        return None
    version = readable_version(seat=seat, version_id=version_id)
    if version is None:
        return ClauseView(number, None)
    document: Document = parse(version.notation)
    try:
        clause = document.clause(number)
    except KeyError:
        return ClauseView(number, version, "")
    state, reading = clause_state(clause, text_selectors.acceptance(seat=seat, text=version.text))
    if state == State.AGREED and reading is not None:
        return ClauseView(number, version, render_segments(resolve(clause, reading).segments), True)
    return ClauseView(number, version, render_segments(clause.segments))


@dataclass(frozen=True)
class ExchangeCounts:
    """An exchange as evidence: aggregates only. `reconciled`/`exchanged` are None when the
    seat may not see the reconciliation (delegations see only their own lists' sizes)."""

    exchange: Exchange
    agreed: int
    reconciled: int | None = None
    in_review: int | None = None
    exchanged: int | None = None
    lists: dict[str, int] = field(default_factory=dict)


def exchange_counts(*, seat: Seat, exchange: Exchange) -> ExchangeCounts:
    lists = {
        (item.owner_party.name if item.owner_party else "Mediators"): item.record_count
        for item in exchange_selectors.list_list(seat=seat, exchange=exchange)
    }
    if not seat.is_mediator:
        return ExchangeCounts(exchange, exchange.agreed_number, lists=lists)
    summary = exchange_selectors.summary(seat=seat, exchange=exchange)
    exchanged = sum(1 for p in summary.persons if p.status == PersonStatusEvent.Status.EXCHANGED)
    return ExchangeCounts(
        exchange, summary.agreed, summary.reconciled, summary.in_review, exchanged, lists
    )
