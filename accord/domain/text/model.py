"""The negotiating text as plain, immutable data: Document > Article > Clause > segments.

A clause body is a sequence of segments: literal text (`str`) and `Bracket`s. A bracket holds
alternatives; each `Alternative` is again a sequence of segments (so brackets nest) plus the
parties that proposed it. Everything is frozen and made of tuples, so two documents compare
equal exactly when they say the same thing, which is what the round-trip property relies on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

type Segment = str | Bracket


@dataclass(frozen=True)
class Alternative:
    """One option inside a bracket, with the parties that proposed it (may be none)."""

    segments: tuple[Segment, ...]
    proposers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bracket:
    """Text not yet agreed: one alternative will be chosen. `label` links brackets (see docs)."""

    alternatives: tuple[Alternative, ...]
    label: str | None = None


@dataclass(frozen=True)
class Clause:
    """A numbered clause (`4.2`), the unit of acceptance."""

    number: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Article:
    """A group of clauses under a heading. The first article may be untitled (number "")."""

    number: str
    title: str
    clauses: tuple[Clause, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Document:
    """A whole negotiating text."""

    articles: tuple[Article, ...]

    def clauses(self) -> Iterator[Clause]:
        """Every clause in reading order."""
        for article in self.articles:
            yield from article.clauses

    def clause(self, number: str) -> Clause:
        """The clause numbered `number`; KeyError when there is none."""
        for clause in self.clauses():
            if clause.number == number:
                return clause
        raise KeyError(number)

    def proposers(self) -> tuple[str, ...]:
        """Every party named as a proposer, in order of first appearance."""
        seen: dict[str, None] = {}
        for clause in self.clauses():
            for bracket in iter_brackets(clause.segments):
                for alternative in bracket.alternatives:
                    seen.update(dict.fromkeys(alternative.proposers))
        return tuple(seen)


def iter_brackets(segments: tuple[Segment, ...]) -> Iterator[Bracket]:
    """Brackets in pre-order (by position of their opening `[`): the order that numbers them."""
    for segment in segments:
        if isinstance(segment, Bracket):
            yield segment
            for alternative in segment.alternatives:
                yield from iter_brackets(alternative.segments)


def plain_words(segments: tuple[Segment, ...]) -> str:
    """The literal text of segments with every alternative kept, for similarity and hashing."""
    parts: list[str] = []
    for segment in segments:
        if isinstance(segment, str):
            parts.append(segment)
        else:
            parts.append(" ".join(plain_words(a.segments) for a in segment.alternatives))
    return " ".join(" ".join(parts).split())
