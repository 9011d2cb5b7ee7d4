"""Acceptance algebra: marks per clause x alternative x party, and when a clause is agreed.

A party marks the alternatives of a clause's brackets, and the clause as a whole. A reading
(one alternative in each bracket in force) is agreed when every party accepts every chosen
alternative and, where given, the clause as a whole. For a clause without brackets the mark on
the clause as a whole is the only one and defaults to pending. Ad referendum (subject to
confirmation by the capital) counts towards "agreed ad referendum", never towards "agreed".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .model import Clause, Document
from .readings import BracketSite, Reading, bracket_sites, label_choices, readings


class Mark(StrEnum):
    """What a party says of a clause or an alternative."""

    ACCEPT = "accept"
    AD_REFERENDUM = "ad_referendum"
    PENDING = "pending"
    RESERVE = "reserve"
    REJECT = "reject"


# Weakest first: a party's verdict on a reading is the weakest of its marks on it.
STRENGTH = {Mark.REJECT: 0, Mark.RESERVE: 1, Mark.PENDING: 2, Mark.AD_REFERENDUM: 3, Mark.ACCEPT: 4}


class State(StrEnum):
    """Where a clause (or the whole text) stands."""

    AGREED = "agreed"
    AGREED_AD_REFERENDUM = "agreed_ad_referendum"
    OPEN = "open"


type Option = tuple[int, int] | None  # (bracket, alternative), None for the clause as a whole
type MarkKey = tuple[str, str, Option]  # (clause number, party, option)


@dataclass(frozen=True)
class Acceptance:
    """Every party's marks at one moment. Missing marks are pending."""

    parties: tuple[str, ...]
    marks: Mapping[MarkKey, Mark] = field(default_factory=dict)

    def mark(self, clause: str, party: str, option: Option = None) -> Mark:
        """The party's mark on an alternative (or on the clause as a whole)."""
        return self.marks.get((clause, party, option), Mark.PENDING)

    def given(self, clause: str, party: str, option: Option = None) -> bool:
        """Whether the party said anything about this option."""
        return (clause, party, option) in self.marks


def _threshold_met(mark: Mark, level: Mark) -> bool:
    return STRENGTH[mark] >= STRENGTH[level]


def _clause_level_ok(
    clause: Clause, sites: tuple[BracketSite, ...], acc: Acceptance, level: Mark
) -> bool:
    for party in acc.parties:
        implicit = sites and not acc.given(clause.number, party)
        if not implicit and not _threshold_met(acc.mark(clause.number, party), level):
            return False
    return True


def agreed_readings(clause: Clause, acc: Acceptance, level: Mark):
    """Readings of `clause` that every party accepts at least at `level`: at least one for
    each distinct choice of linked alternatives (a generator)."""
    sites = bracket_sites(clause)
    if not acc.parties or not _clause_level_ok(clause, sites, acc, level):
        return iter(())

    def allowed(bracket: int, alternative: int) -> bool:
        return all(
            _threshold_met(acc.mark(clause.number, p, (bracket, alternative)), level)
            for p in acc.parties
        )

    return readings(sites, allowed, one_per_labelling=True)


def clause_state(clause: Clause, acc: Acceptance) -> tuple[State, Reading | None]:
    """The clause's state and a reading that achieves it (None when open)."""
    for level, state in (
        (Mark.ACCEPT, State.AGREED),
        (Mark.AD_REFERENDUM, State.AGREED_AD_REFERENDUM),
    ):
        reading = next(agreed_readings(clause, acc, level), None)
        if reading is not None:
            return state, reading
    return State.OPEN, None


def _label_options(clause: Clause, acc: Acceptance, level: Mark) -> set[frozenset] | None:
    sites = bracket_sites(clause)
    options: set[frozenset] = set()
    for reading in agreed_readings(clause, acc, level):
        options.add(frozenset(label_choices(sites, reading).items()))
    return options or None


def _jointly_agreed(document: Document, acc: Acceptance, level: Mark) -> bool:
    """Whether one reading per clause exists that all parties accept and links agree across."""
    partial: set[frozenset] = {frozenset()}
    for clause in document.clauses():
        options = _label_options(clause, acc, level)
        if options is None:
            return False
        merged = set()
        for known in partial:
            for option in options:
                combined = dict(known)
                if all(combined.setdefault(label, k) == k for label, k in option):
                    merged.add(frozenset(combined.items()))
        if not merged:
            return False
        partial = merged
    return True


def text_state(document: Document, acc: Acceptance) -> State:
    """Nothing is agreed until everything is: the text's state over all its clauses."""
    if not acc.parties or not any(True for _ in document.clauses()):
        return State.OPEN
    if _jointly_agreed(document, acc, Mark.ACCEPT):
        return State.AGREED
    if _jointly_agreed(document, acc, Mark.AD_REFERENDUM):
        return State.AGREED_AD_REFERENDUM
    return State.OPEN
