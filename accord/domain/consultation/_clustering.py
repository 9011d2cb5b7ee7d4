"""Choosing the opinion groups: k-means for k in 2..max_k, the best silhouette wins.

Two policies. `cluster_compat` is red-dwarf 0.4.0's: Polis's fixed start, full silhouette.
`cluster_scalable` is Accord's default for large consultations: k-means++ from a fixed seed,
silhouette on a fixed sample, a minimum group size, and k-smoothing against flicker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from ._kmeans import lloyd, plus_plus_init, polis_init, silhouettes
from ._result import KSmoothing
from ._votes import ConsultationDataError

FIT_SAMPLE = 20_000  # above this many participants, fit on a sample and then refine on all
REFINE_ITERATIONS = 20
SEED = 20240611


@dataclass(frozen=True, eq=False)
class Clustering:
    k: int
    labels: NDArray[np.intp]
    centres: NDArray[np.float64]
    silhouettes: dict[int, float]
    smoothing: KSmoothing | None = None
    notes: tuple[str, ...] = field(default=())


def cluster_compat(points: NDArray[np.float64], max_k: int) -> Clustering:
    """Red-dwarf's choice: each k from Polis's fixed start; best full silhouette (smaller k
    on ties)."""
    fits: dict[int, tuple[NDArray, NDArray]] = {}
    for k in range(2, max_k + 1):
        init = polis_init(points, k)
        if init is None:
            continue
        fits[k] = lloyd(points, init)
    scores = dict(zip(fits, silhouettes(points, [f[0] for f in fits.values()]), strict=True))
    valid = [k for k in fits if not np.isnan(scores[k])]
    if not valid:
        raise ConsultationDataError(
            f"cannot form opinion groups: {points.shape[0]} participant(s) with enough votes "
            "and fewer than 2 distinct positions on the opinion map"
        )
    best = max(valid, key=lambda k: (scores[k], -k))
    return Clustering(best, fits[best][0], fits[best][1], scores)


def cluster_scalable(
    points: NDArray[np.float64],
    max_k: int,
    min_group_size: int,
    sample_size: int,
    previous: tuple[KSmoothing | None, NDArray[np.float64] | None] = (None, None),
) -> Clustering:
    """Accord's default: deterministic, sampled silhouette, no group below `min_group_size`."""
    n = points.shape[0]
    if n < 2 * min_group_size:
        note = (
            f"{n} participant(s) with enough votes: fewer than twice the minimum group "
            f"size {min_group_size}, so everyone is one group"
        )
        return Clustering(int(n > 0), np.zeros(n, np.intp), _centres(points), {}, None, (note,))
    sample = _sample(n, sample_size)
    prev_smoothing, prev_centres = previous
    fits: dict[int, tuple[NDArray, NDArray]] = {}
    notes: list[str] = []
    for k in range(2, max_k + 1):
        start = prev_centres if prev_centres is not None and len(prev_centres) == k else None
        labels, centres = _fit(points, k, start)
        smallest = int(np.bincount(labels, minlength=k).min())
        if smallest < min_group_size:
            notes.append(f"k={k} rejected: a group of {smallest} < minimum {min_group_size}")
            continue
        fits[k] = (labels, centres)
    sampled = silhouettes(points[sample], [labels[sample] for labels, _ in fits.values()])
    scores = dict(zip(fits, sampled, strict=True))
    valid = [k for k in fits if not np.isnan(scores[k])]
    if not valid:
        notes.append(f"no k in 2..{max_k} gives groups of the minimum size: one group")
        return Clustering(1, np.zeros(n, np.intp), _centres(points), scores, None, tuple(notes))
    best = max(valid, key=lambda k: (scores[k], -k))
    smoothing = _smooth(prev_smoothing, best, set(valid))
    labels, centres = fits[smoothing.k]
    if prev_centres is not None and len(prev_centres) != smoothing.k:
        labels, centres = _align(labels, centres, prev_centres)
    return Clustering(smoothing.k, labels, centres, scores, smoothing, tuple(notes))


def _fit(points: NDArray, k: int, start: NDArray | None) -> tuple[NDArray, NDArray]:
    if points.shape[0] <= FIT_SAMPLE:
        return lloyd(points, start if start is not None else plus_plus_init(points, k, SEED))
    subset = points[_sample(points.shape[0], FIT_SAMPLE)]
    _, centres = lloyd(subset, start if start is not None else plus_plus_init(subset, k, SEED))
    return lloyd(points, centres, max_iter=REFINE_ITERATIONS)


def _sample(n: int, size: int) -> NDArray[np.intp]:
    """A fixed, sorted sample of row indices (all rows when n <= size)."""
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(SEED).choice(n, size=size, replace=False))


def _smooth(prev: KSmoothing | None, best: int, valid: set[int]) -> KSmoothing:
    """Adopt a new k only after it wins `required` times in a row (Polis's k-smoothing)."""
    if prev is None or prev.k not in valid:
        return KSmoothing(k=best, candidate=best, streak=1)
    if best == prev.k:
        return KSmoothing(k=best, candidate=best, streak=1, required=prev.required)
    streak = prev.streak + 1 if best == prev.candidate else 1
    adopted = best if streak >= prev.required else prev.k
    return KSmoothing(k=adopted, candidate=best, streak=streak, required=prev.required)


def _align(labels: NDArray, centres: NDArray, previous: NDArray) -> tuple[NDArray, NDArray]:
    """Renumber groups so each keeps the id of the nearest previous group where possible."""
    cost = ((centres[:, None, :] - previous[None, :, :]) ** 2).sum(axis=2)
    from scipy.optimize import linear_sum_assignment  # heavy: loaded only when clustering

    rows, cols = linear_sum_assignment(cost)
    key = np.full(len(centres), np.inf)
    key[rows] = cols
    order = np.empty(len(centres), dtype=np.intp)
    order[np.lexsort((np.arange(len(centres)), key))] = np.arange(len(centres))
    new_centres = np.empty_like(centres)
    new_centres[order] = centres
    return order[labels], new_centres


def _centres(points: NDArray) -> NDArray[np.float64]:
    return points.mean(axis=0, keepdims=True) if points.shape[0] else np.zeros((0, 2))
