"""Non-dominated filtering of utility vectors (maximisation), exact in floating point.

Vector y dominates x when y >= x in every coordinate and y != x. Exact duplicates are merged
into one representative (the first in input order) whose count is the sum of their counts, so
nothing is lost when the caller needs to know how many packages share a utility vector.
"""

from __future__ import annotations

import numpy as np

_BLOCK = 1024
_PIVOTS = 256
_DENSE_COORDINATES = 4


def skyline(points: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the non-dominated distinct rows of `points`, and their merged counts.

    Rows are visited in lexicographically descending order, in which every dominator precedes
    what it dominates; two and three parties use exact sweeps, more parties a blocked
    sort-filter-skyline.
    """
    n, d = points.shape
    if n == 0:
        return np.empty(0, dtype=np.int64), counts[:0]
    order = np.lexsort(tuple(-points[:, k] for k in range(d - 1, -1, -1)))
    ordered = points[order]
    starts = np.ones(n, dtype=bool)
    starts[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    start_positions = np.flatnonzero(starts)
    merged_counts = np.add.reduceat(counts[order], start_positions)
    unique_rows = ordered[start_positions]
    keep = ~_dominated_by_earlier(unique_rows)
    return order[start_positions[keep]], merged_counts[keep]


def _dominated_by_earlier(rows: np.ndarray) -> np.ndarray:
    """For distinct rows in descending lexicographic order: is each dominated by an earlier one?"""
    d = rows.shape[1]
    if d == 1:
        dominated = np.ones(len(rows), dtype=bool)
        dominated[0] = False
        return dominated
    if d == 2:
        return _dominated_2d(rows[:, 1])
    if d == 3:
        return _dominated_3d(_ranks(rows[:, 1]), _ranks(rows[:, 2]))
    return _dominated_blocked(rows)


def _dominated_2d(second: np.ndarray) -> np.ndarray:
    best_before = np.maximum.accumulate(np.concatenate(([-np.inf], second[:-1])))
    return best_before >= second


def _ranks(values: np.ndarray) -> np.ndarray:
    """Dense integer ranks: equal floats get equal ranks, order is preserved exactly."""
    return np.unique(values, return_inverse=True)[1].astype(np.int64)


def _dominated_3d(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row i is dominated iff an earlier row j has a[j] >= a[i] and b[j] >= b[i].

    Divide and conquer over the visiting order (left halves are earlier), all segments of one
    level at once: left points are sorted by (segment, a descending) and a running maximum of b
    answers every right point's query with one binary search.
    """
    n = len(a)
    dominated = np.zeros(n, dtype=bool)
    span = n + 1
    position = np.arange(n, dtype=np.int64)
    width = 1
    while width < n:
        segment = position // (2 * width)
        is_left = (position // width) % 2 == 0
        left = np.flatnonzero(is_left)
        right = np.flatnonzero(~is_left)
        left_key = segment[left] * span + (n - a[left])
        left_order = np.argsort(left_key, kind="stable")
        sorted_key = left_key[left_order]
        running_b = np.maximum.accumulate(segment[left][left_order] * span + b[left][left_order])
        found = np.searchsorted(sorted_key, segment[right] * span + (n - a[right]), side="right")
        has = found > 0
        last = np.maximum(found - 1, 0)
        same_segment = has & (sorted_key[last] // span == segment[right])
        best_b = running_b[last] - segment[right] * span
        dominated[right] |= same_segment & (best_b >= b[right])
        width *= 2
    return dominated


def _dominated_blocked(rows: np.ndarray) -> np.ndarray:
    """Sort-filter skyline: a cheap pass against strong pivots, then blocks against survivors.

    Rows are visited by decreasing total, so dominators come first. Pivots (the rows of highest
    total) may dominate anything, which removes most dominated rows in one vectorised pass; only
    the rest go through the exact blocked filter.
    """
    n = len(rows)
    order = np.argsort(-rows.sum(axis=1), kind="stable")
    visited = rows[order]
    dominated_sorted = np.zeros(n, dtype=bool)
    pivots = visited[:_PIVOTS]
    for start in range(_PIVOTS, n, _BLOCK):
        block = visited[start : start + _BLOCK]
        dominated_sorted[start : start + len(block)] = _any_weakly_above(pivots, block)
    remaining = np.flatnonzero(~dominated_sorted)
    survivors = np.empty((0, rows.shape[1]))
    for start in range(0, len(remaining), _BLOCK):
        positions = remaining[start : start + _BLOCK]
        block = visited[positions]
        alive = np.ones(len(block), dtype=bool)
        for chunk_start in range(0, len(survivors), _BLOCK):
            alive &= ~_any_weakly_above(survivors[chunk_start : chunk_start + _BLOCK], block)
        alive &= ~np.any(np.tril(_weakly_above(block, block), k=-1), axis=1)
        dominated_sorted[positions[~alive]] = True
        survivors = np.vstack([survivors, block[alive]])
    dominated = np.empty(n, dtype=bool)
    dominated[order] = dominated_sorted
    return dominated


def _weakly_above(reference: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Matrix [q, r]: does reference row r lie >= query row q in every coordinate?

    The first coordinates are compared densely; the few pairs still standing are then checked
    on the remaining coordinates one pair list at a time, which matters with many parties.
    """
    above = queries[:, 0, None] <= reference[None, :, 0]
    dense = min(queries.shape[1], _DENSE_COORDINATES)
    for k in range(1, dense):
        above &= queries[:, k, None] <= reference[None, :, k]
    if dense == queries.shape[1]:
        return above
    q_rows, r_rows = np.nonzero(above)
    for k in range(dense, queries.shape[1]):
        still = queries[q_rows, k] <= reference[r_rows, k]
        q_rows, r_rows = q_rows[still], r_rows[still]
    result = np.zeros_like(above)
    result[q_rows, r_rows] = True
    return result


def _any_weakly_above(reference: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """For each query row: does some reference row lie >= it in every coordinate?

    Callers pass distinct rows, so lying weakly above means dominating.
    """
    return np.any(_weakly_above(reference, queries), axis=1)
