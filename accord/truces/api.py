"""API of the truce register: thin handlers over selectors and services."""

from __future__ import annotations

from datetime import date, datetime, time

from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema, Status, UploadedFile

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
from accord.truces import selectors, services
from accord.truces.models import IncidentReport, Verification

router = Router(tags=["truces"])


class TruceOut(Schema):
    id: int
    name: str
    scope: str
    geographic_scope: str
    terms: str
    brokered_by_id: int | None
    party_id: int | None = Field(None, alias="owner_party_id")
    visibility: str
    illustrative: bool


class ClaimOut(Schema):
    id: int
    party_id: int
    starts_on: date
    ends_on: date | None
    note: str
    recorded_by_party_id: int | None = Field(None, alias="owner_party_id")
    visibility: str


class TruceDetailOut(TruceOut):
    claims: list[ClaimOut]
    claims_disagree: bool


class ReportOut(Schema):
    id: int
    incident_id: int
    reporter_kind: str
    party_id: int | None = Field(None, alias="owner_party_id")
    event_date: date
    event_time: time | None
    time_precision: int
    admin1: str
    location: str
    latitude: float | None
    longitude: float | None
    event_type: str
    sub_event_type: str
    alleged_party_id: int | None
    alleged_actor: str
    target_type: str
    fatalities: int
    injuries: int
    sources: str
    notes: str
    visibility: str
    illustrative: bool
    created_at: datetime


class VerificationOut(Schema):
    id: int
    status: str
    reasoning: str
    visibility: str
    created_at: datetime


class IncidentOut(Schema):
    id: int
    truce_id: int
    status: str
    reports: list[ReportOut]
    verifications: list[VerificationOut]


class ReportIn(Schema):
    event_date: date
    event_type: str = Field(..., min_length=1, max_length=40)
    sub_event_type: str = Field(..., min_length=1, max_length=60)
    event_time: time | None = None
    time_precision: int = Field(1, ge=1, le=3)
    admin1: str = Field("", max_length=120)
    location: str = Field("", max_length=160)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    alleged_party_id: Id | None = None
    alleged_actor: str = Field("", max_length=200)
    target_type: IncidentReport.Target | None = None
    fatalities: int = Field(0, ge=0, le=1_000_000)
    injuries: int = Field(0, ge=0, le=1_000_000)
    sources: str = Field("", max_length=20000)
    notes: str = Field("", max_length=20000)
    incident_id: Id | None = None
    visibility: Visibility = Visibility.OWN


class VerificationIn(Schema):
    status: Verification.Status
    reasoning: str = Field(..., min_length=1, max_length=20000)
    visibility: Visibility = Visibility.OWN


def _incident(view: selectors.IncidentView) -> dict:
    return {
        "id": view.incident.pk,
        "truce_id": view.incident.truce_id,
        "status": view.status,
        "reports": view.reports,
        "verifications": view.verifications,
    }


@router.get("/{process_id}/truces", response=list[TruceOut])
def list_truces(request: HttpRequest, process_id: Id):
    return selectors.truce_list(seat=access_process(request.user, process_id))


@router.get("/{process_id}/truces/{truce_id}", response=TruceDetailOut)
def get_truce(request: HttpRequest, process_id: Id, truce_id: Id):
    seat = access_process(request.user, process_id)
    truce = selectors.truce_get(seat=seat, truce_id=truce_id)
    claims = list(selectors.claim_list(seat=seat, truce=truce))
    return {
        **TruceOut.from_orm(truce).model_dump(),
        "claims": claims,
        "claims_disagree": selectors.claims_disagree(claims),
    }


