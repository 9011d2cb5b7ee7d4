"""Hypothesis strategies that build random negotiating texts (canonical by construction)."""

from __future__ import annotations

from hypothesis import strategies as st

from accord.domain.text import Alternative, Article, Bracket, Clause, Document, normalise_document

PARTIES = ("RU", "UA", "US", "EU")
_ALPHABET = st.sampled_from([*"ab yz ДжЇї  []|{}\\#,.-0\t", "\u00a0", "\u2028"])
texts = st.text(_ALPHABET, min_size=1, max_size=12)


def _with_words(pieces: list) -> tuple:
    """Pieces that say something (an empty alternative is a syntax error, not a document)."""
    if any(not isinstance(s, str) or s.strip() for s in pieces):
        return tuple(pieces)
    return (*pieces, "w")


_SEGMENTS: dict[int, st.SearchStrategy[tuple]] = {}


def segments(depth: int) -> st.SearchStrategy[tuple]:
    """Segment tuples with at most `depth` levels of brackets, cached so draws stay cheap."""
    if depth not in _SEGMENTS:
        if depth <= 0:
            pieces = st.lists(texts, min_size=1, max_size=2)
        else:
            pieces = st.lists(st.one_of(texts, brackets(depth - 1)), min_size=1, max_size=3)
        _SEGMENTS[depth] = pieces.map(_with_words)
    return _SEGMENTS[depth]


@st.composite
def brackets(draw: st.DrawFn, depth: int) -> Bracket:
    count = draw(st.integers(1, 3))
    alternatives = []
    for _ in range(count):
        body = draw(segments(depth))
        proposers = draw(st.lists(st.sampled_from(PARTIES), max_size=2, unique=True))
        alternatives.append(Alternative(body, tuple(proposers)))
    # Linked brackets must offer as many options: the label names the count.
    label = draw(st.sampled_from([None, f"L{count}", f"link-{count}"]))
    return Bracket(tuple(alternatives), label)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    articles = []
    article_count = draw(st.integers(0, 2))
    for a in range(article_count):
        untitled = a == 0 and draw(st.booleans())
        clauses = tuple(
            Clause(f"{a + 1}.{c + 1}", draw(segments(2)))
            for c in range(draw(st.integers(0 if not untitled else 1, 2)))
        )
        number = "" if untitled else str(a + 1)
        title = "" if untitled else draw(st.text(_ALPHABET, max_size=10))
        articles.append(Article(number, title, clauses))
    return normalise_document(Document(tuple(articles)))
