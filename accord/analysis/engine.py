"""The one place that reads every party's preference: it feeds them to the engine and keeps
only what the engine derives (utilities of packages), never the weights, scores or notes.

Two derived things are private to one party and kept apart from the run's result: each party's
weight sensitivity (its intervals contain its own weights), stored as that party's `own` record.
The mediators get only the aggregate robustness margin per issue (see
docs/analysis-workspace.md for why that reveals no weight).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from accord.analysis.models import AnalysisRun, OptionConstraint, Preference
from accord.domain.analysis import (
    Scenario,
    ScenarioError,
    analyse,
    robustness_margins,
    scenario_from_dicts,
    weight_sensitivity,
)
from accord.talks.models import Issue, Process

#: Frontier packages kept in a run's result (the bargaining points are always kept).
MAX_STORED = 1000
POINTS = ("nash", "kalai", "egalitarian", "utilitarian")
#: Sensitivity recomputes the frontier for every probe; above this many packages it is skipped.
SENSITIVITY_MAX_OUTCOMES = 100_000


class StaleRun(Exception):
    """The preferences or the agenda changed since the run: its frontier no longer matches."""


@dataclass
class Computed:
    """What one computation yields: the mediators' result, and per party its own sensitivity."""

    result: dict[str, Any]
    error: str = ""
    basis: dict[str, str] = field(default_factory=dict)
    sensitivity: dict[int, list[dict[str, Any]]] = field(default_factory=dict)


def agenda(process: Process) -> list[Issue]:
    """The issues an analysis covers: every agenda issue that has options, in agenda order."""
    issues = Issue.objects.filter(process=process).prefetch_related("options")
    return [issue for issue in issues if issue.options.all()]


def constraint_specs(process: Process) -> list[dict[str, str]]:
    """The mediators' option constraints as the engine takes them (by issue and option name)."""
    rows = OptionConstraint.objects.filter(process=process).select_related(
        "option__issue", "other_option__issue"
    )
    return [
        {
            "kind": c.kind,
            "issue": c.option.issue.title, "option": c.option.label,
            "other_issue": c.other_option.issue.title, "other_option": c.other_option.label,
        }
        for c in rows
    ]  # fmt: skip


def _party_spec(preference: Preference, issues: list[Issue]) -> dict[str, Any]:
    weights = {w.issue_id: w.weight for w in preference.weights.all()}
    scores = {s.option_id: s.score for s in preference.scores.all()}
    total = sum(weights.get(issue.pk, 0.0) for issue in issues)
    if total <= 0:
        raise ScenarioError(f"{preference.owner_party.name} gives no weight to the issues analysed")
    return {
        "weights": {i.title: weights.get(i.pk, 0.0) / total for i in issues},
        "scores": {
            i.title: {o.label: scores.get(o.pk, 0.0) for o in i.options.all()} for i in issues
        },
        "reservation": preference.reservation,
    }


def _preferences(process: Process) -> list[Preference]:
    return list(
        Preference.objects.filter(process=process)
        .select_related("owner_party")
        .prefetch_related("weights", "scores")
        .order_by("owner_party__name")
    )


def _basis(preferences: list[Preference]) -> dict[str, str]:
    return {str(p.pk): p.updated_at.isoformat() for p in preferences}


def _scenario(process: Process, issues: list[Issue], preferences: list[Preference]) -> Scenario:
    return scenario_from_dicts(
        {i.title: [o.label for o in i.options.all()] for i in issues},
        {p.owner_party.code: _party_spec(p, issues) for p in preferences},
        constraint_specs(process),
        name=process.name,
    )


def compute(process: Process, *, report: Any = None) -> Computed:
    """The frontier and bargaining points over all submitted preferences, and sensitivities."""
    issues = agenda(process)
    preferences = _preferences(process)
    if report:
        report(0.1, f"{len(preferences)} preferences over {len(issues)} issues")
    try:
        scenario = _scenario(process, issues, preferences)
        analysis = analyse(scenario)
    except ScenarioError as error:
        return Computed(result={}, error=str(error))
    if report:
        report(0.5, f"{len(analysis.frontier)} packages on the frontier")
    result = analysis.as_dict()
    result["stored"] = min(len(result["frontier"]), MAX_STORED)
    result["frontier_size"] = len(result["frontier"])
    result["frontier"] = result["frontier"][:MAX_STORED]
    result["party_names"] = [p.owner_party.name for p in preferences]
    result["issues"] = [i.title for i in issues]
    result["constraints"] = [dict(c) for c in constraint_specs(process)]
    computed = Computed(result=result, basis=_basis(preferences))
    if analysis.nash is not None and scenario.n_outcomes <= SENSITIVITY_MAX_OUTCOMES:
        _sensitivities(scenario, preferences, computed)
    return computed


def _sensitivities(scenario: Scenario, preferences: list[Preference], computed: Computed) -> None:
    """Each party's own intervals (kept apart) and the mediators' per-issue aggregate."""
    all_ranges = []
    for preference in preferences:
        ranges = weight_sensitivity(scenario, preference.owner_party.code)
        all_ranges.append(ranges)
        computed.sensitivity[preference.owner_party_id] = [
            {"issue": r.issue, "weight": r.weight, "lower": r.lower, "upper": r.upper}
            for r in ranges
        ]
    margins = robustness_margins(all_ranges)
    computed.result["robustness"] = [
        {"issue": issue, "margin": None if margin is None else round(margin, 2)}
        for issue, margin in margins.items()
    ]


def baseline_improvements(run: AnalysisRun, outcome: Mapping[str, str]) -> list[int]:
    """Numbers (1-based) of the run's kept frontier packages that Pareto-improve `outcome`.

    The baseline's utilities come from the current preferences, so the run must still match
    them (StaleRun otherwise). Only the row numbers leave this function: the baseline's own
    utilities are never returned, so the mediators cannot probe arbitrary packages for values.
    """
    process = run.process
    issues = agenda(process)
    preferences = _preferences(process)
    if _basis(preferences) != run.basis or [i.title for i in issues] != run.result["issues"]:
        raise StaleRun("Preferences or the agenda changed since this run; start a new run.")
    try:
        scenario = _scenario(process, issues, preferences)
        base = np.array(scenario.utilities(outcome))
    except ScenarioError as error:
        raise StaleRun(str(error)) from error
    if list(scenario.party_names) != run.result["parties"]:
        raise StaleRun("The parties changed since this run; start a new run.")
    numbers = []
    for number, package in enumerate(run.result["frontier"], start=1):
        utilities = np.array(package["utilities"])
        if np.all(utilities >= base) and np.any(utilities > base):
            numbers.append(number)
    return numbers
