"""Writes to the negotiation table. Each runs in one transaction and appends an audit entry.

Setup services (`process_create`, `party_add`, ...) take an `actor` (a user, or None for the
system, e.g. the demo loader); content services take the acting `seat`, which decides who owns
the record and whether the action is allowed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404

from accord.domain.visibility import Role, Visibility
from accord.talks.access import Seat, require_mediator
from accord.talks.models import (
    Issue,
    Membership,
    Minutes,
    Note,
    Option,
    Party,
    Person,
    Position,
    Process,
    Round,
    Session,
    WorkingGroup,
)
from accord.talks.records import record_save, record_widen, seat_owner


@transaction.atomic
def process_create(*, actor: Any, name: str, description: str = "", host: str = "") -> Process:
    process = Process(name=name, description=description, host=host)
    return record_save(process, actor=actor, action="process.create", process_id=None)


@transaction.atomic
def party_add(
    *,
    actor: Any,
    process: Process,
    name: str,
    code: str,
    kind: str = Party.Kind.PARTY,
    also_broker: bool = False,
) -> Party:
    party = Party(process=process, name=name, code=code, kind=kind, also_broker=also_broker)
    return record_save(party, actor=actor, action="party.add", process_id=process.pk)


@transaction.atomic
def person_add(
    *, actor: Any, process: Process, name: str, title: str = "", party: Party | None = None
) -> Person:
    person = Person(process=process, name=name, title=title, party=party)
    return record_save(person, actor=actor, action="person.add", process_id=process.pk)


@transaction.atomic
def membership_grant(
    *, actor: Any, process: Process, user: AbstractBaseUser, role: Role, party: Party | None
) -> Membership:
    """Give `user` a seat; delegation seats must speak for a party of this process."""
    if role is Role.DELEGATION and party is None:
        raise ValidationError({"party": "A delegation seat needs a party."})
    if party is not None and party.process_id != process.pk:
        raise ValidationError({"party": "That party belongs to another process."})
    membership = Membership(user=user, process=process, role=role.value, party=party)
    return record_save(membership, actor=actor, action="membership.grant", process_id=process.pk)


@transaction.atomic
def round_add(
    *,
    actor: Any,
    process: Process,
    number: int,
    title: str,
    place: str = "",
    starts_on: date | None = None,
    ends_on: date | None = None,
    outcome: str = "",
) -> Round:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": "A round cannot end before it starts."})
    round_ = Round(
        process=process,
        number=number,
        title=title,
        place=place,
        starts_on=starts_on,
        ends_on=ends_on,
        outcome=outcome,
    )
    return record_save(round_, actor=actor, action="round.add", process_id=process.pk)


@transaction.atomic
def working_group_add(
    *, actor: Any, process: Process, name: str, mandate: str = "", parties: list[Party] = ()
) -> WorkingGroup:
    group = record_save(
        WorkingGroup(process=process, name=name, mandate=mandate),
        actor=actor,
        action="working_group.add",
        process_id=process.pk,
    )
    group.parties.set(parties)
    return group


@transaction.atomic
def session_add(
    *,
    actor: Any,
    round: Round,
    title: str,
    format: str,
    date: date | None = None,
    working_group: WorkingGroup | None = None,
    participants: list[Party] = (),
) -> Session:
    session = record_save(
        Session(round=round, title=title, format=format, date=date, working_group=working_group),
        actor=actor,
        action="session.add",
        process_id=round.process_id,
    )
    session.participants.set(participants)
    return session


@transaction.atomic
def issue_add(
    *,
    actor: Any,
    process: Process,
    title: str,
    description: str = "",
    order: int = 0,
    options: list[str] = (),
) -> Issue:
    issue = record_save(
        Issue(process=process, title=title, description=description, order=order),
        actor=actor,
        action="issue.add",
        process_id=process.pk,
    )
    for label in options:
        record_save(
            Option(issue=issue, label=label),
            actor=actor,
            action="option.add",
            process_id=process.pk,
        )
    return issue


@transaction.atomic
def issue_create(
    *, seat: Seat, title: str, description: str = "", options: list[str] = ()
) -> Issue:
    """A mediator puts an item on the agenda."""
    require_mediator(seat)
    order = Issue.objects.filter(process=seat.process).count() + 1
    return issue_add(
        actor=seat.membership.user,
        process=seat.process,
        title=title,
        description=description,
        order=order,
        options=options,
    )


@transaction.atomic
def position_submit(
    *,
    seat: Seat,
    issue: Issue,
    stance: str,
    option: Option | None = None,
    round: Round | None = None,
    red_lines: str = "",
    flexibility: str = "medium",
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
) -> Position:
    """A delegation records its party's position; earlier positions stay as history."""
    if not seat.is_delegation:
        raise Http404("Only delegations submit positions")
    _check_same_process(seat, issue=issue, round=round)
    if option is not None and option.issue_id != issue.pk:
        raise ValidationError({"option_id": "That option belongs to another issue."})
    position = Position(
        process=seat.process,
        issue=issue,
        round=round,
        option=option,
        stance=stance,
        red_lines=red_lines,
        flexibility=flexibility,
        visibility=Visibility(visibility).value,
        owner_party=seat.party,
        illustrative=illustrative,
        created_by=seat.membership.user,
    )
    return record_save(
        position, actor=seat.membership.user, action="position.submit", process_id=seat.process.pk
    )


@transaction.atomic
def position_share(*, seat: Seat, position: Position, visibility: Visibility) -> Position:
    """Widen who sees a position. Sharing cannot be undone, so narrowing is refused."""
    if position.owner_party_id != seat.membership.party_id or not seat.is_delegation:
        raise Http404("Not found")
    return record_widen(
        position, seat=seat, visibility=visibility, action="position.share", noun="position"
    )


@transaction.atomic
def minutes_add(
    *, seat: Seat, session: Session, body: str, visibility: Visibility = Visibility.OWN
) -> Minutes:
    if session.round.process_id != seat.process.pk:
        raise Http404("Not found")
    minutes = Minutes(
        session=session,
        body=body,
        visibility=Visibility(visibility).value,
        owner_party=seat_owner(seat),
        created_by=seat.membership.user,
    )
    return record_save(
        minutes, actor=seat.membership.user, action="minutes.add", process_id=seat.process.pk
    )


@transaction.atomic
def note_add(
    *,
    seat: Seat,
    title: str,
    body: str,
    issue: Issue | None = None,
    source: str = "",
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
) -> Note:
    _check_same_process(seat, issue=issue)
    note = Note(
        process=seat.process,
        issue=issue,
        title=title,
        body=body,
        source=source,
        visibility=Visibility(visibility).value,
        owner_party=seat_owner(seat),
        illustrative=illustrative,
        created_by=seat.membership.user,
    )
    return record_save(
        note, actor=seat.membership.user, action="note.add", process_id=seat.process.pk
    )


def _check_same_process(seat: Seat, **objects: models.Model | None) -> None:
    """Objects named by id in a request must belong to the seat's process (else 404)."""
    for obj in objects.values():
        if obj is not None and getattr(obj, "process_id", seat.process.pk) != seat.process.pk:
            raise Http404("Not found")
