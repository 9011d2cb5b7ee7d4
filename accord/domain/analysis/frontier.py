"""The exact Pareto frontier of complete packages, without enumerating the outcome space.

Dynamic programme over decision units (issues): the set of partial utility vectors after k
units is extended by every option of unit k+1 and filtered to its non-dominated vectors. This is
exact because utilities are additive: a partial package dominated on the first k units stays
dominated by the same extension of its dominator, so it can never reach the frontier (nor tie
with a frontier vector). Exact duplicates are merged with a count, so counts stay exact too.
The argument needs exact addition, which is why utilities are summed as integer multiples of
1 / UTILITY_SCALE (in floating point, a dominated prefix can round into a tie and lose a count).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from accord.domain.analysis.model import Scenario, to_utility
from accord.domain.analysis.results import Frontier
from accord.domain.analysis.skyline import skyline
from accord.domain.analysis.units import Unit, decision_units

DEFAULT_MAX_SIZE = 200_000
"""Above this many vectors in a stage the frontier is thinned to an epsilon-Pareto set."""

QUADRATIC_BUDGET = 1.5e10
"""With four or more parties the filter is quadratic: stages are kept below sqrt(budget/parties)."""

_BISECTIONS = 4
"""Bisection steps refining the thinning grid's side once it has been grown."""

_PRE_FILTER_FACTOR = 4
"""Candidates are filtered exactly up to this multiple of the cap (most are usually dominated)."""


@dataclass
class _Stage:
    """Partial packages after some units: utilities, counts, and how each was reached."""

    utilities: np.ndarray
    counts: np.ndarray
    parents: list[np.ndarray]
    picks: list[np.ndarray]

    def keep(self, rows: np.ndarray, counts: np.ndarray | None = None) -> None:
        self.utilities = self.utilities[rows]
        self.counts = self.counts[rows] if counts is None else counts
        self.parents[-1] = self.parents[-1][rows]
        self.picks[-1] = self.picks[-1][rows]


