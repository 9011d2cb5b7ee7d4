"""Between stored clauses and the engine's Document: assembling, parsing, locating errors."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError

from accord.domain.text import Document, TextError, parse
from accord.domain.text.model import Article
from accord.domain.text.render import render_article_heading
from accord.talks.models import Party, Process
from accord.texts.models import ClauseRecord


def party_codes(process: Process) -> list[str]:
    """Who may be named as a proposer, and who must agree: the process's delegations."""
    return list(
        Party.objects.filter(process=process, kind=Party.Kind.PARTY).values_list("code", flat=True)
    )


def located(error: TextError, *, column_shift: int = 0) -> str:
    """`line 3, column 7: message` (the engine's 1-based position), for forms and the API."""
    parts = []
    if error.line is not None:
        parts.append(f"line {error.line}")
    if error.column is not None:
        parts.append(f"column {max(1, error.column - column_shift)}")
    return f"{', '.join(parts)}: {error.message}" if parts else error.message


def invalid(field: str, error: TextError, *, column_shift: int = 0) -> ValidationError:
    return ValidationError({field: located(error, column_shift=column_shift)})


def draft_notation(clauses: Iterable[ClauseRecord], replace: dict[int, str] | None = None) -> str:
    """The draft as notation: article headings, then one clause per line."""
    replace = replace or {}
    lines: list[str] = []
    current: tuple[str, str] | None = None
    for clause in clauses:
        heading = (clause.article, clause.article_title)
        if heading != current:
            current = heading
            if clause.article:
                lines.extend(["", render_article_heading(Article(*heading))])
        lines.append(f"{clause.number} {replace.get(clause.pk, clause.source)}")
    return "\n".join(lines).strip("\n") + "\n"


def parse_document(notation: str, process: Process, field: str = "notation") -> Document:
    """Parse with the process's parties as the known proposers; ValidationError with position."""
    try:
        return parse(notation, parties=party_codes(process))
    except TextError as error:
        raise invalid(field, error) from error
