"""Decision units: issues, or groups of issues tied together by hard constraints.

Constraints are pairwise between options of two issues, so the issues they connect are merged
into one compound unit whose options are the feasible combinations. Utilities stay additive over
units, which lets the frontier's dynamic programme handle constraints exactly.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from accord.domain.analysis.errors import ScenarioError
from accord.domain.analysis.model import Scenario

MAX_COMPOUND_OPTIONS = 1_000_000


class CompoundTooLarge(ScenarioError):
    """Constraints tie issues into more combinations than one unit may hold (use the MILP)."""


@dataclass(frozen=True)
class Unit:
    """Issues decided together: `choices[k]` gives an option index per issue of `issues`."""

    issues: tuple[int, ...]
    choices: np.ndarray
    table: np.ndarray


def decision_units(scenario: Scenario) -> list[Unit]:
    """Units, those with most options first; unconstrained issues are units of their own.

    Order does not change the result (integer sums are exact), but the last stage multiplies
    the frontier so far by its unit's options, so the unit with fewest options goes last.
    """
    units = [_unit(scenario, group) for group in _connected_issue_groups(scenario)]
    return sorted(units, key=lambda unit: (-len(unit.choices), unit.issues[0]))


def _connected_issue_groups(scenario: Scenario) -> list[tuple[int, ...]]:
    index = {issue.name: k for k, issue in enumerate(scenario.issues)}
    parent = list(range(len(scenario.issues)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for constraint in scenario.constraints:
        parent[root(index[constraint.issue])] = root(index[constraint.other_issue])
    groups: dict[int, list[int]] = {}
    for k in range(len(scenario.issues)):
        groups.setdefault(root(k), []).append(k)
    return sorted((tuple(members) for members in groups.values()), key=lambda g: g[0])


def _unit(scenario: Scenario, group: tuple[int, ...]) -> Unit:
    tables = scenario.tables()
    if len(group) == 1:
        k = group[0]
        choices = np.arange(len(scenario.issues[k].options)).reshape(-1, 1)
        return Unit(issues=group, choices=choices, table=np.asarray(tables[k]))
    sizes = [len(scenario.issues[k].options) for k in group]
    if np.prod(sizes, dtype=float) > MAX_COMPOUND_OPTIONS:
        names = [scenario.issues[k].name for k in group]
        raise CompoundTooLarge(
            f"constraints tie issues {names} into more than {MAX_COMPOUND_OPTIONS} combinations"
        )
    combos = [c for c in itertools.product(*map(range, sizes)) if _allowed(scenario, group, c)]
    if not combos:
        names = [scenario.issues[k].name for k in group]
        raise ScenarioError(f"constraints leave no feasible combination of issues {names}")
    choices = np.array(combos, dtype=np.int64)
    table = np.zeros((len(combos), len(scenario.parties)), dtype=np.int64)
    for column, k in enumerate(group):
        table = table + tables[k][choices[:, column]]
    return Unit(issues=group, choices=choices, table=table)


def _allowed(scenario: Scenario, group: tuple[int, ...], combo: tuple[int, ...]) -> bool:
    chosen = {
        scenario.issues[k].name: scenario.issues[k].options[option]
        for k, option in zip(group, combo, strict=True)
    }
    return all(
        c.allows(chosen[c.issue], chosen[c.other_issue])
        for c in scenario.constraints
        if c.issue in chosen
    )
