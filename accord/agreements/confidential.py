"""Register the agreement register's confidential models and route parameters with the crawl."""

from __future__ import annotations

from datetime import date

from accord.agreements import services
from accord.agreements.models import Agreement, ImplementationStatus, Provision, StatusDocument
from accord.core.registry import register_confidential, register_url_parameter
from accord.domain.visibility import Visibility
from accord.talks.access import Seat
from accord.talks.records import seat_owner

HOST_AGREEMENT = "Crawl host agreement"


def _host_provision(seat: Seat) -> Provision:
    """A public agreement with one provision per owner, to hang canary statuses on."""
    agreement = Agreement.objects.filter(
        process=seat.process, title=HOST_AGREEMENT, owner_party=seat_owner(seat)
    ).first()
    if agreement is None:
        agreement = services.agreement_create(
            seat=seat, title=HOST_AGREEMENT, visibility=Visibility.PUBLIC
        )
        return services.provision_add(seat=seat, agreement=agreement, action="Host provision")
    return agreement.provisions.first()


def _make_agreement(*, seat: Seat, visibility: Visibility, canary: str) -> Agreement:
    agreement = services.agreement_create(
        seat=seat, title=f"Agreement {canary}", summary=f"Summary {canary}", visibility=visibility
    )
    services.provision_add(seat=seat, agreement=agreement, action=f"Provision {canary}")
    return agreement


def _make_status(*, seat: Seat, visibility: Visibility, canary: str) -> ImplementationStatus:
    return services.status_record(
        seat=seat,
        provision=_host_provision(seat),
        level=1,
        as_of=date(2026, 1, 2),
        evidence=f"Evidence {canary}",
        visibility=visibility,
    )


def _make_document(*, seat: Seat, visibility: Visibility, canary: str) -> StatusDocument:
    """A status entry at `visibility` (no canary of its own) with a document whose name,
    description and bytes carry the canary: it must be seen exactly where its entry is."""
    status = services.status_record(
        seat=seat,
        provision=_host_provision(seat),
        level=2,
        as_of=date(2026, 1, 3),
        evidence="Evidence with a document",
        visibility=visibility,
    )
    return services.document_add(
        seat=seat,
        status=status,
        upload=f"Document {canary}\n".encode(),
        name=f"{canary}.txt",
        description=f"Document {canary}",
    )


register_confidential(Agreement, _make_agreement)
register_confidential(ImplementationStatus, _make_status)
register_confidential(StatusDocument, _make_document)
for parameter, label in {
    "agreement_id": "agreements.Agreement",
    "provision_id": "agreements.Provision",
    "status_entry_id": "agreements.ImplementationStatus",
    "status_document_id": "agreements.StatusDocument",
}.items():
    register_url_parameter(parameter, label)
