"""Candidate pairs from several blocking passes, so that one wrong field cannot hide a match.

Each pass joins records sharing a key: surname + given name, surname + birth year, given name +
full birth date (either reading), surname + patronymic, document number, military number. A
record with a typo in its surname is still found by its given name and date, and so on. Blocks
larger than `max_block` pairs (a key shared by too many records to discriminate) are skipped and
counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.domain.exchange._features import Features

MAX_BLOCK = 5000


@dataclass(frozen=True)
class Candidates:
    """Candidate pairs as index arrays into the left and right lists."""

    left: np.ndarray
    right: np.ndarray
    skipped_blocks: int


Keys = tuple[np.ndarray, np.ndarray]  # record indices, integer key codes (one entry per key)


def _codes(values: np.ndarray) -> np.ndarray:
    """Integer codes of values; -1 marks a missing value ("" or 0)."""
    _, codes = np.unique(values, return_inverse=True)
    codes = codes.astype(np.int64)
    codes[(values == "") if values.dtype == object else (values == 0)] = -1
    return codes


def _shared_codes(left: Features, right: Features, name: str) -> np.ndarray:
    """Codes of a string column over both lists (equal strings, equal codes); -1 when missing."""
    shared: dict[str, int] = {"": -1}
    parts = []
    for features in (left, right):
        mapping = np.array(
            [shared.setdefault(v, len(shared) - 1) for v in features.uniques[name]], dtype=np.int64
        )
        parts.append(mapping[features.codes[name]])
    return np.concatenate(parts)


def _combine(*codes: np.ndarray) -> np.ndarray:
    """One code for a tuple of codes; -1 when any part is missing."""
    out = np.zeros(len(codes[0]), dtype=np.int64)
    missing = np.zeros(len(codes[0]), dtype=bool)
    for part in codes:
        out = out * (int(part.max(initial=0)) + 2) + part
        missing |= part < 0
    out[missing] = -1
    return out


def _keys(*alternatives: np.ndarray) -> Keys:
    """Entries of the records whose key is present, over one or more alternative keys."""
    index = [np.flatnonzero(key >= 0) for key in alternatives]
    codes = [key[i] for key, i in zip(alternatives, index, strict=True)]
    return np.concatenate(index), np.concatenate(codes)


def _pass_keys(left: Features, right: Features) -> list[tuple[Keys, Keys]]:
    """For each pass, the keys of the left and of the right records.

    Codes are computed over both lists at once so that equal values get equal codes.
    """

    def both(name: str) -> np.ndarray:
        return _shared_codes(left, right, name)

    surname, given, patronymic = (both(n) for n in ("surname", "given", "patronymic"))
    year = _codes(np.concatenate([left.year, right.year]))
    weights = np.array([10_000, 100, 1])
    readings = np.concatenate([left.date1, right.date1, left.date2, right.date2]) @ weights
    dates = _codes(readings)
    n = len(left) + len(right)
    first, second = dates[:n], dates[n:]
    keys = [
        (_combine(surname, given),),
        (_combine(surname, year),),
        (_combine(given, first), _combine(given, second)),
        (_combine(surname, patronymic),),
        (both("document"),),
        (both("military"),),
    ]
    split = len(left)
    return [
        (_keys(*(k[:split] for k in alternatives)), _keys(*(k[split:] for k in alternatives)))
        for alternatives in keys
    ]


def candidate_pairs(
    left: Features, right: Features | None = None, *, max_block: int = MAX_BLOCK
) -> Candidates:
    """All pairs sharing a key in some pass; with `right` None, pairs within `left` (i < j)."""
    same = right is None
    right_f = left if right is None else right
    found: list[np.ndarray] = []
    skipped = 0
    n_right = len(right_f)
    for left_keys, right_keys in _pass_keys(left, right_f):
        pl, pr, dropped = _join(left_keys, right_keys, max_block)
        skipped += dropped
        if same:
            keep = pl < pr
            pl, pr = pl[keep], pr[keep]
        found.append(pl.astype(np.int64) * n_right + pr)
    codes = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    return Candidates(codes // n_right, codes % n_right, skipped)


def _join(left: Keys, right: Keys, max_block: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Every (left, right) pair of records sharing a key, by sorting and expanding blocks."""
    (li, lk), (ri, rk) = left, right
    lk_sorted, l_order = np.sort(lk), np.argsort(lk, kind="stable")
    rk_sorted, r_order = np.sort(rk), np.argsort(rk, kind="stable")
    lkeys, lstart, lcount = np.unique(lk_sorted, return_index=True, return_counts=True)
    rkeys, rstart, rcount = np.unique(rk_sorted, return_index=True, return_counts=True)
    _, a, b = np.intersect1d(lkeys, rkeys, assume_unique=True, return_indices=True)
    lcount, rcount, lstart, rstart = lcount[a], rcount[b], lstart[a], rstart[b]
    sizes = lcount * rcount
    keep = sizes <= max_block
    lcount, rcount, lstart, rstart, sizes = (
        x[keep] for x in (lcount, rcount, lstart, rstart, sizes)
    )
    block = np.repeat(np.arange(len(sizes)), sizes)
    within = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    l_pos = lstart[block] + within // rcount[block]
    r_pos = rstart[block] + within % rcount[block]
    return li[l_order][l_pos], ri[r_order][r_pos], int((~keep).sum())
