"""Commitment and violation registers: pure rules behind the agreements and truces apps.

ACLED coding and CSV (read with row-numbered errors, write in ACLED's layout), duplicate-incident
matching, daily counts, the Peace Accords Matrix implementation scale and curve, and small SVG
charts. No Django: plain data in, plain data out.
"""

from accord.domain.register.acled import (
    EVENT_TYPES,
    canonical_event_type,
    canonical_sub_event_type,
    category_errors,
    event_type_choices,
    sub_event_type_choices,
)
from accord.domain.register.acled_csv import (
    EXPORT_COLUMNS,
    IncidentRow,
    ParsedCsv,
    RowError,
    content_hash,
    decode,
    parse_acled_csv,
    split_sources,
    write_acled_csv,
)
from accord.domain.register.counts import DailyCounts, daily_counts
from accord.domain.register.implementation import (
    FULL,
    LEVELS,
    CurvePoint,
    StatusPoint,
    implementation_curve,
    latest_levels,
    level_label,
    score,
)
from accord.domain.register.matching import Match, ReportFacts, distance_km, duplicate_candidates
from accord.domain.register.places import coordinate_errors, date_errors
from accord.domain.register.svg import stacked_bars, step_lines

__all__ = [
    "EVENT_TYPES",
    "EXPORT_COLUMNS",
    "FULL",
    "LEVELS",
    "CurvePoint",
    "DailyCounts",
    "IncidentRow",
    "Match",
    "ParsedCsv",
    "ReportFacts",
    "RowError",
    "StatusPoint",
    "canonical_event_type",
    "canonical_sub_event_type",
    "category_errors",
    "content_hash",
    "coordinate_errors",
    "daily_counts",
    "date_errors",
    "decode",
    "distance_km",
    "duplicate_candidates",
    "event_type_choices",
    "implementation_curve",
    "latest_levels",
    "level_label",
    "parse_acled_csv",
    "score",
    "split_sources",
    "stacked_bars",
    "step_lines",
    "sub_event_type_choices",
    "write_acled_csv",
]
