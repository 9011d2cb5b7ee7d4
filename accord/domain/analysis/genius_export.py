"""Export of a Scenario to GENIUS XML: a domain file and one profile per party.

Every issue is written as a discrete issue whose item evaluations are the scores. GENIUS divides
evaluations by their maximum per issue, so a score table is representable only when each issue's
best score is 1 (or all scores are 0), up to 1e-9 of rounding which is written away; anything
else is refused rather than silently rescaled.
Hard constraints have no GENIUS form and are refused too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from accord.domain.analysis.errors import ScenarioError
from accord.domain.analysis.model import Party, Scenario

_ROUNDING = 1e-9


def export_genius(scenario: Scenario, folder: str | Path) -> tuple[Path, list[Path]]:
    """Write the scenario into `folder`; return the domain path and the profile paths."""
    if scenario.constraints:
        raise ScenarioError("GENIUS XML cannot express hard constraints between options")
    for party in scenario.parties:
        _check_representable(scenario, party)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    domain_path = target / f"{_file_stem(scenario.name or 'scenario')}-domain.xml"
    _write(_domain_tree(scenario), domain_path)
    profile_paths = []
    for party in scenario.parties:
        path = target / _profile_name(party.name)
        if path in profile_paths or path == domain_path:
            raise ScenarioError(f"two files of the export would be called {path.name!r}")
        _write(_profile_tree(scenario, party), path)
        profile_paths.append(path)
    return domain_path, profile_paths


def _check_representable(scenario: Scenario, party: Party) -> None:
    for issue in scenario.issues:
        best = max(party.scores[issue.name].values())
        if best != 0.0 and abs(best - 1.0) > _ROUNDING:
            raise ScenarioError(
                f"party {party.name!r}: best score of issue {issue.name!r} is {best}, not 1; "
                "GENIUS would rescale it"
            )


def _file_stem(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "scenario"


def _profile_name(party: str) -> str:
    stem = party[:-4] if party.lower().endswith(".xml") else party
    return f"{_file_stem(stem)}.xml"


def _issue_element(parent: ET.Element, index: int, name: str) -> ET.Element:
    return ET.SubElement(
        parent,
        "issue",
        index=str(index),
        name=name,
        type="discrete",
        etype="discrete",
        vtype="discrete",
    )


def _objective(space: ET.Element) -> ET.Element:
    return ET.SubElement(
        space, "objective", index="0", name="root", type="objective", etype="objective"
    )


def _domain_tree(scenario: Scenario) -> ET.Element:
    root = ET.Element("negotiation_template")
    space = ET.SubElement(root, "utility_space", number_of_issues=str(len(scenario.issues)))
    objective = _objective(space)
    for k, issue in enumerate(scenario.issues, start=1):
        element = _issue_element(objective, k, issue.name)
        for j, option in enumerate(issue.options, start=1):
            ET.SubElement(element, "item", index=str(j), value=option)
    return root


def _profile_tree(scenario: Scenario, party: Party) -> ET.Element:
    root = ET.Element("utility_space", number_of_issues=str(len(scenario.issues)))
    objective = _objective(root)
    for k, issue in enumerate(scenario.issues, start=1):
        element = _issue_element(objective, k, issue.name)
        for j, option in enumerate(issue.options, start=1):
            score = party.scores[issue.name][option]
            best = max(party.scores[issue.name].values())
            score = score / best if best > 0 else 0.0
            ET.SubElement(element, "item", index=str(j), value=option, evaluation=repr(score))
    for k, issue in enumerate(scenario.issues, start=1):
        ET.SubElement(objective, "weight", index=str(k), value=repr(party.weights[issue.name]))
    ET.SubElement(root, "reservation", value=repr(party.reservation))
    if party.discount is not None:
        ET.SubElement(root, "discount_factor", value=repr(party.discount))
    return root


def _write(root: ET.Element, path: Path) -> None:
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
