"""Who a speaker phrase means: known persons first, then the document's own mentions.

Surnames and pronouns resolve to the last matching speaker before them; roles and parties come
from the known Person record, else the role written in the document, else the gazetteer.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ._classify import appositive_role, classify, clean_role
from ._gazetteer import Gazetteer
from ._groups import GroupResolution, Speaker
from ._mention import AGENTS, NAME_PARTICLES, Mention
from ._model import KnownPerson
from ._quotes import headline_end
from ._speakers import skip_auxiliaries_back, subject_before
from ._titles import near_spelling, no_title, rank


@dataclass
class Resolver(GroupResolution):
    """Per-document resolution state: full-name mentions and the speakers seen so far."""

    masked: str
    gaz: Gazetteer
    known: tuple[KnownPerson, ...] = ()
    names: list[tuple[int, str, str | None]] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    history: list[Speaker] = field(default_factory=list)
    #: Where each speaker of `history` was mentioned.
    mentioned_at: list[int] = field(default_factory=list)
    #: Where the latest person speaker was mentioned.
    last_person_at: int = -1
    name_positions: list[int] = field(default_factory=list)
    #: Each word of a person speaker's name, pointing at the latest such speaker.
    spoken: dict[str, str] = field(default_factory=dict)
    #: Each word of a full name written in the document, with where it was written.
    by_word: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # lowercase particles inside a name too: "Karl de Berg" is one name
        particles = "|".join(sorted(NAME_PARTICLES))
        pattern = rf"[A-Z][\w'’\-]*(?: (?:of |(?:{particles}) )?[A-Z][\w'’\-]*)+"
        headline = headline_end(self.masked)
        for match in re.compile(pattern).finditer(self.masked, headline):
            floor = max(0, match.start() - 80, self.masked.rfind("\n", 0, match.start()) + 1)
            mention = subject_before(self.masked, match.end(), floor, self.gaz)
            if mention and mention.kind == "group":  # "Karl Berg and Jana Holm": each name too
                mention = classify(self.masked, match.start(), match.end(), self.gaz)
            if mention and mention.kind == "person" and " " in (mention.name or ""):
                name = _strip_possessive(mention.name or "")
                # "Sudan's SUNA": the owner is no part of the name ("SUNA said" is SUNA's)
                name = re.sub(r"^[A-Z][\w.\-]*['’]s?\s+(?=\S+\s*$)", "", name)
                role = mention.role or _appositive_after(self.masked, match.end())
                self.names.append((mention.start, name, role))
                for word in name.split():
                    self.by_word.setdefault(word, []).append((mention.start, name))
        for match in _TITLE_THEN_NAME.finditer(self.masked):
            self.names.append((match.start(2), match.group(2), clean_role(match.group(1))))
        self.names.sort(key=lambda entry: entry[0])
        self.name_positions = [entry[0] for entry in self.names]

    def resolve(self, mention: Mention, at: int, role: str | None = None) -> Speaker | None:
        """The speaker for a mention at offset `at`; `role` is an appositive written beside it."""
        if mention.kind == "pronoun":
            speaker = self._pronoun(mention.text.lower(), at)
        elif mention.kind == "statement":
            speaker = self._statement_giver(at)
        elif mention.kind in ("body", "group"):
            speaker = self._collective(mention)
        elif mention.kind == "role":
            speaker = self._by_role(mention.role or mention.text, at, mention.name)
        else:
            speaker = self._person(mention, at, role)
        if speaker is None:
            return None
        self.history.append(speaker)
        self.mentioned_at.append(at)
        if speaker.type == "person":
            self.spoken.update(dict.fromkeys(speaker.name.split(), speaker.name))
            self.last_person_at = max(self.last_person_at, at)
        return speaker

    def _pronoun(self, pronoun: str, at: int) -> Speaker | None:
        wanted = {
            "he": ("person",),
            "she": ("person",),
            "i": ("person",),
            "it": ("body",),
            "they": ("group", "body"),
            "we": ("group", "body"),
        }
        if "person" in wanted[pronoun]:
            subject = self._paragraph_subject(at)
            if subject is not None:
                return subject
        for speaker in reversed(self.history):
            if speaker.type in wanted[pronoun]:
                return speaker
        earlier = [(p, name, role) for p, name, role in self.names if p < at]
        subjects = [entry for entry in earlier if self._opens_sentence(entry[0])]
        if "person" in wanted[pronoun] and earlier:
            _position, name, role = (subjects or earlier)[-1]
            return self._person_speaker(name, role, proposed=self._known(name) is None)
        if pronoun == "they":
            return self._group_written_before(at)
        return None

    def _paragraph_subject(self, at: int) -> Speaker | None:
        """'Minister Pak Myong Ho accused the U.S. ... He also said': a full name opening a
        sentence of the same paragraph, after the last person speaker, is the nearer "he".
        In the paragraph's first sentence the previous paragraph counts too ('X arrived on
        Monday.' then 'He said ...'): nothing nearer could be meant."""
        floor = max(self._pronoun_floor(at), self.last_person_at + 1)
        index = bisect_left(self.name_positions, at) - 1
        while index >= 0 and self.names[index][0] >= floor:
            position, name, role = self.names[index]
            if self._opens_sentence(position) or self._titled_subject(position, role):
                return self._person_speaker(name, role, proposed=self._known(name) is None)
            index -= 1
        return self._surname_subject(floor, at)

    def _titled_subject(self, position: int, role: str | None) -> bool:
        """'But army spokesman Adolphe Manirakiza was blunt ...': a name with only a connective
        and its own title before it in its sentence is that sentence's subject, so the "he" of
        the quotation that follows is his, not the last speaker's."""
        start = max(self.masked.rfind(mark, 0, position) for mark in ".!?\n") + 1
        before = self.masked[start:position].strip()
        if role:
            before = re.sub(rf"\s*(?:the\s+)?{re.escape(role)}$", "", before, flags=re.I)
        return _CONNECTIVE.fullmatch(before) is not None

    def _pronoun_floor(self, at: int) -> int:
        """The start of the pronoun's paragraph, or of the one before when the pronoun is in
        its paragraph's first sentence."""
        start = self.masked.rfind("\n", 0, at) + 1
        if start == 0 or re.search(r"[.!?]\s", self.masked[start:at]):
            return start
        end = start - 1
        while end > 0 and self.masked[end - 1].isspace():
            end -= 1
        return max(self.masked.rfind("\n", 0, end) + 1, headline_end(self.masked))

    def _surname_subject(self, floor: int, at: int) -> Speaker | None:
        """'Berg was asked whether ... "Not this year," he replied.': an earlier speaker's
        surname opening a sentence of the paragraph after the last person speaker."""
        for word in reversed(list(_CAPITALISED.finditer(self.masked, floor, at))):
            name = self.spoken.get(word.group())
            if name and self._opens_sentence(word.start()):
                for speaker in reversed(self.history):
                    if speaker.name == name:
                        return speaker
        return None

    def _statement_giver(self, at: int) -> Speaker | None:
        """'the statement said': the speaker mentioned nearest the last statement written about
        in the same paragraph ('X released a statement', 'read a statement from X'), else none."""
        where = max(self.masked.rfind(word, 0, at) for word in ("statement", "Statement"))
        if where < 0:
            return None
        floor = self.masked.rfind("\n", 0, where) + 1
        ceiling = self.masked.find("\n", where)
        ceiling = len(self.masked) if ceiling < 0 else ceiling
        recent = zip(self.mentioned_at[-50:], self.history[-50:], strict=True)
        near = [
            (abs(position - where), speaker)
            for position, speaker in recent
            if floor <= position <= ceiling and speaker.type != "role"
        ]
        if near:
            return min(near, key=lambda pair: pair[0])[1]
        return self._statement_issuer(where, floor)

    def _statement_issuer(self, where: int, floor: int) -> Speaker | None:
        """'The ministry issued a statement.' with no statement of its own yet: the subject of
        the verb that issued it."""
        verb = _ISSUED.search(self.masked, max(floor, where - 40), where)
        if verb is None:
            return None
        end = skip_auxiliaries_back(self.masked, verb.start(), floor)
        mention = subject_before(self.masked, end, floor, self.gaz)
        if mention is None or mention.kind in ("pronoun", "statement", "role"):
            return None
        if mention.kind in ("body", "group"):
            return self._collective(mention)
        return self._person(mention, mention.start, None)

    def _opens_sentence(self, position: int) -> bool:
        """Whether a name is the first thing in its sentence (a likely subject)."""
        before = self.masked[max(0, position - 3) : position]
        return position == 0 or not before.strip() or before.rstrip()[-1:] in '.!?"”'

    def _by_role(self, role: str, at: int, agent: str | None = None) -> Speaker:
        """A bare title ("the minister") names the person the document gives that title to:
        the nearest one before, else the first after, with no conflicting party. An agent
        ("a spokesperson for X") stays unnamed, with the principal's party."""
        if agent:
            return Speaker(agent, role, self.gaz.party_of(role), "role", False)
        for name, known_role in self.roles.items():
            if known_role.lower() == role.lower():
                return self._person_speaker(name, known_role, proposed=self._known(name) is None)
        holder = self._title_holder(role, at) or self._headline_person(at)
        if holder is not None:
            name = holder
            self.roles.setdefault(name, role)
            known = self._known(name)
            party = known.party if known and known.party else self._role_party(name, role)
            return Speaker(name, self.roles[name], party, "person", known is None)
        return Speaker(_unnamed_head(role), role, self.gaz.party_of(role), "role", False)

    def _role_party(self, name: str, role: str) -> str | None:
        """The party of the title the holder was given, else of the bare title."""
        return self.gaz.party_of(self.roles.get(name)) or self.gaz.party_of(role)

    def _title_holder(self, role: str, at: int) -> str | None:
        head = _title_head(role)
        party = self.gaz.party_of(role)
        fitting = [
            (position, name)
            for position, name, title in self.names
            if title
            and _title_head(title) == head
            and rank(title) == rank(role)
            and (party is None or self.gaz.party_of(title) in (None, party))
        ]
        earlier = [name for position, name in fitting if position < at]
        later = [name for position, name in fitting if position >= at]
        if earlier or later:
            return earlier[-1] if earlier else later[0]
        return self._named_later(party, at, role)

    def _headline_person(self, at: int) -> str | None:
        """'Mbeki Expects Sudans to Resume Talks' then 'The head of the AU panel says ...' in
        the lead, before anyone is named: the headline's surname, named in full later."""
        end = headline_end(self.masked)
        if not end or any(position < at for position, _n, _t in self.names):
            return None
        if self.masked.count("\n", end, at) > 2:  # only the lead paragraph
            return None
        for word in re.findall(r"[A-Z][\w'’\-]+", self.masked[:end]):
            for _position, name in self.by_word.get(word, ()):
                if name.split()[-1] == word:
                    return name
        return None

    def _named_later(self, party: str | None, at: int, role: str) -> str | None:
        """A title in the headline or lead, before anyone is named ("North Korea's chief
        envoy warns ..."), is the first person named after it whose title has its party."""
        if party is None or any(position < at for position, _n, _t in self.names):
            return None
        for _position, name, title in self.names:
            if self.gaz.party_of(title) == party:
                return name
        return self._named_next_paragraph(role, at)

    def _named_next_paragraph(self, role: str, at: int) -> str | None:
        """'The chief U.S. negotiator said ...' opening the lead and '"...," Wendy Sherman
        said' in the paragraph after: wire copy often names the holder one paragraph later.
        Only the first full name of that paragraph, given no title or the same title (a name
        with another title is someone else)."""
        paragraph = re.compile(r"\n\s*\n").search(self.masked, at)
        if paragraph is None:
            return None
        following = re.compile(r"\n\s*\n").search(self.masked, paragraph.end())
        end = following.start() if following else len(self.masked)
        for position, name, title in self.names:
            if paragraph.end() <= position < end:
                return name if not title or _title_head(title) == _title_head(role) else None
        return None

    def _person(self, mention: Mention, at: int, appositive: str | None) -> Speaker:
        name = _strip_possessive(mention.name or mention.text)
        known = self._known(name)
        place = self._place_short_form(mention, name, at) if known is None else None
        if place is not None:
            return place
        written = name
        if known is None and " " not in name:
            name = self._full_name(name, at)
            known = self._known(name)
        elif known is None and not mention.role:
            name = self._longer_name(name, at)
        if known is None and no_title(mention.role) and name == written:
            name = self._near_name(name, at)
        role = mention.role or appositive
        self.roles.setdefault(name, role or self._name_role(name) or "")
        if known is not None:
            return Speaker(
                known.name,
                known.role or self.roles[name] or None,
                known.party or self.gaz.party_of(known.role),
                "person",
                False,
            )
        return self._person_speaker(name, self.roles[name] or None, proposed=True)

    def _longer_name(self, name: str, at: int) -> str:
        """'De La Calle' after 'Humberto De la Calle': a surname of several words opening with
        a particle is the full name written before with it (letter case aside)."""
        if name.split()[0].lower() not in NAME_PARTICLES:
            return name
        tail = f" {name.casefold()}"
        written = [full for position, full, _role in self.names if position < at]
        spoken = [speaker.name for speaker in self.history if speaker.type == "person"]
        for full in reversed([*written, *spoken]):
            if full.casefold().endswith(tail):
                return full
        return name

    def _near_name(self, name: str, at: int) -> str:
        """'De Mistrua said' after 'Staffan de Mistura': a surname written once with a slip of
        one or two letters is the full name written before whose surname it nearly spells.
        Only surnames of five letters or more with the same first letter, so short names that
        differ by a letter ('Kim', 'Kin') stay apart."""
        words = name.casefold().split()
        if len(words[-1]) < 5 or (" " in name and words[0] not in NAME_PARTICLES):
            return name
        written = [full for position, full, _role in self.names if position < at]
        spoken = [speaker.name for speaker in self.history if speaker.type == "person"]
        for full in reversed([*spoken, *written]):
            tail = full.casefold().split()[-len(words) :]
            if len(tail) == len(words) and near_spelling(" ".join(words), " ".join(tail)):
                return full
        return name

    def _place_short_form(self, mention: Mention, name: str, at: int) -> Speaker | None:
        """'The North has rejected ...' after "North Korea": a person is never "the North";
        the body is the party name written earlier that starts with that word."""
        if " " in name or not mention.text.lower().startswith("the ") or name in self.by_word:
            return None
        pattern = rf"\b{re.escape(name)}(?:\s+[A-Z][\w'’\-]+)+"
        for found in reversed(list(re.finditer(pattern, self.masked[:at]))):
            words = found.group().split()
            for size in range(len(words), 1, -1):
                place = " ".join(words[:size])
                party = self.gaz.party_of(place)
                if party and self.gaz.party_pattern.fullmatch(place):
                    return Speaker(place, None, party, "body", False)
        return None

    def _person_speaker(self, name: str, role: str | None, proposed: bool) -> Speaker:
        return Speaker(name, role, self.gaz.party_of(role), "person", proposed)

    def _known(self, name: str) -> KnownPerson | None:
        lowered = name.lower()
        for person in self.known:
            names = [person.name.lower(), *(a.lower() for a in person.aliases)]
            if lowered in names:
                return person
        for person in self.known:
            if " " not in name and person.name.lower().split()[-1] == lowered:
                return person
        return None

    def _name_role(self, name: str) -> str | None:
        for _p, known_name, role in self.names:
            if known_name == name and role:
                return role
        return None


