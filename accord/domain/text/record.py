"""The preparatory record: versions released, and who proposed, changed, marked what and when.

Events are plain values appended in order; everything else (the acceptance at a moment, one
clause's history) is derived from them, so the record is the single source of truth.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .acceptance import Acceptance, Mark, MarkKey, Option
from .diff import ClauseChange, clause_diff
from .model import Document, iter_brackets


class EventKind(StrEnum):
    """What an event records."""

    PROPOSED = "proposed"  # a party put an alternative (or a clause) on the table
    CHANGED = "changed"  # the wording of a clause changed (new notation in `text`)
    MARKED = "marked"  # a party marked a clause or an alternative
    RELEASED = "released"  # the mediators released a version
    TRANSLATED = "translated"  # a translation of a clause was made or revised


@dataclass(frozen=True)
class Event:
    """One entry of the record. `actor` is the person; `party` the delegation they act for."""

    at: datetime
    kind: EventKind
    actor: str
    party: str | None = None
    clause: str | None = None
    option: Option = None
    mark: Mark | None = None
    text: str | None = None
    version: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Version:
    """A released (or draft) version of the text. A release needs two mediators (four eyes)."""

    number: int
    document: Document
    released_at: datetime | None = None
    released_by: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()

    @property
    def released(self) -> bool:
        """Released only when approved by two different mediators."""
        return self.released_at is not None and len(set(self.released_by)) >= 2


def acceptance_at(
    events: Iterable[Event], parties: tuple[str, ...], until: datetime | None = None
) -> Acceptance:
    """The marks in force at `until` (default: now): a party's latest mark wins."""
    marks: dict[MarkKey, Mark] = {}
    ordered = sorted((e for e in events if e.kind is EventKind.MARKED), key=lambda e: e.at)
    for event in ordered:
        if until is not None and event.at > until:
            break
        if event.party in parties and event.clause is not None and event.mark is not None:
            marks[(event.clause, event.party, event.option)] = event.mark
    return Acceptance(parties, marks)


def clause_record(events: Iterable[Event], number: str) -> tuple[Event, ...]:
    """Everything that happened to one clause, oldest first (what a legal reader asks for)."""
    return tuple(sorted((e for e in events if e.clause == number), key=lambda e: e.at))


def version_diff(old: Version, new: Version) -> tuple[ClauseChange, ...]:
    """Clause- and word-level changes from `old` to `new`."""
    return clause_diff(old.document, new.document)


def open_brackets(document: Document) -> int:
    """Brackets still in the text (the number that should fall from version to version)."""
    return sum(1 for clause in document.clauses() for _ in iter_brackets(clause.segments))
