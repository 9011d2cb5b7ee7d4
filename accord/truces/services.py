"""Writes to the truce register. Each runs in one transaction and appends an audit entry.

Owners follow the seat: a delegation writes for its party, an observer seat for its mission's
party, the mediator for the mediation (owner None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils import timezone

from accord.audit.services import audit_append
from accord.domain.register import (
    content_hash,
    date_errors,
    parse_acled_csv,
    split_sources,
)
from accord.domain.visibility import Visibility
from accord.files.attached import attached_file_fields
from accord.talks.access import Seat, require_mediator
from accord.talks.models import Party
from accord.talks.records import record_widen, seat_owner, seat_owns, seat_save
from accord.truces.models import (
    Incident,
    IncidentAttachment,
    IncidentReport,
    Truce,
    TruceClaim,
    Verification,
)


def _reporter_kind(seat: Seat) -> str:
    if seat.is_mediator:
        return IncidentReport.Reporter.MEDIATOR
    if seat.is_delegation:
        return IncidentReport.Reporter.PARTY
    return IncidentReport.Reporter.OBSERVER


def _same_process(seat: Seat, *parties: Party | None) -> None:
    for party in parties:
        if party is not None and party.process_id != seat.process.pk:
            raise Http404("Not found")


@transaction.atomic
def truce_create(
    *,
    seat: Seat,
    name: str,
    scope: str,
    terms: str = "",
    geographic_scope: str = "",
    brokered_by: Party | None = None,
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
) -> Truce:
    _same_process(seat, brokered_by)
    truce = Truce(
        process=seat.process,
        name=name,
        scope=scope,
        terms=terms,
        geographic_scope=geographic_scope,
        brokered_by=brokered_by,
        visibility=Visibility(visibility).value,
        owner_party=seat_owner(seat),
        illustrative=illustrative,
        created_by=seat.membership.user,
    )
    return seat_save(truce, seat=seat, action="truce.create")


@transaction.atomic
def truce_claim_add(
    *,
    seat: Seat,
    truce: Truce,
    party: Party,
    starts_on: date,
    ends_on: date | None = None,
    note: str = "",
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
) -> TruceClaim:
    """Record when `party` says the truce started/ended. A delegation claims only for itself;
    the mediator may record any party's stated claim."""
    _same_process(seat, party)
    if truce.process_id != seat.process.pk:
        raise Http404("Not found")
    if not seat.is_mediator and party.pk != seat.membership.party_id:
        raise ValidationError({"party": "A delegation records only its own party's claim."})
    claim = TruceClaim(
        truce=truce,
        party=party,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note,
        visibility=Visibility(visibility).value,
        owner_party=seat_owner(seat),
        illustrative=illustrative,
        created_by=seat.membership.user,
    )
    return seat_save(claim, seat=seat, action="truce.claim")


def earliest_start(*, seat: Seat, truce: Truce) -> date | None:
    """The earliest start any claim visible to `seat` gives (others' hidden claims do not count,
    so an error message never reveals them)."""
    claims = TruceClaim.objects.visible_to(seat.viewer).filter(truce=truce)
    return claims.aggregate(first=models.Min("starts_on"))["first"]


@dataclass(frozen=True)
class ReportFields:
    """What a report says (the form, the API and the CSV import all fill this)."""

    event_date: date
    event_type: str
    sub_event_type: str
    event_time: time | None = None
    time_precision: int = 1
    admin1: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    alleged_party: Party | None = None
    alleged_actor: str = ""
    target_type: str = ""
    fatalities: int = 0
    injuries: int = 0
    sources: str = ""
    notes: str = ""


def _report(
    seat: Seat,
    incident: Incident,
    fields: ReportFields,
    visibility: Visibility,
    illustrative: bool,
    digest: str = "",
) -> IncidentReport:
    return IncidentReport(
        incident=incident,
        reporter_kind=_reporter_kind(seat),
        visibility=Visibility(visibility).value,
        owner_party=seat_owner(seat),
        illustrative=illustrative,
        created_by=seat.membership.user,
        content_hash=digest or _digest(fields),
        **{k: getattr(fields, k) for k in ReportFields.__dataclass_fields__},
    )


