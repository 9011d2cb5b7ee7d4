"""Column arrays of the matching keys of a list of records, built once per linkage run."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

import numpy as np

from accord.domain.exchange._dates import DateValue
from accord.domain.exchange._key import name_key
from accord.domain.exchange._names import given_canonical, patronymic_canonical
from accord.domain.exchange._records import Record

STRING_COLUMNS = (
    "surname", "given", "patronymic", "given_key", "patronymic_key", "document", "military",
)  # fmt: skip


@dataclass(frozen=True)
class Features:
    """Per-record keys as arrays; "" or 0 mean missing.

    Given names and patronymics have two keys: the equivalence class (Олексій = Алексей) and the
    plain spelling key, which catches typos the class lookup cannot place.

    Dates are split into year, month and day for the primary reading (1) and the alternative
    reading of an ambiguous date (2); `year` is set for year-only cells too.

    Each string column is also factorised: `codes[name]` numbers the distinct values of the
    column (0 is always ""), `uniques[name]` lists them, so comparisons and blocking work on
    integers and each distinct pair of strings is compared once.
    """

    surname: np.ndarray
    given: np.ndarray
    patronymic: np.ndarray
    given_key: np.ndarray
    patronymic_key: np.ndarray
    document: np.ndarray
    military: np.ndarray
    year: np.ndarray
    date1: np.ndarray
    date2: np.ndarray
    codes: dict[str, np.ndarray] = field(default_factory=dict)
    uniques: dict[str, list[str]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.surname)


def build_features(records: Sequence[Record]) -> Features:
    """Compute every key of every record, each distinct value once."""
    columns: dict[str, tuple[np.ndarray, np.ndarray, list[str]]] = {}
    for name, attr, function in (
        ("surname", "surname", name_key),
        ("given", "given_name", given_canonical),
        ("patronymic", "patronymic", patronymic_canonical),
        ("given_key", "given_name", name_key),
        ("patronymic_key", "patronymic", name_key),
        ("document", "document", None),
        ("military", "military_number", None),
    ):
        columns[name] = _column(list(map(attrgetter(attr), records)), function)
    year, date1, date2 = _dates([r.birth_date for r in records])
    return Features(
        **{name: column[0] for name, column in columns.items()},
        year=year,
        date1=date1,
        date2=date2,
        codes={name: column[1] for name, column in columns.items()},
        uniques={name: column[2] for name, column in columns.items()},
    )


def _column(
    values: list[str], function: Callable[[str], str] | None
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Strings, their codes and the distinct strings, applying `function` to distinct values."""
    raw_codes, raw_uniques = factorise(values)
    keys = raw_uniques if function is None else [function(value) for value in raw_uniques]
    key_codes, uniques = factorise(keys)
    codes = key_codes[raw_codes]
    return np.array(uniques, dtype=object)[codes], codes, uniques


def factorise(values: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Integer codes of strings and the distinct strings in order of appearance; "" is code 0."""
    seen: dict[str, int] = {"": 0}
    setdefault = seen.setdefault
    codes = np.fromiter((setdefault(v, len(seen)) for v in values), np.int64, len(values))
    return codes, list(seen)


def _dates(dates: list[DateValue | None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year and the (year, month, day) of the first and second readings, per distinct value."""
    rows: dict[int, tuple[int, int, int, int, int, int, int]] = {}
    table = []
    for value in dates:
        key = id(value)
        found = rows.get(key)
        if found is None:
            found = rows[key] = _date_row(value)
        table.append(found)
    array = np.array(table, dtype=np.int32).reshape(-1, 7)
    return array[:, 0].copy(), array[:, 1:4].copy(), array[:, 4:7].copy()


def _date_row(value: DateValue | None) -> tuple[int, int, int, int, int, int, int]:
    if value is None:
        return (0,) * 7
    readings = [(d.year, d.month, d.day) for d in value.readings[:2]]
    readings += [(0, 0, 0)] * (2 - len(readings))
    return (value.year, *readings[0], *readings[1])
