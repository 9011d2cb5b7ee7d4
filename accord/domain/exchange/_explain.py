"""Per-field explanations of chosen pairs, built in bulk only for the pairs shown to people."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

import numpy as np

from accord.domain.exchange._compare import LEVELS
from accord.domain.exchange._dates import DateValue
from accord.domain.exchange._model import Model
from accord.domain.exchange._records import Record
from accord.domain.exchange._types import FieldComparison


def shown_value(record: Record, field_name: str) -> str:
    """The normalised value of a field as a reviewer should read it."""
    if field_name == "birth_date":
        return _date_text(record.birth_date)
    return str(getattr(record, field_name))


@lru_cache(maxsize=65536)
def _date_text(value: DateValue | None) -> str:
    return str(value) if value else ""


def _shown(records: Sequence[Record], indices: list[int], field_name: str) -> list[str]:
    chosen = [records[i] for i in indices]
    if field_name != "birth_date":
        return list(map(attrgetter(field_name), chosen))
    texts: dict[int, str] = {}  # by identity: a list's records share one DateValue per cell text
    shown = []
    for value in map(attrgetter("birth_date"), chosen):
        text = texts.get(id(value))
        if text is None:
            text = texts[id(value)] = str(value) if value else ""
        shown.append(text)
    return shown


def explain_pairs(
    left: Sequence[Record],
    right: Sequence[Record],
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
    comparison: tuple[dict[str, np.ndarray], dict[str, np.ndarray]],
    model: Model,
) -> list[tuple[FieldComparison, ...]]:
    """The comparison of every field of the pairs numbered `k` (left li[k], right ri[k])."""
    li, ri, k = pairs
    levels, similarity = comparison
    left_index, right_index = li.tolist(), ri.tolist()
    columns = []
    for name, names in LEVELS.items():
        level = levels[name][k]
        columns.append(
            list(
                map(
                    FieldComparison,
                    [name] * len(k),
                    _shown(left, left_index, name),
                    _shown(right, right_index, name),
                    np.array(names, dtype=object)[level].tolist(),
                    np.round(similarity[name][k], 4).tolist(),
                    np.round(model.weights[name][level], 2).tolist(),
                )
            )
        )
    return list(zip(*columns, strict=True))
