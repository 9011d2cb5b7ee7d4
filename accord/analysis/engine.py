"""The one place that reads every party's preference: it feeds them to the engine and keeps
only what the engine derives (utilities of packages), never the weights, scores or notes.
"""

from __future__ import annotations

from typing import Any

from accord.analysis.models import Preference
from accord.domain.analysis import ScenarioError, analyse, scenario_from_dicts
from accord.talks.models import Issue, Process

#: Frontier packages kept in a run's result (the bargaining points are always kept).
MAX_STORED = 1000
POINTS = ("nash", "kalai", "egalitarian", "utilitarian")


def agenda(process: Process) -> list[Issue]:
    """The issues an analysis covers: every agenda issue that has options, in agenda order."""
    issues = Issue.objects.filter(process=process).prefetch_related("options")
    return [issue for issue in issues if issue.options.all()]


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


def compute(process: Process, *, report: Any = None) -> tuple[dict[str, Any], str]:
    """(result, error): the frontier and bargaining points over all submitted preferences."""
    issues = agenda(process)
    preferences = list(
        Preference.objects.filter(process=process)
        .select_related("owner_party")
        .prefetch_related("weights", "scores")
        .order_by("owner_party__name")
    )
    if report:
        report(0.1, f"{len(preferences)} preferences over {len(issues)} issues")
    try:
        scenario = scenario_from_dicts(
            {i.title: [o.label for o in i.options.all()] for i in issues},
            {p.owner_party.code: _party_spec(p, issues) for p in preferences},
            name=process.name,
        )
        analysis = analyse(scenario)
    except ScenarioError as error:
        return {}, str(error)
    if report:
        report(0.9, f"{len(analysis.frontier)} packages on the frontier")
    result = analysis.as_dict()
    result["stored"] = min(len(result["frontier"]), MAX_STORED)
    result["frontier_size"] = len(result["frontier"])
    result["frontier"] = result["frontier"][:MAX_STORED]
    result["party_names"] = [p.owner_party.name for p in preferences]
    result["issues"] = [i.title for i in issues]
    return result, ""
