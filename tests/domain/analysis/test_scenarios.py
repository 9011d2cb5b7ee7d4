"""Every GENIUS scenario of the shared collection: imported or rejected for a stated reason,
and, where the outcome space can be enumerated, a frontier equal to exhaustive enumeration."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.domain.analysis import ScenarioError, analyse, load_genius
from tests.domain.analysis._oracle import check_frontier_exact, folder_id, scenario_folders

NON_ADDITIVE = (
    [
        f"anac/y2014/{size}issues{variant}"
        for size in (10, 30, 50)
        for variant in ("", "Discounted", "DiscountedwithRV", "withRV")
    ]
    + [f"other/S-1NAGUNL-{n}" for n in (114, 128, 255)]
    + [f"other/S-1NIKFRT-{n}" for n in (1, 2, 3)]
)

# Scenarios Accord refuses, and the reason its error must give.
REJECTED = {name: "non-additive utility not supported" for name in NON_ADDITIVE} | {
    "anac/y2016/SYAgent": "weights sum to 1.1, not 1",
    "other/QODomain": "weights sum to 1.9, not 1",
}

# Enumerating these is too slow for a unit test (outcomes x parties above 5 x 10^5); the benchmark
# runs them, and the property tests cover the algorithm on random scenarios.
TOO_LARGE_TO_ENUMERATE = {
    "anac/y2011/Energy",
    "anac/y2012/EnergyB",
    "anac/y2012/EnergyC",
    "anac/y2015/group9-killer_robot",
    "other/journal_learning/six_issues",
}
ENUMERATION_LIMIT = 500_000

FOLDERS = scenario_folders()


def test_the_collection_is_complete() -> None:
    assert len(FOLDERS) >= 160
    assert set(REJECTED) <= {folder_id(f) for f in FOLDERS}


@pytest.mark.parametrize("folder", FOLDERS, ids=folder_id)
def test_scenario_frontier_matches_enumeration(folder: Path) -> None:
    name = folder_id(folder)
    if name in REJECTED:
        with pytest.raises(ScenarioError, match=REJECTED[name]) as caught:
            load_genius(folder)
        assert str(folder.resolve().parent) in str(Path(str(caught.value).split(":")[0]).resolve())
        return
    scenario = load_genius(folder)
    too_large = scenario.n_outcomes * len(scenario.parties) > ENUMERATION_LIMIT
    assert too_large == (name in TOO_LARGE_TO_ENUMERATE)
    if too_large:
        return
    result = analyse(scenario)
    assert result.frontier.exact
    check_frontier_exact(scenario, result.frontier.utilities, result.frontier.counts)
    frontier_rows = {tuple(row) for row in result.frontier.utilities}
    for point in (result.nash, result.kalai, result.egalitarian, result.utilitarian):
        if point is not None:
            assert point.utilities in frontier_rows
            assert np.all(np.array(point.utilities) >= scenario.reservations)
            assert scenario.utilities(point.outcome) == point.utilities
