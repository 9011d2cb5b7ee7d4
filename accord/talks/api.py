"""API of the negotiation table: thin handlers over selectors and services."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from accord.core.ids import Id
from accord.domain.visibility import Visibility
from accord.talks import selectors, services
from accord.talks.access import access_process

router = Router(tags=["talks"])


class ProcessOut(Schema):
    id: int
    name: str
    description: str
    host: str


class SeatOut(Schema):
    role: str
    party_id: int | None


class ProcessDetailOut(ProcessOut):
    seat: SeatOut


class PartyOut(Schema):
    id: int
    name: str
    code: str
    kind: str
    also_broker: bool


class PersonOut(Schema):
    id: int
    name: str
    title: str
    party_id: int | None


class OptionOut(Schema):
    id: int
    label: str


class IssueOut(Schema):
    id: int
    title: str
    description: str
    options: list[OptionOut]


class SessionOut(Schema):
    id: int
    title: str
    format: str
    date: date | None
    working_group_id: int | None


class RoundOut(Schema):
    id: int
    number: int
    title: str
    place: str
    starts_on: date | None
    ends_on: date | None
    outcome: str
    sessions: list[SessionOut]


class PositionOut(Schema):
    id: int
    issue_id: int
    party_id: int | None = Field(None, alias="owner_party_id")
    round_id: int | None
    option_id: int | None
    stance: str
    red_lines: str
    flexibility: str
    visibility: str
    illustrative: bool
    created_at: datetime


class ProcessNoteOut(Schema):
    id: int
    issue_id: int | None
    party_id: int | None = Field(None, alias="owner_party_id")
    title: str
    body: str
    source: str
    visibility: str
    illustrative: bool


class PositionIn(Schema):
    issue_id: Id
    stance: str = Field(..., min_length=1, max_length=20000)
    option_id: Id | None = None
    round_id: Id | None = None
    red_lines: str = Field("", max_length=20000)
    flexibility: str = Field("medium", pattern="^(none|low|medium|high)$")
    visibility: Visibility = Visibility.OWN


class ShareIn(Schema):
    visibility: Visibility


class NoteIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    body: str = Field(..., min_length=1, max_length=50000)
    issue_id: Id | None = None
    source: str = Field("", max_length=300)
    visibility: Visibility = Visibility.OWN


class IssueIn(Schema):
    title: str = Field(..., min_length=1, max_length=160)
    description: str = Field("", max_length=20000)
    options: list[str] = Field(default_factory=list, max_length=50)


class MatrixCellOut(Schema):
    party_id: int
    position_id: Id | None


class MatrixRowOut(Schema):
    issue_id: int
    state: str
    cells: list[MatrixCellOut]


@router.get("", response=list[ProcessOut])
def list_processes(request: HttpRequest):
    return selectors.process_list(user=request.user)


@router.get("/{process_id}", response=ProcessDetailOut)
def get_process(request: HttpRequest, process_id: Id):
    seat = access_process(request.user, process_id)
    process = seat.process
    return {
        "id": process.pk,
        "name": process.name,
        "description": process.description,
        "host": process.host,
        "seat": {"role": seat.role.value, "party_id": seat.membership.party_id},
    }


@router.get("/{process_id}/parties", response=list[PartyOut])
def list_parties(request: HttpRequest, process_id: Id):
    return selectors.party_list(seat=access_process(request.user, process_id))


@router.get("/{process_id}/people", response=list[PersonOut])
def list_people(request: HttpRequest, process_id: Id):
    return selectors.person_list(seat=access_process(request.user, process_id))


@router.get("/{process_id}/rounds", response=list[RoundOut])
def list_rounds(request: HttpRequest, process_id: Id):
    return selectors.round_list(seat=access_process(request.user, process_id))


@router.get("/{process_id}/issues", response=list[IssueOut])
def list_issues(request: HttpRequest, process_id: Id):
    return selectors.issue_list(seat=access_process(request.user, process_id))


@router.post("/{process_id}/issues", response={201: IssueOut})
def create_issue(request: HttpRequest, process_id: Id, payload: IssueIn):
    seat = access_process(request.user, process_id)
    issue = services.issue_create(
        seat=seat, title=payload.title, description=payload.description, options=payload.options
    )
    return Status(201, issue)


@router.get("/{process_id}/positions", response=list[PositionOut])
def list_positions(request: HttpRequest, process_id: Id, issue_id: Id | None = None):
    positions = selectors.position_list(seat=access_process(request.user, process_id))
    return positions.filter(issue_id=issue_id) if issue_id is not None else positions


@router.get("/{process_id}/positions/{position_id}", response=PositionOut)
def get_position(request: HttpRequest, process_id: Id, position_id: Id):
    seat = access_process(request.user, process_id)
    return selectors.position_get(seat=seat, position_id=position_id)


@router.post("/{process_id}/positions", response={201: PositionOut})
def submit_position(request: HttpRequest, process_id: Id, payload: PositionIn):
    seat = access_process(request.user, process_id)
    issue = selectors.issue_get(seat=seat, issue_id=payload.issue_id)
    option = issue.options.filter(pk=payload.option_id).first() if payload.option_id else None
    if payload.option_id and option is None:
        raise ValidationError({"option_id": "No such option on this issue."})
    round_ = selectors.round_get(seat=seat, round_id=payload.round_id) if payload.round_id else None
    position = services.position_submit(
        seat=seat,
        issue=issue,
        stance=payload.stance,
        option=option,
        round=round_,
        red_lines=payload.red_lines,
        flexibility=payload.flexibility,
        visibility=payload.visibility,
    )
    return Status(201, position)


@router.post("/{process_id}/positions/{position_id}/share", response=PositionOut)
def share_position(request: HttpRequest, process_id: Id, position_id: Id, payload: ShareIn):
    seat = access_process(request.user, process_id)
    position = selectors.position_get(seat=seat, position_id=position_id)
    return services.position_share(seat=seat, position=position, visibility=payload.visibility)


@router.get("/{process_id}/notes", response=list[ProcessNoteOut])
def list_notes(request: HttpRequest, process_id: Id):
    return selectors.note_list(seat=access_process(request.user, process_id))


@router.post("/{process_id}/notes", response={201: ProcessNoteOut})
def add_note(request: HttpRequest, process_id: Id, payload: NoteIn):
    seat = access_process(request.user, process_id)
    issue = selectors.issue_get(seat=seat, issue_id=payload.issue_id) if payload.issue_id else None
    note = services.note_add(
        seat=seat,
        title=payload.title,
        body=payload.body,
        issue=issue,
        source=payload.source,
        visibility=payload.visibility,
    )
    return Status(201, note)


@router.get("/{process_id}/matrix", response=list[MatrixRowOut])
def get_matrix(request: HttpRequest, process_id: Id):
    _parties, rows = selectors.matrix_rows(seat=access_process(request.user, process_id))
    return [
        {
            "issue_id": row.issue.pk,
            "state": row.state,
            "cells": [
                {"party_id": c.party.pk, "position_id": c.position.pk if c.position else None}
                for c in row.cells
            ],
        }
        for row in rows
    ]