def _digest(fields: ReportFields) -> str:
    actor = fields.alleged_actor or (fields.alleged_party.name if fields.alleged_party else "")
    return content_hash(
        event_date=fields.event_date,
        event_type=fields.event_type,
        sub_event_type=fields.sub_event_type,
        actor1=actor,
        admin1=fields.admin1,
        location=fields.location,
        latitude=fields.latitude,
        longitude=fields.longitude,
        fatalities=fields.fatalities,
        source=fields.sources,
        notes=fields.notes,
    )


@transaction.atomic
def report_file(
    *,
    seat: Seat,
    truce: Truce,
    fields: ReportFields,
    incident: Incident | None = None,
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
) -> IncidentReport:
    """File a report: a new incident, or another account of an `incident` the seat can see."""
    if truce.process_id != seat.process.pk:
        raise Http404("Not found")
    if incident is not None and incident.truce_id != truce.pk:
        raise ValidationError({"incident": "That incident belongs to another truce."})
    _same_process(seat, fields.alleged_party)
    errors = date_errors(
        fields.event_date,
        today=timezone.localdate(),
        earliest=earliest_start(seat=seat, truce=truce),
    )
    if errors:
        raise ValidationError(errors)
    seat_owner(seat)  # refuse a seat that speaks for no party before creating the incident
    if incident is None:
        incident = Incident.objects.create(truce=truce)
    report = _report(seat, incident, fields, visibility, illustrative)
    return seat_save(report, seat=seat, action="incident.report")


@transaction.atomic
def report_share(*, seat: Seat, report: IncidentReport, visibility: Visibility) -> IncidentReport:
    """Widen who sees a report (party-confidential first, then shared); never narrower."""
    if not seat_owns(seat, report):
        raise Http404("Not found")
    return record_widen(
        report, seat=seat, visibility=visibility, action="incident.report.share", noun="report"
    )


@transaction.atomic
def verification_record(
    *,
    seat: Seat,
    incident: Incident,
    status: str,
    reasoning: str,
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
) -> Verification:
    """The mediator sets an incident's verification status; `own` keeps the note mediator-only."""
    require_mediator(seat)
    if incident.truce.process_id != seat.process.pk:
        raise Http404("Not found")
    verification = Verification(
        incident=incident,
        status=status,
        reasoning=reasoning,
        visibility=Visibility(visibility).value,
        owner_party=None,
        illustrative=illustrative,
        created_by=seat.membership.user,
    )
    return seat_save(verification, seat=seat, action="incident.verify")


@transaction.atomic
def incident_merge(*, seat: Seat, target: Incident, duplicate: Incident) -> Incident:
    """Fold `duplicate` into `target`: every report (and its sources) and verification moves."""
    require_mediator(seat)
    if target.pk == duplicate.pk:
        raise ValidationError({"duplicate": "An incident cannot be merged into itself."})
    if target.truce_id != duplicate.truce_id or target.truce.process_id != seat.process.pk:
        raise ValidationError({"duplicate": "Only incidents of the same truce can be merged."})
    moved = list(duplicate.reports.values_list("pk", flat=True))
    duplicate.reports.update(incident=target)
    duplicate.verifications.update(incident=target)
    audit_append(
        actor=seat.membership.user,
        action="incident.merge",
        obj=target,
        change={"merged": duplicate.pk, "reports": moved},
        process_id=seat.process.pk,
    )
    duplicate.delete()
    return target


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_imported: int
    duplicates_in_file: int


def _party_lookup(seat: Seat) -> dict[str, Party]:
    lookup = {}
    for party in Party.objects.filter(process=seat.process):
        lookup[party.code.casefold()] = party
        lookup[party.name.casefold()] = party
    return lookup


