"""How firmly the recommended (Nash) package rests on each party's issue weights.

For one party and one issue, the weight w moves to w' while the party's other weights are scaled
by (1 - w') / (1 - w), so they keep their proportions and the total stays the same. The stable
range is the interval around w, found on a grid of step `resolution` and refined by bisection,
in which the Nash package stays the same package (the same option on every issue). Beyond it
the recommendation changes; a range reaching 0 or 1 means no move in that direction changes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from accord.domain.analysis.bargaining import nash_point
from accord.domain.analysis.frontier import pareto_frontier
from accord.domain.analysis.model import Party, Scenario


@dataclass(frozen=True)
class WeightRange:
    """The interval [lower, upper] of one issue weight that keeps the Nash package unchanged."""

    party: str
    issue: str
    weight: float
    lower: float
    upper: float


def weight_sensitivity(
    scenario: Scenario, party: str, *, resolution: float = 0.02
) -> tuple[WeightRange, ...]:
    """For each issue, how far `party`'s weight can move before the Nash package changes."""
    index = scenario.party_names.index(party)
    baseline = _nash_outcome(scenario)
    ranges = []
    for issue in scenario.issues:
        weight = scenario.parties[index].weights[issue.name]
        if len(scenario.issues) == 1:
            ranges.append(WeightRange(party, issue.name, weight, weight, weight))
            continue

        def same(candidate: float, issue_name: str = issue.name) -> bool:
            moved = _with_weight(scenario, index, issue_name, candidate)
            return _nash_outcome(moved) == baseline

        lower = _edge(same, weight, 0.0, resolution)
        upper = _edge(same, weight, 1.0, resolution)
        ranges.append(WeightRange(party, issue.name, weight, lower, upper))
    return tuple(ranges)


def _nash_outcome(scenario: Scenario) -> Mapping[str, str] | None:
    package = nash_point(pareto_frontier(scenario))
    return None if package is None else dict(package.outcome)


def _edge(same: Callable[[float], bool], start: float, limit: float, resolution: float) -> float:
    """The furthest point from `start` towards `limit` reached before `same` first fails."""
    step = resolution if limit > start else -resolution
    inside = start
    while abs(limit - inside) > 1e-12:
        probe = min(inside + step, limit) if step > 0 else max(inside + step, limit)
        if not same(probe):
            return _bisect(same, inside, probe, resolution / 16)
        inside = probe
    return limit


def _bisect(
    same: Callable[[float], bool], inside: float, outside: float, tolerance: float
) -> float:
    while abs(outside - inside) > tolerance:
        middle = (inside + outside) / 2
        if same(middle):
            inside = middle
        else:
            outside = middle
    return inside


def _with_weight(scenario: Scenario, index: int, issue: str, weight: float) -> Scenario:
    party = scenario.parties[index]
    others = 1.0 - party.weights[issue]
    weights = {}
    for name, value in party.weights.items():
        if name == issue:
            weights[name] = weight
        elif others > 0:
            weights[name] = value * (1.0 - weight) / others
        else:
            weights[name] = (1.0 - weight) / (len(party.weights) - 1)
    moved: Party = replace(party, weights=weights)
    parties = tuple(moved if k == index else p for k, p in enumerate(scenario.parties))
    return replace(scenario, parties=parties)


def robustness_margins(
    ranges: Sequence[Sequence[WeightRange]],
) -> dict[str, float | None]:
    """Per issue, the smallest move of any one party's weight that changes the Nash package.

    The aggregate the mediators may see (docs/analysis-workspace.md): it names no party and no
    weight. A direction in which a range runs to its bound (0 or 1) never changes the package and
    is left out, because the distance to the bound would be the weight itself; None means no
    party's weight on that issue changes the package in either direction.
    """
    margins: dict[str, float | None] = {}
    for party_ranges in ranges:
        for r in party_ranges:
            margins.setdefault(r.issue, None)
            if r.lower == r.upper == r.weight:
                continue  # a single issue: its weight cannot move at all
            distances = [r.weight - r.lower] if r.lower > 0.0 else []
            distances += [r.upper - r.weight] if r.upper < 1.0 else []
            current = margins[r.issue]
            for distance in distances:
                if current is None or distance < current:
                    current = distance
            margins[r.issue] = current
    return margins
