"""Differences between two versions: which clauses changed, and word by word how.

Clauses are matched by number when their wording is still close; a clause that moved to another
number (renumbering after an insertion) is found by similarity of wording.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from .model import Clause, Document
from .render import render_segments

SAME_NUMBER_SIMILARITY = 0.5
MOVED_SIMILARITY = 0.6
_TOKEN = re.compile(r"\s+|\\.|\w+|[^\w\s]", re.UNICODE)


class Change(StrEnum):
    """What happened to a clause between two versions."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    RENUMBERED = "renumbered"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class WordOp:
    """A run of words kept (`equal`), taken out (`delete`) or put in (`insert`)."""

    op: str
    text: str


@dataclass(frozen=True)
class ClauseChange:
    """One clause's fate, with the word-level diff of its notation."""

    change: Change
    old_number: str | None
    new_number: str | None
    words: tuple[WordOp, ...]


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """Word-level diff (words, punctuation and bracket marks are the units)."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            ops.append(WordOp("delete", "".join(old_tokens[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(WordOp("insert", "".join(new_tokens[j1:j2])))
        if tag == "equal":
            ops.append(WordOp("equal", "".join(old_tokens[i1:i2])))
    return tuple(ops)


def _body(clause: Clause) -> str:
    return render_segments(clause.segments)


def _similarity(a: Clause, b: Clause) -> float:
    return fuzz.ratio(_body(a), _body(b)) / 100


def _match(old: list[Clause], new: list[Clause]) -> dict[int, int]:
    """Pairs (old index -> new index): identical wording, then same number, then similar."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()

    def pair(test) -> None:
        candidates = sorted(
            (
                (score, i, j)
                for i, a in enumerate(old)
                if i not in pairs
                for j, b in enumerate(new)
                if j not in taken
                if (score := test(a, b)) is not None
            ),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        for _, i, j in candidates:
            if i not in pairs and j not in taken:
                pairs[i] = j
                taken.add(j)

    pair(lambda a, b: (2.0 if a.number == b.number else 1.0) if a.segments == b.segments else None)
    pair(
        lambda a, b: (
            s
            if a.number == b.number and (s := _similarity(a, b)) >= SAME_NUMBER_SIMILARITY
            else None
        )
    )
    pair(lambda a, b: s if (s := _similarity(a, b)) >= MOVED_SIMILARITY else None)
    return pairs


def clause_diff(old: Document, new: Document) -> tuple[ClauseChange, ...]:
    """Every clause of both versions once, in the new version's order (removed ones in place)."""
    old_clauses, new_clauses = list(old.clauses()), list(new.clauses())
    pairs = _match(old_clauses, new_clauses)
    by_new = {j: i for i, j in pairs.items()}
    removed = [i for i in range(len(old_clauses)) if i not in pairs]
    changes: list[ClauseChange] = []
    for j, clause in enumerate(new_clauses):
        if j not in by_new:
            changes.append(
                ClauseChange(Change.ADDED, None, clause.number, (WordOp("insert", _body(clause)),))
            )
            continue
        i = by_new[j]
        while removed and removed[0] < i:
            changes.append(_removed(old_clauses[removed.pop(0)]))
        changes.append(_paired(old_clauses[i], clause))
    changes.extend(_removed(old_clauses[i]) for i in removed)
    return tuple(changes)


def _removed(clause: Clause) -> ClauseChange:
    return ClauseChange(Change.REMOVED, clause.number, None, (WordOp("delete", _body(clause)),))


def _paired(old: Clause, new: Clause) -> ClauseChange:
    words = word_diff(_body(old), _body(new))
    if old.number != new.number:
        kind = Change.RENUMBERED
    elif old.segments == new.segments:
        kind = Change.UNCHANGED
    else:
        kind = Change.CHANGED
    return ClauseChange(kind, old.number, new.number, words)


_SIGN = {
    Change.UNCHANGED: " ",
    Change.CHANGED: "~",
    Change.RENUMBERED: ">",
    Change.ADDED: "+",
    Change.REMOVED: "-",
}


def format_words(words: tuple[WordOp, ...]) -> str:
    """wdiff style: `[-taken out-]{+put in+}`."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[w.op].format(w.text) for w in words)


def format_diff(changes: tuple[ClauseChange, ...], *, context: bool = False) -> str:
    """A readable diff: one line per changed clause (`context` keeps unchanged ones too)."""
    lines = []
    for change in changes:
        if change.change is Change.UNCHANGED and not context:
            continue
        number = (
            change.new_number
            if change.old_number in (None, change.new_number)
            else f"{change.old_number}->{change.new_number}"
            if change.new_number
            else change.old_number
        )
        lines.append(f"{_SIGN[change.change]} {number} {format_words(change.words)}")
    return "\n".join(lines) + ("\n" if lines else "")
