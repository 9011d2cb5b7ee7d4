"""Build a Scenario from plain dictionaries: the shape the workspace stores preferences in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.domain.analysis.errors import ScenarioError
from accord.domain.analysis.model import Constraint, Issue, Party, Scenario


def scenario_from_dicts(
    issues: Mapping[str, Sequence[str]],
    parties: Mapping[str, Mapping[str, object]],
    constraints: Sequence[Mapping[str, str]] = (),
    *,
    name: str = "",
) -> Scenario:
    """A validated Scenario from plain data.

    `issues`: issue name -> option names, in agenda order.
    `parties`: party name -> {"weights": {issue: weight}, "scores": {issue: {option: score}},
    "reservation": float (optional, default 0)}; weights sum to 1, scores lie in [0, 1].
    `constraints`: {"kind": "requires" | "excludes", "issue", "option", "other_issue",
    "other_option"} each.
    Raises ScenarioError naming the party, issue or option at fault.
    """
    issue_list = tuple(
        Issue(name=issue, options=tuple(options)) for issue, options in issues.items()
    )
    party_list = tuple(_party(party, spec) for party, spec in parties.items())
    constraint_list = tuple(_constraint(spec) for spec in constraints)
    return Scenario(issues=issue_list, parties=party_list, constraints=constraint_list, name=name)


def _party(name: str, spec: Mapping[str, object]) -> Party:
    weights = spec.get("weights")
    scores = spec.get("scores")
    if not isinstance(weights, Mapping) or not isinstance(scores, Mapping):
        raise ScenarioError(f"party {name!r}: needs 'weights' and 'scores' mappings")
    reservation = spec.get("reservation", 0.0)
    return Party(
        name=name,
        weights={issue: _float(name, w) for issue, w in weights.items()},
        scores={
            issue: {option: _float(name, s) for option, s in options.items()}
            for issue, options in scores.items()
        },
        reservation=_float(name, reservation),
    )


def _float(party: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScenarioError(f"party {party!r}: {value!r} is not a number")
    return float(value)


def _constraint(spec: Mapping[str, str]) -> Constraint:
    keys = ("kind", "issue", "option", "other_issue", "other_option")
    missing = [key for key in keys if key not in spec]
    if missing:
        raise ScenarioError(f"constraint {dict(spec)!r} lacks {missing}")
    return Constraint(**{key: spec[key] for key in keys})  # type: ignore[arg-type]
