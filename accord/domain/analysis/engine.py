"""One call that runs the whole analysis the mediator asks for."""

from __future__ import annotations

import time

from accord.domain.analysis.bargaining import (
    egalitarian_point,
    kalai_point,
    nash_point,
    utilitarian_point,
    zopa_exists,
)
from accord.domain.analysis.frontier import DEFAULT_MAX_SIZE, pareto_frontier
from accord.domain.analysis.model import Scenario
from accord.domain.analysis.results import Analysis


def analyse(
    scenario: Scenario, *, rational_only: bool = False, max_size: int = DEFAULT_MAX_SIZE
) -> Analysis:
    """Frontier, zone of possible agreement and the four bargaining points, timed."""
    started = time.perf_counter()
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
