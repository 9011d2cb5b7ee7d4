"""Resolving group and body speakers: "the two leaders", "they", "the ministry", "Kerry and Zarif".

A mixin of `Resolver` (`_resolve`): these methods read the document and the speakers seen so
far, and look back over the paragraphs before a mention for the pair, parties or group meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._classify import outlet_name
from ._gazetteer import Gazetteer
from ._mention import MODIFIERS as _MODIFIERS
from ._mention import Mention


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker."""

    name: str
    role: str | None
    party: str | None
    type: str
    proposed: bool


class GroupResolution:
    """Group and body resolution for `Resolver`, which holds the per-document state."""

    masked: str
    gaz: Gazetteer
    history: list[Speaker]
    #: Each word of a person speaker's name, pointing at the latest such speaker.
    spoken: dict[str, str]
    #: Each word of a full name written in the document, with where it was written.
    by_word: dict[str, list[tuple[int, str]]]

    def _group_written_before(self, at: int) -> Speaker | None:
        """'VOA talked to experts ... They warned that': with no group or body speaker yet,
        "they" is the last group named in the same paragraph."""
        floor = self.masked.rfind("\n", 0, at) + 1
        words = list(re.finditer(r"[a-z]+", self.masked[floor:at]))
        for word in reversed(words):
            if word.group() in self.gaz.group_nouns:
                return Speaker(word.group(), None, None, "group", False)
        return None

    def _collective(self, mention: Mention) -> Speaker:
        numbered = _NUMBERED.match(mention.text) if mention.kind == "group" else None
        if numbered:
            earlier = self._numbered_antecedent(numbered, mention.start)
            if earlier is not None:
                return earlier
        name = self._full_pair(mention.name or mention.text)
        name = self._counterpart(name, mention.role)
        plural = name.lower().split()[-1] in self.gaz.group_nouns
        if mention.kind == "group" and mention.text.lower().startswith("the "):
            # "the news organizations" after "Israeli news organizations said": the same
            # group; a singular head with modifiers ("the union official") is kept as written
            for speaker in reversed(self.history if plural or " " not in name else ()):
                if speaker.type == "group" and f" {speaker.name.lower()}".endswith(
                    f" {name.lower()}"
                ):
                    return speaker
        if mention.kind == "body" and name.lower().split()[-1] in self.gaz.body_nouns:
            name = self._last_body_named(name, mention.start) or name
            name = outlet_name(name) or name
        party = self.gaz.party_of(name)
        if mention.kind == "group" and name.lower().split()[-1] in self.gaz.public_groups:
            party = None
        if mention.kind == "group" and " and " in name and name[:1].isupper():
            party = None  # "Russia and Ukraine announced": both sides, no single party
        return Speaker(name, None, party, mention.kind, False)

    def _counterpart(self, name: str, role: str | None) -> str:
        """'Medvedev and his French counterpart': the counterpart is the person the text gives
        the partner's title with that nationality ("French President Nicolas Sarkozy")."""
        found = re.fullmatch(r"(.+) and (\S+) counterpart", name)
        if found is None or not role:
            return name
        head = role.lower().split()[-1]
        for _position, holder, title in self.names:
            words = (title or "").lower().split()
            if words and words[-1] == head and found.group(2).lower() in words:
                return f"{found.group(1)} and {holder}"
        return name

    def _full_pair(self, name: str) -> str:
        """'Kerry and Zarif' (a headline's surnames) with the full names the text gives them."""
        parts = name.split(" and ")
        if len(parts) != 2 or not all(re.fullmatch(r"[A-Z][\w'’\-]+", p) for p in parts):
            return name
        full = [next((n for _p, n in self.by_word.get(p, ()) if n.endswith(p)), p) for p in parts]
        return " and ".join(full)

    def _numbered_antecedent(self, numbered: re.Match[str], at: int) -> Speaker | None:
        """'The two former U.S. diplomats say' after 'Gregg and Revere said': the pair; 'the two
        countries said' after China and North Korea are named: both; 'The four top diplomats
        said' after 'The foreign ministers of ... have agreed': the group written before."""
        head = numbered.group(3).lower()
        countries = head in ("countries", "nations")
        if (numbered.group(1) or numbered.group(2)).lower() in ("two", "both"):
            for speaker in reversed(self.history):
                parts = speaker.name.split(" and ")
                places = all(bool(self.gaz.party_pattern.fullmatch(p)) for p in parts)
                if len(parts) == 2 and speaker.name[:1].isupper() and places == countries:
                    return speaker
            if countries:
                return self._last_parties(at, 2)
            pair = self._pair_written_before(at)
            if pair is not None:
                return pair
        if countries or head in self.gaz.public_groups:
            return None
        return self._group_phrase_before(at, head)

    def _pair_written_before(self, at: int) -> Speaker | None:
        """'Putin and Trump met ... The two leaders said': the last two persons written
        together ("X and Y") in this paragraph or the one before."""
        floor = self._paragraph_before(at)
        pairs = list(_NAME_PAIR.finditer(self.masked, floor, at))
        for found in reversed(pairs):
            surnames = [part.split()[-1] for part in found.groups()]
            if all(word in self.by_word or word in self.spoken for word in surnames):
                names = [self._full_name(word, found.start()) for word in surnames]
                return Speaker(" and ".join(names), None, None, "group", False)
        return None

    def _paragraph_before(self, at: int) -> int:
        """Start of the paragraph before the one holding `at` (blank lines skipped)."""
        start = self.masked.rfind("\n", 0, at) + 1
        end = start - 1
        while end > 0 and self.masked[end - 1].isspace():
            end -= 1
        return self.masked.rfind("\n", 0, end) + 1 if end > 0 else start

    def _last_parties(self, at: int, count: int) -> Speaker | None:
        """The last `count` distinct parties written in the two paragraphs before `at`."""
        floor = self._paragraph_before(at)
        named: list[str] = []
        for found in self.gaz.party_pattern.finditer(self.masked, floor, at):
            party = self.gaz.party_of(found.group())
            if party and party in named:
                named.remove(party)
            if party:
                named.append(party)
        if len(named) < count:
            return None
        return Speaker(" and ".join(named[-count:]), None, None, "group", False)

    def _group_phrase_before(self, at: int, head: str) -> Speaker | None:
        """The last other group noun, with its lowercase modifiers, in the text before `at`
        (this paragraph and the one before)."""
        floor = self._paragraph_before(at)
        for word in reversed(list(re.finditer(r"[a-z]+", self.masked[floor:at]))):
            if (
                word.group() == head
                or word.group() not in self.gaz.group_nouns
                or word.group() in self.gaz.public_groups
            ):
                continue
            start = floor + word.start()
            modifiers = re.search(r"(?:\b[a-z]+\s+){0,2}$", self.masked[max(0, start - 40) : start])
            words = (modifiers.group() if modifiers else "").split()
            while words and words[0] not in self.gaz.role_words and words[0] not in _MODIFIERS:
                words.pop(0)
            words = [w for w in words if w not in ("the", "a", "an")]
            name = " ".join([*words, word.group()])
            return Speaker(name, None, None, "group", False)
        return None

    def _last_body_named(self, name: str, before: int) -> str | None:
        if len(name.split()) > 1 and not name.lower().startswith("the ") and not name.islower():
            return None
        noun = r"\s+".join(re.escape(word) for word in _strip_article(name).lower().split())
        # pre-modifiers only: an article inside starts another phrase ("The opposition accuses
        # the government" names no government)
        # or "the government of Burundi": lower-case article, the place after "of"
        pattern = (
            rf"(?:\b[A-Z][\w'’]*(?:\s+(?!(?:the|a|an)\b)[\w'’]+){{0,3}}\s+"
            rf"|\b[Tt]he\s+(?=(?i:{noun})\s+of\s+[A-Z]))(?i:{noun})"
            r"(?:\s+of(?:\s+[A-Z]\w*)+)?\b"
        )
        found = list(re.finditer(pattern, self.masked[max(0, before - 5000) : before]))
        return _strip_article(found[-1].group()) if found else None

    def _full_name(self, single: str, at: int) -> str:
        if single in self.spoken:
            return self.spoken[single]
        positions = [(p, n) for p, n in self.by_word.get(single, ())]
        earlier = [n for p, n in positions if p < at]
        later = [n for p, n in positions if p >= at]
        if earlier:
            return earlier[-1]
        return later[0] if later else single


#: "the two former U.S. diplomats", "the four top diplomats", "both sides": a numbered group
#: that points back at speakers already named.
_NUMBERED = re.compile(
    r"(?:[Tt]he\s+(two|three|four|five|six)|([Bb]oth))\s+(?:(?!and\b)[\w.\-]+\s+){0,3}?([a-z]+)$"
)

_NAME_PAIR = re.compile(
    r"\b([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\s+and\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\b"
)


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
