"""MILP fallback (HiGHS) for scenarios whose constraints tie too many issues into one unit.

The dynamic programme handles constraints by merging the issues they connect into compound
units; when a group has more than MAX_COMPOUND_OPTIONS combinations that is refused, and the
analysis comes here instead. The model: one binary x[k, j] per option j of issue k, one option per
issue (sum_j x[k, j] = 1), `requires` as x[a] <= x[b], `excludes` as x[a] + x[b] <= 1, and each
party's utility as a linear row sum_kj t[k, j, p] x[k, j].

What is exact and what is certified (MILP_TOLERANCE covers HiGHS's optimality gap and
feasibility tolerances; every returned package is evaluated again with exact integer sums):
- utilitarian, egalitarian, Kalai–Smorodinsky: one MILP each (plus one per party for the
  Kalai ideal), optimal within MILP_TOLERANCE; a second stage maximises total utility among the
  optima so that the point is not dominated.
- Nash: max sum_p log(gain_p) is concave, not linear. An outer approximation with tangent cuts
  (z_p <= log g + (gain_p - g) / g) is an upper bound; cuts are added at the incumbent's gains
  until the bound meets the incumbent's true value (within MILP_TOLERANCE), which proves it
  optimal. Gains must be at least NASH_MIN_GAIN (the solver cannot tell a tiny gain from none).
- frontier: epsilon-constraint on a grid of side `delta` over parties 2..p (maximise party 1's
  utility subject to u_p >= l_p, then maximise the total among those optima). For every
  feasible package x, the grid point just below x gives a problem x is feasible for, whose
  answer y has y >= x - delta in every coordinate: an epsilon-Pareto set with certified
  epsilon = delta + MILP_TOLERANCE. Grid points whose answer is already known (a looser
  problem's answer satisfies the tighter bounds, or a looser problem was infeasible) are not
  solved again, so the number of solves follows the frontier, not the grid. The grid grows as
  (1 / delta)^(p - 1), so `delta` is chosen from MILP_GRID_POINTS.
Counts of packages per utility vector are not known on this path (each is reported as 1).
"""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass

import highspy
import numpy as np

from accord.domain.analysis.errors import ScenarioError
from accord.domain.analysis.model import Scenario, to_utility
from accord.domain.analysis.results import Frontier, Package
from accord.domain.analysis.skyline import skyline

MILP_TOLERANCE = 1e-6
"""Bound on HiGHS's optimality gap and constraint violation, in utility."""

NASH_MIN_GAIN = 1e-6
"""Smallest gain over reservation the MILP Nash point counts as positive."""

MILP_GRID_POINTS = 20_000
"""Grid points of the epsilon-constraint frontier (delta = 1 / points^(1 / (parties - 1)))."""

_INF = highspy.kHighsInf
_banner_silenced = False


def _new_highs() -> highspy.Highs:
    """A silent HiGHS instance; the first construction prints a banner on stdout (fd 1), which
    would corrupt `accord analyse --json`, so fd 1 points at /dev/null meanwhile."""
    global _banner_silenced
    if _banner_silenced:
        highs = highspy.Highs()
    else:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 1)
                highs = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _banner_silenced = True
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("mip_abs_gap", MILP_TOLERANCE / 10)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("primal_feasibility_tolerance", 1e-9)
    highs.setOptionValue("mip_feasibility_tolerance", 1e-9)
    return highs