def pareto_frontier(
    scenario: Scenario, *, rational_only: bool = False, max_size: int = DEFAULT_MAX_SIZE
) -> Frontier:
    """The Pareto frontier (or, past the size cap, an epsilon-Pareto set with certified epsilon).

    With `rational_only`, only packages giving every party at least its reservation value are
    kept; partial packages that cannot reach a reservation any more are pruned early.
    """
    units = decision_units(scenario)
    n_parties = len(scenario.parties)
    cap = stage_cap(n_parties, max_size)
    stage = _Stage(
        utilities=np.zeros((1, n_parties), dtype=np.int64),
        counts=np.ones(1, dtype=object if scenario.n_outcomes >= 2**62 else np.int64),
        parents=[],
        picks=[],
    )
    still_possible = _remaining_maxima(units)
    epsilon = 0.0
    n_feasible = 1
    for k, unit in enumerate(units):
        n_feasible *= len(unit.choices)
        _extend(stage, unit)
        if rational_only:
            best_reachable = to_utility(stage.utilities + still_possible[k + 1])
            stage.keep(np.flatnonzero(np.all(best_reachable >= scenario.reservations, axis=1)))
        if len(stage.utilities) > _PRE_FILTER_FACTOR * cap:
            epsilon += _thin(stage, _PRE_FILTER_FACTOR * cap)
        stage.keep(*skyline(stage.utilities, stage.counts))
        if len(stage.utilities) > cap:
            # Refill up to what the next stage can extend without a pre-filter thinning.
            next_options = len(units[k + 1].choices) if k + 1 < len(units) else 1
            fill = min(cap, _PRE_FILTER_FACTOR * cap // next_options)
            epsilon += _thin(stage, cap, fill=fill)
    return _finish(scenario, units, stage, epsilon, n_feasible)


def stage_cap(n_parties: int, max_size: int = DEFAULT_MAX_SIZE) -> int:
    """The most partial packages one stage may hold before it is thinned."""
    if n_parties <= 3:
        return max_size
    return max(1, min(max_size, int(math.sqrt(QUADRATIC_BUDGET / n_parties))))


def _remaining_maxima(units: list[Unit]) -> np.ndarray:
    """Row k: the most each party can still gain from units k, k+1, ... (last row zeros)."""
    maxima = np.array([unit.table.max(axis=0) for unit in units])
    tail = np.cumsum(maxima[::-1], axis=0)[::-1]
    return np.vstack([tail, np.zeros((1, maxima.shape[1]), dtype=np.int64)])


def _extend(stage: _Stage, unit: Unit) -> None:
    """Every partial package followed by every option of `unit` (not yet filtered)."""
    n_partial, n_options = len(stage.utilities), len(unit.table)
    stage.utilities = (stage.utilities[:, None, :] + unit.table[None, :, :]).reshape(
        n_partial * n_options, -1
    )
    stage.counts = np.repeat(stage.counts, n_options)
    stage.parents.append(np.repeat(np.arange(n_partial), n_options))
    stage.picks.append(np.tile(np.arange(n_options), n_partial))


def _thin(stage: _Stage, cap: int, fill: int = 0) -> float:
    """Keep one vector per grid box of side delta, the best by total; return the covering error.

    Any dropped vector shares a box with a kept one, so it is covered within delta in every
    coordinate. The error returned is the one actually incurred — the largest amount by which a
    dropped vector exceeds its box's kept vector in some coordinate (at most delta, usually
    less); errors add up over stages, which gives the certified epsilon. Delta is the smallest
    box side found (growing by 1.5, then bisected) that leaves at most `cap` boxes. With `fill`,
    the worst-covered dropped vectors are kept too, up to `fill` vectors in all: the error is
    then the largest shortfall among those still dropped (each is still covered by its box's
    kept vector).
    """
    utilities = to_utility(stage.utilities)
    spread = float(np.ptp(utilities, axis=0).max()) or 1.0
    delta = spread / cap ** (1.0 / max(utilities.shape[1] - 1, 1))
    by_total = np.argsort(-utilities.sum(axis=1), kind="stable")
    ordered = utilities[by_total]
    first, inverse = _boxes(ordered, delta)
    grown = False
    while len(first) > cap:
        delta *= 1.5
        grown = True
        first, inverse = _boxes(ordered, delta)
    if grown:
        low = delta / 1.5
        for _ in range(_BISECTIONS):
            middle = (low + delta) / 2
            trial = _boxes(ordered, middle)
            if len(trial[0]) <= cap:
                delta, (first, inverse) = middle, trial
            else:
                low = middle
    units = stage.utilities[by_total]
    shortfall = np.maximum((units - units[first][inverse]).max(axis=1), 0)
    kept = np.zeros(len(units), dtype=bool)
    kept[first] = True
    room = fill - len(first)
    if room > 0:
        dropped = np.flatnonzero(~kept)
        worst = dropped[np.argsort(-shortfall[dropped], kind="stable")[:room]]
        kept[worst] = True
    error = float(to_utility(int(shortfall[~kept].max(initial=0))))
    stage.keep(np.sort(by_total[kept]))
    return error


def _boxes(ordered: np.ndarray, delta: float) -> tuple[np.ndarray, np.ndarray]:
    """First row of each grid box (rows in visiting order) and each row's box."""
    boxes = np.floor(ordered / delta).astype(np.int64)
    _, first, inverse = np.unique(boxes, axis=0, return_index=True, return_inverse=True)
    return first, inverse.ravel()


def _finish(
    scenario: Scenario, units: list[Unit], stage: _Stage, epsilon: float, n_feasible: int
) -> Frontier:
    order = np.lexsort((np.arange(len(stage.utilities)), -stage.utilities.sum(axis=1)))
    rows = order
    choices = np.zeros((len(order), len(scenario.issues)), dtype=np.int64)
    for unit, parents, picks in zip(
        reversed(units), reversed(stage.parents), reversed(stage.picks), strict=True
    ):
        unit_choice = unit.choices[picks[rows]]
        for column, issue in enumerate(unit.issues):
            choices[:, issue] = unit_choice[:, column]
        rows = parents[rows]
    return Frontier(
        scenario=scenario,
        utilities=to_utility(stage.utilities[order]),
        choices=choices,
        counts=stage.counts[order],
        epsilon=epsilon,
        n_feasible=n_feasible,
    )
