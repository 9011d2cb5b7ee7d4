"""Writes to the agreement register. Each runs in one transaction and appends an audit entry."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404

from accord.agreements import links as linked
from accord.agreements.models import Agreement, ImplementationStatus, Provision, StatusDocument
from accord.audit.services import audit_append
from accord.domain.visibility import Visibility
from accord.exchanges.models import Exchange
from accord.files.attached import attached_file_fields
from accord.monitor.models import Statement
from accord.talks.access import Seat
from accord.talks.models import Party
from accord.talks.records import record_widen, seat_owner, seat_owns, seat_save
from accord.texts.models import TextVersion
from accord.truces.models import Truce


@transaction.atomic
def agreement_create(
    *,
    seat: Seat,
    title: str,
    summary: str = "",
    source_reference: str = "",
    concluded_on: date | None = None,
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
) -> Agreement:
    agreement = Agreement(
        process=seat.process,
        title=title,
        summary=summary,
        source_reference=source_reference,
        concluded_on=concluded_on,
        visibility=Visibility(visibility).value,
        owner_party=seat_owner(seat),
        illustrative=illustrative,
        created_by=seat.membership.user,
    )
    return seat_save(agreement, seat=seat, action="agreement.create")


@transaction.atomic
def provision_add(
    *,
    seat: Seat,
    agreement: Agreement,
    action: str,
    obligor: Party | None = None,
    due_on: date | None = None,
    verifier: str = "",
    clause_reference: str = "",
    text_version: TextVersion | None = None,
    clause_number: str = "",
    exchange: Exchange | None = None,
    truce: Truce | None = None,
) -> Provision:
    """Whoever owns the agreement breaks it into provisions (numbered in order). Links go only
    to records the seat itself may read (a released clause, an exchange, a truce)."""
    if agreement.process_id != seat.process.pk or not seat_owns(seat, agreement):
        raise Http404("Not found")
    if obligor is not None and obligor.process_id != seat.process.pk:
        raise Http404("Not found")
    linked.check_clause(seat=seat, version=text_version, number=clause_number)
    if exchange is not None and linked.visible_exchange(seat=seat, exchange_id=exchange.pk) is None:
        raise ValidationError({"exchange": "No exchange you can see has that id."})
    if truce is not None and linked.visible_truce(seat=seat, truce_id=truce.pk) is None:
        raise ValidationError({"truce": "No truce you can see has that id."})
    number = (agreement.provisions.aggregate(n=models.Max("number"))["n"] or 0) + 1
    provision = Provision(
        agreement=agreement,
        number=number,
        obligor=obligor,
        action=action,
        due_on=due_on,
        verifier=verifier,
        clause_reference=clause_reference,
        text_version=text_version,
        clause_number=clause_number,
        exchange=exchange,
        truce=truce,
    )
    return seat_save(provision, seat=seat, action="provision.add")


@transaction.atomic
def agreement_from_text(
    *,
    seat: Seat,
    version: TextVersion,
    title: str,
    summary: str = "",
    concluded_on: date | None = None,
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
) -> Agreement:
    """An agreement from a released negotiating text: each clause every party accepted becomes
    a joint provision linked to that clause and version.

    The provision names the clause but does not copy its wording: the wording stays behind the
    text's own release rules, and the provision page shows it to whoever may read the version.
    """
    if linked.readable_version(seat=seat, version_id=version.pk) is None:
        raise Http404("Not found")
    agreed = linked.agreed_clauses(seat=seat, version=version)
    if not agreed:
        raise ValidationError(
            {"version": f"No clause of version {version.number} is agreed by every party yet."}
        )
    agreement = agreement_create(
        seat=seat,
        title=title,
        summary=summary,
        source_reference=f"Released negotiating text, version {version.number}",
        concluded_on=concluded_on,
        visibility=visibility,
        illustrative=illustrative,
    )
    for clause in agreed:
        provision_add(
            seat=seat,
            agreement=agreement,
            action=f"Implement clause {clause.number} as agreed.",
            clause_reference=f"clause {clause.number}",
            text_version=version,
            clause_number=clause.number,
        )
    return agreement


@transaction.atomic
def status_record(
    *,
    seat: Seat,
    provision: Provision,
    level: int,
    as_of: date,
    evidence: str,
    links: str = "",
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
    statements: list[Statement] | tuple[Statement, ...] = (),
    documents: Sequence[tuple[Any, str]] = (),
) -> ImplementationStatus:
    """Any seat that sees the agreement may record its assessment of a provision, citing
    public statements of the same process and attaching documents (upload, description) as
    evidence; all of it commits together or not at all."""
    if provision.agreement.process_id != seat.process.pk:
        raise Http404("Not found")
    if any(statement.process_id != seat.process.pk for statement in statements):
        raise ValidationError({"statements": "A cited statement belongs to another process."})
    status = ImplementationStatus(
        provision=provision,
        level=level,
        as_of=as_of,
        evidence=evidence,
        links=links,
        visibility=Visibility(visibility).value,
        owner_party=seat_owner(seat),
        illustrative=illustrative,
        created_by=seat.membership.user,
    )
    status = seat_save(status, seat=seat, action="provision.status")
    if statements:
        status.statements.set(statements)
        audit_append(
            actor=seat.membership.user,
            action="provision.status.evidence",
            obj=status,
            change={"statements": sorted(statement.pk for statement in statements)},
            process_id=seat.process.pk,
        )
    for upload, description in documents:
        document_add(seat=seat, status=status, upload=upload, description=description)
    return status


@transaction.atomic
def document_add(
    *,
    seat: Seat,
    status: ImplementationStatus,
    upload: Any,
    name: str = "",
    description: str = "",
    illustrative: bool = False,
) -> StatusDocument:
    """Attach a document to a status entry the seat recorded. The bytes go to the shared blob
    store (hashed while streamed, size-limited); the document is seen exactly by whoever sees
    the status entry, because it has no visibility of its own."""
    if status.provision.agreement.process_id != seat.process.pk or not seat_owns(seat, status):
        raise Http404("Not found")
    document = StatusDocument(
        status=status,
        **attached_file_fields(
            user=seat.membership.user,
            upload=upload,
            name=name,
            description=description,
            illustrative=illustrative,
        ),
    )
    return seat_save(document, seat=seat, action="provision.status.document.add")


@transaction.atomic
def document_downloaded(*, seat: Seat, document: StatusDocument) -> None:
    """Record who fetched a document's bytes (evidence handling is audited)."""
    audit_append(
        actor=seat.membership.user,
        action="provision.status.document.download",
        obj=document,
        change={"sha256": document.blob.sha256},
        process_id=seat.process.pk,
    )


@transaction.atomic
def status_share(
    *, seat: Seat, status: ImplementationStatus, visibility: Visibility
) -> ImplementationStatus:
    """The author widens who sees its status entry (never narrower); its documents follow."""
    if status.provision.agreement.process_id != seat.process.pk or not seat_owns(seat, status):
        raise Http404("Not found")
    return record_widen(
        status, seat=seat, visibility=visibility, action="provision.status.share", noun="status"
    )