@dataclass
class _Model:
    """The option-selection model with one utility row per party (row bounds are changed)."""

    scenario: Scenario
    highs: highspy.Highs
    table: np.ndarray  # (options, parties) utility of each option column
    utility_rows: list[int]
    n_x: int
    offsets: list[int]

    @classmethod
    def build(cls, scenario: Scenario) -> _Model:
        tables = scenario.tables()
        offsets = list(np.cumsum([0] + [len(t) for t in tables]))
        n_x = int(offsets[-1])
        table = to_utility(np.vstack(tables))
        highs = _new_highs()
        highs.addCols(
            n_x, np.zeros(n_x), np.zeros(n_x), np.ones(n_x), 0, np.zeros(n_x, dtype=np.int32),
            np.zeros(0, dtype=np.int32), np.zeros(0),
        )  # fmt: skip
        highs.changeColsIntegrality(
            n_x, np.arange(n_x, dtype=np.int32),
            np.array([highspy.HighsVarType.kInteger] * n_x),
        )  # fmt: skip
        model = cls(scenario, highs, table, [], n_x, offsets)
        for k in range(len(tables)):
            columns = np.arange(offsets[k], offsets[k + 1])
            model.add_row(columns, np.ones(len(columns)), 1.0, 1.0)
        index = {issue.name: k for k, issue in enumerate(scenario.issues)}
        for c in scenario.constraints:
            a = offsets[index[c.issue]] + scenario.issues[index[c.issue]].options.index(c.option)
            other = scenario.issues[index[c.other_issue]]
            b = offsets[index[c.other_issue]] + other.options.index(c.other_option)
            if c.kind == "requires":
                model.add_row(np.array([a, b]), np.array([1.0, -1.0]), -_INF, 0.0)
            else:
                model.add_row(np.array([a, b]), np.array([1.0, 1.0]), -_INF, 1.0)
        for p in range(len(scenario.parties)):
            model.utility_rows.append(model.add_row(np.arange(n_x), table[:, p], -_INF, _INF))
        highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        return model

    def add_row(self, columns: np.ndarray, values: np.ndarray, lower: float, upper: float) -> int:
        row = self.highs.getNumRow()
        self.highs.addRow(
            lower, upper, len(columns), columns.astype(np.int32), values.astype(float)
        )
        return row

    def add_column(self, cost: float, lower: float, upper: float) -> int:
        column = self.highs.getNumCol()
        self.highs.addCol(cost, lower, upper, 0, np.zeros(0, np.int32), np.zeros(0))
        return column

    def set_floor(self, floor: np.ndarray) -> None:
        """u_p >= floor[p] (a floor of -inf lifts the bound)."""
        for row, value in zip(self.utility_rows, floor, strict=True):
            self.highs.changeRowBounds(row, float(value), _INF)

    def objective(self, costs: np.ndarray) -> None:
        n = self.highs.getNumCol()
        full = np.zeros(n)
        full[: len(costs)] = costs
        self.highs.changeColsCost(n, np.arange(n, dtype=np.int32), full)

    def solve(self) -> np.ndarray | None:
        """Column values of an optimal solution, or None when infeasible."""
        self.highs.run()
        status = self.highs.getModelStatus()
        if status in (
            highspy.HighsModelStatus.kInfeasible,
            highspy.HighsModelStatus.kUnboundedOrInfeasible,
        ):
            return None  # binaries bound every variable that matters: never unbounded
        if status != highspy.HighsModelStatus.kOptimal:
            raise ScenarioError(
                f"the MILP solver stopped: {self.highs.modelStatusToString(status)}"
            )
        return np.asarray(self.highs.getSolution().col_value)

    def choice(self, values: np.ndarray) -> np.ndarray:
        """Option index per issue of a solution (binaries rounded)."""
        x = values[: self.n_x]
        return np.array(
            [int(np.argmax(x[a:b])) for a, b in zip(self.offsets, self.offsets[1:], strict=False)]
        )

    def exact_units(self, choice: np.ndarray) -> np.ndarray:
        tables = self.scenario.tables()
        return np.sum([tables[k][int(option)] for k, option in enumerate(choice)], axis=0)

    def total_costs(self) -> np.ndarray:
        return self.table.sum(axis=1)

    def best_total_above(self, floor: np.ndarray) -> np.ndarray | None:
        """Among packages with u >= floor (less the tolerance), one of largest total utility."""
        self.set_floor(floor - MILP_TOLERANCE / 10)
        self.objective(self.total_costs())
        values = self.solve()
        return None if values is None else self.choice(values)


