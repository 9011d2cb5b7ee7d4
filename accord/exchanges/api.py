"""API of the exchanges: lists (own side or mediator), links (mediators), review decisions."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema

from accord.core.ids import Id
from accord.exchanges import selectors, services
from accord.talks.access import access_process

router = Router(tags=["exchanges"])


class ExchangeOut(Schema):
    id: int
    title: str
    agreed_number: int
    visibility: str
    illustrative: bool


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
    return list(selectors.record_list(seat=seat, exchange_list=exchange_list))


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
