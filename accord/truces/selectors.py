"""Reads of the truce register, always through a seat and the visibility layer.

A report is visible when the report and its truce are; an incident is visible when one of its
reports is; its status is the latest verification the seat may see ("reported" when none).
Every count and chart is built from those visible rows only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404

from accord.core.visibility import visibility_q
from accord.domain.register import (
    DailyCounts,
    ReportFacts,
    daily_counts,
    duplicate_candidates,
)
from accord.talks.access import Seat
from accord.truces.models import (
    Incident,
    IncidentAttachment,
    IncidentReport,
    Truce,
    TruceClaim,
    Verification,
)

MAX_LISTED = 500


def truce_list(*, seat: Seat) -> QuerySet[Truce]:
    return (
        Truce.objects.visible_to(seat.viewer)
        .filter(process=seat.process)
        .select_related("brokered_by", "owner_party")
    )


def truce_get(*, seat: Seat, truce_id: int) -> Truce:
    return _get(truce_list(seat=seat), truce_id)


def claim_list(*, seat: Seat, truce: Truce) -> QuerySet[TruceClaim]:
    return (
        TruceClaim.objects.visible_to(seat.viewer)
        .filter(truce=truce)
        .select_related("party", "owner_party")
        .order_by("party__name", "created_at", "id")
    )


def claims_disagree(claims: list[TruceClaim]) -> bool:
    """True when visible claims give different starts or ends."""
    return len({(c.starts_on, c.ends_on) for c in claims}) > 1


def report_visible(*, seat: Seat) -> QuerySet[IncidentReport]:
    """Reports this seat may see, in this process, on truces it may see."""
    return (
        IncidentReport.objects.visible_to(seat.viewer)
        .filter(visibility_q(seat.viewer, prefix="incident__truce__"))
        .filter(incident__truce__process=seat.process)
        .select_related("alleged_party", "owner_party")
    )


def verification_visible(*, seat: Seat) -> QuerySet[Verification]:
    return (
        Verification.objects.visible_to(seat.viewer)
        .filter(incident__truce__process=seat.process)
        .order_by("created_at", "id")
    )


def report_get(*, seat: Seat, report_id: int) -> IncidentReport:
    return _get(report_visible(seat=seat).select_related("incident"), report_id)


@dataclass
class IncidentView:
    """An incident as one seat sees it: its visible reports and latest visible status."""

    incident: Incident
    reports: list[IncidentReport]
    status: str = Verification.Status.REPORTED
    verifications: list[Verification] = field(default_factory=list)

    @property
    def first(self) -> IncidentReport:
        return self.reports[0]

    @property
    def sources(self) -> list[str]:
        seen: dict[str, None] = {}
        for report in self.reports:
            seen.update(dict.fromkeys(report.source_list))
        return list(seen)

    @property
    def status_label(self) -> str:
        return Verification.Status(self.status).label


@dataclass(frozen=True)
class IncidentFilter:
    event_type: str = ""
    alleged_party_id: int | None = None
    status: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def report_q(self) -> Q:
        q = Q()
        if self.event_type:
            q &= Q(event_type=self.event_type)
        if self.alleged_party_id:
            q &= Q(alleged_party_id=self.alleged_party_id)
        if self.date_from:
            q &= Q(event_date__gte=self.date_from)
        if self.date_to:
            q &= Q(event_date__lte=self.date_to)
        return q


def _views(seat: Seat, reports: QuerySet[IncidentReport]) -> list[IncidentView]:
    """Group visible reports into incidents and attach each one's latest visible status."""
    grouped: dict[int, list[IncidentReport]] = defaultdict(list)
    incidents: dict[int, Incident] = {}
    for report in reports.select_related("incident").order_by("event_date", "id"):
        grouped[report.incident_id].append(report)
        incidents[report.incident_id] = report.incident
    views = {pk: IncidentView(incidents[pk], grouped[pk]) for pk in grouped}
    for verification in verification_visible(seat=seat).filter(incident_id__in=list(views)):
        view = views[verification.incident_id]
        view.verifications.append(verification)
        view.status = verification.status
    return sorted(views.values(), key=lambda v: (v.first.event_date, v.incident.pk), reverse=True)


def incident_list(
    *, seat: Seat, truce: Truce, filters: IncidentFilter = IncidentFilter()
) -> list[IncidentView]:
    """Visible incidents of `truce` with a visible report matching `filters` (newest first)."""
    return incident_page(seat=seat, truce=truce, filters=filters, limit=None).views


@dataclass(frozen=True)
class IncidentPage:
    """One page of the register, newest first, and how many incidents match in all."""

    views: list[IncidentView]
    total: int


def incident_page(
    *,
    seat: Seat,
    truce: Truce,
    filters: IncidentFilter = IncidentFilter(),
    offset: int = 0,
    limit: int | None = MAX_LISTED,
) -> IncidentPage:
    """The matching incidents ranked on light rows (ids, dates, statuses), then full records
    for the listed ones only: a register of thousands of reports costs a page of them."""
    visible = report_visible(seat=seat).filter(incident__truce=truce)
    matching = visible.filter(
        incident_id__in=visible.filter(filters.report_q()).values("incident_id")
    )
    first_day: dict[int, date] = {}
    for incident_id, day in matching.order_by("event_date", "id").values_list(
        "incident_id", "event_date"
    ):
        first_day.setdefault(incident_id, day)
    ranked = sorted(first_day, key=lambda pk: (first_day[pk], pk), reverse=True)
    if filters.status:
        status = _latest_status(seat, matching.values("incident_id"))
        ranked = [
            pk for pk in ranked if status.get(pk, Verification.Status.REPORTED) == filters.status
        ]
    listed = ranked[offset:] if limit is None else ranked[offset : offset + limit]
    if len(listed) < len(ranked) or filters.status:
        matching = visible.filter(incident_id__in=listed)
    return IncidentPage(_views(seat, matching), len(ranked))


