"""Shared set-up for the truce tests: a public truce with claims and a few reports."""

from __future__ import annotations

from datetime import date

from accord.domain.visibility import Visibility
from accord.truces import services
from accord.truces.models import IncidentReport, Truce
from tests.table import Table

START = date(2026, 1, 27)


def make_truce(table: Table, visibility: Visibility = Visibility.PUBLIC) -> Truce:
    truce = services.truce_create(
        seat=table.seat("mediator"),
        name="Energy truce",
        scope="Energy infrastructure",
        brokered_by=table.parties["US"],
        visibility=visibility,
    )
    services.truce_claim_add(
        seat=table.seat("ru"),
        truce=truce,
        party=table.parties["RU"],
        starts_on=date(2026, 1, 30),
        visibility=Visibility.PUBLIC,
    )
    services.truce_claim_add(
        seat=table.seat("ua"),
        truce=truce,
        party=table.parties["UA"],
        starts_on=START,
        visibility=Visibility.PUBLIC,
    )
    return truce


def fields(**overrides: object) -> services.ReportFields:
    values = {
        "event_date": date(2026, 2, 3),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "admin1": "Kyiv",
        "location": "Kyiv",
        "latitude": 50.45,
        "longitude": 30.52,
        "target_type": "energy",
        "sources": "Ukrainian Air Force\nhttps://example.org/report",
        "notes": "Ballistic missiles hit a thermal power plant.",
    } | overrides
    return services.ReportFields(**values)


def file(
    table: Table, seat: str, truce: Truce, visibility: Visibility = Visibility.PUBLIC, **kw: object
) -> IncidentReport:
    alleged = kw.pop("alleged", None)
    if alleged:
        kw["alleged_party"] = table.parties[alleged]
    return services.report_file(
        seat=table.seat(seat), truce=truce, fields=fields(**kw), visibility=visibility
    )
