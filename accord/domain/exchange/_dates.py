"""Birth dates as written in real lists, keeping every reading an ambiguous date allows.

"03.04.1990" is 3 April in Kyiv and Moscow but 4 March in a list typed by an American clerk; both
readings are kept (the day-first one first) and the comparison knows a swapped match from an exact
one. Formats: d.m.y, d/m/y, d-m-y, y-m-d, two-digit years, compact ddmmyyyy/yyyymmdd, month names
in English, Ukrainian and Russian, spreadsheet dates and Excel serial numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

_EXCEL_EPOCH = date(1899, 12, 30)
_NUMERIC = re.compile(r"^(\d{1,4})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{1,4})\s*(?:р\.?|г\.?)?$")
_COMPACT = re.compile(r"^\d{8}$")
_WORDS = re.compile(
    r"^(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})|([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})$"
)
_YEAR_ONLY = re.compile(r"^(1[89]\d\d|20\d\d)(?:\s*(?:р\.?|г\.?))?$")
_MONTH_STEMS = {
    1: ("jan", "січ", "янв"), 2: ("feb", "лют", "фев"), 3: ("mar", "берез", "мар"),
    4: ("apr", "квіт", "апр"), 5: ("may", "трав", "мая", "май"), 6: ("jun", "черв", "июн"),
    7: ("jul", "лип", "июл"), 8: ("aug", "серп", "авг"), 9: ("sep", "верес", "сен"),
    10: ("oct", "жовт", "окт"), 11: ("nov", "листоп", "ноя"), 12: ("dec", "груд", "дек"),
}  # fmt: skip


@dataclass(frozen=True)
class DateValue:
    """The readings of one date cell: usually one, two when day and month can be swapped.

    `year_only` marks a cell that gave a year and nothing else (then `readings` is empty).
    """

    readings: tuple[date, ...]
    year: int
    ambiguous: bool = False
    year_only: bool = False

    def __str__(self) -> str:
        if self.year_only:
            return str(self.year)
        return " or ".join(d.isoformat() for d in self.readings)


class DateParseError(ValueError):
    """A cell that should hold a date holds something else."""


def parse_date(value: object, *, pivot_year: int | None = None) -> DateValue | None:
    """Read a birth date cell; None for an empty cell, DateParseError for an unreadable one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return _single(value.date())
    if isinstance(value, date):
        return _single(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(float(value))
    pivot = pivot_year if pivot_year is not None else _this_year() % 100
    return _from_text(str(value).strip().lower(), pivot)


@lru_cache(maxsize=1)
def _this_year() -> int:
    return date.today().year


def _single(day: date) -> DateValue:
    return DateValue((day,), day.year)


def _from_serial(serial: float) -> DateValue:
    if not 1 <= serial < 80000:
        raise DateParseError(f"number {serial:g} is not a spreadsheet date")
    return _single(_EXCEL_EPOCH + timedelta(days=int(serial)))


@lru_cache(maxsize=65536)
def _from_text(text: str, pivot: int) -> DateValue:
    if match := _YEAR_ONLY.match(text):
        return DateValue((), int(match.group(1)), year_only=True)
    if _COMPACT.match(text):
        return _from_compact(text)
    if match := _NUMERIC.match(text):
        return _from_parts(*(match.group(i) for i in (1, 2, 3)), pivot=pivot)
    if match := _WORDS.match(text):
        return _from_words(match)
    if text.replace(".", "", 1).isdigit():
        return _from_serial(float(text))
    raise DateParseError(f"{text!r} is not a date")


def _from_compact(text: str) -> DateValue:
    if text[:2] in ("19", "20") and _valid(int(text[:4]), int(text[4:6]), int(text[6:])):
        return _single(date(int(text[:4]), int(text[4:6]), int(text[6:])))
    return _from_parts(text[:2], text[2:4], text[4:], pivot=0)


def _from_parts(first: str, second: str, third: str, *, pivot: int) -> DateValue:
    if len(first) == 4:
        year, month, day = int(first), int(second), int(third)
        if not _valid(year, month, day):
            raise DateParseError(f"{first}-{second}-{third} is not a valid date")
        return _single(date(year, month, day))
    year = _full_year(third, pivot)
    a, b = int(first), int(second)
    readings = [date(year, m, d) for d, m in ((a, b), (b, a)) if _valid(year, m, d)]
    readings = list(dict.fromkeys(readings))
    if not readings:
        raise DateParseError(f"{first}.{second}.{third} is not a valid date")
    return DateValue(tuple(readings), year, ambiguous=len(readings) > 1)


def _full_year(text: str, pivot: int) -> int:
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        value = int(text)
        return 2000 + value if value <= pivot else 1900 + value
    raise DateParseError(f"year {text!r} has neither two nor four digits")


def _from_words(match: re.Match[str]) -> DateValue:
    if match.group(1):
        day, word, year = int(match.group(1)), match.group(2), int(match.group(3))
    else:
        word, day, year = match.group(4), int(match.group(5)), int(match.group(6))
    month = next((m for m, stems in _MONTH_STEMS.items() if word.startswith(stems)), 0)
    if not month or not _valid(year, month, day):
        raise DateParseError(f"{match.group(0)!r} is not a date")
    return _single(date(year, month, day))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1850 <= year <= 2100
