"""The plain-text notation: round trip, normalisation and every error it reports."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from accord.domain.text import (
    Alternative,
    Bracket,
    InputTooLargeError,
    NotationError,
    parse,
    render,
)

from .strategies import documents

EXAMPLE = (
    "Article 3 Territory\n"
    "3.1 The Parties shall [withdraw forces from Donbas {RU} | freeze hostilities along the "
    "current line of contact {UA}] within [30 | 60] days.\n"
)


@settings(max_examples=100, deadline=None)
@given(documents())
def test_parse_of_render_gives_back_the_document(document) -> None:
    assert parse(render(document)) == document


@settings(max_examples=60, deadline=None)
@given(documents())
def test_render_is_stable_once_normalised(document) -> None:
    once = render(parse(render(document)))
    assert render(parse(once)) == once


def test_the_issue_example_parses_into_two_brackets_with_proposers() -> None:
    clause = parse(EXAMPLE).clause("3.1")
    first, second = (s for s in clause.segments if isinstance(s, Bracket))
    assert [a.proposers for a in first.alternatives] == [("RU",), ("UA",)]
    assert second.alternatives[1] == Alternative(("60",), ())


def test_spacing_is_normalised() -> None:
    messy = "Article   3   Territory  \n\n 3.1   The  Parties [ a  {RU} |b{UA} ]  within\t[30|60]."
    tidy = "Article 3 Territory\n3.1 The Parties [a {RU} | b {UA}] within [30 | 60].\n"
    assert render(parse(messy)) == tidy


def test_brackets_nest_and_carry_labels() -> None:
    clause = parse("4.2 [#L1 a [x | y {US}] b {RU, US} | c]").clause("4.2")
    outer = clause.segments[0]
    assert outer.label == "L1"
    assert outer.alternatives[0].proposers == ("RU", "US")
    assert isinstance(outer.alternatives[0].segments[1], Bracket)


def test_escapes_keep_literal_special_characters() -> None:
    clause = parse(r"1.1 see \[annex\] \| a\{b\} [\#5 | c\\d]").clause("1.1")
    assert clause.segments[0] == "see [annex] | a{b} "
    assert clause.segments[1].label is None
    assert clause.segments[1].alternatives[0].segments == ("#5",)
    assert clause.segments[1].alternatives[1].segments == ("c\\d",)


@pytest.mark.parametrize(
    ("source", "line", "column", "words"),
    [
        ("1.1 a\n3.1 a [b | c", 2, 7, "never closed"),
        ("3.1 a ] b", 1, 7, "closes no bracket"),
        ("3.1 [a [b | c] | d", 1, 5, "never closed"),
        ("3.1 [a | ]", 1, 9, "empty alternative"),
        ("3.1 [ {RU} | b]", 1, 6, "empty alternative"),
        ("3.1 []", 1, 6, "empty alternative"),
        ("3.1 a | b", 1, 7, "only inside brackets"),
        ("3.1 a {RU}", 1, 7, "only end an alternative"),
        ("3.1 [a {RU} x | b]", 1, 13, "must end its alternative"),
        ("3.1 [a {RU | b]", 1, 8, "never closed"),
        ("3.1 [a {R U}]", 1, 8, "bad proposer"),
        ("3.1 a }", 1, 7, "closes no proposer"),
        ("hello", 1, 1, "expected a clause number"),
        ("3.1", 1, 4, "has no text"),
        ("3.1 a\n3.1 b", 2, 1, "appears twice"),
        ("Article 1 A\nArticle 1 B", 2, 9, "appears twice"),
        ("3.1 [#L a | b]\n3.2 [#L a | b | c]", 2, 5, "linked to (line 1, column 5)"),
        ("3.1 a \\", 1, 7, "nothing to escape"),
        ("3.1 " + "[" * 40 + "a" + "]" * 40, 1, 37, "nest deeper"),
    ],
)
def test_bad_notation_is_located(source: str, line: int, column: int, words: str) -> None:
    with pytest.raises(NotationError) as caught:
        parse(source)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert words in caught.value.message


def test_unknown_proposer_is_refused_when_parties_are_known() -> None:
    with pytest.raises(NotationError, match=r"unknown proposer 'XX'") as caught:
        parse("1.1 ok\n2.1 [a {RU} | b {XX}]", parties={"RU", "UA"})
    assert (caught.value.line, caught.value.column) == (2, 17)


def test_oversize_input_is_refused_where_the_limit_is_crossed() -> None:
    source = "1.1 " + "word " * 20 + "\n"
    with pytest.raises(InputTooLargeError) as caught:
        parse(source * 4, max_bytes=len(source) * 2 + 10)
    assert caught.value.line == 3
    assert caught.value.column == 11


def test_a_fifty_megabyte_paste_is_refused_quickly() -> None:
    with pytest.raises(InputTooLargeError, match="at most 5 MB"):
        parse("1.1 " + "x" * (50 * 1024 * 1024))