@router.get("/{process_id}/truces/{truce_id}/incidents", response=list[IncidentOut])
def list_incidents(
    request: HttpRequest,
    process_id: Id,
    truce_id: Id,
    event_type: str = "",
    alleged_party_id: Id | None = None,
    status: Verification.Status | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
):
    seat = access_process(request.user, process_id)
    truce = selectors.truce_get(seat=seat, truce_id=truce_id)
    filters = selectors.IncidentFilter(
        event_type=event_type[:40],
        alleged_party_id=alleged_party_id,
        status=status.value if status else "",
        date_from=date_from,
        date_to=date_to,
    )
    page = selectors.incident_page(seat=seat, truce=truce, filters=filters)
    return [_incident(v) for v in page.views]


@router.get("/{process_id}/incidents/{incident_id}", response=IncidentOut)
def get_incident(request: HttpRequest, process_id: Id, incident_id: Id):
    seat = access_process(request.user, process_id)
    return _incident(selectors.incident_get(seat=seat, incident_id=incident_id))


@router.post("/{process_id}/truces/{truce_id}/reports", response={201: ReportOut})
def file_report(request: HttpRequest, process_id: Id, truce_id: Id, payload: ReportIn):
    seat = access_process(request.user, process_id)
    truce = selectors.truce_get(seat=seat, truce_id=truce_id)
    incident = None
    if payload.incident_id is not None:
        incident = selectors.incident_get(seat=seat, incident_id=payload.incident_id).incident
    data = payload.dict(exclude={"incident_id", "visibility", "alleged_party_id"})
    data["target_type"] = payload.target_type.value if payload.target_type else ""
    if payload.alleged_party_id is not None:
        data["alleged_party"] = party_get(seat=seat, party_id=payload.alleged_party_id)
    report = services.report_file(
        seat=seat,
        truce=truce,
        incident=incident,
        fields=services.ReportFields(**data),
        visibility=payload.visibility,
    )
    return Status(201, report)


@router.post("/{process_id}/incidents/{incident_id}/verifications", response={201: VerificationOut})
def verify_incident(request: HttpRequest, process_id: Id, incident_id: Id, payload: VerificationIn):
    seat = access_process(request.user, process_id)
    view = selectors.incident_get(seat=seat, incident_id=incident_id)
    verification = services.verification_record(
        seat=seat,
        incident=view.incident,
        status=payload.status.value,
        reasoning=payload.reasoning,
        visibility=payload.visibility,
    )
    return Status(201, verification)


# Attachments of an incident report: the same services and checks as the incident page's
# Attach and download (accord.truces.attachments); docs/agreements.md, "API".


@router.post("/{process_id}/reports/{report_id}/attachments", response={201: AttachedFileOut})
def add_attachment(
    request: HttpRequest,
    process_id: Id,
    report_id: Id,
    file: File[UploadedFile],
    description: str = Form("", **DESCRIPTION_RULES),
):
    """Attach a file (multipart `file`, optional `description`) to a report you wrote; 404
    for a report you did not write or cannot see."""
    seat = access_process(request.user, process_id)
    report = selectors.report_get(seat=seat, report_id=report_id)
    attachment = services.attachment_add(
        seat=seat, report=report, upload=file, description=description
    )
    return Status(201, attachment)


@router.get("/{process_id}/reports/{report_id}/attachments", response=list[AttachedFileOut])
def list_attachments(request: HttpRequest, process_id: Id, report_id: Id):
    seat = access_process(request.user, process_id)
    report = selectors.report_get(seat=seat, report_id=report_id)
    return selectors.attachment_list(seat=seat, report=report)


@router.get("/{process_id}/attachments/{attachment_id}/download", openapi_extra=DOWNLOAD_OPENAPI)
def download_attachment(request: HttpRequest, process_id: Id, attachment_id: Id):
    """The file's bytes, hash-checked (a missing or altered file: 500, not served) and audited
    (`incident.attachment.download`)."""
    seat = access_process(request.user, process_id)
    attachment = selectors.attachment_get(seat=seat, attachment_id=attachment_id)
    return audited_download(
        attachment, audit=lambda: services.attachment_downloaded(seat=seat, attachment=attachment)
    )
