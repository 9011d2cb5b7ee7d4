"""The shipped gazetteer (data/gazetteer.json): roles and state bodies that point to a party."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Gazetteer:
    """Party patterns plus the word lists that shape speaker phrases."""

    party_pattern: re.Pattern[str]
    party_by_group: dict[str, str]
    bodies: frozenset[str]
    body_nouns: frozenset[str]
    group_nouns: frozenset[str]
    public_groups: frozenset[str]
    role_words: frozenset[str]

    def party_of(self, phrase: str | None) -> str | None:
        """The party named earliest in the phrase ("Russian President Putin's envoy": Russia);
        at the same offset the longest pattern wins."""
        if not phrase:
            return None
        match = self.party_pattern.search(phrase)
        return self.party_by_group[match.lastgroup] if match and match.lastgroup else None


def _alternative(term: str, group: str) -> str:
    """All-caps and dotted terms (US, U.S.) match case-sensitively, the rest in any case."""
    body = re.escape(term) if term.isupper() or "." in term else f"(?i:{re.escape(term)})"
    return f"(?P<{group}>{body})"


def _party_pattern(parties: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    terms = sorted(((t, p) for p, ts in parties.items() for t in ts), key=lambda tp: -len(tp[0]))
    by_group = {f"p{number}": party for number, (_term, party) in enumerate(terms)}
    alternatives = "|".join(_alternative(term, f"p{n}") for n, (term, _p) in enumerate(terms))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])"), by_group


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the engine, read once."""
    raw = json.loads(
        resources.files(__package__).joinpath("data/gazetteer.json").read_text(encoding="utf-8")
    )
    pattern, by_group = _party_pattern(raw["parties"])
    return Gazetteer(
        party_pattern=pattern,
        party_by_group=by_group,
        bodies=frozenset(b.lower() for b in raw["bodies"]),
        body_nouns=frozenset(raw["body_nouns"]),
        group_nouns=frozenset(raw["group_nouns"]),
        public_groups=frozenset(raw["public_groups"]),
        role_words=frozenset(raw["role_words"]),
    )
