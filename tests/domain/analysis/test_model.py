"""Scenarios built from plain dictionaries (the workspace's entry point), their validation,
constraints, baseline improvements and weight sensitivity."""

from __future__ import annotations

import re

import pytest

from accord.domain.analysis import (
    ScenarioError,
    WeightRange,
    analyse,
    export_genius,
    pareto_frontier,
    pareto_improvements,
    robustness_margins,
    scenario_from_dicts,
    weight_sensitivity,
)

ISSUES = {"ceasefire": ["now", "later"], "monitoring": ["mission", "none"]}


def party(weights: dict, scores: dict, reservation: float = 0.0) -> dict:
    return {"weights": weights, "scores": scores, "reservation": reservation}


def demo_parties() -> dict:
    return {
        "A": party(
            {"ceasefire": 0.7, "monitoring": 0.3},
            {"ceasefire": {"now": 1.0, "later": 0.0}, "monitoring": {"mission": 0.2, "none": 1}},
        ),
        "B": party(
            {"ceasefire": 0.4, "monitoring": 0.6},
            {"ceasefire": {"now": 0.3, "later": 1.0}, "monitoring": {"mission": 1.0, "none": 0}},
            reservation=0.2,
        ),
    }


def test_scenario_from_dicts_and_analysis() -> None:
    scenario = scenario_from_dicts(ISSUES, demo_parties(), name="demo")
    result = analyse(scenario)
    assert result.parties == ("A", "B")
    assert result.n_outcomes == 4
    assert result.zopa
    assert result.nash is not None
    assert result.nash.outcome == {"ceasefire": "now", "monitoring": "mission"}
    assert set(result.as_dict()) >= {"parties", "n_outcomes", "frontier", "nash", "seconds"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p["A"]["weights"].update(ceasefire=0.9), "party 'A': weights sum to 1.2"),
        (lambda p: p["A"]["scores"]["ceasefire"].update(now=1.5), "outside [0, 1]"),
        (lambda p: p["A"]["scores"]["ceasefire"].pop("now"), "no score for option 'now'"),
        (lambda p: p["A"]["weights"].pop("monitoring"), "no weight for issue 'monitoring'"),
        (lambda p: p["B"].update(reservation="high"), "'high' is not a number"),
        (lambda p: p["B"].update(reservation=-0.1), "reservation value is -0.1"),
        (lambda p: p["B"].pop("scores"), "needs 'weights' and 'scores'"),
    ],
)
def test_invalid_preferences_are_refused_with_the_place(change: object, message: str) -> None:
    parties = demo_parties()
    change(parties)  # type: ignore[operator]
    with pytest.raises(ScenarioError, match=re.escape(message)):
        scenario_from_dicts(ISSUES, parties)


def test_empty_issue_and_unknown_constraint_targets() -> None:
    with pytest.raises(ScenarioError, match="issue 'ceasefire' has no options"):
        scenario_from_dicts({"ceasefire": []}, {})
    rule = {"kind": "requires", "issue": "ceasefire", "option": "now"}
    with pytest.raises(ScenarioError, match="lacks"):
        scenario_from_dicts(ISSUES, demo_parties(), [rule])
    rule |= {"other_issue": "monitoring", "other_option": "drones"}
    with pytest.raises(ScenarioError, match="unknown option 'drones'"):
        scenario_from_dicts(ISSUES, demo_parties(), [rule])


def test_requires_and_excludes_constraints() -> None:
    requires = {
        "kind": "requires",
        "issue": "ceasefire",
        "option": "now",
        "other_issue": "monitoring",
        "other_option": "none",
    }
    scenario = scenario_from_dicts(ISSUES, demo_parties(), [requires])
    frontier = pareto_frontier(scenario)
    assert frontier.n_feasible == 3
    outcomes = [p.outcome for p in frontier.packages]
    assert {"ceasefire": "now", "monitoring": "mission"} not in outcomes
    excludes = requires | {"kind": "excludes"}
    outcomes = [
        p.outcome
        for p in pareto_frontier(scenario_from_dicts(ISSUES, demo_parties(), [excludes])).packages
    ]
    assert {"ceasefire": "now", "monitoring": "none"} not in outcomes


def test_baseline_improvements() -> None:
    scenario = scenario_from_dicts(ISSUES, demo_parties())
    frontier = pareto_frontier(scenario)
    baseline = {"ceasefire": "later", "monitoring": "none"}
    improvements = pareto_improvements(frontier, baseline)
    assert [p.outcome for p in improvements] == [{"ceasefire": "now", "monitoring": "mission"}]
    assert pareto_improvements(frontier, improvements[0].outcome) == ()


def test_weight_sensitivity_brackets_the_change_of_recommendation() -> None:
    scenario = scenario_from_dicts(ISSUES, demo_parties())
    ranges = weight_sensitivity(scenario, "A", resolution=0.05)
    assert [r.issue for r in ranges] == ["ceasefire", "monitoring"]
    for r in ranges:
        assert r.lower <= r.weight <= r.upper
    ceasefire = ranges[0]
    # Below the lower edge the Nash package changes, at the edge it has not.
    moved = scenario_from_dicts(ISSUES, _with_a_weights(ceasefire.lower - 0.01))
    assert analyse(moved).nash.outcome != analyse(scenario).nash.outcome  # type: ignore[union-attr]
    kept = scenario_from_dicts(ISSUES, _with_a_weights(ceasefire.lower))
    assert analyse(kept).nash.outcome == analyse(scenario).nash.outcome  # type: ignore[union-attr]


def _with_a_weights(ceasefire: float) -> dict:
    parties = demo_parties()
    parties["A"]["weights"] = {"ceasefire": ceasefire, "monitoring": 1 - ceasefire}
    return parties


def test_export_refuses_what_genius_cannot_express(tmp_path) -> None:
    parties = demo_parties()
    parties["A"]["scores"]["monitoring"] = {"mission": 0.2, "none": 0.5}
    with pytest.raises(ScenarioError, match=re.escape("best score of issue 'monitoring' is 0.5")):
        export_genius(scenario_from_dicts(ISSUES, parties), tmp_path)
    assert not list(tmp_path.iterdir())


def test_robustness_margins_leave_out_bounds_and_single_issues() -> None:
    ranges = [
        [WeightRange("A", "x", 0.3, 0.1, 1.0), WeightRange("A", "y", 0.7, 0.0, 0.75)],
        [WeightRange("B", "x", 0.6, 0.0, 0.65), WeightRange("B", "y", 0.4, 0.0, 1.0)],
        [WeightRange("C", "z", 1.0, 1.0, 1.0)],
    ]
    margins = robustness_margins(ranges)
    # x: A can drop 0.2 (to 0.1), B can rise 0.05; the bound-limited directions do not count.
    assert margins["x"] == pytest.approx(0.05)
    assert margins["y"] == pytest.approx(0.05)  # A up to 0.75; B never changes it
    assert margins["z"] is None