#: "X issued a statement": the verb that gives a statement to its subject.
_ISSUED = re.compile(
    r"\b(?:issued|released|published|posted|put\s+out|sent\s+out|made)\s+(?:a|an|its|his|her|"
    r"their|the)\s+(?:joint\s+|brief\s+|written\s+|short\s+)?$"
)
#: "the minister, Svitlana Hrebenyuk," / "its spokeswoman, Irina Volkova," in any sentence.
_TITLE_THEN_NAME = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+([a-z][\w'’ ]{2,40}?),\s+"
    r"([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+),"
)


def _appositive_after(masked: str, end: int) -> str | None:
    """ "Daniel Price, a deputy assistant to the president," gives that role."""
    match = re.match(
        r",\s+((?:a|an|the)\s+[^,.;\"]{3,80}|[a-z][^,.;\"]{3,80})[,.]", masked[end : end + 90]
    )
    return appositive_role(match.group(1)) if match else None


_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]+\b")


def _title_head(title: str) -> str:
    """The title's head noun: "ambassador" in "Former Ambassador to South Korea"."""
    return re.split(r"\s+(?:to|for|of|in|at)\s+", title.lower(), maxsplit=1)[0].split()[-1]


def _unnamed_head(role: str) -> str:
    """An unnamed agent is named by the head with its pre-modifiers, not by whom it acts for
    (the annotation guideline; as for "a spokesperson for Minister X"): "spokesman" for
    "spokesman for the farmers' movement". Other titles keep their post-modifier ("head of the
    mission"), which is all that tells them apart."""
    head = re.match(rf"(.*?\b(?:{AGENTS}))\s+for\s", role)
    return head.group(1) if head else role


#: A connective that may open a sentence before its subject ("But army spokesman X was ...").
_CONNECTIVE = re.compile(r"(?:But|And|Yet|However|Meanwhile|Also),?", re.IGNORECASE)


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s?$", "", name)
