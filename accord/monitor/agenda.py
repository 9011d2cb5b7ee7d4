"""What the engine needs to know about a process: its people and its agenda, as plain data.

Agenda mapping (see docs/monitor.md): each agenda issue (talks.Issue) becomes an engine Issue
named by its title. Its keywords are the title itself plus the keywords of the built-in issue
(`DEFAULT_ISSUES`) whose name matches the title: every word of the built-in name must occur in
the title (compared on their first five letters, so "economy" matches "economic"); when several
built-in issues match one title, the one matching earliest in the title wins ("Sanctions and
economic pressure" is sanctions, not economy). An issue no built-in name matches is found by its
title alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from accord.domain.statements import DEFAULT_ISSUES, Issue, KnownPerson
from accord.talks.models import Issue as AgendaIssue
from accord.talks.models import Party, Person

_WORD = re.compile(r"[a-z]+")
STEM = 5


def _stems(text: str) -> list[str]:
    return [word[:STEM] for word in _WORD.findall(text.lower())]


def builtin_for(title: str) -> Issue | None:
    """The built-in issue whose name matches `title` earliest (rule in the module docstring)."""
    title_stems = _stems(title)
    best: tuple[int, Issue] | None = None
    for builtin in DEFAULT_ISSUES:
        name_stems = _stems(builtin.name)
        if not name_stems or not all(stem in title_stems for stem in name_stems):
            continue
        position = min(title_stems.index(stem) for stem in name_stems)
        if best is None or position < best[0]:
            best = (position, builtin)
    return best[1] if best else None


def engine_issues(agenda: Iterable[AgendaIssue]) -> tuple[Issue, ...]:
    """Engine issues for the process's agenda, named by title."""
    issues = []
    for item in agenda:
        builtin = builtin_for(item.title)
        keywords = (item.title.lower(), *(builtin.keywords if builtin else ()))
        issues.append(Issue(item.title, tuple(dict.fromkeys(keywords))))
    return tuple(issues)


def known_persons(people: Iterable[Person]) -> list[KnownPerson]:
    """The process's Person records, each with its party's name and its title as role."""
    return [
        KnownPerson(
            name=person.name,
            party=person.party.name if person.party else None,
            role=person.title or None,
        )
        for person in people
    ]


def party_index(parties: Iterable[Party]) -> dict[str, Party]:
    """Look-up of a party by lower-cased name or code (the engine names parties in full)."""
    index: dict[str, Party] = {}
    for party in parties:
        index[party.name.lower()] = party
        index[party.code.lower()] = party
    return index
