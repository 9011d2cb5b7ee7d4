"""One call that runs the whole analysis the mediator asks for."""

from __future__ import annotations

import time
from typing import Literal

from accord.domain.analysis.bargaining import (
    egalitarian_point,
    kalai_point,
    nash_point,
    utilitarian_point,
    zopa_exists,
)
from accord.domain.analysis.frontier import DEFAULT_MAX_SIZE, pareto_frontier
from accord.domain.analysis.milp import MILP_GRID_POINTS, milp_frontier, milp_points
from accord.domain.analysis.model import Scenario
from accord.domain.analysis.results import Analysis
from accord.domain.analysis.units import CompoundTooLarge


def analyse(
    scenario: Scenario,
    *,
    rational_only: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    method: Literal["auto", "dp", "milp"] = "auto",
    milp_grid_points: int = MILP_GRID_POINTS,
) -> Analysis:
    """Frontier, zone of possible agreement and the four bargaining points, timed.

    `auto` runs the dynamic programme and falls back to the MILP when constraints tie more
    issues together than a compound unit may hold; `dp` and `milp` force one path.
    `milp_grid_points` sets the MILP frontier's grid (finer: smaller epsilon, more solves).
    """
    started = time.perf_counter()
    if method == "milp":
        return _analyse_milp(scenario, started, milp_grid_points)
    try:
        return _analyse_dp(scenario, started, rational_only, max_size)
    except CompoundTooLarge:
        if method == "dp":
            raise
        return _analyse_milp(scenario, started, milp_grid_points)


def _analyse_milp(scenario: Scenario, started: float, grid_points: int) -> Analysis:
    points = milp_points(scenario)
    extra = (points.nash, points.kalai, points.egalitarian, points.utilitarian)
    return Analysis(
        parties=scenario.party_names,
        n_outcomes=scenario.n_outcomes,
        frontier=milp_frontier(scenario, grid_points, extra=extra),
        zopa=points.zopa,
        nash=points.nash,
        kalai=points.kalai,
        egalitarian=points.egalitarian,
        utilitarian=points.utilitarian,
        seconds=time.perf_counter() - started,
    )


def _analyse_dp(scenario: Scenario, started: float, rational_only: bool, max_size: int) -> Analysis:
    frontier = pareto_frontier(scenario, rational_only=rational_only, max_size=max_size)
    nash = nash_point(frontier)
    kalai = kalai_point(frontier)
    egalitarian = egalitarian_point(frontier)
    utilitarian = utilitarian_point(frontier)
    zopa = zopa_exists(frontier)
    return Analysis(
        parties=scenario.party_names,
        n_outcomes=scenario.n_outcomes,
        frontier=frontier,
        zopa=zopa,
        nash=nash,
        kalai=kalai,
        egalitarian=egalitarian,
        utilitarian=utilitarian,
        seconds=time.perf_counter() - started,
    )
