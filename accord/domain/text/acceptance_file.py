"""Reading and writing ACC.json, the acceptance snapshot the CLI takes (format in docs/text.md).

{"parties": ["RU", "UA", "US"],
 "marks": [{"clause": "3.1", "party": "UA", "state": "accept"},
           {"clause": "3.1", "party": "UA", "bracket": 1, "alternative": 2,
            "state": "reject"}]}
"""

from __future__ import annotations

import json
from typing import Any

from .acceptance import Acceptance, Mark, MarkKey, Option
from .errors import AcceptanceFormatError
from .model import Document
from .readings import bracket_sites


def load_acceptance(source: str, document: Document) -> Acceptance:
    """The acceptance in `source` (JSON), checked against `document`'s clauses and brackets."""
    try:
        data = json.loads(source)
    except json.JSONDecodeError as error:
        raise AcceptanceFormatError(
            f"not valid JSON: {error.msg}", error.lineno, error.colno
        ) from None
    if not isinstance(data, dict):
        raise AcceptanceFormatError("the top level must be an object with `parties` and `marks`")
    parties = _parties(data.get("parties"))
    marks: dict[MarkKey, Mark] = {}
    raw_marks = data.get("marks", [])
    if not isinstance(raw_marks, list):
        raise AcceptanceFormatError("`marks` must be a list")
    for index, raw in enumerate(raw_marks):
        key, mark = _mark(raw, f"marks[{index}]", parties, document)
        if key in marks:
            raise AcceptanceFormatError(f"marks[{index}]: the same mark is given twice")
        marks[key] = mark
    return Acceptance(parties, marks)


def _parties(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(p, str) and p for p in raw):
        raise AcceptanceFormatError("`parties` must be a non-empty list of party codes")
    if len(set(raw)) != len(raw):
        raise AcceptanceFormatError("`parties` names a party twice")
    return tuple(raw)


def _mark(
    raw: Any, where: str, parties: tuple[str, ...], document: Document
) -> tuple[MarkKey, Mark]:
    if not isinstance(raw, dict):
        raise AcceptanceFormatError(f"{where}: each mark must be an object")
    unknown = set(raw) - {"clause", "party", "bracket", "alternative", "state"}
    if unknown:
        raise AcceptanceFormatError(f"{where}: unknown field(s) {sorted(unknown)}")
    clause_number, party, state = raw.get("clause"), raw.get("party"), raw.get("state")
    if party not in parties:
        raise AcceptanceFormatError(f"{where}.party: {party!r} is not one of the parties")
    try:
        mark = Mark(state)
    except ValueError:
        allowed = ", ".join(m.value for m in Mark)
        raise AcceptanceFormatError(f"{where}.state: {state!r} is not one of {allowed}") from None
    try:
        clause = document.clause(str(clause_number))
    except KeyError:
        raise AcceptanceFormatError(f"{where}.clause: no clause {clause_number!r}") from None
    return (clause.number, party, _option(raw, where, clause)), mark


def _option(raw: dict, where: str, clause) -> Option:
    if "bracket" not in raw and "alternative" not in raw:
        return None
    bracket, alternative = raw.get("bracket"), raw.get("alternative")
    sites = bracket_sites(clause)
    if not isinstance(bracket, int) or not 1 <= bracket <= len(sites):
        raise AcceptanceFormatError(
            f"{where}.bracket: clause {clause.number} has brackets 1..{len(sites)}, not {bracket!r}"
        )
    count = len(sites[bracket - 1].bracket.alternatives)
    if not isinstance(alternative, int) or not 1 <= alternative <= count:
        raise AcceptanceFormatError(
            f"{where}.alternative: bracket {bracket} of clause {clause.number} has "
            f"alternatives 1..{count}, not {alternative!r}"
        )
    return (bracket, alternative)


def dump_acceptance(acc: Acceptance) -> str:
    """ACC.json text for `acc` (marks in a stable order)."""
    marks = []
    for (clause, party, option), mark in sorted(acc.marks.items(), key=lambda i: str(i[0])):
        entry: dict[str, Any] = {"clause": clause, "party": party}
        if option is not None:
            entry["bracket"], entry["alternative"] = option
        entry["state"] = mark.value
        marks.append(entry)
    return json.dumps({"parties": list(acc.parties), "marks": marks}, indent=2, ensure_ascii=False)
