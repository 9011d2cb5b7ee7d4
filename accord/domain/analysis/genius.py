"""Import of GENIUS scenarios: a domain file (issues) and one utility profile per party.

Semantics follow GENIUS's additive utility spaces:
- discrete evaluations are normalised per issue: score = evaluation / max evaluation of the
  issue (all zero stays zero); negative evaluations are rejected;
- integer issues become one option per integer; real issues are discretised into `real_steps`
  evenly spaced values including both bounds; their linear evaluators give
  score = clamp(slope * (x - lowerbound) + offset, 0, 1) as in GENIUS's EvaluatorInteger;
- weights are matched to issues by index (a weight on the root objective is ignored) and must
  sum to 1 within `WEIGHT_TOLERANCE`; the reservation value defaults to 0;
- the discount factor is kept on the party but never applied (the analysis is of agreement now).
Everything is parsed and validated before the Scenario is built: nothing is half-imported.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accord.domain.analysis.errors import ScenarioError
from accord.domain.analysis.genius_xml import describe, number, parse_xml, text_attribute
from accord.domain.analysis.model import Issue, Party, Scenario

MAX_INTEGER_OPTIONS = 10_000


@dataclass(frozen=True)
class _DomainIssue:
    issue: Issue
    kind: str
    lower: float = 0.0
    values: tuple[float, ...] = ()


def load_genius(path: str | Path, *, real_steps: int = 11) -> Scenario:
    """A scenario from a GENIUS folder, or from a domain file with its profiles beside it."""
    domain_path, profile_paths = find_genius_files(Path(path))
    return load_genius_files(domain_path, profile_paths, real_steps=real_steps)


def find_genius_files(path: Path) -> tuple[Path, list[Path]]:
    """The domain file and the profile files (sorted by name) of a GENIUS scenario."""
    folder = path if path.is_dir() else path.parent
    if not path.exists() or not folder.is_dir():
        raise ScenarioError(f"{path}: no such scenario folder or domain file")
    domains, profiles = [], []
    for candidate in sorted(folder.glob("*.xml")):
        if candidate.name.endswith("pareto.xml"):
            continue
        tag = parse_xml(candidate).tag
        if tag == "negotiation_template":
            domains.append(candidate)
        elif tag == "utility_space":
            profiles.append(candidate)
    if not path.is_dir():
        domains = [path] if path in domains else []
        if not domains:
            raise ScenarioError(f"{path}: not a GENIUS domain file (<negotiation_template>)")
    if len(domains) != 1:
        raise ScenarioError(f"{folder}: expected one GENIUS domain file, found {len(domains)}")
    if not profiles:
        raise ScenarioError(f"{folder}: no utility profiles (<utility_space> files) found")
    return domains[0], profiles


def load_genius_files(domain: Path, profiles: list[Path], *, real_steps: int = 11) -> Scenario:
    """A scenario from explicit files; parties are named by their profile file names."""
    domain_issues = _read_domain(Path(domain), real_steps)
    parties = [_read_profile(Path(p), domain_issues) for p in profiles]
    if not parties:
        raise ScenarioError(f"{domain}: no utility profiles given")
    return Scenario(
        issues=tuple(d.issue for d in domain_issues), parties=tuple(parties), name=domain.stem
    )


def _read_domain(path: Path, real_steps: int) -> list[_DomainIssue]:
    root = parse_xml(path)
    if root.tag != "negotiation_template":
        raise ScenarioError(f"{path}: root element is <{root.tag}>, not <negotiation_template>")
    elements = list(root.iter("issue"))
    if not elements:
        raise ScenarioError(f"{path}: the domain has no <issue> elements")
    issues = [_domain_issue(path, element, real_steps) for element in elements]
    names = [d.issue.name for d in issues]
    if len(set(names)) != len(names):
        raise ScenarioError(f"{path}: an issue name appears twice in {names}")
    return issues


def _kind(element: ET.Element) -> str:
    for attribute in ("type", "etype", "vtype"):
        if attribute in element.attrib:
            return element.attrib[attribute]
    return "discrete"


def _domain_issue(path: Path, element: ET.Element, real_steps: int) -> _DomainIssue:
    name = text_attribute(path, element, "name")
    kind = _kind(element)
    where = f"{path}: {describe(element)}"
    if kind == "discrete":
        options = tuple(text_attribute(path, item, "value") for item in element.findall("item"))
        if not options:
            raise ScenarioError(f"{where} has no <item> options")
        if len(set(options)) != len(options):
            raise ScenarioError(f"{where} lists an option twice")
        return _DomainIssue(Issue(name, options), kind)
    if kind not in ("integer", "real"):
        raise ScenarioError(f"{where} has unsupported type {kind!r}")
    bounds = element.find("range")
    bounds = element if bounds is None or "lowerbound" in element.attrib else bounds
    lower, upper = number(path, bounds, "lowerbound"), number(path, bounds, "upperbound")
    if upper < lower:
        raise ScenarioError(f"{where} has upperbound below lowerbound")
    if kind == "integer":
        if upper - lower + 1 > MAX_INTEGER_OPTIONS:
            raise ScenarioError(f"{where} spans more than {MAX_INTEGER_OPTIONS} integers")
        values = tuple(float(v) for v in range(int(lower), int(upper) + 1))
        labels = tuple(str(int(v)) for v in values)
    else:
        values = tuple(float(v) for v in np.linspace(lower, upper, max(real_steps, 2)))
        labels = tuple(f"{v:.6g}" for v in values)
    return _DomainIssue(Issue(name, labels), kind, lower, values)


def _read_profile(path: Path, domain: list[_DomainIssue]) -> Party:
    root = parse_xml(path)
    if root.tag != "utility_space":
        raise ScenarioError(f"{path}: root element is <{root.tag}>, not <utility_space>")
    container = root.find("objective")
    container = root if container is None else container
    for tag in ("utility", "utility_function"):
        found = container.find(tag)
        if found is not None:
            raise ScenarioError(f"{path}: {describe(found)}: non-additive utility not supported")
    elements = {text_attribute(path, e, "name"): e for e in container.iter("issue")}
    known = {d.issue.name for d in domain}
    for name in elements:
        if name not in known:
            raise ScenarioError(f"{path}: issue {name!r} is not in the domain")
    scores = {}
    for d in domain:
        if d.issue.name not in elements:
            raise ScenarioError(f"{path}: the profile does not evaluate issue {d.issue.name!r}")
        scores[d.issue.name] = _scores(path, elements[d.issue.name], d)
    weights = _weights(path, container, elements)
    reservation = root.find("reservation")
    discount = root.find("discount_factor")
    party = Party(
        name=path.name,
        weights=weights,
        scores=scores,
        reservation=0.0 if reservation is None else number(path, reservation, "value"),
        discount=None if discount is None else number(path, discount, "value"),
    )
    try:
        Scenario(issues=tuple(d.issue for d in domain), parties=(party,))
    except ScenarioError as error:
        raise ScenarioError(f"{path}: {error}") from error
    return party


def _scores(path: Path, element: ET.Element, d: _DomainIssue) -> dict[str, float]:
    evaluator = element.find("evaluator")
    if d.kind == "discrete":
        raw = {text_attribute(path, i, "value"): i for i in element.findall("item")}
        evaluations = {}
        for option in d.issue.options:
            if option not in raw:
                raise ScenarioError(f"{path}: {describe(element)} has no evaluation of {option!r}")
            value = number(path, raw[option], "evaluation")
            if value < 0:
                raise ScenarioError(f"{path}: {describe(raw[option])} evaluation is negative")
            evaluations[option] = value
        top = max(evaluations.values())
        return {o: (v / top if top > 0 else 0.0) for o, v in evaluations.items()}
    if evaluator is None or evaluator.attrib.get("ftype") != "linear":
        raise ScenarioError(f"{path}: {describe(element)} needs a linear <evaluator>")
    slope = number(path, evaluator, "slope", default=number(path, evaluator, "parameter1", 1.0))
    offset = number(path, evaluator, "offset", default=number(path, evaluator, "parameter0", 0.0))
    lower = d.lower
    return {
        label: float(min(max(slope * (x - lower) + offset, 0.0), 1.0))
        for label, x in zip(d.issue.options, d.values, strict=True)
    }


def _weights(path: Path, container: ET.Element, issues: dict[str, ET.Element]) -> dict[str, float]:
    by_index = {}
    for name, element in issues.items():
        by_index[text_attribute(path, element, "index")] = name
    objectives = {e.attrib.get("index") for e in container.iter("objective")}
    objectives.add(container.attrib.get("index"))
    weights: dict[str, float] = {}
    for element in container.iter("weight"):
        index = text_attribute(path, element, "index")
        if index in by_index:
            weights[by_index[index]] = number(path, element, "value")
        elif index not in objectives:
            raise ScenarioError(f"{path}: {describe(element)} refers to no issue")
    for name in issues:
        if name not in weights:
            raise ScenarioError(f"{path}: no <weight> for issue {name!r}")
    return weights
