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

    party_patterns: tuple[tuple[re.Pattern[str], str], ...]
    bodies: frozenset[str]
    body_nouns: frozenset[str]
    group_nouns: frozenset[str]
    public_groups: frozenset[str]
    role_words: frozenset[str]

    def party_of(self, phrase: str | None) -> str | None:
        """The party named earliest in the phrase ("Russian President Putin's envoy": Russia)."""
        if not phrase:
            return None
        best: tuple[int, int, str] | None = None
        for pattern, party in self.party_patterns:
            match = pattern.search(phrase)
            if match and (best is None or (match.start(), -len(match.group())) < best[:2]):
                best = (match.start(), -len(match.group()), party)
        return best[2] if best else None


def _compile(term: str) -> re.Pattern[str]:
    flags = 0 if term.isupper() or "." in term else re.IGNORECASE
    return re.compile(rf"(?<![\w.]){re.escape(term)}(?![\w])", flags)


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the engine, read once."""
    raw = json.loads(
        resources.files(__package__).joinpath("data/gazetteer.json").read_text(encoding="utf-8")
    )
    patterns = tuple(
        (_compile(term), party) for party, terms in raw["parties"].items() for term in terms
    )
    return Gazetteer(
        party_patterns=patterns,
        bodies=frozenset(b.lower() for b in raw["bodies"]),
        body_nouns=frozenset(raw["body_nouns"]),
        group_nouns=frozenset(raw["group_nouns"]),
        public_groups=frozenset(raw["public_groups"]),
        role_words=frozenset(raw["role_words"]),
    )
