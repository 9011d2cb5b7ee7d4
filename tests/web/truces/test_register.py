"""Services and selectors of the truce register: claims, reports, visibility, merge, counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from accord.audit.models import AuditEntry
from accord.domain.visibility import Visibility
from accord.truces import selectors, services
from accord.truces.models import Incident, IncidentReport
from tests.table import Table
from tests.web.truces.helpers import file, make_truce


def test_claims_per_party_disagree_and_are_kept(table: Table) -> None:
    truce = make_truce(table)
    claims = list(selectors.claim_list(seat=table.seat("observer"), truce=truce))
    assert {c.party.code: c.starts_on for c in claims} == {
        "RU": date(2026, 1, 30),
        "UA": date(2026, 1, 27),
    }
    assert selectors.claims_disagree(claims)


def test_a_delegation_claims_only_for_its_own_party(table: Table) -> None:
    truce = make_truce(table)
    with pytest.raises(ValidationError):
        services.truce_claim_add(
            seat=table.seat("ua"),
            truce=truce,
            party=table.parties["RU"],
            starts_on=date(2026, 2, 1),
        )


def test_report_dates_in_the_future_or_before_the_truce_are_refused(table: Table) -> None:
    truce = make_truce(table)
    with pytest.raises(ValidationError, match="future"):
        file(table, "ua", truce, event_date=timezone.localdate() + timedelta(days=1))
    with pytest.raises(ValidationError, match="before the truce"):
        file(table, "ua", truce, event_date=date(2026, 1, 20))
    assert not Incident.objects.exists()


def test_bad_categories_and_coordinates_are_refused(table: Table) -> None:
    truce = make_truce(table)
    with pytest.raises(ValidationError) as error:
        file(table, "ua", truce, sub_event_type="Armed clash", latitude=95.0)
    assert {"sub_event_type", "latitude"} <= set(error.value.message_dict)
    assert not IncidentReport.objects.exists()


def test_own_report_is_hidden_until_shared(table: Table) -> None:
    truce = make_truce(table)
    report = file(table, "ua", truce, visibility=Visibility.OWN)
    assert selectors.incident_list(seat=table.seat("ua"), truce=truce)
    for other in ("ru", "mediator", "observer"):
        assert selectors.incident_list(seat=table.seat(other), truce=truce) == []
        with pytest.raises(Http404):
            selectors.incident_get(seat=table.seat(other), incident_id=report.incident_id)
    services.report_share(seat=table.seat("ua"), report=report, visibility=Visibility.PARTIES)
    assert selectors.incident_list(seat=table.seat("ru"), truce=truce)
    assert selectors.incident_list(seat=table.seat("observer"), truce=truce) == []
    with pytest.raises(ValidationError):
        services.report_share(seat=table.seat("ua"), report=report, visibility=Visibility.OWN)
    with pytest.raises(Http404):
        services.report_share(seat=table.seat("ru"), report=report, visibility=Visibility.PUBLIC)


def test_reports_on_a_hidden_truce_stay_hidden(table: Table) -> None:
    truce = make_truce(table, visibility=Visibility.OWN)  # mediators only
    file(table, "mediator", truce)
    assert selectors.incident_list(seat=table.seat("mediator"), truce=truce)
    assert not selectors.report_visible(seat=table.seat("ua")).exists()


def test_mediator_only_verification_notes(table: Table) -> None:
    truce = make_truce(table)
    report = file(table, "ua", truce)
    mediator = table.seat("mediator")
    services.verification_record(
        seat=mediator,
        incident=report.incident,
        status="verified",
        reasoning="Shared reasoning",
        visibility=Visibility.PARTIES,
    )
    services.verification_record(
        seat=mediator,
        incident=report.incident,
        status="disputed",
        reasoning="Private doubt",
    )
    ua = selectors.incident_get(seat=table.seat("ua"), incident_id=report.incident_id)
    med = selectors.incident_get(seat=mediator, incident_id=report.incident_id)
    assert ua.status == "verified" and [v.reasoning for v in ua.verifications] == [
        "Shared reasoning"
    ]
    assert med.status == "disputed"
    with pytest.raises(Http404):
        services.verification_record(
            seat=table.seat("ua"), incident=report.incident, status="verified", reasoning="x"
        )


def test_status_filter_uses_what_the_seat_sees(table: Table) -> None:
    truce = make_truce(table)
    report = file(table, "ua", truce)
    services.verification_record(
        seat=table.seat("mediator"), incident=report.incident, status="disputed", reasoning="x"
    )
    disputed = selectors.IncidentFilter(status="disputed")
    assert selectors.incident_list(seat=table.seat("mediator"), truce=truce, filters=disputed)
    assert selectors.incident_list(seat=table.seat("ua"), truce=truce, filters=disputed) == []


def test_duplicates_are_suggested_and_merged_keeping_all_sources(table: Table) -> None:
    truce = make_truce(table)
    ua = file(table, "ua", truce, sources="UA General Staff")
    ru = file(table, "ru", truce, event_date=date(2026, 2, 4), latitude=50.46, sources="RU MoD")
    file(table, "ru", truce, location="Lviv", admin1="Lviv", latitude=49.84, longitude=24.03)
    mediator = table.seat("mediator")
    view = selectors.incident_get(seat=mediator, incident_id=ua.incident_id)
    suggestions = selectors.duplicate_suggestions(seat=mediator, view=view)
    assert [s.incident.pk for s, _reason in suggestions] == [ru.incident_id]
    services.incident_merge(seat=mediator, target=ua.incident, duplicate=ru.incident)
    merged = selectors.incident_get(seat=mediator, incident_id=ua.incident_id)
    assert len(merged.reports) == 2 and set(merged.sources) == {"UA General Staff", "RU MoD"}
    assert Incident.objects.count() == 2
    assert AuditEntry.objects.filter(action="incident.merge").count() == 1
    with pytest.raises(Http404):
        services.incident_merge(seat=table.seat("ua"), target=ua.incident, duplicate=ua.incident)


def test_daily_counts_count_each_visible_incident_once(table: Table) -> None:
    truce = make_truce(table)
    first = file(table, "ua", truce, alleged="RU")
    services.report_file(
        seat=table.seat("ru"),
        truce=truce,
        incident=first.incident,
        fields=file.__globals__["fields"](),
        visibility=Visibility.PUBLIC,
    )
    file(table, "ru", truce, alleged="UA", event_date=date(2026, 2, 5))
    file(table, "ua", truce, alleged="RU", visibility=Visibility.OWN)
    by_type, by_party = selectors.incident_counts(seat=table.seat("ru"), truce=truce)
    assert by_type.total == 2
    assert by_party.series == {"RU": [1, 0, 0], "UA": [0, 0, 1]}
    assert selectors.incident_counts(seat=table.seat("ua"), truce=truce)[0].total == 3


def test_observer_mission_files_for_its_party(table: Table) -> None:
    truce = make_truce(table)
    report = file(table, "observer", truce, visibility=Visibility.OWN)
    assert report.reporter_kind == "observer" and report.owner_party == table.parties["AE"]
