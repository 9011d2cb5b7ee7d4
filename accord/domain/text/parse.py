"""Parsing the plain-text bracket notation into a `Document` (grammar in docs/text.md)."""

from __future__ import annotations

import re
from collections.abc import Collection

from ._body import BodyParser
from .errors import InputTooLargeError, NotationError
from .model import Article, Clause, Document
from .normalise import collapse, normalise_segments

MAX_SOURCE_BYTES = 5 * 1024 * 1024
_ARTICLE = re.compile(r"^(\s*)Article\s+([0-9A-Za-z][0-9A-Za-z.\-]*)(?:\s+(.*))?$")
_CLAUSE = re.compile(r"^(\s*)([0-9]+[0-9A-Za-z]*(?:\.[0-9A-Za-z]+)*)(?:\s+(.*))?$")


def check_size(source: str, limit: int = MAX_SOURCE_BYTES) -> None:
    """Refuse a source over `limit` UTF-8 bytes, naming where the limit is crossed."""
    if len(source) * 4 <= limit or len(source.encode("utf-8", "surrogatepass")) <= limit:
        return
    used = 0
    for number, line in enumerate(source.split("\n"), start=1):
        size = len(line.encode("utf-8", "surrogatepass")) + 1
        if used + size > limit:
            column = (
                len(line.encode("utf-8", "surrogatepass")[: limit - used].decode("utf-8", "ignore"))
                + 1
            )
            megabytes = len(source.encode("utf-8", "surrogatepass")) / 1_048_576
            raise InputTooLargeError(
                f"input is {megabytes:.1f} MB; a text may be at most "
                f"{limit / 1_048_576:g} MB (limit crossed here)",
                number,
                column,
            )
        used += size


def parse(
    source: str, parties: Collection[str] | None = None, *, max_bytes: int = MAX_SOURCE_BYTES
) -> Document:
    """The document written in `source`; NotationError (with line and column) when malformed.

    When `parties` is given, every proposer must be one of them.
    """
    check_size(source, max_bytes)
    builder = _DocumentBuilder(parties)
    for number, raw in enumerate(source.split("\n"), start=1):
        builder.add_line(raw.removesuffix("\r"), number)
    return builder.document()


class _DocumentBuilder:
    """Collects articles and clauses line by line, checking numbers are unique."""

    def __init__(self, parties: Collection[str] | None) -> None:
        self.parties = frozenset(parties) if parties is not None else None
        self.articles: list[tuple[str, str, list[Clause]]] = []
        self.clause_lines: dict[str, int] = {}
        self.links: dict[str, tuple[int, int, int]] = {}

    def add_line(self, line: str, number: int) -> None:
        if not line.strip():
            return
        if article := _ARTICLE.match(line):
            self._add_article(article, number)
        elif clause := _CLAUSE.match(line):
            self._add_clause(clause, number)
        else:
            column = len(line) - len(line.lstrip()) + 1
            raise NotationError(
                "expected a clause number (like `4.2 `) or a heading `Article N Title`",
                number,
                column,
            )

    def _add_article(self, match: re.Match[str], line: int) -> None:
        article_number = match.group(2)
        if any(a[0] == article_number for a in self.articles):
            raise NotationError(f"article {article_number} appears twice", line, match.start(2) + 1)
        self.articles.append((article_number, collapse(match.group(3) or "").strip(), []))

    def _add_clause(self, match: re.Match[str], line: int) -> None:
        clause_number = match.group(2)
        if clause_number in self.clause_lines:
            raise NotationError(
                f"clause {clause_number} appears twice (first on line "
                f"{self.clause_lines[clause_number]})",
                line,
                match.start(2) + 1,
            )
        if not (match.group(3) or "").strip():
            raise NotationError(f"clause {clause_number} has no text", line, match.end(2) + 1)
        body = BodyParser(match.group(3), line, match.start(3) + 1, self.parties, self.links)
        segments = normalise_segments(body.parse())
        self.clause_lines[clause_number] = line
        if not self.articles:
            self.articles.append(("", "", []))
        self.articles[-1][2].append(Clause(clause_number, segments))

    def document(self) -> Document:
        return Document(tuple(Article(n, t, tuple(c)) for n, t, c in self.articles))
