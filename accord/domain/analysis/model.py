"""The package-deal model: issues with discrete options, parties with additive utilities.

A party's utility for a package (one option per issue) is the sum over issues of
`weight[issue] * score[issue][option]`, with weights summing to one and scores in [0, 1]; this is
the linear additive model of GENIUS and of Smartsettle-style confidential ratings. Everything is
validated on construction so that an invalid scenario never reaches the algorithms.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from accord.domain.analysis.errors import ScenarioError

WEIGHT_TOLERANCE = 0.02
"""How far a party's weights may sum away from 1 (GENIUS files carry rounding of this order)."""

UTILITY_SCALE = 10**12
"""Utility resolution: each weight x score term is rounded to a multiple of 1 / UTILITY_SCALE.

Utilities are then sums of integers, exact and independent of the order of addition, and terms
with at most 12 decimals (as GENIUS files and slider inputs have) are represented exactly, so
decimal ties stay ties: 0.2 x 0.49 + 0.3 x 0.1 equals 0.1 x 0.98 + 0.2 x 0.15 here, which
binary floating point does not guarantee.
"""


def to_utility(units: np.ndarray) -> np.ndarray:
    """Integer utility units as floats (order-preserving)."""
    return np.asarray(units) / UTILITY_SCALE


@dataclass(frozen=True)
class Issue:
    """An agenda item and the options the parties can agree on for it."""

    name: str
    options: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.options:
            raise ScenarioError(f"issue {self.name!r} has no options")
        if len(set(self.options)) != len(self.options):
            raise ScenarioError(f"issue {self.name!r} lists an option twice")


@dataclass(frozen=True)
class Party:
    """One delegation's private preferences: issue weights, option scores, reservation value.

    `discount` is carried only so that GENIUS files round-trip; the analysis is of an agreement
    reached now, so it is never applied.
    """

    name: str
    weights: Mapping[str, float]
    scores: Mapping[str, Mapping[str, float]]
    reservation: float = 0.0
    discount: float | None = None


@dataclass(frozen=True)
class Constraint:
    """A hard rule between options of two different issues.

    `requires`: a package choosing `option` of `issue` must choose `other_option` of
    `other_issue`. `excludes`: a package may not choose both.
    """

    kind: Literal["requires", "excludes"]
    issue: str
    option: str
    other_issue: str
    other_option: str

    def allows(self, option: str, other_option: str) -> bool:
        """Whether the pair (option of `issue`, option of `other_issue`) respects the rule."""
        if option != self.option:
            return True
        if self.kind == "requires":
            return other_option == self.other_option
        return other_option != self.other_option


@dataclass(frozen=True)
class Scenario:
    """Issues, parties and constraints: everything the analysis needs, already validated."""

    issues: tuple[Issue, ...]
    parties: tuple[Party, ...]
    constraints: tuple[Constraint, ...] = ()
    name: str = ""
    _tables: tuple[np.ndarray, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.issues:
            raise ScenarioError(f"scenario {self.name!r} has no issues")
        if not self.parties:
            raise ScenarioError(f"scenario {self.name!r} has no parties")
        names = [issue.name for issue in self.issues]
        if len(set(names)) != len(names):
            raise ScenarioError(f"scenario {self.name!r} lists an issue twice")
        for party in self.parties:
            _check_party(party, self.issues)
        for constraint in self.constraints:
            _check_constraint(constraint, self.issues)
        object.__setattr__(self, "_tables", tuple(_issue_table(self, i) for i in self.issues))

    @property
    def party_names(self) -> tuple[str, ...]:
        return tuple(party.name for party in self.parties)

    @property
    def n_outcomes(self) -> int:
        """Size of the outcome space before constraints (product of option counts)."""
        return math.prod(len(issue.options) for issue in self.issues)

    @property
    def reservations(self) -> np.ndarray:
        return np.array([party.reservation for party in self.parties], dtype=float)

    def tables(self) -> tuple[np.ndarray, ...]:
        """Per issue, an (options x parties) array of weighted scores, in 1 / UTILITY_SCALE."""
        return self._tables

    def utilities(self, outcome: Mapping[str, str]) -> tuple[float, ...]:
        """Each party's utility for a complete package, summed issue by issue in agenda order."""
        total = np.zeros(len(self.parties), dtype=np.int64)
        for issue, table in zip(self.issues, self._tables, strict=True):
            if issue.name not in outcome:
                raise ScenarioError(f"package has no option for issue {issue.name!r}")
            if outcome[issue.name] not in issue.options:
                raise ScenarioError(
                    f"package option {outcome[issue.name]!r} is not an option of {issue.name!r}"
                )
            total = total + table[issue.options.index(outcome[issue.name])]
        return tuple(float(u) for u in to_utility(total))

    def feasible(self, outcome: Mapping[str, str]) -> bool:
        """Whether a complete package respects every hard constraint."""
        return all(c.allows(outcome[c.issue], outcome[c.other_issue]) for c in self.constraints)


def _issue_table(scenario: Scenario, issue: Issue) -> np.ndarray:
    table = np.empty((len(issue.options), len(scenario.parties)), dtype=np.int64)
    for column, party in enumerate(scenario.parties):
        weight = party.weights[issue.name]
        for row, option in enumerate(issue.options):
            table[row, column] = round(weight * party.scores[issue.name][option] * UTILITY_SCALE)
    table.setflags(write=False)
    return table


def _check_party(party: Party, issues: tuple[Issue, ...]) -> None:
    where = f"party {party.name!r}"
    _check_number(party.reservation, f"{where}: reservation value", 0.0, 1.0)
    for issue in issues:
        if issue.name not in party.weights:
            raise ScenarioError(f"{where}: no weight for issue {issue.name!r}")
        _check_number(party.weights[issue.name], f"{where}: weight of {issue.name!r}", 0.0, 1.0)
        scores = party.scores.get(issue.name)
        if scores is None:
            raise ScenarioError(f"{where}: no scores for issue {issue.name!r}")
        for option in issue.options:
            if option not in scores:
                raise ScenarioError(f"{where}: no score for option {option!r} of {issue.name!r}")
            _check_number(scores[option], f"{where}: score of {issue.name!r}={option!r}", 0, 1)
    unknown = set(party.weights) - {issue.name for issue in issues}
    if unknown:
        raise ScenarioError(f"{where}: weights for unknown issues {sorted(unknown)}")
    total = sum(party.weights[issue.name] for issue in issues)
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        raise ScenarioError(f"{where}: weights sum to {total:.6g}, not 1")


def _check_number(value: float, what: str, low: float, high: float) -> None:
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise ScenarioError(f"{what} is not a finite number: {value!r}")
    if not low <= value <= high:
        raise ScenarioError(f"{what} is {value!r}, outside [{low}, {high}]")


def _check_constraint(constraint: Constraint, issues: tuple[Issue, ...]) -> None:
    by_name = {issue.name: issue for issue in issues}
    if constraint.kind not in ("requires", "excludes"):
        raise ScenarioError(f"unknown constraint kind {constraint.kind!r}")
    if constraint.issue == constraint.other_issue:
        raise ScenarioError(f"constraint links issue {constraint.issue!r} to itself")
    for issue_name, option in (
        (constraint.issue, constraint.option),
        (constraint.other_issue, constraint.other_option),
    ):
        if issue_name not in by_name:
            raise ScenarioError(f"constraint names unknown issue {issue_name!r}")
        if option not in by_name[issue_name].options:
            raise ScenarioError(f"constraint names unknown option {option!r} of {issue_name!r}")
