"""Where the parties stand: the issues x parties matrix and its sticking points.

Input is the positions a viewer may see, as plain data; output says for each issue which
position is each party's latest and whether the parties converge, conflict or have not all
spoken. What a viewer cannot see never enters, so the summary never leaks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class IssueState(StrEnum):
    CONVERGING = "converging"  # every party that spoke favours the same option
    STICKING = "sticking"  # parties favour different options
    OPEN = "open"  # fewer than two parties have a known option


@dataclass(frozen=True)
class PositionFact:
    """The parts of a position the matrix needs."""

    position_id: int
    issue_id: int
    party_id: int
    option_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class IssueRow:
    issue_id: int
    latest: dict[int, PositionFact]  # party id -> latest visible position
    state: IssueState


def latest_by_party(facts: Iterable[PositionFact]) -> dict[int, PositionFact]:
    """The most recent position of each party (ties broken by id)."""
    latest: dict[int, PositionFact] = {}
    for fact in sorted(facts, key=lambda f: (f.created_at, f.position_id)):
        latest[fact.party_id] = fact
    return latest


def issue_state(latest: dict[int, PositionFact]) -> IssueState:
    """Converging when all known options agree, sticking when they differ."""
    options = {fact.option_id for fact in latest.values() if fact.option_id is not None}
    known = [fact for fact in latest.values() if fact.option_id is not None]
    if len(known) < 2:
        return IssueState.OPEN
    return IssueState.CONVERGING if len(options) == 1 else IssueState.STICKING


def position_matrix(issue_ids: Sequence[int], facts: Iterable[PositionFact]) -> list[IssueRow]:
    """One row per issue, in the order given."""
    by_issue: dict[int, list[PositionFact]] = {issue_id: [] for issue_id in issue_ids}
    for fact in facts:
        if fact.issue_id in by_issue:
            by_issue[fact.issue_id].append(fact)
    rows = []
    for issue_id in issue_ids:
        latest = latest_by_party(by_issue[issue_id])
        rows.append(IssueRow(issue_id=issue_id, latest=latest, state=issue_state(latest)))
    return rows
