"""Per-field comparison levels of candidate pairs, computed column-wise.

Each field of a pair lands on one level (level 0 always means "missing on one side", which
weighs nothing). Names are compared by Jaro-Winkler similarity of their matching keys (the lossy
phonetic key for surnames, the equivalence class for given names and patronymics), so
Олексій/Алексей/Oleksii compare as equal and Зеленський/Zelenskiy as well.
"""

from __future__ import annotations

from typing import NamedTuple

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

    def pair(attr: str) -> _Pair:
        return _Pair(
            left.codes[attr][li], right.codes[attr][ri], left.uniques[attr], right.uniques[attr]
        )

    levels["surname"], similarity["surname"] = _names(pair("surname"))
    for field_name, attr in (("given_name", "given"), ("patronymic", "patronymic")):
        levels[field_name], similarity[field_name] = _names(pair(attr), pair(f"{attr}_key"))
    levels["birth_date"], similarity["birth_date"] = _dates(left, right, li, ri)
    for field_name, attr in (("document", "document"), ("military_number", "military")):
        levels[field_name], similarity[field_name] = _numbers(pair(attr))
    return levels, similarity


class _Pair(NamedTuple):
    """One string field of many pairs: codes on each side and the distinct strings they name."""

    a: np.ndarray
    b: np.ndarray
    a_values: list[str]
    b_values: list[str]

    def subset(self, index: np.ndarray) -> _Pair:
        return _Pair(self.a[index], self.b[index], self.a_values, self.b_values)

    def missing(self) -> np.ndarray:
        return (self.a == 0) | (self.b == 0)


def _names(pair: _Pair, spelt: _Pair | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Similarity of the class keys, or of the spellings when these are closer (typos)."""
    sim = _paired(pair, JaroWinkler.normalized_similarity)
    if spelt is not None:
        differ = np.flatnonzero(sim < 0.9999)
        by_spelling = _paired(spelt.subset(differ), JaroWinkler.normalized_similarity)
        sim[differ] = np.maximum(sim[differ], np.minimum(by_spelling, 0.999))
    level = np.select([pair.missing(), sim >= 0.9999, sim >= CLOSE, sim >= FUZZY], [0, 1, 2, 3], 4)
    return level.astype(np.int8), sim


def _numbers(pair: _Pair) -> tuple[np.ndarray, np.ndarray]:
    distance = _paired(pair, Levenshtein.distance)
    missing = pair.missing()
    level = np.select([missing, distance == 0, distance == 1], [0, 1, 2], 3)
    lengths = np.maximum(np.array([len(x) for x in pair.a_values], dtype=np.int64)[pair.a], 1)
    return level.astype(np.int8), np.where(missing, 0.0, np.clip(1 - distance / lengths, 0, 1))


def _paired(pair: _Pair, scorer: object) -> np.ndarray:
    """Score each distinct pair of strings once; pairs with a missing side are not scored."""
    result = np.zeros(len(pair.a))
    present = np.flatnonzero((pair.a != 0) & (pair.b != 0))
    if len(present) == 0:
        return result
    width = len(pair.b_values)
    unique, inverse = np.unique(pair.a[present] * width + pair.b[present], return_inverse=True)
    a = [pair.a_values[i] for i in (unique // width).tolist()]
    b = [pair.b_values[i] for i in (unique % width).tolist()]
    scores = cpdist(a, b, scorer=scorer, workers=-1).astype(float)
    result[present] = scores[inverse.reshape(-1)]
    return result


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
