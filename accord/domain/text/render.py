"""Rendering a document as the plain-text bracket notation (readable in an email)."""

from __future__ import annotations

from .model import Alternative, Article, Bracket, Clause, Document, Segment

SPECIAL = "\\[]|{}"


def escape(text: str) -> str:
    """Literal text with the notation's special characters backslash-escaped."""
    return "".join("\\" + ch if ch in SPECIAL else ch for ch in text)


def render_segments(segments: tuple[Segment, ...]) -> str:
    """The notation of a clause body or an alternative."""
    return "".join(escape(s) if isinstance(s, str) else render_bracket(s) for s in segments)


def render_alternative(alternative: Alternative) -> str:
    """An alternative with its proposers in braces, e.g. `30 days {UA, US}`."""
    body = render_segments(alternative.segments)
    if alternative.proposers:
        body += " {" + ", ".join(alternative.proposers) + "}"
    return body


def render_bracket(bracket: Bracket) -> str:
    """`[#label a {RU} | b {UA}]`; a `#` opening the first alternative is escaped."""
    options = [render_alternative(a) for a in bracket.alternatives]
    if options and options[0].startswith("#"):
        options[0] = "\\" + options[0]
    label = f"#{bracket.label} " if bracket.label else ""
    return "[" + label + " | ".join(options) + "]"


def render_clause(clause: Clause) -> str:
    """One line: the clause number, a space, the body."""
    return f"{clause.number} {render_segments(clause.segments)}"


def render_article_heading(article: Article) -> str:
    """`Article 3 Territory` (no trailing space when the title is empty)."""
    return f"Article {article.number} {article.title}".rstrip()


def render(document: Document) -> str:
    """The whole text in notation; articles are separated by a blank line."""
    blocks: list[str] = []
    for article in document.articles:
        lines = [render_article_heading(article)] if article.number else []
        lines.extend(render_clause(c) for c in article.clauses)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
