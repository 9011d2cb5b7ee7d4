"""Per-field comparison levels of candidate pairs, computed column-wise.

Each field of a pair lands on one level (level 0 always means "missing on one side", which
weighs nothing). Names are compared by Jaro-Winkler similarity of their matching keys (the lossy
phonetic key for surnames, the equivalence class for given names and patronymics), so
Олексій/Алексей/Oleksii compare as equal and Зеленський/Zelenskiy as well.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz.distance import JaroWinkler, Levenshtein
from rapidfuzz.process import cpdist

from accord.domain.exchange._features import Features

NAME_LEVELS = ("missing", "exact", "close", "fuzzy", "different")
DATE_LEVELS = ("missing", "exact", "swapped", "partial", "year", "different")
NUMBER_LEVELS = ("missing", "exact", "one edit", "different")
LEVELS: dict[str, tuple[str, ...]] = {
    "surname": NAME_LEVELS,
    "given_name": NAME_LEVELS,
    "patronymic": NAME_LEVELS,
    "birth_date": DATE_LEVELS,
    "document": NUMBER_LEVELS,
    "military_number": NUMBER_LEVELS,
}
CLOSE, FUZZY = 0.94, 0.85


def compare(
    left: Features, right: Features, li: np.ndarray, ri: np.ndarray
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Level (int8) and similarity (float) of every field for the pairs (li[k], ri[k])."""
    levels: dict[str, np.ndarray] = {}
    similarity: dict[str, np.ndarray] = {}
    levels["surname"], similarity["surname"] = _names(left.surname[li], right.surname[ri])
    for field_name, attr in (("given_name", "given"), ("patronymic", "patronymic")):
        a, b = getattr(left, attr)[li], getattr(right, attr)[ri]
        spelt = getattr(left, f"{attr}_key")[li], getattr(right, f"{attr}_key")[ri]
        levels[field_name], similarity[field_name] = _names(a, b, *spelt)
    levels["birth_date"], similarity["birth_date"] = _dates(left, right, li, ri)
    for field_name, attr in (("document", "document"), ("military_number", "military")):
        a, b = getattr(left, attr)[li], getattr(right, attr)[ri]
        levels[field_name], similarity[field_name] = _numbers(a, b)
    return levels, similarity


def _missing(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a == "") | (b == "")


def _names(
    a: np.ndarray,
    b: np.ndarray,
    a_spelt: np.ndarray | None = None,
    b_spelt: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Similarity of the class keys, or of the spellings when these are closer (typos)."""
    sim = _paired(a, b, JaroWinkler.normalized_similarity)
    if a_spelt is not None and b_spelt is not None:
        differ = np.flatnonzero(sim < 0.9999)
        spelt = _paired(a_spelt[differ], b_spelt[differ], JaroWinkler.normalized_similarity)
        sim[differ] = np.maximum(sim[differ], np.minimum(spelt, 0.999))
    level = np.select([_missing(a, b), sim >= 0.9999, sim >= CLOSE, sim >= FUZZY], [0, 1, 2, 3], 4)
    return level.astype(np.int8), sim


def _numbers(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    distance = _paired(a, b, Levenshtein.distance)
    level = np.select([_missing(a, b), distance == 0, distance == 1], [0, 1, 2], 3)
    lengths = np.maximum(np.fromiter((len(x) for x in a), int, len(a)), 1)
    return level.astype(np.int8), np.clip(1 - distance / lengths, 0, 1)


def _paired(a: np.ndarray, b: np.ndarray, scorer: object) -> np.ndarray:
    if len(a) == 0:
        return np.zeros(0)
    return cpdist(a.tolist(), b.tolist(), scorer=scorer, workers=-1).astype(float)


def _dates(
    left: Features, right: Features, li: np.ndarray, ri: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Exact (primary readings equal), swapped (equal through the other reading), partial (two
    of year, month, day equal), year (same year only), different."""
    l1, l2, r1, r2 = left.date1[li], left.date2[li], right.date1[ri], right.date2[ri]
    ly, ry = left.year[li], right.year[ri]

    def same(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return (x == y).all(axis=1) & (x[:, 0] > 0)

    exact = same(l1, r1)
    swapped = same(l1, r2) | same(l2, r1) | same(l2, r2) | _transposed(l1, r1)
    partial = ((l1 == r1).sum(axis=1) >= 2) & (l1[:, 0] > 0) & (r1[:, 0] > 0)
    year = (ly == ry) & (ly > 0)
    missing = (ly == 0) | (ry == 0)
    level = np.select([missing, exact, swapped, partial, year], [0, 1, 2, 3, 4], 5)
    similarity = np.select([missing, exact, swapped, partial, year], [0, 1, 0.9, 0.7, 0.3], 0)
    return level.astype(np.int8), similarity


def _transposed(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Day and month written the other way round even where one of them exceeds 12."""
    return (a[:, 0] == b[:, 0]) & (a[:, 1] == b[:, 2]) & (a[:, 2] == b[:, 1]) & (a[:, 0] > 0)
