"""The seed article is the first test case: every gold statement must come out exactly."""

from __future__ import annotations

import pytest

from accord.domain.statements import extract

from ._gold import SHARED, diff, load_gold, load_text

SEED = "abu-dhabi"


@pytest.fixture(scope="module")
def statements():
    return extract(load_text(SEED), doc_id=SEED)


def test_fixture_copy_matches_the_shared_seed_article():
    seed = SHARED / "seed" / "abu-dhabi-talks-article.txt"
    assert seed.exists(), f"shared seed article missing at {seed}: the data folder must be there"
    assert seed.read_text(encoding="utf-8") == load_text(SEED)


def test_gold_offsets_are_verbatim_substrings():
    text = load_text(SEED)
    for row in load_gold(SEED):
        assert text[row["start"] : row["end"]] == row["quote"], row


def test_every_gold_statement_has_its_speaker_and_span(statements):
    expected = {(g["speaker"], g["start"], g["end"]) for g in load_gold(SEED)}
    got = {(s.speaker, s.start, s.end) for s in statements}
    assert got == expected, diff(expected, got)


@pytest.mark.parametrize("field", ["speaker_mention", "role", "party", "kind", "cue"])
def test_every_gold_statement_has_the_gold_labels(statements, field):
    by_span = {(s.start, s.end): s for s in statements}
    expected = {(g["start"], g["end"], g[field]) for g in load_gold(SEED)}
    got = {(start, end, getattr(s, field)) for (start, end), s in by_span.items()}
    assert got == expected, diff(expected, got)


def test_quotes_are_verbatim(statements):
    text = load_text(SEED)
    assert all(text[s.start : s.end] == s.quote for s in statements)


def test_unknown_speakers_are_proposed_and_known_ones_are_not():
    from accord.domain.statements import KnownPerson

    known = [KnownPerson("Steve Witkoff", party="United States", role="Special Envoy")]
    found = extract(load_text(SEED), doc_id=SEED, known_persons=known)
    witkoff = [s for s in found if s.speaker == "Steve Witkoff"]
    assert witkoff and not any(s.proposed_person for s in witkoff)
    assert all(s.role == "Special Envoy" for s in witkoff)
    serhii = next(s for s in found if s.speaker == "Serhii")
    assert serhii.proposed_person
    assert not any(s.proposed_person for s in found if s.speaker_type != "person")


def test_issues_and_tone_of_seed_statements(statements):
    first = statements[0]
    assert "prisoner exchange" in first.issue
    peskov = next(s for s in statements if s.speaker == "Dmitry Peskov")
    assert "ceasefire" in peskov.issue and peskov.tone == "negative"
    dmitriev = next(s for s in statements if s.kind == "direct" and s.speaker == "Kirill Dmitriev")
    assert dmitriev.tone == "positive"