def alleged_party_for(actor: str, lookup: dict[str, Party]) -> Party | None:
    """ACLED actor1 -> party: the code or name exactly, else a party name within the actor
    ('Military Forces of Russia (2000-)' -> Russia)."""
    key = actor.strip().casefold()
    if key in lookup:
        return lookup[key]
    names = sorted((k for k in lookup if len(k) > 3), key=len, reverse=True)
    return next((lookup[k] for k in names if k in key), None)


@transaction.atomic
def reports_import(
    *,
    seat: Seat,
    truce: Truce,
    text: str,
    visibility: Visibility = Visibility.OWN,
) -> ImportResult:
    """Import an ACLED-style CSV as reports by `seat`: all rows or none.

    Raises ValidationError with one row-numbered message per problem and writes nothing. A row
    this seat's owner already imported into this truce (same content hash) is skipped, so
    importing the same file twice adds nothing.
    """
    if truce.process_id != seat.process.pk:
        raise Http404("Not found")
    parsed = parse_acled_csv(
        text, today=timezone.localdate(), earliest=earliest_start(seat=seat, truce=truce)
    )
    if parsed.errors:
        raise ValidationError([str(e) for e in parsed.errors])
    owner = seat_owner(seat)
    existing = set(
        IncidentReport.objects.filter(incident__truce=truce, owner_party=owner)
        .exclude(content_hash="")
        .values_list("content_hash", flat=True)
    )
    lookup = _party_lookup(seat)
    targets = {t.value for t in IncidentReport.Target}
    added: list[str] = []
    for row in parsed.rows:
        if row.content_hash in existing:
            continue
        fields = ReportFields(
            event_date=row.event_date,
            event_type=row.event_type,
            sub_event_type=row.sub_event_type,
            time_precision=row.time_precision,
            admin1=row.admin1,
            location=row.location,
            latitude=row.latitude,
            longitude=row.longitude,
            alleged_party=alleged_party_for(row.actor1, lookup),
            alleged_actor=row.actor1,
            target_type=row.target_type if row.target_type in targets else "",
            fatalities=row.fatalities,
            sources="\n".join(split_sources(row.source)),
            notes=row.notes,
        )
        incident = Incident.objects.create(truce=truce)
        report = _report(seat, incident, fields, visibility, False, row.content_hash)
        try:
            report.full_clean()
        except ValidationError as error:
            raise ValidationError([f"row {row.row}: {m}" for m in error.messages]) from error
        report.save()
        existing.add(row.content_hash)
        added.append(row.content_hash)
    result = ImportResult(len(added), len(parsed.rows) - len(added), parsed.duplicates_in_file)
    audit_append(
        actor=seat.membership.user,
        action="incident.import",
        obj=truce,
        change={**result.__dict__, "rows": added},
        process_id=seat.process.pk,
    )
    return result


@transaction.atomic
def attachment_add(
    *,
    seat: Seat,
    report: IncidentReport,
    upload: Any,
    name: str = "",
    description: str = "",
    illustrative: bool = False,
) -> IncidentAttachment:
    """Attach a file to a report its seat wrote. The bytes go to the blob store (hashed while
    streamed, size-limited); the attachment is seen exactly by whoever sees the report."""
    if report.incident.truce.process_id != seat.process.pk or not seat_owns(seat, report):
        raise Http404("Not found")
    attachment = IncidentAttachment(
        report=report,
        **attached_file_fields(
            user=seat.membership.user,
            upload=upload,
            name=name,
            description=description,
            illustrative=illustrative,
        ),
    )
    return seat_save(attachment, seat=seat, action="incident.attachment.add")


@transaction.atomic
def attachment_downloaded(*, seat: Seat, attachment: IncidentAttachment) -> None:
    """Record who fetched an attachment's bytes (evidence handling is audited)."""
    audit_append(
        actor=seat.membership.user,
        action="incident.attachment.download",
        obj=attachment,
        change={"sha256": attachment.blob.sha256},
        process_id=seat.process.pk,
    )
