"""Demo: the US-backed energy truce from the seed, with illustrative claims and reports.

From the article: a US-backed energy truce "last week"; Zelensky said Russia exploited it to
stockpile munitions, "attacking Ukraine with a record number of ballistic missiles on Tuesday".
Everything else (dates, places, counts, statuses) is invented and marked illustrative.
"""

from __future__ import annotations

from datetime import date

from accord.demo.load import demo_seat
from accord.domain.visibility import Visibility
from accord.talks.models import Party, Process
from accord.truces import services
from accord.truces.services import ReportFields

MISSILE = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
DRONE = ("Explosions/Remote violence", "Air/drone strike")

# seat, alleged party, (type, sub), date, oblast, settlement, lat, lon, notes, sources, visibility
REPORTS = [
    (
        "UA",
        "RU",
        MISSILE,
        date(2026, 2, 3),
        "Kyiv",
        "Kyiv",
        50.45,
        30.52,
        "Record ballistic-missile attack on Tuesday; a combined heat and power plant was hit "
        "(illustrative details). Zelensky: Russia exploited the US-backed energy truce last week "
        "to stockpile munitions, attacking Ukraine with a record number of ballistic missiles.",
        "Article: Discussions deemed 'productive' as Russia, Ukraine to swap 314 prisoners\n"
        "Ukrainian Air Force statement (illustrative)",
        Visibility.PUBLIC,
    ),
    (
        "UA",
        "RU",
        DRONE,
        date(2026, 1, 31),
        "Odesa",
        "Odesa",
        46.48,
        30.72,
        "Drones struck a substation during the truce (illustrative).",
        "Regional administration (illustrative)",
        Visibility.PARTIES,
    ),
    (
        "RU",
        "UA",
        DRONE,
        date(2026, 2, 1),
        "Belgorod",
        "Belgorod",
        50.60,
        36.59,
        "Drone attack on a power line (illustrative).",
        "Russian Ministry of Defence (illustrative)",
        Visibility.PARTIES,
    ),
    (
        "RU",
        "UA",
        DRONE,
        date(2026, 2, 2),
        "Kursk",
        "Kurchatov",
        51.66,
        35.65,
        "Drone debris near a power plant's perimeter (illustrative); held back pending checks.",
        "Russian Ministry of Defence (illustrative)",
        Visibility.OWN,
    ),
]


def load_demo_extras(process: Process) -> None:
    mediator = demo_seat(process, None)
    parties = {p.code: p for p in Party.objects.filter(process=process)}
    truce = services.truce_create(
        seat=mediator,
        name="Energy truce",
        scope="Energy infrastructure",
        geographic_scope="Russia and Ukraine",
        terms="No strikes on energy infrastructure (US-backed). Exact terms illustrative.",
        brokered_by=parties["US"],
        visibility=Visibility.PUBLIC,
        illustrative=True,
    )
    for code, start, note in [
        ("UA", date(2026, 1, 27), "Ukraine dates the truce from the US announcement."),
        ("RU", date(2026, 1, 30), "Russia dates the truce from its own confirmation."),
    ]:
        services.truce_claim_add(
            seat=demo_seat(process, code),
            truce=truce,
            party=parties[code],
            starts_on=start,
            note=f"{note} (illustrative)",
            visibility=Visibility.PUBLIC,
            illustrative=True,
        )
    incidents = [_report(process, truce, parties, *row) for row in REPORTS]
    _verify(mediator, incidents)


def _report(
    process,
    truce,
    parties,
    code,
    alleged,
    kind,
    day,
    oblast,
    place,
    lat,
    lon,
    notes,
    sources,
    visibility,
):
    fields = ReportFields(
        event_date=day,
        event_type=kind[0],
        sub_event_type=kind[1],
        admin1=oblast,
        location=place,
        latitude=lat,
        longitude=lon,
        alleged_party=parties[alleged],
        target_type="energy",
        sources=sources,
        notes=notes,
    )
    return services.report_file(
        seat=demo_seat(process, code),
        truce=truce,
        fields=fields,
        visibility=visibility,
        illustrative=True,
    ).incident


def _verify(mediator, incidents) -> None:
    record, odesa, belgorod, _kursk = incidents
    for incident, status, reasoning, visibility in [
        (
            record,
            "verified",
            "Corroborated by open-source imagery (illustrative).",
            Visibility.PUBLIC,
        ),
        (
            odesa,
            "under_review",
            "Awaiting the observer mission's site visit (illustrative).",
            Visibility.PARTIES,
        ),
        (
            belgorod,
            "disputed",
            "Ukraine denies the strike; no independent source yet (illustrative).",
            Visibility.PARTIES,
        ),
        (
            belgorod,
            "disputed",
            "Mediator-only note: timing overlaps a claimed start date (illustrative).",
            Visibility.OWN,
        ),
    ]:
        services.verification_record(
            seat=mediator,
            incident=incident,
            status=status,
            reasoning=reasoning,
            visibility=visibility,
            illustrative=True,
        )
