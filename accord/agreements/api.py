"""API of the agreement register: thin handlers over selectors and services."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema, Status, UploadedFile

from accord.agreements import selectors, services
from accord.core.ids import Id
from accord.domain.visibility import Visibility
from accord.files.attached import (
    DESCRIPTION_RULES,
    DOWNLOAD_OPENAPI,
    AttachedFileOut,
    audited_download,
)
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


# Documents of a status entry: the same services and checks as the provision page's
# Attach document and download (accord.agreements.documents); docs/agreements.md, "API".


@router.post(
    "/{process_id}/status-entries/{status_entry_id}/documents", response={201: AttachedFileOut}
)
def add_document(
    request: HttpRequest,
    process_id: Id,
    status_entry_id: Id,
    file: File[UploadedFile],
    description: str = Form("", **DESCRIPTION_RULES),
):
    """Attach a document (multipart `file`, optional `description`) to a status entry you
    recorded; 404 for an entry you did not record or cannot see."""
    seat = access_process(request.user, process_id)
    status = selectors.status_get(seat=seat, status_id=status_entry_id)
    document = services.document_add(seat=seat, status=status, upload=file, description=description)
    return Status(201, document)


@router.get(
    "/{process_id}/status-entries/{status_entry_id}/documents", response=list[AttachedFileOut]
)
def list_documents(request: HttpRequest, process_id: Id, status_entry_id: Id):
    seat = access_process(request.user, process_id)
    status = selectors.status_get(seat=seat, status_id=status_entry_id)
    return selectors.document_list(seat=seat, status=status)


@router.get(
    "/{process_id}/status-documents/{status_document_id}/download",
    openapi_extra=DOWNLOAD_OPENAPI,
)
def download_document(request: HttpRequest, process_id: Id, status_document_id: Id):
    """The document's bytes, hash-checked (a missing or altered file: 500, not served) and
    audited (`provision.status.document.download`)."""
    seat = access_process(request.user, process_id)
    document = selectors.document_get(seat=seat, document_id=status_document_id)
    return audited_download(
        document, audit=lambda: services.document_downloaded(seat=seat, document=document)
    )
