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

from accord.domain.exchange._features import Features, date_keys

MAX_BLOCK = 5000


@dataclass(frozen=True)
class Candidates:
    """Candidate pairs as index arrays into the left and right lists."""

    left: np.ndarray
    right: np.ndarray
    skipped_blocks: int


def _pass_keys(f: Features) -> list[list[list[str]]]:
    """For each pass, the keys of each record (empty when the pass cannot use it)."""
    n = len(f)
    dates = date_keys(f)
    surname, given, patronymic = f.surname.tolist(), f.given.tolist(), f.patronymic.tolist()
    year = f.year.tolist()

    def keys(make: object) -> list[list[str]]:
        return [make(i) for i in range(n)]  # type: ignore[operator]

    return [
        keys(lambda i: [f"{surname[i]}|{given[i]}"] if surname[i] and given[i] else []),
        keys(lambda i: [f"{surname[i]}|{year[i]}"] if surname[i] and year[i] else []),
        keys(lambda i: [f"{given[i]}|{d}" for d in dates[i]] if given[i] else []),
        keys(lambda i: [f"{surname[i]}|{patronymic[i]}"] if surname[i] and patronymic[i] else []),
        keys(lambda i: [f.document[i]] if f.document[i] else []),
        keys(lambda i: [f.military[i]] if f.military[i] else []),
    ]


def candidate_pairs(
    left: Features, right: Features | None = None, *, max_block: int = MAX_BLOCK
) -> Candidates:
    """All pairs sharing a key in some pass; with `right` None, pairs within `left` (i < j)."""
    same = right is None
    right_f = left if right is None else right
    left_keys, right_keys = _pass_keys(left), (_pass_keys(right_f) if not same else None)
    found: list[np.ndarray] = []
    skipped = 0
    n_right = len(right_f)
    for index, keys in enumerate(left_keys):
        other = keys if right_keys is None else right_keys[index]
        pl, pr, dropped = _join(keys, other, max_block)
        skipped += dropped
        if same:
            keep = pl < pr
            pl, pr = pl[keep], pr[keep]
        found.append(pl.astype(np.int64) * n_right + pr)
    codes = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    return Candidates(codes // n_right, codes % n_right, skipped)


def _codes(keys: list[list[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Record indices and integer key codes, one entry per (record, key)."""
    index: list[int] = []
    codes: list[int] = []
    for i, row in enumerate(keys):
        for key in row:
            index.append(i)
            codes.append(vocab.setdefault(key, len(vocab)))
    return np.array(index, dtype=np.int64), np.array(codes, dtype=np.int64)


def _join(
    left: list[list[str]], right: list[list[str]], max_block: int
) -> tuple[np.ndarray, np.ndarray, int]:
    """Every (left, right) pair of records sharing a key, by sorting and expanding blocks."""
    vocab: dict[str, int] = {}
    li, lk = _codes(left, vocab)
    ri, rk = _codes(right, vocab)
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
