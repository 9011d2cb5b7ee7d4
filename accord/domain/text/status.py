"""The status report: per clause its options, proposers, every party's marks, and the verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .acceptance import Acceptance, Mark, State, clause_state, text_state
from .model import Clause, Document
from .readings import bracket_sites
from .render import render_clause, render_segments


@dataclass(frozen=True)
class AlternativeStatus:
    """One option of a bracket as the parties see it."""

    alternative: int
    text: str
    proposers: tuple[str, ...]
    marks: dict[str, Mark]


@dataclass(frozen=True)
class BracketStatus:
    """A bracket, its link label and the alternative containing it (if nested)."""

    bracket: int
    label: str | None
    parent: tuple[int, int] | None
    alternatives: tuple[AlternativeStatus, ...]


@dataclass(frozen=True)
class ClauseStatus:
    """A clause's options and state; `reading` is an agreed choice when there is one."""

    number: str
    article: str
    text: str
    state: State
    agreed: bool
    marks: dict[str, Mark | None]  # on the clause as a whole; None: not given (bracketed)
    brackets: tuple[BracketStatus, ...]
    reading: dict[int, int] | None


@dataclass(frozen=True)
class TextStatus:
    """The whole text: agreed only when every clause is (and linked brackets agree)."""

    parties: tuple[str, ...]
    state: State
    agreed: bool
    open_brackets: int
    linked_conflict: bool
    clauses: tuple[ClauseStatus, ...]


def clause_status(clause: Clause, article: str, acc: Acceptance) -> ClauseStatus:
    """The status of one clause under `acc`."""
    brackets = tuple(
        BracketStatus(
            site.number,
            site.bracket.label,
            site.parent,
            tuple(
                AlternativeStatus(
                    index,
                    render_segments(alt.segments),
                    alt.proposers,
                    {p: acc.mark(clause.number, p, (site.number, index)) for p in acc.parties},
                )
                for index, alt in enumerate(site.bracket.alternatives, start=1)
            ),
        )
        for site in bracket_sites(clause)
    )
    state, reading = clause_state(clause, acc)
    return ClauseStatus(
        clause.number,
        article,
        render_clause(clause),
        state,
        state is State.AGREED,
        _clause_marks(clause, acc, bool(brackets)),
        brackets,
        reading,
    )


def _clause_marks(clause: Clause, acc: Acceptance, bracketed: bool) -> dict[str, Mark | None]:
    return {
        p: acc.mark(clause.number, p) if acc.given(clause.number, p) or not bracketed else None
        for p in acc.parties
    }


def text_status(document: Document, acc: Acceptance) -> TextStatus:
    """The status of every clause and of the whole text under `acc`."""
    clauses = tuple(
        clause_status(clause, article.number, acc)
        for article in document.articles
        for clause in article.clauses
    )
    state = text_state(document, acc)
    each_agreed = bool(clauses) and all(c.state is not State.OPEN for c in clauses)
    return TextStatus(
        acc.parties,
        state,
        state is State.AGREED,
        sum(len(c.brackets) for c in clauses),
        each_agreed and state is State.OPEN,
        clauses,
    )


def status_json(status: TextStatus) -> dict[str, Any]:
    """Plain JSON-ready data (the `accord text status --json` output)."""
    data = asdict(status)
    for clause in data["clauses"]:
        if clause["reading"] is not None:
            clause["reading"] = {str(k): v for k, v in clause["reading"].items()}
    return data
