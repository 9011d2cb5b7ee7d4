"""Register the truce register's confidential models and route parameters with the crawl."""

from __future__ import annotations

from datetime import date

from accord.core.registry import register_confidential, register_url_parameter
from accord.domain.visibility import Visibility
from accord.talks.access import Seat
from accord.talks.models import Party
from accord.truces import services
from accord.truces.models import (
    IncidentAttachment,
    IncidentReport,
    Truce,
    TruceClaim,
    Verification,
)

HOST_TRUCE = "Crawl host truce"
DAY = date(2026, 1, 2)


def _host_truce(seat: Seat) -> Truce:
    """A public truce to hang canary claims and reports on (it carries no canary itself)."""
    existing = Truce.objects.filter(process=seat.process, name=HOST_TRUCE).first()
    return existing or services.truce_create(
        seat=seat, name=HOST_TRUCE, scope="Everything", visibility=Visibility.PUBLIC
    )


def _fields(canary: str = "") -> services.ReportFields:
    return services.ReportFields(
        event_date=DAY,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        location="Somewhere",
        notes=f"Report {canary}" if canary else "Host report",
    )


def _make_truce(*, seat: Seat, visibility: Visibility, canary: str) -> Truce:
    return services.truce_create(
        seat=seat, name=f"Truce {canary}", scope=f"Scope {canary}", visibility=visibility
    )


def _make_claim(*, seat: Seat, visibility: Visibility, canary: str) -> TruceClaim:
    party = seat.party or Party.objects.filter(process=seat.process).first()
    return services.truce_claim_add(
        seat=seat,
        truce=_host_truce(seat),
        party=party,
        starts_on=DAY,
        note=f"Claim {canary}",
        visibility=visibility,
    )


def _make_report(*, seat: Seat, visibility: Visibility, canary: str) -> IncidentReport:
    return services.report_file(
        seat=seat, truce=_host_truce(seat), fields=_fields(canary), visibility=visibility
    )


def _make_verification(*, seat: Seat, visibility: Visibility, canary: str) -> Verification | None:
    if not seat.is_mediator:
        return None  # only the mediator verifies
    report = services.report_file(
        seat=seat, truce=_host_truce(seat), fields=_fields(), visibility=Visibility.PUBLIC
    )
    return services.verification_record(
        seat=seat,
        incident=report.incident,
        status="under_review",
        reasoning=f"Reasoning {canary}",
        visibility=visibility,
    )


def _make_attachment(*, seat: Seat, visibility: Visibility, canary: str) -> IncidentAttachment:
    """A report at `visibility` (no canary of its own) with a file whose name, description and
    bytes carry the canary: the attachment must be seen exactly where its report is."""
    report = services.report_file(
        seat=seat, truce=_host_truce(seat), fields=_fields(), visibility=visibility
    )
    return services.attachment_add(
        seat=seat,
        report=report,
        upload=f"Evidence {canary}\n".encode(),
        name=f"photo-{canary}.txt",
        description=f"Attachment {canary}",
    )


register_confidential(Truce, _make_truce)
register_confidential(TruceClaim, _make_claim)
register_confidential(IncidentReport, _make_report)
register_confidential(Verification, _make_verification)
register_confidential(IncidentAttachment, _make_attachment)

for parameter, label in {
    "truce_id": "truces.Truce",
    "incident_id": "truces.Incident",
    "report_id": "truces.IncidentReport",
    "attachment_id": "truces.IncidentAttachment",
}.items():
    register_url_parameter(parameter, label)