def milp_frontier(
    scenario: Scenario,
    grid_points: int = MILP_GRID_POINTS,
    extra: tuple[Package | None, ...] = (),
) -> Frontier:
    """An epsilon-Pareto set by the epsilon-constraint method (see the module docstring).

    `extra` packages (the bargaining points) join the set before the dominance filter, so the
    points shown always lie on the returned set.
    """
    model = _Model.build(scenario)
    n_parties = len(scenario.parties)
    steps = max(1, int(grid_points ** (1.0 / max(n_parties - 1, 1))))
    tables = scenario.tables()
    low = to_utility(np.sum([t.min(axis=0) for t in tables], axis=0))[1:]
    high = to_utility(np.sum([t.max(axis=0) for t in tables], axis=0))[1:]
    delta = (high - low) / steps  # per party: floors low, low + delta, ..., high - delta
    choices = [
        np.array([i.options.index(p.outcome[i.name]) for i in scenario.issues])
        for p in extra
        if p is not None
    ]
    floors = np.empty((0, n_parties - 1))
    answers = np.empty((0, n_parties - 1))  # NaN rows: infeasible
    cells = np.zeros((1, 0)) if n_parties == 1 else _grid(steps, n_parties - 1)
    for cell in cells:
        floor_rest = low + cell * delta
        if _known(floor_rest, floors, answers):
            continue
        model.set_floor(np.concatenate(([-_INF], floor_rest - MILP_TOLERANCE / 10)))
        model.objective(model.table[:, 0])
        values = model.solve()
        floors = np.vstack([floors, floor_rest])
        if values is None:
            answers = np.vstack([answers, np.full(n_parties - 1, np.nan)])
            continue
        first = model.choice(values)
        best = model.best_total_above(to_utility(model.exact_units(first)))
        chosen = first if best is None else best
        choices.append(chosen)
        answers = np.vstack([answers, to_utility(model.exact_units(chosen))[1:]])
    if not choices:
        raise ScenarioError("constraints leave no feasible package")
    epsilon = float(delta.max(initial=0.0)) + MILP_TOLERANCE
    return _frontier(scenario, model, choices, epsilon)


def _grid(steps: int, dims: int) -> np.ndarray:
    """Grid cells 0..steps-1 per dimension in lexicographic order (looser bounds first)."""
    axes = np.meshgrid(*[np.arange(steps)] * dims, indexing="ij")
    return np.stack([a.ravel() for a in axes], axis=1).astype(float)


def _known(floor: np.ndarray, floors: np.ndarray, answers: np.ndarray) -> bool:
    """Whether a looser problem already solved answers this one (same optimum, or infeasible)."""
    if not len(floors):
        return False
    looser = np.all(floors <= floor, axis=1)
    infeasible = np.isnan(answers).any(axis=1)
    satisfied = np.all(np.nan_to_num(answers, nan=-np.inf) >= floor, axis=1)
    return bool(np.any(looser & (infeasible | satisfied)))


def _frontier(
    scenario: Scenario, model: _Model, choices: list[np.ndarray], epsilon: float
) -> Frontier:
    choice_array = np.array(choices, dtype=np.int64)
    units = np.array([model.exact_units(c) for c in choices], dtype=np.int64)
    keep, _counts = skyline(units, np.ones(len(units), dtype=np.int64))
    order = keep[np.lexsort((keep, -units[keep].sum(axis=1)))]
    return Frontier(
        scenario=scenario,
        utilities=to_utility(units[order]),
        choices=choice_array[order],
        counts=np.ones(len(order), dtype=np.int64),
        epsilon=epsilon,
        n_feasible=0,
    )


def _package(scenario: Scenario, model: _Model, choice: np.ndarray) -> Package:
    outcome = {
        issue.name: issue.options[int(option)]
        for issue, option in zip(scenario.issues, choice, strict=True)
    }
    utilities = tuple(float(u) for u in to_utility(model.exact_units(choice)))
    return Package(outcome=outcome, utilities=utilities)


@dataclass(frozen=True)
class MilpPoints:
    """The bargaining points computed directly by MILP (None where no package qualifies)."""

    nash: Package | None
    kalai: Package | None
    egalitarian: Package | None
    utilitarian: Package | None
    zopa: bool


