"""Invariants that hold for any input: quotations are ordered and inside the text, and every
statement's quote is the verbatim slice of its offsets."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.domain.statements import extract
from accord.domain.statements._quotes import find_quotations, sentence_units

PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "«",
        "»",
        " said ",
        " he said",
        "Anna Berg",
        " that ",
        ", ",
        ". ",
        "\n",
        "according to ",
        "the Kremlin",
        "We agree",
        " Holm",
        ": ",
        "'s",
        "The",
        " officials",
    ]
)
TEXTS = st.lists(PIECES | st.text(max_size=6), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_quotations_are_ordered_non_overlapping_and_in_bounds(text):
    previous_close = 0
    for quote in find_quotations(text):
        assert previous_close <= quote.open < quote.close <= len(text)
        assert quote.open <= quote.inner_start <= quote.inner_end <= quote.close
        previous_close = quote.close


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_units_cover_text_in_order(text):
    units = sentence_units(text, find_quotations(text))
    assert all(0 <= start < end <= len(text) for start, end in units)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(units))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_statement_quote_is_its_slice(text):
    for statement in extract(text, doc_id="p"):
        assert text[statement.start : statement.end] == statement.quote
        assert statement.kind in ("direct", "indirect", "mixed")
        assert statement.tone in ("positive", "negative", "neutral")
