"""Property-based tests on random scenarios: the frontier is exactly the non-dominated set, and
bargaining points, improvements and epsilon-Pareto sets keep their promises."""

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
    pareto_frontier,
    pareto_improvements,
)
from tests.domain.analysis._oracle import check_frontier_exact, dominated_by_any, enumerate_packages


@st.composite
def scenarios(draw: st.DrawFn, with_constraints: bool = False) -> Scenario:
    """Small random scenarios with coarse scores, so that ties and duplicates are frequent."""
    n_parties = draw(st.integers(1, 4))
    sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    issues = tuple(Issue(f"i{k}", tuple(f"o{k}{j}" for j in range(m))) for k, m in enumerate(sizes))
    parties = []
    for p in range(n_parties):
        raw = draw(st.lists(st.integers(0, 4), min_size=len(issues), max_size=len(issues)))
        raw = raw if sum(raw) else [1] * len(issues)
        weights = {i.name: w / sum(raw) for i, w in zip(issues, raw, strict=True)}
        scores = {
            i.name: {o: draw(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0])) for o in i.options}
            for i in issues
        }
        reservation = draw(st.sampled_from([0.0, 0.2, 0.5, 0.8]))
        parties.append(Party(f"p{p}", weights, scores, reservation))
    constraints = ()
    if with_constraints and len(issues) >= 2:
        a, b = draw(st.permutations(issues))[:2]
        constraints = (
            Constraint(
                draw(st.sampled_from(["requires", "excludes"])),
                a.name,
                draw(st.sampled_from(a.options)),
                b.name,
                draw(st.sampled_from(b.options)),
            ),
        )
    return Scenario(issues=issues, parties=tuple(parties), constraints=constraints)


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_frontier_is_exactly_the_non_dominated_set(scenario: Scenario) -> None:
    frontier = pareto_frontier(scenario)
    check_frontier_exact(scenario, frontier.utilities, frontier.counts)


@settings(max_examples=80, deadline=None)
@given(scenarios(with_constraints=True))
def test_constraints_are_respected_exactly(scenario: Scenario) -> None:
    choices, utilities = enumerate_packages(scenario)
    if not len(choices):
        with pytest.raises(ScenarioError, match="constraints leave no feasible combination"):
            pareto_frontier(scenario)
        return
    frontier = pareto_frontier(scenario)
    assert frontier.n_feasible == len(choices)
    for package in frontier.packages:
        assert scenario.feasible(package.outcome)
    assert not dominated_by_any(utilities, frontier.utilities).any()
    claimed = {tuple(row) for row in frontier.utilities}
    others = np.array([row for row in utilities if tuple(row) not in claimed])
    assert dominated_by_any(frontier.utilities, others.reshape(-1, utilities.shape[1])).all()


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_bargaining_points_lie_on_the_frontier_and_are_rational(scenario: Scenario) -> None:
    result = analyse(scenario)
    rows = {tuple(row) for row in result.frontier.utilities}
    _, utilities = enumerate_packages(scenario)
    rational = utilities[np.all(utilities >= scenario.reservations, axis=1)]
    assert result.zopa == bool(len(rational))
    for point in (result.nash, result.kalai, result.egalitarian, result.utilitarian):
        assert (point is None) or point.utilities in rows
        if point is not None:
            assert np.all(np.array(point.utilities) >= scenario.reservations)
    if result.utilitarian is not None:
        assert np.isclose(sum(result.utilitarian.utilities), rational.sum(axis=1).max(), rtol=1e-12)
    if result.egalitarian is not None:
        best = (rational - scenario.reservations).min(axis=1).max()
        assert min(np.array(result.egalitarian.utilities) - scenario.reservations) == best
    gains = utilities - scenario.reservations
    positive = gains[np.all(gains > 0, axis=1)]
    assert (result.nash is None) == (len(positive) == 0)
    if result.nash is not None:
        nash_product = np.prod(np.array(result.nash.utilities) - scenario.reservations)
        assert np.isclose(nash_product, np.prod(positive, axis=1).max(), rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.data())
def test_improvements_dominate_the_baseline(scenario: Scenario, data: st.DataObject) -> None:
    baseline = {i.name: data.draw(st.sampled_from(i.options)) for i in scenario.issues}
    frontier = pareto_frontier(scenario)
    improvements = pareto_improvements(frontier, baseline)
    base = np.array(scenario.utilities(baseline))
    for package in improvements:
        assert np.all(np.array(package.utilities) >= base)
        assert np.any(np.array(package.utilities) > base)
    base_is_efficient = tuple(base) in {tuple(r) for r in frontier.utilities}
    assert base_is_efficient == (not improvements)


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.integers(1, 3))
def test_epsilon_pareto_set_covers_every_package(scenario: Scenario, cap: int) -> None:
    frontier = pareto_frontier(scenario, max_size=cap)
    _, utilities = enumerate_packages(scenario)
    for row in utilities:
        covered = np.all(frontier.utilities >= row - frontier.epsilon - 1e-12, axis=1)
        assert covered.any()
    if frontier.exact:
        check_frontier_exact(scenario, frontier.utilities, frontier.counts)
