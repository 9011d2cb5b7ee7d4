"""Writes to the agreement register. Each runs in one transaction and appends an audit entry."""

from __future__ import annotations

from datetime import date

from django.db import models, transaction
from django.http import Http404

from accord.agreements.models import Agreement, ImplementationStatus, Provision
from accord.domain.visibility import Visibility
from accord.talks.access import Seat
from accord.talks.models import Party
from accord.talks.records import seat_owner, seat_save


def owns(seat: Seat, record: Agreement) -> bool:
    if seat.is_mediator:
        return record.owner_party_id is None
    return record.owner_party_id is not None and record.owner_party_id == seat.membership.party_id


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
) -> Provision:
    """Whoever owns the agreement breaks it into provisions (numbered in order)."""
    if agreement.process_id != seat.process.pk or not owns(seat, agreement):
        raise Http404("Not found")
    if obligor is not None and obligor.process_id != seat.process.pk:
        raise Http404("Not found")
    number = (agreement.provisions.aggregate(n=models.Max("number"))["n"] or 0) + 1
    provision = Provision(
        agreement=agreement,
        number=number,
        obligor=obligor,
        action=action,
        due_on=due_on,
        verifier=verifier,
        clause_reference=clause_reference,
    )
    return seat_save(provision, seat=seat, action="provision.add")


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
) -> ImplementationStatus:
    """Any seat that sees the agreement may record its assessment of a provision."""
    if provision.agreement.process_id != seat.process.pk:
        raise Http404("Not found")
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
    return seat_save(status, seat=seat, action="provision.status")
