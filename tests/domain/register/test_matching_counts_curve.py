from datetime import date

import pytest

from accord.domain.register import (
    ReportFacts,
    StatusPoint,
    daily_counts,
    distance_km,
    duplicate_candidates,
    implementation_curve,
    latest_levels,
    level_label,
    stacked_bars,
    step_lines,
)

D = date(2026, 2, 3)
MISSILE = "Explosions/Remote violence"


def test_same_event_nearby_on_adjacent_days_matches() -> None:
    a = ReportFacts(1, D, MISSILE, latitude=50.45, longitude=30.52)
    b = ReportFacts(2, date(2026, 2, 4), MISSILE, latitude=50.46, longitude=30.50)
    far = ReportFacts(3, D, MISSILE, latitude=49.84, longitude=24.03)  # Lviv
    other_type = ReportFacts(4, D, "Battles", latitude=50.45, longitude=30.52)
    late = ReportFacts(5, date(2026, 2, 9), MISSILE, latitude=50.45, longitude=30.52)
    assert [m.key for m in duplicate_candidates(a, [b, far, other_type, late])] == [2]


def test_without_coordinates_places_are_compared_by_name() -> None:
    a = ReportFacts(1, D, MISSILE, admin1="Kharkiv", location="Kharkiv")
    b = ReportFacts(2, D, MISSILE, admin1="Kharkivska", location="kharkiv city")
    c = ReportFacts(3, D, MISSILE, admin1="Kharkiv oblast")
    d = ReportFacts(4, D, MISSILE, admin1="Kharkiv")
    assert [m.key for m in duplicate_candidates(a, [b, c])] == [2]
    assert [m.key for m in duplicate_candidates(c, [d])] == [4]


def test_week_precision_widens_the_window() -> None:
    a = ReportFacts(1, D, MISSILE, location="Odesa", time_precision=2)
    b = ReportFacts(2, date(2026, 2, 8), MISSILE, location="Odesa")
    assert duplicate_candidates(a, [b])


def test_distance_is_plausible() -> None:
    assert distance_km((50.45, 30.52), (49.84, 24.03)) == pytest.approx(468, abs=5)


def test_daily_counts_fill_gaps_and_order_by_total() -> None:
    counts = daily_counts([(D, "RU"), (D, "RU"), (date(2026, 2, 5), "UA"), (D, "UA")])
    assert counts.days == [D, date(2026, 2, 4), date(2026, 2, 5)]
    assert counts.series == {"RU": [2, 0, 0], "UA": [1, 0, 1]} and counts.total == 4
    assert daily_counts([]).days == []


def test_daily_counts_keep_the_latest_window() -> None:
    counts = daily_counts([(date(2025, 1, 1), "A"), (D, "A")], max_days=10)
    assert len(counts.days) == 10 and counts.total == 1 and counts.days[-1] == D


def test_curve_counts_missing_provisions_as_zero() -> None:
    points = [
        StatusPoint(1, date(2026, 2, 5), 1, 1),
        StatusPoint(1, date(2026, 2, 6), 3, 2),
        StatusPoint(2, date(2026, 2, 6), 2, 3),
        StatusPoint(9, date(2026, 2, 6), 3, 4),  # another agreement's provision
    ]
    curve = implementation_curve([1, 2], points)
    assert [(p.day.day, p.mean, p.percent) for p in curve] == [(5, 0.5, 16.67), (6, 2.5, 83.33)]
    assert latest_levels(points, on=date(2026, 2, 5)) == {1: 1}


def test_level_labels_follow_pam() -> None:
    assert [level_label(i) for i in range(4)] == [
        "not initiated",
        "minimal",
        "intermediate",
        "full",
    ]
    with pytest.raises(ValueError):
        level_label(4)


def test_svg_escapes_labels_and_has_no_script() -> None:
    bars = stacked_bars([D], {"<script>": [2]}, title="Daily & counts")
    assert "<script>" not in bars and "&lt;script&gt;" in bars and bars.startswith("<svg")
    lines = step_lines({"UA": [(D, 1.0), (date(2026, 2, 6), 2.0)]}, title="Curve")
    assert "<polyline" in lines and "<script" not in lines
    assert "No status yet" in step_lines({}, title="Empty")
