"""Per-field explanations of chosen pairs, built in bulk only for the pairs shown to people."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from accord.domain.exchange._compare import LEVELS
from accord.domain.exchange._model import Model
from accord.domain.exchange._records import Record
from accord.domain.exchange._types import FieldComparison


def shown_value(record: Record, field_name: str) -> str:
    """The normalised value of a field as a reviewer should read it."""
    if field_name == "birth_date":
        return str(record.birth_date) if record.birth_date else ""
    return str(getattr(record, field_name))


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
    columns = []
    for name, names in LEVELS.items():
        level = levels[name][k]
        columns.append(
            [
                FieldComparison(
                    name, shown_value(left[a], name), shown_value(right[b], name), *rest
                )
                for a, b, *rest in zip(
                    li.tolist(),
                    ri.tolist(),
                    np.array(names, dtype=object)[level].tolist(),
                    np.round(similarity[name][k], 4).tolist(),
                    np.round(model.weights[name][level], 2).tolist(),
                    strict=True,
                )
            ]
        )
    return list(zip(*columns, strict=True))
