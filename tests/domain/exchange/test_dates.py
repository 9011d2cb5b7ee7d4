"""Birth dates in the formats lists use, with day/month ambiguity kept."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from accord.domain.exchange import DateParseError, parse_date


@pytest.mark.parametrize(
    ("cell", "readings"),
    [
        ("13.04.1990", (date(1990, 4, 13),)),
        ("1990-04-03", (date(1990, 4, 3),)),
        ("03.04.1990", (date(1990, 4, 3), date(1990, 3, 4))),
        ("3/4/1990", (date(1990, 4, 3), date(1990, 3, 4))),
        ("04/13/1990", (date(1990, 4, 13),)),
        ("05.05.1990", (date(1990, 5, 5),)),
        ("12 березня 1990 р.", (date(1990, 3, 12),)),
        ("12 марта 1990", (date(1990, 3, 12),)),
        ("March 12, 1990", (date(1990, 3, 12),)),
        ("19900412", (date(1990, 4, 12),)),
        ("13041990", (date(1990, 4, 13),)),
        (datetime(1990, 4, 13, 0, 0), (date(1990, 4, 13),)),
        (date(1990, 4, 13), (date(1990, 4, 13),)),
        (32976, (date(1990, 4, 13),)),
        ("32976", (date(1990, 4, 13),)),
    ],
)
def test_formats(cell: object, readings: tuple[date, ...]) -> None:
    value = parse_date(cell)
    assert value is not None
    assert value.readings == readings
    assert value.ambiguous == (len(readings) > 1)


def test_two_digit_years_pivot_on_the_given_year() -> None:
    assert parse_date("13.04.90", pivot_year=25).readings == (date(1990, 4, 13),)  # type: ignore[union-attr]
    assert parse_date("13.04.05", pivot_year=25).readings == (date(2005, 4, 13),)  # type: ignore[union-attr]


def test_year_only() -> None:
    value = parse_date("1985")
    assert value is not None and value.year_only and value.year == 1985 and not value.readings


@pytest.mark.parametrize("cell", [None, "", "   "])
def test_empty_cells_are_none(cell: object) -> None:
    assert parse_date(cell) is None


@pytest.mark.parametrize(
    "cell", ["31.02.1990", "13.13.1990", "unknown", "12 foo 1990", "1.2.123", -5]
)
def test_unreadable_dates_raise_with_the_text(cell: object) -> None:
    with pytest.raises(DateParseError):
        parse_date(cell)
