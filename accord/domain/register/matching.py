"""Duplicate-incident matching: which reports probably describe the same event.

Two reports match when they have the same ACLED event type, dates that overlap once each report's
time precision is allowed for, and the same place (within `max_km` when both have coordinates,
else the same settlement, else the same oblast when neither names a settlement). Matches are
suggestions for the mediator, never merged automatically.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

#: Days of uncertainty for ACLED time_precision 1 (day), 2 (week), 3 (month).
PRECISION_DAYS = {1: 0, 2: 7, 3: 31}


@dataclass(frozen=True)
class ReportFacts:
    key: int  # the caller's id (an incident id)
    day: date
    event_type: str
    time_precision: int = 1
    admin1: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Match:
    key: int
    days_apart: int
    km: float | None
    reason: str


def normalise_place(name: str) -> str:
    """Case, accents, apostrophes and 'oblast'/'city' words do not make places differ."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = [w for w in text.replace("'", "").replace("-", " ").split()]
    return " ".join(w for w in words if w not in {"oblast", "region", "city", "raion"})


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _place_reason(a: ReportFacts, b: ReportFacts, max_km: float) -> tuple[bool, float | None, str]:
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = distance_km((a.latitude, a.longitude), (b.latitude, b.longitude))
        return km <= max_km, km, f"{km:.1f} km apart"
    la, lb = normalise_place(a.location), normalise_place(b.location)
    if la and lb:
        return la == lb, None, "same settlement"
    oa, ob = normalise_place(a.admin1), normalise_place(b.admin1)
    return bool(oa) and oa == ob and not (la or lb), None, "same oblast"


def duplicate_candidates(
    target: ReportFacts,
    others: Iterable[ReportFacts],
    *,
    max_km: float = 10.0,
    max_days: int = 1,
) -> list[Match]:
    """Reports in `others` (other keys) that probably describe the same incident as `target`."""
    matches = []
    for other in others:
        if other.key == target.key or other.event_type != target.event_type:
            continue
        apart = abs((other.day - target.day).days)
        slack = max_days + max(
            PRECISION_DAYS.get(target.time_precision, 0),
            PRECISION_DAYS.get(other.time_precision, 0),
        )
        if apart > slack:
            continue
        same_place, km, reason = _place_reason(target, other, max_km)
        if same_place:
            matches.append(Match(other.key, apart, km, f"{reason}, {apart} day(s) apart"))
    return sorted(matches, key=lambda m: (m.days_apart, m.km or 0.0, m.key))
