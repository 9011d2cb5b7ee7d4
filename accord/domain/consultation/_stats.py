"""Polis's statement statistics: representative statements per group (repness), consensus
statements, and group-aware consensus, from vote counts with Laplace smoothing and z-tests."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
from numpy.typing import NDArray

from ._matrix import VoteMatrix
from ._result import ConsensusStatement


@dataclass(frozen=True, eq=False)
class Tally:
    """Agree, disagree and seen counts, shaped (groups, statements)."""

    agree: NDArray[np.float64]
    disagree: NDArray[np.float64]
    seen: NDArray[np.float64]


def tally(matrix: VoteMatrix, labels: NDArray[np.int64], k: int) -> Tally:
    """Counts per group for participants with a label >= 0 (k = 1 and labels 0: everyone)."""
    values = matrix.values
    d = values.shape[1]
    row_label = labels[matrix.rows_of_entries()]
    keep = row_label >= 0
    key = row_label[keep] * d + values.indices[keep]
    data = values.data[keep]

    def count(weights: NDArray | None) -> NDArray[np.float64]:
        return np.bincount(key, weights=weights, minlength=k * d).reshape(k, d).astype(float)

    return Tally(count((data == 1).astype(float)), count((data == -1).astype(float)), count(None))


def probability(n: NDArray, total: NDArray) -> NDArray[np.float64]:
    return (1.0 + n) / (2.0 + total)


def one_prop_z(n: NDArray, total: NDArray) -> NDArray[np.float64]:
    return 2.0 * np.sqrt(total + 1.0) * ((n + 1.0) / (total + 1.0) - 0.5)


def two_prop_z(n_in: NDArray, n_out: NDArray, t_in: NDArray, t_out: NDArray) -> NDArray:
    s1, s2, t1, t2 = n_in + 1.0, n_out + 1.0, t_in + 1.0, t_out + 1.0
    pooled = (s1 + s2) / (t1 + t2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (s1 / t1 - s2 / t2) / np.sqrt(pooled * (1 - pooled) * (1 / t1 + 1 / t2))
    return np.where(pooled == 1, 0.0, z)


@dataclass(frozen=True, eq=False)
class GroupStats:
    """One group's statistics per statement (arrays over the statement columns)."""

    na: NDArray
    nd: NDArray
    ns: NDArray
    pa: NDArray
    pd: NDArray
    pat: NDArray
    pdt: NDArray
    ra: NDArray
    rd: NDArray
    rat: NDArray
    rdt: NDArray


def group_stats(counts: Tally, g: int) -> GroupStats:
    """In-group versus out-group statistics of group g."""
    na, nd, ns = counts.agree[g], counts.disagree[g], counts.seen[g]
    oa, od, os_ = (m.sum(axis=0) - m[g] for m in (counts.agree, counts.disagree, counts.seen))
    pa, pd = probability(na, ns), probability(nd, ns)
    return GroupStats(
        na,
        nd,
        ns,
        pa,
        pd,
        one_prop_z(na, ns),
        one_prop_z(nd, ns),
        pa / probability(oa, os_),
        pd / probability(od, os_),
        two_prop_z(na, oa, ns, os_),
        two_prop_z(nd, od, ns, os_),
    )


def group_aware_consensus(counts: Tally) -> tuple[NDArray, NDArray]:
    """Product over groups of each group's smoothed agree (and disagree) probability."""
    return (
        probability(counts.agree, counts.seen).prod(axis=0),
        probability(counts.disagree, counts.seen).prod(axis=0),
    )


def consensus(
    counts: Tally,
    ids: NDArray[np.int64],
    candidates: NDArray[np.bool_],
    pick_max: int,
    confidence: float,
) -> tuple[tuple[ConsensusStatement, ...], tuple[ConsensusStatement, ...]]:
    """Statements a clear majority of everyone agrees (disagrees) with, strongest first;
    ties broken by statement id."""
    critical = NormalDist().inv_cdf(confidence)
    ns = counts.seen[0]
    picked = []
    for direction, n in (("agree", counts.agree[0]), ("disagree", counts.disagree[0])):
        p, z = probability(n, ns), one_prop_z(n, ns)
        ok = np.flatnonzero(candidates & (p > 0.5) & (z > critical))
        order = ok[np.lexsort((ids[ok], -(p[ok] * z[ok])))][:pick_max]
        picked.append(
            tuple(
                ConsensusStatement(
                    int(ids[j]), direction, int(n[j]), int(ns[j]), float(p[j]), float(z[j])
                )
                for j in order
            )
        )
    return picked[0], picked[1]