def _latest_status(seat: Seat, incident_ids: QuerySet) -> dict[int, str]:
    """Each incident's latest visible verification status (absent: none visible); the ids
    come as a subquery, so a register of any size stays one statement."""
    rows = verification_visible(seat=seat).filter(incident_id__in=incident_ids)
    return dict(rows.values_list("incident_id", "status"))


def incident_get(*, seat: Seat, incident_id: int) -> IncidentView:
    views = _views(seat, report_visible(seat=seat).filter(incident_id=incident_id))
    if not views:
        raise Http404("Not found")
    _attachments_onto(views[0].reports)
    return views[0]


def _facts(view: IncidentView) -> ReportFacts:
    report = view.first
    return ReportFacts(
        key=view.incident.pk,
        day=report.event_date,
        event_type=report.event_type,
        time_precision=report.time_precision,
        admin1=report.admin1,
        location=report.location,
        latitude=report.latitude,
        longitude=report.longitude,
    )


def duplicate_suggestions(*, seat: Seat, view: IncidentView) -> list[tuple[IncidentView, str]]:
    """Other visible incidents of the same truce that probably describe the same event."""
    first = view.first
    window = report_visible(seat=seat).filter(
        incident__truce_id=view.incident.truce_id,
        event_type=first.event_type,
        event_date__range=(
            date.fromordinal(first.event_date.toordinal() - 40),
            date.fromordinal(first.event_date.toordinal() + 40),
        ),
    )
    others = {v.incident.pk: v for v in _views(seat, window) if v.incident.pk != view.incident.pk}
    matches = duplicate_candidates(_facts(view), [_facts(v) for v in others.values()])
    return [(others[m.key], m.reason) for m in matches]


def incident_counts(*, seat: Seat, truce: Truce) -> tuple[DailyCounts, DailyCounts]:
    """Daily counts of visible incidents by event type and by alleged party; each incident
    counts once, on the date and category of its earliest visible report. Read as plain
    rows: the charts need five columns, not the reports."""
    rows = (
        report_visible(seat=seat)
        .filter(incident__truce=truce)
        .order_by("event_date", "id")
        .values_list(
            "incident_id", "event_date", "event_type", "alleged_party__code", "alleged_actor"
        )
    )
    first: dict[int, tuple[date, str, str]] = {}
    for incident_id, day, event_type, party_code, actor in rows:
        if incident_id not in first:
            first[incident_id] = (day, event_type, party_code or actor or "unknown")
    by_type = daily_counts((day, kind) for day, kind, _ in first.values())
    by_party = daily_counts((day, party) for day, _, party in first.values())
    return by_type, by_party


def export_rows(*, seat: Seat, truce: Truce) -> list[dict[str, object]]:
    """One ACLED-layout row per visible report, with the incident's visible status."""
    rows = []
    for view in sorted(
        _views(seat, report_visible(seat=seat).filter(incident__truce=truce)),
        key=lambda v: (v.first.event_date, v.incident.pk),
    ):
        for report in view.reports:
            rows.append(_export_row(report, view))
    return rows


def _export_row(report: IncidentReport, view: IncidentView) -> dict[str, object]:
    actor = report.alleged_actor or (report.alleged_party.name if report.alleged_party else "")
    return {
        "event_id_cnty": f"ACCORD{report.pk}",
        "event_date": report.event_date.isoformat(),
        "time_precision": report.time_precision,
        "event_type": report.event_type,
        "sub_event_type": report.sub_event_type,
        "actor1": actor,
        "actor2": report.get_target_type_display() if report.target_type else "",
        "admin1": report.admin1,
        "location": report.location,
        "latitude": "" if report.latitude is None else report.latitude,
        "longitude": "" if report.longitude is None else report.longitude,
        "fatalities": report.fatalities,
        "source": "; ".join(report.source_list),
        "notes": report.notes,
        "target_type": report.target_type,
        "verification_status": view.status,
        "incident_id": view.incident.pk,
        "reported_by": report.owner_party.code if report.owner_party else "mediator",
    }


def _get[T](queryset: QuerySet[T], pk: int) -> T:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404("Not found")
    return found


def attachment_visible(*, seat: Seat) -> QuerySet[IncidentAttachment]:
    """Attachments of the reports this seat may see: an attachment has no rule of its own."""
    return IncidentAttachment.objects.filter(report__in=report_visible(seat=seat).values("pk"))


def attachment_list(*, seat: Seat, report: IncidentReport) -> QuerySet[IncidentAttachment]:
    """The attachments of a report the seat sees (`report_get`), oldest first."""
    rows = attachment_visible(seat=seat).filter(report=report).select_related("blob")
    return rows.order_by("created_at", "id")


def attachment_get(*, seat: Seat, attachment_id: int) -> IncidentAttachment:
    return _get(attachment_visible(seat=seat).select_related("blob", "report"), attachment_id)


def _attachments_onto(reports: list[IncidentReport]) -> None:
    """Set `attachment_list` on each (already visible) report, in one query."""
    by_report: dict[int, list[IncidentAttachment]] = defaultdict(list)
    rows = IncidentAttachment.objects.filter(report__in=[r.pk for r in reports])
    for attachment in rows.select_related("blob").order_by("created_at", "id"):
        by_report[attachment.report_id].append(attachment)
    for report in reports:
        report.attachment_list = by_report.get(report.pk, [])
