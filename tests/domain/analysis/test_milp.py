"""The MILP fallback against exhaustive enumeration and against the compound-unit programme."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.domain.analysis import (
    Constraint,
    Issue,
    Party,
    Scenario,
    ScenarioError,
    analyse,
    scenario_from_dicts,
)
from accord.domain.analysis.milp import MILP_TOLERANCE, milp_frontier, milp_points
from accord.domain.analysis.units import CompoundTooLarge
from tests.domain.analysis._oracle import enumerate_packages

SCORES = [0.0, 0.25, 0.5, 0.75, 1.0]


def beaten(utilities: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """For each row: does some package give everyone as much and someone more than the solver
    tolerance more? (The MILP cannot tell utilities closer than MILP_TOLERANCE apart: with
    weights of 2/3, 0.333333333333 + 0.333333333333 and 0.5 + 0.166666666667 differ by 1e-12.)"""
    rows = np.atleast_2d(rows)
    result = np.zeros(len(rows), dtype=bool)
    for k, row in enumerate(rows):
        result[k] = np.any(
            np.all(utilities >= row, axis=1) & np.any(utilities > row + MILP_TOLERANCE, axis=1)
        )
    return result


@st.composite
def constrained(draw: st.DrawFn) -> Scenario:
    """Small scenarios with several constraints (ties and infeasibility are frequent)."""
    n_parties = draw(st.integers(1, 3))
    sizes = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4))
    issues = tuple(Issue(f"i{k}", tuple(f"o{k}{j}" for j in range(m))) for k, m in enumerate(sizes))
    parties = []
    for p in range(n_parties):
        raw = draw(st.lists(st.integers(0, 4), min_size=len(issues), max_size=len(issues)))
        raw = raw if sum(raw) else [1] * len(issues)
        weights = {i.name: w / sum(raw) for i, w in zip(issues, raw, strict=True)}
        scores = {i.name: {o: draw(st.sampled_from(SCORES)) for o in i.options} for i in issues}
        reservation = draw(st.sampled_from([0.0, 0.2, 0.5]))
        parties.append(Party(f"p{p}", weights, scores, reservation))
    constraints = []
    for _ in range(draw(st.integers(0, 3))):
        a, b = draw(st.permutations(issues))[:2]
        constraints.append(
            Constraint(
                draw(st.sampled_from(["requires", "excludes"])),
                a.name,
                draw(st.sampled_from(a.options)),
                b.name,
                draw(st.sampled_from(b.options)),
            )
        )
    return Scenario(issues=issues, parties=tuple(parties), constraints=tuple(constraints))


@settings(max_examples=40, deadline=None)
@given(constrained())
def test_milp_frontier_is_certified_against_enumeration(scenario: Scenario) -> None:
    _, utilities = enumerate_packages(scenario)
    if not len(utilities):
        with pytest.raises(ScenarioError, match="no feasible package"):
            milp_frontier(scenario, grid_points=400)
        return
    frontier = milp_frontier(scenario, grid_points=400)
    for package in frontier.packages:
        assert scenario.feasible(package.outcome)
        assert package.utilities == scenario.utilities(package.outcome)
    assert not beaten(utilities, frontier.utilities).any()
    for row in utilities:
        assert np.all(frontier.utilities >= row - frontier.epsilon, axis=1).any()


@settings(max_examples=40, deadline=None)
@given(constrained())
def test_milp_points_reach_the_optimum_of_every_criterion(scenario: Scenario) -> None:
    _, utilities = enumerate_packages(scenario)
    if not len(utilities):
        return
    points = milp_points(scenario)
    r = scenario.reservations
    rational = utilities[np.all(utilities >= r, axis=1)]
    assert points.zopa == bool(len(rational))
    for point in (points.nash, points.kalai, points.egalitarian, points.utilitarian):
        if point is not None:
            assert scenario.feasible(point.outcome)
            assert not beaten(utilities, np.array(point.utilities)).any()
    if not len(rational):
        assert points.utilitarian is None and points.egalitarian is None
        return
    u = np.array(points.utilitarian.utilities)
    assert u.sum() == pytest.approx(rational.sum(axis=1).max(), abs=MILP_TOLERANCE)
    e = np.array(points.egalitarian.utilities)
    assert (e - r).min() == pytest.approx((rational - r).min(axis=1).max(), abs=MILP_TOLERANCE)
    gains = utilities - r
    positive = gains[np.all(gains > 1e-6, axis=1)]
    assert (points.nash is None) == (len(positive) == 0)
    if points.nash is not None:
        product = np.log(np.array(points.nash.utilities) - r).sum()
        assert product == pytest.approx(np.log(positive).sum(axis=1).max(), abs=MILP_TOLERANCE)
    reach = rational.max(axis=0) - r
    if np.all(reach > 0):
        k = (np.array(points.kalai.utilities) - r) / reach
        best = ((rational - r) / reach).min(axis=1).max()
        assert k.min() == pytest.approx(best, abs=MILP_TOLERANCE)
    else:
        assert points.kalai is None


@settings(max_examples=30, deadline=None)
@given(constrained())
def test_compound_and_milp_paths_agree(scenario: Scenario) -> None:
    """Where both apply: the MILP set lies on the exact frontier and covers it within epsilon,
    and the bargaining points reach the same criterion values."""
    if not len(enumerate_packages(scenario)[1]):
        return
    exact = analyse(scenario, method="dp")
    milp = analyse(scenario, method="milp", milp_grid_points=400)
    _, utilities = enumerate_packages(scenario)
    assert not beaten(utilities, milp.frontier.utilities).any()
    # Within the tolerance, every MILP vector is an exact frontier vector.
    for row in milp.frontier.utilities:
        assert np.all(np.abs(exact.frontier.utilities - row) <= MILP_TOLERANCE, axis=1).any()
    for row in exact.frontier.utilities:
        assert np.all(milp.frontier.utilities >= row - milp.frontier.epsilon, axis=1).any()
    assert milp.zopa == exact.zopa
    r = scenario.reservations
    criteria = {
        "utilitarian": lambda u: float(np.sum(u)),
        "egalitarian": lambda u: float(np.min(np.array(u) - r)),
    }
    for name, value in criteria.items():
        a, b = getattr(exact, name), getattr(milp, name)
        assert (a is None) == (b is None)
        if a is not None:
            assert value(a.utilities) == pytest.approx(value(b.utilities), abs=MILP_TOLERANCE)
    assert (exact.kalai is None) == (milp.kalai is None)
    if exact.nash is not None and milp.nash is not None:
        assert np.log(np.array(exact.nash.utilities) - r).sum() == pytest.approx(
            np.log(np.array(milp.nash.utilities) - r).sum(), abs=MILP_TOLERANCE
        )


def _chained(n_issues: int, n_options: int, n_parties: int, seed: int) -> Scenario:
    """Issues chained by constraints into one group too large for a compound unit."""
    rng = np.random.default_rng(seed)
    issues = {f"i{k}": [f"o{j}" for j in range(n_options)] for k in range(n_issues)}
    parties = {}
    for p in range(n_parties):
        weights = rng.random(n_issues)
        weights /= weights.sum()
        parties[f"p{p}"] = {
            "weights": dict(zip(issues, weights.tolist(), strict=True)),
            "scores": {i: {o: float(rng.integers(0, 5)) / 4 for o in opts}
                       for i, opts in issues.items()},
            "reservation": 0.2,
        }  # fmt: skip
    constraints = [
        {"kind": "excludes", "issue": f"i{k}", "option": "o0",
         "other_issue": f"i{k + 1}", "other_option": "o0"}
        for k in range(n_issues - 1)
    ]  # fmt: skip
    return scenario_from_dicts(issues, parties, constraints)


def test_too_large_compounds_fall_back_to_the_milp() -> None:
    scenario = _chained(n_issues=7, n_options=8, n_parties=2, seed=3)  # 8^7 > 10^6 combinations
    with pytest.raises(CompoundTooLarge):
        analyse(scenario, method="dp")
    result = analyse(scenario)
    assert 0 < result.frontier.epsilon < 1e-3
    assert result.nash is not None and result.nash.utilities in {
        tuple(row) for row in result.frontier.utilities
    }
    for package in result.frontier.packages:
        assert scenario.feasible(package.outcome)
    # The same scenario without its constraints is solved exactly by the programme; the
    # constrained optimum of any criterion can be no better.
    free = Scenario(issues=scenario.issues, parties=scenario.parties)
    assert sum(result.utilitarian.utilities) <= sum(analyse(free).utilitarian.utilities) + 1e-12
