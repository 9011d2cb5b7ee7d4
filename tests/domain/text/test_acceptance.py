"""Acceptance algebra: when clauses and the whole text are agreed, checked against brute force."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.domain.text import AcceptanceFormatError, parse
from accord.domain.text.acceptance import STRENGTH, Acceptance, Mark, State, text_state
from accord.domain.text.acceptance_file import dump_acceptance, load_acceptance
from accord.domain.text.readings import bracket_sites, resolve
from accord.domain.text.render import render_clause
from accord.domain.text.status import text_status

PARTIES = ("RU", "UA", "US")
TEXT = (
    "Article 3 Territory\n"
    "3.1 The Parties shall [withdraw forces from Donbas {RU} | freeze hostilities {UA}] "
    "within [#days 30 | 60] days.\n"
    "3.2 Prisoners shall be exchanged.\n"
    "Article 9 Monitoring\n"
    "9.1 Monitoring begins within [#days 30 | 60] days.\n"
)


def marks_for(document, value: Mark, skip=()) -> dict:
    marks = {}
    for clause in document.clauses():
        for party in PARTIES:
            marks[(clause.number, party, None)] = value
            for site in bracket_sites(clause):
                for alt in range(1, len(site.bracket.alternatives) + 1):
                    marks[(clause.number, party, (site.number, alt))] = value
    for key in skip:
        marks.pop(key, None)
    return marks


def test_nothing_marked_is_open() -> None:
    document = parse(TEXT)
    status = text_status(document, Acceptance(PARTIES))
    assert status.state is State.OPEN and not status.agreed
    assert [c.state for c in status.clauses] == [State.OPEN] * 3
    assert status.open_brackets == 3


def test_clause_without_brackets_needs_every_party() -> None:
    document = parse("1.1 Prisoners shall be exchanged.")
    marks = {("1.1", "RU", None): Mark.ACCEPT, ("1.1", "UA", None): Mark.ACCEPT}
    assert text_state(document, Acceptance(PARTIES, marks)) is State.OPEN
    marks[("1.1", "US", None)] = Mark.ACCEPT
    assert text_state(document, Acceptance(PARTIES, marks)) is State.AGREED


def test_ad_referendum_agrees_only_subject_to_confirmation() -> None:
    document = parse("1.1 Prisoners shall be exchanged.")
    marks = {("1.1", p, None): Mark.ACCEPT for p in PARTIES}
    marks[("1.1", "UA", None)] = Mark.AD_REFERENDUM
    status = text_status(document, Acceptance(PARTIES, marks))
    assert status.state is State.AGREED_AD_REFERENDUM and not status.agreed
    assert status.clauses[0].state is State.AGREED_AD_REFERENDUM


def test_a_clause_is_agreed_by_a_choice_every_party_accepts() -> None:
    document = parse("1.1 Forces [withdraw {RU} | freeze {UA}] within [30 | 60] days.")
    marks = {}
    for party in PARTIES:
        marks[("1.1", party, (1, 2))] = Mark.ACCEPT
        marks[("1.1", party, (2, 1))] = Mark.ACCEPT
    marks[("1.1", "RU", (2, 2))] = Mark.REJECT
    status = text_status(document, Acceptance(PARTIES, marks))
    assert status.clauses[0].state is State.AGREED
    assert status.clauses[0].reading == {1: 2, 2: 1}
    clean = resolve(document.clause("1.1"), status.clauses[0].reading)
    assert render_clause(clean) == "1.1 Forces freeze within 30 days."


def test_a_clause_level_reject_caps_the_clause() -> None:
    document = parse("1.1 Forces [withdraw | freeze].")
    marks = marks_for(document, Mark.ACCEPT)
    marks[("1.1", "UA", None)] = Mark.REJECT
    assert text_status(document, Acceptance(PARTIES, marks)).clauses[0].state is State.OPEN


def test_nested_bracket_counts_only_when_its_alternative_is_chosen() -> None:
    document = parse("1.1 [a [x | y] | b].")
    marks = {("1.1", p, (1, 1)): Mark.ACCEPT for p in PARTIES}
    # Bracket 2 lives inside alternative 1: accepting nothing in it blocks that reading...
    assert text_state(document, Acceptance(PARTIES, marks)) is State.OPEN
    # ...while alternative 2 needs no decision on bracket 2.
    marks = {("1.1", p, (1, 2)): Mark.ACCEPT for p in PARTIES}
    assert text_state(document, Acceptance(PARTIES, marks)) is State.AGREED


def test_linked_brackets_must_agree_across_clauses() -> None:
    document = parse(TEXT)
    marks = marks_for(document, Mark.ACCEPT)
    for party in PARTIES:
        marks[("3.1", party, (2, 2))] = Mark.REJECT  # 3.1 only works with 30 days
        marks[("9.1", party, (1, 1))] = Mark.REJECT  # 9.1 only works with 60 days
    status = text_status(document, Acceptance(PARTIES, marks))
    assert [c.state for c in status.clauses] == [State.AGREED] * 3
    assert status.state is State.OPEN and status.linked_conflict
    del marks[("9.1", "RU", (1, 1))]
    marks[("9.1", "RU", (1, 1))] = Mark.ACCEPT
    assert text_state(document, Acceptance(PARTIES, marks)) is State.OPEN
    for party in PARTIES:
        marks[("9.1", party, (1, 1))] = Mark.ACCEPT
    assert text_state(document, Acceptance(PARTIES, marks)) is State.AGREED


def test_no_parties_means_nothing_is_agreed() -> None:
    assert text_state(parse("1.1 a"), Acceptance(())) is State.OPEN


# ---- property: the pruned search agrees with brute force over every reading --------------

SOURCE = "1.1 [#k a | b | c] x [d [e | f] | g].\n2.1 [#k p | q | r] and [s | t].\n3.1 plain."
MARK_VALUES = st.sampled_from(list(Mark))


def brute_force(document, acc: Acceptance, level: Mark) -> bool:
    per_clause = []
    for clause in document.clauses():
        sites = bracket_sites(clause)
        ok = []
        for combo in itertools.product(*[range(1, len(s.bracket.alternatives) + 1) for s in sites]):
            reading = {s.number: k for s, k in zip(sites, combo, strict=True)}
            active = [s for s in sites if s.parent is None or reading[s.parent[0]] == s.parent[1]]
            labels = {}
            if any(
                labels.setdefault(s.bracket.label, reading[s.number]) != reading[s.number]
                for s in active
                if s.bracket.label
            ):
                continue
            verdicts = [
                min(
                    [
                        STRENGTH[acc.mark(clause.number, p, (s.number, reading[s.number]))]
                        for s in active
                    ]
                    + (
                        [STRENGTH[acc.mark(clause.number, p)]]
                        if not sites or acc.given(clause.number, p)
                        else []
                    )
                )
                for p in acc.parties
            ]
            if all(v >= STRENGTH[level] for v in verdicts):
                ok.append(labels)
        per_clause.append(ok)
    for choice in itertools.product(*per_clause):
        merged = {}
        if all(merged.setdefault(k, v) == v for labels in choice for k, v in labels.items()):
            return True
    return False


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_text_state_matches_brute_force(data) -> None:
    document = parse(SOURCE)
    keys = list(marks_for(document, Mark.PENDING))
    chosen = data.draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    marks = {key: data.draw(MARK_VALUES) for key in chosen}
    acc = Acceptance(PARTIES[:2], {k: v for k, v in marks.items() if k[1] in PARTIES[:2]})
    expected = (
        State.AGREED
        if brute_force(document, acc, Mark.ACCEPT)
        else State.AGREED_AD_REFERENDUM
        if brute_force(document, acc, Mark.AD_REFERENDUM)
        else State.OPEN
    )
    assert text_state(document, acc) is expected


# ---- ACC.json -----------------------------------------------------------------------------


def test_acceptance_file_round_trips() -> None:
    document = parse(TEXT)
    acc = Acceptance(PARTIES, marks_for(document, Mark.RESERVE))
    assert load_acceptance(dump_acceptance(acc), document) == acc


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ("[1]", "top level"),
        ('{"marks": []}', "parties"),
        ('{"parties": ["RU", "RU"]}', "twice"),
        (
            '{"parties": ["RU"], "marks": [{"clause": "3.1", "party": "XX", "state": "accept"}]}',
            "marks[0].party",
        ),
        (
            '{"parties": ["RU"], "marks": [{"clause": "3.1", "party": "RU", "state": "maybe"}]}',
            "marks[0].state",
        ),
        (
            '{"parties": ["RU"], "marks": [{"clause": "7.7", "party": "RU", "state": "accept"}]}',
            "no clause",
        ),
        (
            '{"parties": ["RU"], "marks": [{"clause": "3.1", "party": "RU", "bracket": 5, '
            '"alternative": 1, "state": "accept"}]}',
            "brackets 1..2",
        ),
        (
            '{"parties": ["RU"], "marks": [{"clause": "3.1", "party": "RU", "bracket": 1, '
            '"alternative": 3, "state": "accept"}]}',
            "alternatives 1..2",
        ),
        (
            '{"parties": ["RU"], "marks": [{"clause": "3.1", "party": "RU", "state": "accept",'
            ' "note": 1}]}',
            "unknown field",
        ),
    ],
)
def test_bad_acceptance_files_are_refused(payload: str, words: str) -> None:
    with pytest.raises(AcceptanceFormatError, match=words.replace("[", r"\[").replace(".", r"\.")):
        load_acceptance(payload, parse(TEXT))


def test_broken_json_is_located() -> None:
    with pytest.raises(AcceptanceFormatError) as caught:
        load_acceptance('{\n  "parties": [RU]\n}', parse(TEXT))
    assert (caught.value.line, caught.value.column) == (2, 15)


def test_duplicate_marks_are_refused() -> None:
    mark = {"clause": "3.2", "party": "RU", "state": "accept"}
    with pytest.raises(AcceptanceFormatError, match="twice"):
        load_acceptance(json.dumps({"parties": ["RU"], "marks": [mark, mark]}), parse(TEXT))


def test_many_unlinked_brackets_do_not_multiply_the_search() -> None:
    # 2**40 readings if enumerated naively; linked brackets still decide across clauses.
    document = parse(
        "1.1 " + " ".join("[a | b]" for _ in range(40)) + " [#k x | y].\n2.1 [#k x | y]."
    )
    marks = marks_for(document, Mark.ACCEPT)
    for party in PARTIES:
        marks[("2.1", party, (1, 1))] = Mark.REJECT
    acc = Acceptance(PARTIES, marks)
    assert text_state(document, acc) is State.AGREED
    marks[("1.1", "RU", (41, 2))] = Mark.REJECT
    assert text_state(document, Acceptance(PARTIES, marks)) is State.OPEN
