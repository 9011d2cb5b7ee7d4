"""Column arrays of the matching keys of a list of records, built once per linkage run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from accord.domain.exchange._key import name_key
from accord.domain.exchange._names import given_canonical, patronymic_canonical
from accord.domain.exchange._records import Record


@dataclass(frozen=True)
class Features:
    """Per-record keys as arrays; "" or 0 mean missing.

    Given names and patronymics have two keys: the equivalence class (Олексій = Алексей) and the
    plain spelling key, which catches typos the class lookup cannot place.

    Dates are split into year, month and day for the primary reading (1) and the alternative
    reading of an ambiguous date (2); `year` is set for year-only cells too.
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

    def __len__(self) -> int:
        return len(self.surname)


def build_features(records: Sequence[Record]) -> Features:
    """Compute every key of every record."""
    dates = [r.birth_date for r in records]
    year = np.array([d.year if d else 0 for d in dates], dtype=np.int32)
    readings = [d.readings if d else () for d in dates]
    date1, date2 = (
        np.array(
            [_ymd(r[n]) if len(r) > n else (0, 0, 0) for r in readings], dtype=np.int32
        ).reshape(-1, 3)
        for n in (0, 1)
    )
    return Features(
        surname=_strings(name_key(r.surname) for r in records),
        given=_strings(given_canonical(r.given_name) for r in records),
        patronymic=_strings(patronymic_canonical(r.patronymic) for r in records),
        given_key=_strings(name_key(r.given_name) for r in records),
        patronymic_key=_strings(name_key(r.patronymic) for r in records),
        document=_strings(r.document for r in records),
        military=_strings(r.military_number for r in records),
        year=year,
        date1=date1,
        date2=date2,
    )


def _ymd(day: date) -> tuple[int, int, int]:
    return day.year, day.month, day.day


def _strings(values: object) -> np.ndarray:
    return np.array(list(values), dtype=object)  # type: ignore[call-overload]
