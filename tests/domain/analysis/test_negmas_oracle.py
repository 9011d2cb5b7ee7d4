"""negmas (test-only oracle, AGPL: never imported by accord) on the same numbers as Accord.

negmas gets ufuns built from Accord's imported scenario, so the comparison is of the algorithms,
not of the two XML readers (their import semantics differ; see docs/analysis.md). negmas's
frontier holds only rational outcomes and keeps one outcome per utility vector, as Accord does.
Its Nash point uses as disagreement point max(reservation, minimum utility) and accepts zero
gains; Accord uses the reservation value and requires every gain to be positive. The test
checks the algorithms agree under negmas's definition and records where the definitions differ.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from negmas.outcomes import make_issue
from negmas.preferences import LinearAdditiveUtilityFunction
from negmas.preferences.ops import nash_points
from negmas.preferences.ops import pareto_frontier as negmas_frontier
from negmas.preferences.value_fun import TableFun

from accord.domain.analysis import Scenario, ScenarioError, load_genius, nash_point, pareto_frontier
from accord.domain.analysis.bargaining import rational_rows
from accord.domain.analysis.model import to_utility
from tests.domain.analysis._oracle import folder_id, scenario_folders

ORACLE_LIMIT = 40_000  # outcomes x parties: negmas evaluates every outcome in Python
TOLERANCE = 1e-9

# Scenarios where Accord's Nash point (disagreement = reservation value, positive gains) is not
# negmas's, with the reason (see _why_different): "disagreement" when negmas raises the
# disagreement point to a party's minimum utility because the reservation value lies below it;
# "zero-gain" when no package gives every party strictly more than its reservation value.
# Checked both ways: a new difference, or one that vanished, fails the test.
KNOWN_NASH_DEFINITION_DIFFERENCES: dict[str, str] = {
    "anac/y2011/IS_BT_Acquisition": "disagreement",
    "anac/y2011/NiceOrDie": "disagreement",
    "anac/y2012/AcquisitionA": "disagreement",
    "anac/y2012/AcquisitionB": "disagreement",
    "anac/y2012/AcquisitionC": "disagreement",
    "anac/y2012/BarbecueC": "disagreement",
    "anac/y2012/FiftyFiftyA": "zero-gain",
    "anac/y2012/FitnessC": "disagreement",
    "anac/y2012/NiceOrDieA": "disagreement",
    "anac/y2013/Acquisition": "disagreement",
    "anac/y2013/Fifty2013": "zero-gain",
    "anac/y2013/Kitchen": "disagreement",
    "anac/y2013/NiceOrDie": "disagreement",
    "anac/y2015/group11-car_purchase": "disagreement",
    "anac/y2015/group4-zoning_plan": "disagreement",
    "anac/y2016/AgentLightSmartGrid": "disagreement",
    "anac/y2016/Grandma": "disagreement",
    "anac/y2016/Maxoops": "disagreement",
    "other/Domain2": "disagreement",
    "other/Domain4": "disagreement",
    "other/Domain8": "disagreement",
}

# Scenarios where negmas's frontier holds extra points that exhaustive enumeration shows to be
# dominated: negmas keeps a point whenever one coordinate exceeds the dominator's by float noise
# (for example 0.9000000000000001 against 0.9). Each extra point is checked to be dominated
# within TOLERANCE by an Accord frontier point, and Accord's frontier equals enumeration
# (test_scenarios.py).
KNOWN_NEGMAS_FRONTIER_NOISE: set[str] = {
    "anac/y2012/BarterB",
    "anac/y2012/BarterC",
    "other/Jobs",
    "other/inheritancedomain",
}


def _oracle_folders() -> list[Path]:
    chosen = []
    for folder in scenario_folders():
        try:
            scenario = load_genius(folder)
        except ScenarioError:
            continue
        if scenario.n_outcomes * len(scenario.parties) <= ORACLE_LIMIT:
            chosen.append(folder)
    return chosen


FOLDERS = _oracle_folders()


def _negmas_ufuns(scenario: Scenario) -> tuple[list, list]:
    issues = [make_issue(values=list(i.options), name=i.name) for i in scenario.issues]
    ufuns = []
    for party in scenario.parties:
        values = [TableFun(dict(party.scores[i.name])) for i in scenario.issues]
        weights = [party.weights[i.name] for i in scenario.issues]
        ufun = LinearAdditiveUtilityFunction(values=values, weights=weights, issues=issues)
        ufun.reserved_value = party.reservation
        ufuns.append(ufun)
    return ufuns, issues


def _negmas_disagreement(scenario: Scenario) -> np.ndarray:
    lowest = to_utility(np.sum([table.min(axis=0) for table in scenario.tables()], axis=0))
    return np.maximum(scenario.reservations, lowest)


def _rounded(rows: np.ndarray) -> set[tuple[float, ...]]:
    return {tuple(np.round(row, 8)) for row in rows}


def _nearly_dominated(point: np.ndarray, frontier: np.ndarray) -> bool:
    above = np.all(frontier >= point - TOLERANCE, axis=1)
    better = np.any(frontier > point + TOLERANCE, axis=1)
    return bool(np.any(above & better))


def _why_different(
    scenario: Scenario, ours: object, theirs: np.ndarray | None, disagreement: np.ndarray
) -> str:
    """'tie': both points have the same Nash product under Accord's definition (ties broken
    differently); 'zero-gain': only packages leaving some party exactly at its reservation value
    exist, where negmas still names one and Accord names none; 'disagreement': negmas's
    disagreement point is not the reservation value."""
    reservations = scenario.reservations
    if ours is None and theirs is not None and np.prod(theirs - reservations) <= 1e-12:
        return "zero-gain"
    if ours is not None and theirs is not None:
        our_product = np.prod(np.array(ours.utilities) - reservations)  # type: ignore[attr-defined]
        their_product = np.prod(theirs - reservations)
        if abs(our_product - their_product) <= 1e-9 * max(abs(our_product), 1e-12):
            return "tie"
    if not np.allclose(disagreement, reservations):
        return "disagreement"
    return "unexplained"


def test_there_are_scenarios_to_compare() -> None:
    assert len(FOLDERS) >= 120


@pytest.mark.parametrize("folder", FOLDERS, ids=folder_id)
def test_frontier_and_nash_agree_with_negmas(folder: Path) -> None:
    name = folder_id(folder)
    scenario = load_genius(folder)
    ufuns, issues = _negmas_ufuns(scenario)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        their_frontier, _ = negmas_frontier(ufuns, issues=issues)
        their_nash = nash_points(ufuns, their_frontier, issues=issues)
    ours = pareto_frontier(scenario)
    rational = ours.utilities[rational_rows(ours)]
    theirs = np.array(their_frontier).reshape(-1, len(ufuns))
    assert _rounded(rational) <= _rounded(theirs), "negmas misses a frontier point"
    extra = np.array(sorted(_rounded(theirs) - _rounded(rational))).reshape(-1, len(ufuns))
    for point in extra:
        assert _nearly_dominated(point, rational), f"negmas keeps {point}, not dominated"
    assert (name in KNOWN_NEGMAS_FRONTIER_NOISE) == (len(extra) > 0)

    disagreement = _negmas_disagreement(scenario)
    ours_their_way = nash_point(ours, disagreement=disagreement)
    their_best = np.array(their_nash[0][0]) if their_nash else None
    their_product = None if their_best is None else float(np.prod(their_best - disagreement))
    if ours_their_way is None:
        assert their_product is None or their_product <= TOLERANCE
    else:
        our_product = float(np.prod(np.array(ours_their_way.utilities) - disagreement))
        assert their_product == pytest.approx(our_product, rel=1e-7, abs=1e-12)

    ours_default = nash_point(ours)
    same = (ours_default is None and their_best is None) or (
        ours_default is not None
        and their_best is not None
        and np.allclose(ours_default.utilities, their_best, atol=TOLERANCE)
    )
    reason = None if same else _why_different(scenario, ours_default, their_best, disagreement)
    assert KNOWN_NASH_DEFINITION_DIFFERENCES.get(name) == reason
