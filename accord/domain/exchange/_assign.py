"""One-to-one assignment between two lists over the graph of candidate pairs.

Each connected component of the candidate graph is solved on its own with the Hungarian method
(scipy's linear_sum_assignment, maximising summed evidence), which is exact and cheap because
blocking keeps components small; a pair alone in its component is taken as is. A component too
large for a dense matrix falls back to greedy choice by descending weight.
"""

from __future__ import annotations

import numpy as np

_DENSE_LIMIT = 250_000
_NON_EDGE = -1e9


def assign(li: np.ndarray, ri: np.ndarray, weight: np.ndarray, n_left: int) -> np.ndarray:
    """Indices (into the pair arrays) of the pairs chosen, each record used at most once."""
    if len(li) == 0:
        return np.zeros(0, dtype=np.int64)
    left_degree = np.bincount(li)[li]
    right_degree = np.bincount(ri)[ri]
    lonely = (left_degree == 1) & (right_degree == 1)
    chosen = [np.flatnonzero(lonely)]
    rest = np.flatnonzero(~lonely)
    if len(rest):
        chosen.append(_solve_components(li, ri, weight, rest, n_left))
    return np.sort(np.concatenate(chosen))


def _solve_components(
    li: np.ndarray, ri: np.ndarray, weight: np.ndarray, rest: np.ndarray, n_left: int
) -> np.ndarray:
    from scipy.sparse import coo_matrix  # scipy loads on first use, not at start-up
    from scipy.sparse.csgraph import connected_components

    nodes_r = ri[rest] + n_left
    size = int(max(n_left, 1) + ri.max() + 1)
    graph = coo_matrix((np.ones(len(rest)), (li[rest], nodes_r)), shape=(size, size))
    _, label = connected_components(graph, directed=False)
    component = label[li[rest]]
    order = np.argsort(component, kind="stable")
    bounds = np.flatnonzero(np.diff(component[order])) + 1
    picked: list[np.ndarray] = []
    for group in np.split(rest[order], bounds):
        picked.append(_solve(li[group], ri[group], weight[group], group))
    return np.concatenate(picked)


def _solve(li: np.ndarray, ri: np.ndarray, weight: np.ndarray, index: np.ndarray) -> np.ndarray:
    rows, row_of = np.unique(li, return_inverse=True)
    cols, col_of = np.unique(ri, return_inverse=True)
    if len(rows) * len(cols) > _DENSE_LIMIT:
        return _greedy(li, ri, weight, index)
    matrix = np.full((len(rows), len(cols)), _NON_EDGE)
    position = np.full((len(rows), len(cols)), -1)
    matrix[row_of, col_of] = weight
    position[row_of, col_of] = np.arange(len(index))
    from scipy.optimize import linear_sum_assignment  # loaded on first use

    r, c = linear_sum_assignment(matrix, maximize=True)
    found = position[r, c]
    return index[found[found >= 0]]


def _greedy(li: np.ndarray, ri: np.ndarray, weight: np.ndarray, index: np.ndarray) -> np.ndarray:
    used_l: set[int] = set()
    used_r: set[int] = set()
    kept: list[int] = []
    for k in np.argsort(-weight, kind="stable"):
        if li[k] not in used_l and ri[k] not in used_r:
            used_l.add(int(li[k]))
            used_r.add(int(ri[k]))
            kept.append(int(index[k]))
    return np.array(kept, dtype=np.int64)
