"""Context builders for the text pages: what one seat sees of one text, clause by clause."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.domain.text import (
    Acceptance,
    ClauseStatus,
    Document,
    Freshness,
    clause_status,
    freshness,
    text_status,
)
from accord.domain.text import Translation as Rendering
from accord.talks.access import Seat
from accord.texts import present, selectors
from accord.texts.models import AcceptanceNote, ClauseRecord, Text, Translation


@dataclass
class ClauseView:
    """One clause as a page shows it."""

    number: str
    article: str
    html: str
    status: ClauseStatus
    record: ClauseRecord | None = None
    translations: list[tuple[Translation, str]] = field(default_factory=list)
    notes: list[AcceptanceNote] = field(default_factory=list)


@dataclass
class ArticleView:
    number: str
    title: str
    clauses: list[ClauseView]


def _translations(seat: Seat, text: Text, document: Document) -> dict[str, list]:
    found: dict[str, list] = {}
    for translation in selectors.translation_list(seat=seat, text=text).select_related("clause"):
        number = translation.clause.number
        try:
            clause = document.clause(number)
        except KeyError:
            continue
        rendering = Rendering(translation.language, translation.body, translation.source_hash)
        found.setdefault(number, []).append((translation, freshness(clause, rendering).value))
    return found


def _notes(seat: Seat, text: Text) -> dict[str, list[AcceptanceNote]]:
    found: dict[str, list[AcceptanceNote]] = {}
    for note in selectors.note_list(seat=seat).filter(mark__text=text):
        found.setdefault(note.mark.clause, []).append(note)
    return found


def article_views(
    seat: Seat, text: Text, document: Document, acc: Acceptance, article: str | None = None
) -> list[ArticleView]:
    """Articles (or just `article`) with each clause's status, draft record and notes."""
    records = (
        {c.number: c for c in selectors.clause_list(seat=seat, text=text)}
        if seat.is_mediator
        else {}
    )
    translations = _translations(seat, text, document) if seat.is_mediator else {}
    notes = _notes(seat, text)
    views = []
    for art in document.articles:
        if article is not None and art.number != article:
            continue
        clauses = [
            ClauseView(
                number=clause.number,
                article=art.number,
                html=present.segments_html(clause.segments),
                status=clause_status(clause, art.number, acc),
                record=records.get(clause.number),
                translations=translations.get(clause.number, []),
                notes=notes.get(clause.number, []),
            )
            for clause in art.clauses
        ]
        views.append(ArticleView(art.number, art.title, clauses))
    return views


def one_clause(seat: Seat, text: Text, document: Document, acc: Acceptance, number: str):
    """The view of a single clause (for htmx swaps)."""
    for art in article_views(seat, text, document, acc):
        for view in art.clauses:
            if view.number == number:
                return view
    return None


def summary(document: Document, acc: Acceptance) -> dict:
    status = text_status(document, acc)
    return {
        "state": status.state.value,
        "agreed": status.agreed,
        "open_brackets": status.open_brackets,
        "linked_conflict": status.linked_conflict,
        "agreed_clauses": sum(1 for c in status.clauses if c.agreed),
        "clauses": len(status.clauses),
    }


STALE = Freshness.STALE.value
