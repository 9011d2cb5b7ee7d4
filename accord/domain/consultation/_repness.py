"""Selection of each group's representative statements, following Polis's rules: a statement
counts when both its within-group probability and its group-versus-rest difference are
significant; the group's best agreed statement leads; agreements are listed before
disagreements."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
from numpy.typing import NDArray

from ._result import RepresentativeStatement
from ._stats import GroupStats


def select_repness(
    stats: GroupStats,
    ids: NDArray[np.int64],
    candidates: NDArray[np.bool_],
    pick_max: int,
    confidence: float,
) -> tuple[RepresentativeStatement, ...]:
    """Up to `pick_max` statements that represent the group (statement-id order on ties)."""
    critical = NormalDist().inv_cdf(confidence)
    columns = np.flatnonzero(candidates)
    significant = columns[
        ((stats.pat[columns] > critical) & (stats.rat[columns] > critical))
        | ((stats.pdt[columns] > critical) & (stats.rdt[columns] > critical))
    ]
    head = _best_agree(stats, columns, critical)
    led_by_agree = head is not None
    if head is None and significant.size == 0 and columns.size:
        head = int(columns[np.argmax(np.maximum(stats.rat[columns], stats.rdt[columns]))])
    if head is None:
        return ()
    metric = np.array([_metric(stats, j) for j in significant])
    ranked = significant[np.lexsort((ids[significant], -metric))] if significant.size else []
    chosen = [head, *(j for j in ranked if j != head)][:pick_max]
    items = [_format(stats, ids, j, best_agree=led_by_agree and j == head) for j in chosen]
    return tuple(sorted(items, key=lambda s: s.direction))


def _best_agree(stats: GroupStats, columns: NDArray[np.intp], critical: float) -> int | None:
    """The statement the group most clearly agrees with, scanning in statement order."""
    best: int | None = None
    for j in columns:
        if stats.na[j] == 0 and stats.nd[j] == 0:
            continue
        if best is None:
            good = stats.pat[j] > critical or (stats.ra[j] > 1.0 and stats.pa[j] > 0.5)
        elif stats.ra[best] > 1.0:
            good = _agree_metric(stats, j) > _agree_metric(stats, best)
        else:
            good = stats.pa[j] * stats.pat[j] > stats.pa[best] * stats.pat[best]
        if good:
            best = int(j)
    return best


def _agree_metric(stats: GroupStats, j: int) -> float:
    return float(stats.ra[j] * stats.rat[j] * stats.pa[j] * stats.pat[j])


def _agrees(stats: GroupStats, j: int) -> bool:
    return bool(stats.rat[j] > stats.rdt[j])


def _metric(stats: GroupStats, j: int) -> float:
    if _agrees(stats, j):
        return _agree_metric(stats, j)
    return float(stats.rd[j] * stats.rdt[j] * stats.pd[j] * stats.pdt[j])


def _format(
    stats: GroupStats, ids: NDArray[np.int64], j: int, best_agree: bool
) -> RepresentativeStatement:
    agree = _agrees(stats, j)
    return RepresentativeStatement(
        statement_id=int(ids[j]),
        direction="agree" if agree else "disagree",
        n_success=int(stats.na[j] if agree else stats.nd[j]),
        n_trials=int(stats.ns[j]),
        p_success=float(stats.pa[j] if agree else stats.pd[j]),
        p_test=float(stats.pat[j] if agree else stats.pdt[j]),
        repness=float(stats.ra[j] if agree else stats.rd[j]),
        repness_test=float(stats.rat[j] if agree else stats.rdt[j]),
        best_agree=best_agree,
    )
