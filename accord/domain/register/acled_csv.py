"""ACLED-style CSV: read rows into checked incident facts, write incidents back out.

Reading is all-or-nothing by design: `parse_acled_csv` returns every row-numbered error it finds,
and a caller writes nothing unless the error list is empty. Row numbers count CSV records with the
header as row 1, so the first data row is row 2 (as a spreadsheet shows it).
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from accord.domain.register.acled import canonical_event_type, canonical_sub_event_type
from accord.domain.register.places import coordinate_errors, date_errors

#: Columns an import must have (ACLED names).
REQUIRED = ("event_date", "event_type", "sub_event_type")
#: Columns read when present; all other columns are ignored.
OPTIONAL = (
    "time_precision",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "source",
    "notes",
    "target_type",
)
#: The export layout: ACLED's own columns first, then Accord's.
EXPORT_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "source",
    "notes",
    "target_type",
    "verification_status",
    "incident_id",
    "reported_by",
)
TEXT_COLUMNS = frozenset({"actor1", "actor2", "admin1", "location", "source", "notes"})
MAX_ROWS = 100_000
MAX_CELL = 20_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class IncidentRow:
    """One checked row: canonical ACLED categories, parsed numbers, its content hash."""

    row: int
    event_date: date
    event_type: str
    sub_event_type: str
    time_precision: int = 1
    actor1: str = ""
    actor2: str = ""
    admin1: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int = 0
    source: str = ""
    notes: str = ""
    target_type: str = ""
    content_hash: str = ""


@dataclass
class ParsedCsv:
    rows: list[IncidentRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    duplicates_in_file: int = 0


def content_hash(
    *,
    event_date: date,
    event_type: str,
    sub_event_type: str,
    actor1: str = "",
    admin1: str = "",
    location: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    fatalities: int = 0,
    source: str = "",
    notes: str = "",
) -> str:
    """A stable digest of what a row says, so that the same row is never imported twice."""
    parts = [
        event_date.isoformat(),
        event_type.casefold(),
        sub_event_type.casefold(),
        " ".join(actor1.split()).casefold(),
        " ".join(admin1.split()).casefold(),
        " ".join(location.split()).casefold(),
        "" if latitude is None else f"{latitude:.4f}",
        "" if longitude is None else f"{longitude:.4f}",
        str(fatalities),
        "; ".join(split_sources(source)),
        " ".join(notes.split()),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def split_sources(text: str) -> list[str]:
    """Sources are one per line in Accord and ';'-separated in ACLED: both read the same."""
    return [" ".join(part.split()) for part in re.split(r"[;\n]", text) if part.strip()]


def parse_date(value: str) -> date:
    """ACLED dates: ISO (2026-02-03) or the older '03 February 2026'."""
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"Cannot read date {value!r} (use YYYY-MM-DD).")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM); anything else is refused rather than guessed."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"The file is not UTF-8 (byte {error.start}).") from error
    if "\x00" in text:  # UTF-16 without a byte-order mark decodes like this; no cell holds one
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ValueError(f"Line {line} holds a NUL character (0x00); save the file as UTF-8.")
    return text


def unescape_cell(value: str) -> str:
    """Undo the export's spreadsheet-formula guard (a leading apostrophe)."""
    if value.startswith("'") and value[1:2] in _FORMULA_START and value[1:2]:
        return value[1:]
    return value


def parse_acled_csv(text: str, *, today: date, earliest: date | None = None) -> ParsedCsv:
    """Check every row of an ACLED-style CSV; collect all errors rather than stop at the first."""
    result = ParsedCsv()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        result.errors.append(RowError(1, "", f"Malformed header: {error}."))
        return result
    if not header or not any(h.strip() for h in header):
        result.errors.append(RowError(1, "", "The file is empty or has no header row."))
        return result
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        result.errors.append(RowError(1, "", f"Missing column(s): {', '.join(missing)}."))
        return result
    seen: set[str] = set()
    number = 1
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.errors.append(RowError(number, "", f"Malformed row: {error}."))
            break
        if not any(c.strip() for c in cells):
            continue
        if number - 1 > MAX_ROWS:
            result.errors.append(RowError(number, "", f"More than {MAX_ROWS} rows."))
            break
        if len(cells) != len(columns):
            result.errors.append(
                RowError(number, "", f"Expected {len(columns)} fields, found {len(cells)}.")
            )
            continue
        row = _check_row(number, dict(zip(columns, cells, strict=True)), today, earliest, result)
        if row is None:
            continue
        if row.content_hash in seen:
            result.duplicates_in_file += 1
            continue
        seen.add(row.content_hash)
        result.rows.append(row)
    return result


def _check_row(
    number: int, cells: dict[str, str], today: date, earliest: date | None, result: ParsedCsv
) -> IncidentRow | None:
    errors: dict[str, str] = {}
    values = {k: unescape_cell(cells.get(k, "")).strip() for k in REQUIRED + OPTIONAL}
    for key, value in values.items():
        if len(value) > MAX_CELL:
            errors[key] = f"Longer than {MAX_CELL} characters."
    day = _field(errors, "event_date", parse_date, values["event_date"])
    if day is not None:
        errors.update(date_errors(day, today=today, earliest=earliest))
    event_type = canonical_event_type(values["event_type"])
    sub = canonical_sub_event_type(values["event_type"], values["sub_event_type"])
    if event_type is None:
        errors["event_type"] = f"Unknown ACLED event type {values['event_type']!r}."
    elif sub is None:
        errors["sub_event_type"] = (
            f"{values['sub_event_type']!r} is not an ACLED sub-event type of {event_type!r}."
        )
    latitude = _field(errors, "latitude", _optional_float, values["latitude"])
    longitude = _field(errors, "longitude", _optional_float, values["longitude"])
    if "latitude" not in errors and "longitude" not in errors:
        errors.update(coordinate_errors(latitude, longitude))
    fatalities = _field(errors, "fatalities", _count, values["fatalities"])
    precision = _field(errors, "time_precision", _precision, values["time_precision"])
    if errors:
        result.errors.extend(RowError(number, k, m) for k, m in errors.items())
        return None
    facts = {
        "event_date": day,
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": values["actor1"],
        "admin1": values["admin1"],
        "location": values["location"],
        "latitude": latitude,
        "longitude": longitude,
        "fatalities": fatalities,
        "source": values["source"],
        "notes": values["notes"],
    }
    return IncidentRow(
        row=number,
        time_precision=precision,
        actor2=values["actor2"],
        target_type=values["target_type"],
        content_hash=content_hash(**facts),
        **facts,
    )


def _field(errors: dict[str, str], name: str, parse, value: str):
    try:
        return parse(value)
    except ValueError as error:
        errors[name] = str(error)
        return None


def _optional_float(value: str) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a number.") from None
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number.")
    return number


def _count(value: str) -> int:
    if not value:
        return 0
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a whole number.") from None
    if not 0 <= number <= 1_000_000:
        raise ValueError(f"{number} is outside 0..1000000.")
    return number


def _precision(value: str) -> int:
    if not value:
        return 1
    if value not in {"1", "2", "3"}:
        raise ValueError(f"time_precision {value!r} must be 1 (day), 2 (week) or 3 (month).")
    return int(value)


def _guard(column: str, value: object) -> str:
    text = "" if value is None else str(value)
    if column in TEXT_COLUMNS and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def write_acled_csv(rows: Iterable[dict[str, object]]) -> str:
    """CSV text in EXPORT_COLUMNS order; text cells that a spreadsheet would run are guarded."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([_guard(c, row.get(c, "")) for c in EXPORT_COLUMNS])
    return out.getvalue()
