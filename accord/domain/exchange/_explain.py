"""Per-field explanations of chosen pairs, built only for the pairs shown to people."""

from __future__ import annotations

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


def explain(
    left: Record,
    right: Record,
    levels: dict[str, np.ndarray],
    similarity: dict[str, np.ndarray],
    k: int,
    model: Model,
) -> tuple[FieldComparison, ...]:
    """The comparison of every field of pair number `k`."""
    return tuple(
        FieldComparison(
            field=field_name,
            left=shown_value(left, field_name),
            right=shown_value(right, field_name),
            level=LEVELS[field_name][int(levels[field_name][k])],
            similarity=round(float(similarity[field_name][k]), 4),
            weight=round(float(model.weights[field_name][levels[field_name][k]]), 2),
        )
        for field_name in LEVELS
    )
