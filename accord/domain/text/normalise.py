"""The canonical form of a text: what parsing produces and what rendering assumes.

Whitespace inside text collapses to one space; alternatives and clause bodies have no space at
their edges; empty text pieces disappear and neighbouring ones merge. Two texts that differ only
in such spacing are the same text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Alternative, Article, Bracket, Clause, Document, Segment

_SPACES = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Every run of whitespace as a single space (edges kept, so `a ` stays `a `)."""
    return _SPACES.sub(" ", text)


def normalise_segments(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """Canonical segments of an alternative or clause body (stripped at both edges)."""
    merged: list[Segment] = []
    for segment in segments:
        if isinstance(segment, Bracket):
            merged.append(_normalise_bracket(segment))
        elif merged and isinstance(merged[-1], str):
            merged[-1] = merged[-1] + segment
        else:
            merged.append(segment)
    merged = [collapse(s) if isinstance(s, str) else s for s in merged]
    if merged and isinstance(merged[0], str):
        merged[0] = merged[0].lstrip(" ")
    if merged and isinstance(merged[-1], str):
        merged[-1] = merged[-1].rstrip(" ")
    return tuple(s for s in merged if s != "")


def _normalise_bracket(bracket: Bracket) -> Bracket:
    alternatives = tuple(
        Alternative(normalise_segments(a.segments), tuple(p.strip() for p in a.proposers))
        for a in bracket.alternatives
    )
    return replace(bracket, alternatives=alternatives)


def normalise_document(document: Document) -> Document:
    """The canonical form of `document`: same meaning, canonical spacing, no empty preamble."""
    articles = []
    for index, article in enumerate(document.articles):
        clauses = tuple(
            Clause(c.number.strip(), normalise_segments(c.segments)) for c in article.clauses
        )
        if index == 0 and article.number == "" and not clauses:
            continue
        title = collapse(article.title).strip()
        articles.append(Article(article.number.strip(), title, clauses))
    return Document(tuple(articles))
