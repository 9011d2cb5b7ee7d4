"""Reads of the monitor, always through the seat.

Documents and statements are public within the process (they come from the press); annotations
go through `visible_to`. Flags compare a statement's agreement claim with the issue states that
the seat itself can see (`matrix_rows`), so a flag never reveals hidden positions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from accord.monitor.models import Annotation, ProposedPerson, SourceDocument, Statement
from accord.talks.access import Seat, require_mediator
from accord.talks.selectors import matrix_rows


def document_list(*, seat: Seat) -> QuerySet[SourceDocument]:
    return SourceDocument.objects.filter(process=seat.process).defer("text")


def document_get(*, seat: Seat, document_id: int) -> SourceDocument:
    found = SourceDocument.objects.filter(process=seat.process, pk=document_id).first()
    if found is None:
        raise Http404("Not found")
    return found


def statement_list(*, seat: Seat) -> QuerySet[Statement]:
    """Statements of the process with what a timeline row shows (not the document text)."""
    return (
        Statement.objects.filter(process=seat.process)
        .select_related("speaker", "party", "document")
        .defer("document__text")
        .prefetch_related("issues")
    )


def statement_get(*, seat: Seat, statement_id: int) -> Statement:
    found = (
        Statement.objects.filter(process=seat.process, pk=statement_id)
        .select_related("speaker", "party", "document", "proposal")
        .prefetch_related("issues")
        .first()
    )
    if found is None:
        raise Http404("Not found")
    return found


def annotation_list(*, seat: Seat) -> QuerySet[Annotation]:
    """Annotations this seat may see: its own, and any shared with it."""
    return (
        Annotation.objects.visible_to(seat.viewer)
        .filter(statement__process=seat.process)
        .select_related("owner_party", "statement")
    )


def statement_with_annotations(*, seat: Seat, statement_id: int) -> Statement:
    statement = statement_get(seat=seat, statement_id=statement_id)
    statement.visible_annotations = list(annotation_list(seat=seat).filter(statement=statement))
    return statement


def proposal_list(*, seat: Seat) -> QuerySet[ProposedPerson]:
    """The review queue: mediators only."""
    require_mediator(seat)
    return (
        ProposedPerson.objects.filter(process=seat.process)
        .select_related("party", "person")
        .prefetch_related(
            Prefetch("statements", queryset=Statement.objects.only("id", "proposal_id", "quote"))
        )
    )


def proposal_get(*, seat: Seat, proposal_id: int) -> ProposedPerson:
    found = proposal_list(seat=seat).filter(pk=proposal_id).first()
    if found is None:
        raise Http404("Not found")
    return found


FLAG_TEXT = {
    (
        "agreed",
        "sticking",
    ): "claims agreement on {issue}, but positions on the record still conflict",
    ("agreed", "open"): "claims agreement on {issue}, but the record shows no converging positions",
    (
        "not agreed",
        "converging",
    ): "says {issue} is not agreed, but the positions on record converge",
}


def issue_states(*, seat: Seat) -> dict[int, str]:
    """Each agenda issue's state (converging / sticking / open) as this seat sees it."""
    _parties, rows = matrix_rows(seat=seat)
    return {row.issue.pk: row.state for row in rows}


def statement_flags(statement: Statement, states: dict[int, str]) -> list[str]:
    """Where the statement's agreement claim contradicts the record (issues prefetched)."""
    if not statement.claim:
        return []
    flags = []
    for issue in statement.issues.all():
        text = FLAG_TEXT.get((statement.claim, states.get(issue.pk, "open")))
        if text:
            flags.append(text.format(issue=issue.title))
    return flags


def flag_all(statements: Iterable[Statement], *, seat: Seat) -> list[Statement]:
    """Attach `.flags` to each statement (one matrix read for the lot)."""
    statements = list(statements)
    states = issue_states(seat=seat) if any(s.claim for s in statements) else {}
    for statement in statements:
        statement.flags = statement_flags(statement, states)
    return statements


@dataclass
class TimelineRow:
    """One row of the timeline chart: a party or an issue and its statements per date."""

    label: str
    url: str
    cells: dict[date, dict[str, int]] = field(default_factory=dict)

    def add(self, day: date, tone: str) -> None:
        counts = self.cells.setdefault(day, {})
        counts[tone] = counts.get(tone, 0) + 1
