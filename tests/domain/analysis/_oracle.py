"""Shared test helpers: where the GENIUS scenarios live, and an exhaustive-enumeration oracle."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np

from accord.domain.analysis import Scenario
from accord.domain.analysis.model import to_utility

GENIUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "genius"


def genius_root() -> Path:
    """The GENIUS scenario collection; fail loudly when the shared data is missing."""
    if not (GENIUS / "README.md").is_file():
        raise AssertionError(
            f"shared GENIUS data missing: {GENIUS} (expected ../shared/data/genius)"
        )
    return GENIUS


def scenario_folders() -> list[Path]:
    """Every folder of the collection that holds a GENIUS domain file."""
    root = genius_root()
    folders = set()
    for path in root.rglob("*.xml"):
        with path.open("rb") as handle:
            if b"<negotiation_template" in handle.read(4096):
                folders.add(path.parent)
    return sorted(folders)


def folder_id(folder: Path) -> str:
    return folder.resolve().relative_to(genius_root().resolve()).as_posix()


def enumerate_packages(scenario: Scenario) -> tuple[np.ndarray, np.ndarray]:
    """Every feasible package (option indices) and its utilities (exact integer sums)."""
    tables = scenario.tables()
    sizes = [len(issue.options) for issue in scenario.issues]
    choices = np.array(list(itertools.product(*map(range, sizes))), dtype=np.int64)
    totals = np.zeros((len(choices), len(scenario.parties)), dtype=np.int64)
    for k, table in enumerate(tables):
        totals = totals + table[choices[:, k]]
    utilities = to_utility(totals)
    if scenario.constraints:
        feasible = np.array([scenario.feasible(_outcome(scenario, row)) for row in choices])
        choices, utilities = choices[feasible], utilities[feasible]
    return choices, utilities


def _outcome(scenario: Scenario, row: np.ndarray) -> dict[str, str]:
    return {i.name: i.options[int(o)] for i, o in zip(scenario.issues, row, strict=True)}


def dominated_by_any(reference: np.ndarray, queries: np.ndarray, chunk: int = 512) -> np.ndarray:
    """For each query row: is it dominated (>= everywhere, > somewhere) by a reference row?"""
    result = np.zeros(len(queries), dtype=bool)
    for start in range(0, len(queries), chunk):
        q = queries[start : start + chunk, None, :]
        ge = np.all(reference[None, :, :] >= q, axis=2)
        gt = np.any(reference[None, :, :] > q, axis=2)
        result[start : start + chunk] = np.any(ge & gt, axis=1)
    return result


def check_frontier_exact(
    scenario: Scenario, frontier_utilities: np.ndarray, counts: np.ndarray
) -> None:
    """Assert the claimed frontier is exactly the set of non-dominated vectors, with counts."""
    _, utilities = enumerate_packages(scenario)
    distinct, multiplicity = np.unique(utilities, axis=0, return_counts=True)
    claimed = {tuple(row): int(c) for row, c in zip(frontier_utilities, counts, strict=True)}
    assert len(claimed) == len(frontier_utilities), "frontier lists a utility vector twice"
    assert not dominated_by_any(distinct, frontier_utilities).any(), (
        "a frontier vector is dominated"
    )
    is_claimed = np.array([tuple(row) in claimed for row in distinct])
    others = distinct[~is_claimed]
    assert dominated_by_any(frontier_utilities, others).all(), "a non-dominated vector is missing"
    truth = {tuple(row): int(c) for row, c in zip(distinct, multiplicity, strict=True)}
    for vector, count in claimed.items():
        assert truth.get(vector) == count, f"count of {vector} is {count}, not {truth.get(vector)}"
