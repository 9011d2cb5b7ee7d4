"""What the analysis returns: packages, the frontier and the bargaining summary, as plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from accord.domain.analysis.model import Scenario


@dataclass(frozen=True)
class Package:
    """One complete package: an option per issue, and each party's utility for it (party order).

    `count` is how many packages of the outcome space share exactly these utilities (this one is
    their representative); it is exact when the frontier it comes from is exact.
    """

    outcome: Mapping[str, str]
    utilities: tuple[float, ...]
    count: int = 1

    def as_dict(self) -> dict[str, object]:
        """The shape of the CLI's JSON: `{"outcome": {issue: option}, "utilities": [...]}`."""
        return {"outcome": dict(self.outcome), "utilities": list(self.utilities)}


@dataclass(frozen=True)
class Frontier:
    """The Pareto frontier: one package per non-dominated utility vector.

    Arrays are row-aligned: `utilities[k]` (party order) belongs to `choices[k]` (option index per
    issue, agenda order) and `counts[k]`. Rows are sorted by total utility, highest first.
    `epsilon` is 0.0 for the exact frontier; otherwise the set is an additive epsilon-Pareto
    set: every feasible package x has a row y with y[i] >= x[i] - epsilon for every party i.
    """

    scenario: Scenario = field(repr=False)
    utilities: np.ndarray
    choices: np.ndarray
    counts: np.ndarray
    epsilon: float = 0.0
    n_feasible: int = 0

    def __len__(self) -> int:
        return len(self.utilities)

    @property
    def exact(self) -> bool:
        return self.epsilon == 0.0

    def package(self, row: int) -> Package:
        issues = self.scenario.issues
        outcome = {
            issue.name: issue.options[int(option)]
            for issue, option in zip(issues, self.choices[row], strict=True)
        }
        return Package(
            outcome=outcome,
            utilities=tuple(float(u) for u in self.utilities[row]),
            count=int(self.counts[row]),
        )

    @property
    def packages(self) -> tuple[Package, ...]:
        return tuple(self.package(row) for row in range(len(self)))


@dataclass(frozen=True)
class Analysis:
    """Everything the mediator's result page shows for one scenario.

    Bargaining points are None when no package gives every party at least its reservation value
    (no zone of possible agreement) or, for Nash, when no package gives every party strictly more.
    """

    parties: tuple[str, ...]
    n_outcomes: int
    frontier: Frontier
    zopa: bool
    nash: Package | None
    kalai: Package | None
    egalitarian: Package | None
    utilitarian: Package | None
    seconds: float

    def as_dict(self) -> dict[str, object]:
        """The JSON contract of `accord analyse --json`."""

        def point(package: Package | None) -> dict[str, object] | None:
            return None if package is None else package.as_dict()

        return {
            "parties": list(self.parties),
            "n_outcomes": self.n_outcomes,
            "frontier": [package.as_dict() for package in self.frontier.packages],
            "nash": point(self.nash),
            "kalai": point(self.kalai),
            "egalitarian": point(self.egalitarian),
            "utilitarian": point(self.utilitarian),
            "seconds": self.seconds,
            "epsilon": self.frontier.epsilon,
            "zopa": self.zopa,
        }