def milp_points(scenario: Scenario) -> MilpPoints:
    """Utilitarian, egalitarian, Kalai–Smorodinsky and Nash points, each by its own MILP."""
    model = _Model.build(scenario)
    reservations = scenario.reservations
    utilitarian = model.best_total_above(reservations)
    if utilitarian is None:
        nash = _nash(scenario, _Model.build(scenario))
        return MilpPoints(nash, None, None, None, zopa=False)
    egalitarian = _max_min_share(model, reservations, np.ones(len(reservations)))
    ideal = np.array([_max_party(model, p, reservations) for p in range(len(reservations))])
    reach = ideal - reservations
    kalai = _max_min_share(model, reservations, reach) if np.all(reach > 0) else None
    nash = _nash(scenario, _Model.build(scenario))
    return MilpPoints(
        nash=nash,
        kalai=None if kalai is None else _package(scenario, model, kalai),
        egalitarian=None if egalitarian is None else _package(scenario, model, egalitarian),
        utilitarian=_package(scenario, model, utilitarian),
        zopa=True,
    )


def _max_party(model: _Model, party: int, reservations: np.ndarray) -> float:
    model.set_floor(reservations - MILP_TOLERANCE / 10)
    model.objective(model.table[:, party])
    values = model.solve()
    assert values is not None  # a rational package exists (the caller checked)
    return float(to_utility(model.exact_units(model.choice(values)))[party])


def _max_min_share(model: _Model, reservations: np.ndarray, reach: np.ndarray) -> np.ndarray | None:
    """Maximise t with (u_p - r_p) / reach_p >= t over rational packages, then the total."""
    highs = model.highs
    t = model.add_column(0.0, -_INF, _INF)
    rows = []
    for p in range(len(model.utility_rows)):
        columns = np.append(np.arange(model.n_x), t)
        values = np.append(model.table[:, p], -reach[p])
        rows.append(model.add_row(columns, values, float(reservations[p]), _INF))
    model.set_floor(reservations - MILP_TOLERANCE / 10)
    costs = np.zeros(highs.getNumCol())
    costs[t] = 1.0
    model.objective(costs)
    values = model.solve()
    # Drop the share rows and the t column again (t is freed, rows relaxed).
    for row in rows:
        highs.changeRowBounds(row, -_INF, _INF)
    highs.changeColBounds(t, -_INF, _INF)
    if values is None:
        return None
    choice = model.choice(values)
    utilities = to_utility(model.exact_units(choice))
    best_share = float(np.min((utilities - reservations) / reach))
    floor = reservations + np.maximum(best_share, 0.0) * reach
    refined = model.best_total_above(np.minimum(floor, utilities))
    return choice if refined is None else refined


def _nash(scenario: Scenario, model: _Model) -> Package | None:
    """Outer approximation of sum log(gain) with tangent cuts, until the bound is attained."""
    reservations = scenario.reservations
    n_parties = len(reservations)
    model.set_floor(reservations + NASH_MIN_GAIN)
    z = [model.add_column(1.0, math.log(NASH_MIN_GAIN), 0.0) for _ in range(n_parties)]
    for p in range(n_parties):
        for g in (1e-3, 1e-2, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0):
            _tangent(model, p, z[p], g, reservations[p])
    costs = np.zeros(model.highs.getNumCol())
    costs[z] = 1.0
    model.objective(costs)
    for _ in range(500):
        values = model.solve()
        if values is None:
            return None
        choice = model.choice(values)
        gains = to_utility(model.exact_units(choice)) - reservations
        bound = float(values[z].sum())
        if np.any(gains < NASH_MIN_GAIN / 2):
            return None  # accepted within the solver's tolerance only: no positive gains
        true = float(np.log(gains).sum())
        if bound - true <= MILP_TOLERANCE:
            return _package(scenario, model, choice)
        for p in range(n_parties):
            _tangent(model, p, z[p], float(gains[p]), reservations[p])
    raise ScenarioError("the Nash outer approximation did not converge in 500 rounds")


def _tangent(model: _Model, party: int, z: int, g: float, reservation: float) -> None:
    """z <= log g + (u_p - r_p - g) / g, i.e. z - u_p / g <= log g - 1 - r_p / g."""
    columns = np.append(np.arange(model.n_x), z)
    values = np.append(-model.table[:, party] / g, 1.0)
    model.add_row(columns, values, -_INF, math.log(g) - 1.0 - reservation / g)
