"""k-means (Lloyd) and silhouette scores for 2-D opinion maps.

The iteration follows scikit-learn's Lloyd run step for step (data centred first, strict
convergence on unchanged labels, centre-shift tolerance relative to the data variance, empty
clusters re-seeded at the farthest points, a final assignment), so that with the same initial
centres it reaches the same groups; that is what the red-dwarf-compatible mode relies on.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

CELLS_PER_BLOCK = 2_000_000  # distances held at once by the silhouette


def lloyd(
    points: NDArray[np.float64], init: NDArray[np.float64], max_iter: int = 300, tol: float = 1e-4
) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """Labels and centres of k-means started from `init`."""
    offset = points.mean(axis=0)
    x = points - offset
    centres = np.array(init, dtype=np.float64) - offset
    threshold = float(np.mean(np.var(points, axis=0))) * tol
    labels_old = np.full(x.shape[0], -1, dtype=np.intp)
    converged = False
    for _ in range(max_iter):
        labels = assign(x, centres)
        new = _update(x, labels, centres)
        shift = float(((new - centres) ** 2).sum())
        centres = new
        if np.array_equal(labels, labels_old):
            converged = True
            break
        if shift <= threshold:
            break
        labels_old = labels
    if not converged:
        labels = assign(x, centres)
    return labels, centres + offset


def assign(x: NDArray[np.float64], centres: NDArray[np.float64]) -> NDArray[np.intp]:
    """Nearest centre of each point (first centre on ties)."""
    scores = (centres**2).sum(axis=1)[None, :] - 2.0 * (x @ centres.T)
    return np.argmin(scores, axis=1)


def _update(x: NDArray, labels: NDArray[np.intp], centres: NDArray) -> NDArray[np.float64]:
    k = centres.shape[0]
    counts = np.bincount(labels, minlength=k).astype(np.float64)
    sums = np.stack([np.bincount(labels, weights=x[:, j], minlength=k) for j in range(2)], 1)
    empty = np.flatnonzero(counts == 0)
    if empty.size:
        distance = ((x - centres[labels]) ** 2).sum(axis=1)
        farthest = np.argpartition(distance, -empty.size)[: -empty.size - 1 : -1]
        for cluster, point in zip(empty, farthest, strict=True):
            sums[labels[point]] -= x[point]
            counts[labels[point]] -= 1
            sums[cluster] = x[point]
            counts[cluster] = 1
    return sums / np.maximum(counts, 1)[:, None]


def polis_init(points: NDArray[np.float64], k: int) -> NDArray[np.float64] | None:
    """The first k distinct points in lexicographic order (Polis / red-dwarf's fixed start)."""
    distinct = np.unique(points, axis=0)
    return distinct[:k] if distinct.shape[0] >= k else None


def plus_plus_init(points: NDArray[np.float64], k: int, seed: int = 0) -> NDArray[np.float64]:
    """k-means++ seeding from a fixed seed, so the same data always gives the same start."""
    rng = np.random.default_rng(seed)
    centres = [points[int(rng.integers(points.shape[0]))]]
    closest = ((points - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        total = closest.sum()
        pick = int(rng.integers(points.shape[0])) if total == 0 else _weighted(rng, closest, total)
        centres.append(points[pick])
        closest = np.minimum(closest, ((points - points[pick]) ** 2).sum(axis=1))
    return np.array(centres)


def _weighted(rng: np.random.Generator, weights: NDArray, total: float) -> int:
    return int(min(np.searchsorted(np.cumsum(weights), rng.random() * total), weights.size - 1))


def silhouettes(points: NDArray[np.float64], labelings: list[NDArray[np.intp]]) -> list[float]:
    """Mean silhouette coefficient (Euclidean) of each labelling of the same points; NaN when
    a labelling has fewer than two groups or one group per point.

    The pairwise distances are computed once for all labellings, and identical points (common:
    people who voted alike) once, weighted by their multiplicity.
    """
    if not labelings:
        return []
    distinct, inverse, counts = np.unique(points, axis=0, return_inverse=True, return_counts=True)
    m = distinct.shape[0]
    owners, blocks, sizes = [], [], []
    for labels in labelings:
        k = int(labels.max()) + 1
        own = np.empty(m, dtype=np.intp)
        own[inverse.ravel()] = labels
        weights = np.zeros((m, k))
        weights[np.arange(m), own] = counts
        owners.append(own)
        blocks.append(weights)
        sizes.append(np.bincount(labels, minlength=k).astype(np.float64))
    weights_all = np.hstack(blocks)
    edges = np.cumsum([0, *(w.shape[1] for w in blocks)])
    scores = np.empty((len(labelings), m))
    x, y = distinct[:, 0], distinct[:, 1]
    chunk = max(1, CELLS_PER_BLOCK // m)
    for start in range(0, m, chunk):
        part = slice(start, start + chunk)
        dx = x[part, None] - x[None, :]
        dy = y[part, None] - y[None, :]
        dx *= dx
        dy *= dy
        dx += dy
        np.sqrt(dx, out=dx)
        sums = dx @ weights_all
        for i in range(len(labelings)):
            block = sums[:, edges[i] : edges[i + 1]]
            scores[i, part] = _coefficients(block, owners[i][part], sizes[i])
    return [
        float(scores[i] @ counts / counts.sum())
        if 2 <= np.count_nonzero(sizes[i]) < points.shape[0]
        else float("nan")
        for i in range(len(labelings))
    ]


def _coefficients(sums: NDArray, own: NDArray[np.intp], sizes: NDArray) -> NDArray[np.float64]:
    rows = np.arange(own.size)
    own_size = sizes[own]
    within = sums[rows, own] / np.maximum(own_size - 1, 1)
    mean_to = np.divide(sums, sizes[None, :], out=np.full_like(sums, np.inf), where=sizes > 0)
    mean_to[rows, own] = np.inf
    between = mean_to.min(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = (between - within) / np.maximum(within, between)
    s[own_size == 1] = 0.0
    return np.nan_to_num(s)
