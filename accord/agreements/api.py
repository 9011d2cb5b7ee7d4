"""API of the agreement register: thin handlers over selectors and services."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from accord.agreements import selectors, services
from accord.core.ids import Id
from accord.domain.visibility import Visibility
from accord.talks.access import access_process
from accord.talks.selectors import party_get

router = Router(tags=["agreements"])


class AgreementOut(Schema):
    id: int
    title: str
    summary: str
    source_reference: str
    concluded_on: date | None
    party_id: int | None = Field(None, alias="owner_party_id")
    visibility: str
    illustrative: bool


class ProvisionOut(Schema):
    id: int
    number: int
    obligor_id: int | None
    action: str
    due_on: date | None
    verifier: str
    clause_reference: str


class StatusOut(Schema):
    id: int
    provision_id: int
    level: int
    as_of: date
    evidence: str
    links: str
    party_id: int | None = Field(None, alias="owner_party_id")
    visibility: str


class AgreementIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    summary: str = Field("", max_length=20000)
    source_reference: str = Field("", max_length=300)
    concluded_on: date | None = None
    visibility: Visibility = Visibility.OWN


class ProvisionIn(Schema):
    action: str = Field(..., min_length=1, max_length=20000)
    obligor_id: Id | None = None
    due_on: date | None = None
    verifier: str = Field("", max_length=200)
    clause_reference: str = Field("", max_length=200)


class StatusIn(Schema):
    level: int = Field(..., ge=0, le=3)
    as_of: date
    evidence: str = Field(..., min_length=1, max_length=20000)
    links: str = Field("", max_length=20000)
    visibility: Visibility = Visibility.OWN


@router.get("/{process_id}", response=list[AgreementOut])
def list_agreements(request: HttpRequest, process_id: Id):
    return selectors.agreement_list(seat=access_process(request.user, process_id))


@router.post("/{process_id}", response={201: AgreementOut})
def create_agreement(request: HttpRequest, process_id: Id, payload: AgreementIn):
    seat = access_process(request.user, process_id)
    return Status(201, services.agreement_create(seat=seat, **payload.dict()))


@router.get("/{process_id}/{agreement_id}/status", response=dict[str, Any])
def agreement_status(request: HttpRequest, process_id: Id, agreement_id: Id):
    """The same JSON as `accord agreement status ID --json` (docs/agreements.md)."""
    seat = access_process(request.user, process_id)
    agreement = selectors.agreement_get(seat=seat, agreement_id=agreement_id)
    return selectors.status_json(
        selectors.agreement_report(seat=seat, agreement=agreement), seat=seat
    )


@router.get("/{process_id}/{agreement_id}/statuses", response=list[StatusOut])
def list_statuses(request: HttpRequest, process_id: Id, agreement_id: Id):
    seat = access_process(request.user, process_id)
    agreement = selectors.agreement_get(seat=seat, agreement_id=agreement_id)
    return [s for p in agreement.provisions.all() for s in p.statuses.all()]


@router.post("/{process_id}/{agreement_id}/provisions", response={201: ProvisionOut})
def add_provision(request: HttpRequest, process_id: Id, agreement_id: Id, payload: ProvisionIn):
    seat = access_process(request.user, process_id)
    agreement = selectors.agreement_get(seat=seat, agreement_id=agreement_id)
    obligor = party_get(seat=seat, party_id=payload.obligor_id) if payload.obligor_id else None
    data = payload.dict(exclude={"obligor_id"})
    return Status(
        201, services.provision_add(seat=seat, agreement=agreement, obligor=obligor, **data)
    )


@router.post(
    "/{process_id}/{agreement_id}/provisions/{provision_id}/statuses", response={201: StatusOut}
)
def record_status(
    request: HttpRequest, process_id: Id, agreement_id: Id, provision_id: Id, payload: StatusIn
):
    seat = access_process(request.user, process_id)
    agreement = selectors.agreement_get(seat=seat, agreement_id=agreement_id)
    provision = selectors.provision_get(seat=seat, agreement=agreement, provision_id=provision_id)
    return Status(201, services.status_record(seat=seat, provision=provision, **payload.dict()))
