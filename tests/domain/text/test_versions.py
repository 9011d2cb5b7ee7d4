"""Diffs between versions, the event record, and translations going stale."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings

from accord.domain.text import parse
from accord.domain.text.acceptance import Mark, State, clause_state
from accord.domain.text.diff import Change, clause_diff, format_diff, word_diff
from accord.domain.text.record import (
    Event,
    EventKind,
    Version,
    acceptance_at,
    clause_record,
    open_brackets,
)
from accord.domain.text.translation import (
    Freshness,
    clause_hash,
    stale_clauses,
    translate,
    translation_report,
)

from .strategies import documents

OLD = parse(
    "1.1 The Parties shall [withdraw forces {RU} | freeze {UA}] within [30 | 60] days.\n"
    "1.2 Prisoners shall be exchanged all for all.\n"
    "1.3 This clause goes away entirely.\n"
)
NEW = parse(
    "1.1 The Parties shall [withdraw troops {RU} | freeze {UA}] within [60] days.\n"
    "1.2 A new clause about the energy truce.\n"
    "1.3 Prisoners shall be exchanged all for all.\n"
)


def test_clause_diff_finds_changed_added_renumbered_and_removed() -> None:
    changes = {(c.change, c.old_number, c.new_number) for c in clause_diff(OLD, NEW)}
    assert changes == {
        (Change.CHANGED, "1.1", "1.1"),
        (Change.ADDED, None, "1.2"),
        (Change.RENUMBERED, "1.2", "1.3"),
        (Change.REMOVED, "1.3", None),
    }


def test_word_diff_marks_only_the_changed_words() -> None:
    ops = word_diff("within [30 | 60] days", "within [60] days")
    assert [(o.op, o.text.strip()) for o in ops if o.op != "equal"] == [("delete", "30 |")]
    text = format_diff(clause_diff(OLD, NEW))
    assert "[withdraw [-forces-]{+troops+} {RU}" in text
    assert "within [[-30 | -]60] days" in text
    assert "> 1.2->1.3 Prisoners" in text


@settings(max_examples=40, deadline=None)
@given(documents(), documents())
def test_word_diff_rebuilds_both_sides(old, new) -> None:
    for change in clause_diff(old, new):
        before = "".join(w.text for w in change.words if w.op != "insert")
        after = "".join(w.text for w in change.words if w.op != "delete")
        if change.old_number is not None:
            assert before.split() == _body(old, change.old_number).split()
        if change.new_number is not None:
            assert after.split() == _body(new, change.new_number).split()


def _body(document, number: str) -> str:
    from accord.domain.text.render import render_segments

    return render_segments(document.clause(number).segments)


def test_diff_of_a_version_with_itself_is_all_unchanged() -> None:
    assert {c.change for c in clause_diff(OLD, OLD)} == {Change.UNCHANGED}
    assert format_diff(clause_diff(OLD, OLD)) == ""


T0 = datetime(2026, 2, 4, 9, tzinfo=UTC)


def test_record_gives_acceptance_at_any_moment_latest_mark_winning() -> None:
    events = [
        Event(T0, EventKind.MARKED, "Umerov", "UA", "1.2", None, Mark.RESERVE),
        Event(
            T0 + timedelta(hours=1), EventKind.MARKED, "Dmitriev", "RU", "1.2", None, Mark.ACCEPT
        ),
        Event(T0 + timedelta(hours=2), EventKind.MARKED, "Umerov", "UA", "1.2", None, Mark.ACCEPT),
        Event(T0 + timedelta(hours=3), EventKind.CHANGED, "Witkoff", None, "1.1", text="..."),
    ]
    clause = OLD.clause("1.2")
    early = acceptance_at(events, ("RU", "UA"), until=T0 + timedelta(hours=1))
    assert clause_state(clause, early)[0] is State.OPEN
    assert clause_state(clause, acceptance_at(events, ("RU", "UA")))[0] is State.AGREED
    assert [e.actor for e in clause_record(reversed(events), "1.2")] == [
        "Umerov",
        "Dmitriev",
        "Umerov",
    ]


def test_release_needs_two_mediators_and_open_brackets_fall() -> None:
    assert not Version(1, OLD, T0, ("Witkoff",)).released
    assert Version(1, OLD, T0, ("Witkoff", "Kushner")).released
    assert open_brackets(OLD) == 2 and open_brackets(NEW) == 2
    assert open_brackets(parse("1.1 agreed text.")) == 0


def test_translation_goes_stale_when_the_source_changes() -> None:
    source = OLD.clause("1.2")
    translations = {
        "1.2": {
            "uk": translate(source, "uk", "Полонені обмінюються всіх на всіх."),
            "ru": translate(source, "ru", "Пленные обмениваются всех на всех."),
        }
    }
    report = translation_report(OLD, translations)
    assert report["1.2"] == {
        "en": Freshness.MISSING,
        "uk": Freshness.CURRENT,
        "ru": Freshness.CURRENT,
    }
    changed = parse("1.2 Prisoners shall be exchanged 314 for 314.")
    assert translation_report(changed, translations)["1.2"]["uk"] is Freshness.STALE
    assert ("1.2", "ru") in stale_clauses(changed, translations)


def test_hash_ignores_spacing_but_not_words() -> None:
    a = parse("1.1 a  [b|c]").clause("1.1")
    assert clause_hash(a) == clause_hash(parse("1.1 a [b | c]").clause("1.1"))
    assert clause_hash(a) != clause_hash(parse("1.1 a [b | d]").clause("1.1"))
