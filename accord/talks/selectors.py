"""Reads of the negotiation table, always through a seat and the visibility layer."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from accord.domain.positions import IssueRow, PositionFact, position_matrix
from accord.talks.access import Seat
from accord.talks.models import (
    Issue,
    Minutes,
    Note,
    Party,
    Person,
    Position,
    Process,
    Round,
    Session,
    WorkingGroup,
)


def process_list(*, user: AbstractBaseUser) -> QuerySet[Process]:
    """Processes in which the user has a seat."""
    return Process.objects.filter(memberships__user=user).order_by("name")


def party_list(*, seat: Seat) -> QuerySet[Party]:
    return Party.objects.filter(process=seat.process)


def party_get(*, seat: Seat, party_id: int) -> Party:
    return _get(party_list(seat=seat), party_id)


def person_list(*, seat: Seat) -> QuerySet[Person]:
    return Person.objects.filter(process=seat.process).select_related("party")


def person_get(*, seat: Seat, person_id: int) -> Person:
    return _get(person_list(seat=seat), person_id)


def issue_list(*, seat: Seat) -> QuerySet[Issue]:
    return Issue.objects.filter(process=seat.process).prefetch_related("options")


def issue_get(*, seat: Seat, issue_id: int) -> Issue:
    return _get(issue_list(seat=seat), issue_id)


def working_group_list(*, seat: Seat) -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.filter(process=seat.process).prefetch_related("parties")


def minutes_visible(*, seat: Seat) -> QuerySet[Minutes]:
    return Minutes.objects.visible_to(seat.viewer).select_related("owner_party")


def session_list(*, seat: Seat) -> QuerySet[Session]:
    """Sessions with their participants and only the minutes this seat may read."""
    return (
        Session.objects.filter(round__process=seat.process)
        .select_related("working_group", "round")
        .prefetch_related("participants", Prefetch("minutes", queryset=minutes_visible(seat=seat)))
    )


def round_list(*, seat: Seat) -> QuerySet[Round]:
    """Rounds, each with its sessions prefetched (the timeline)."""
    return Round.objects.filter(process=seat.process).prefetch_related(
        Prefetch("sessions", queryset=session_list(seat=seat))
    )


def round_timeline(*, seat: Seat) -> QuerySet[Round]:
    """Rounds with their sessions' titles, formats and working groups: what the dashboard's
    timeline shows, without the participants and minutes a round's own page reads."""
    sessions = Session.objects.filter(round__process=seat.process).select_related("working_group")
    return Round.objects.filter(process=seat.process).prefetch_related(
        Prefetch("sessions", queryset=sessions)
    )


def round_get(*, seat: Seat, round_id: int) -> Round:
    return _get(round_list(seat=seat), round_id)


def position_list(*, seat: Seat) -> QuerySet[Position]:
    """Every position this seat may see, oldest first."""
    return (
        Position.objects.visible_to(seat.viewer)
        .filter(process=seat.process)
        .select_related("owner_party", "issue", "round", "option")
    )


def position_get(*, seat: Seat, position_id: int) -> Position:
    return _get(position_list(seat=seat), position_id)


def note_list(*, seat: Seat) -> QuerySet[Note]:
    return (
        Note.objects.visible_to(seat.viewer)
        .filter(process=seat.process)
        .select_related("owner_party", "issue")
    )


@dataclass(frozen=True)
class MatrixCell:
    party: Party
    position: Position | None


@dataclass(frozen=True)
class MatrixRow:
    issue: Issue
    state: str
    cells: list[MatrixCell]


def matrix_rows(*, seat: Seat) -> tuple[list[Party], list[MatrixRow]]:
    """The issues x parties matrix of latest visible positions with each issue's state."""
    parties = list(party_list(seat=seat).filter(kind=Party.Kind.PARTY))
    issues = list(issue_list(seat=seat))
    positions = {p.pk: p for p in position_list(seat=seat)}
    facts = [
        PositionFact(p.pk, p.issue_id, p.owner_party_id, p.option_id, p.created_at)
        for p in positions.values()
        if p.owner_party_id is not None
    ]
    rows = position_matrix([i.pk for i in issues], facts)
    return parties, [
        _matrix_row(issue, row, parties, positions) for issue, row in zip(issues, rows, strict=True)
    ]


def _matrix_row(
    issue: Issue, row: IssueRow, parties: list[Party], positions: dict[int, Position]
) -> MatrixRow:
    cells = []
    for party in parties:
        fact = row.latest.get(party.pk)
        cells.append(
            MatrixCell(party=party, position=positions[fact.position_id] if fact else None)
        )
    return MatrixRow(issue=issue, state=row.state.value, cells=cells)


def _get[T](queryset: QuerySet[T], pk: int) -> T:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404("Not found")
    return found
