"""Speaker phrases as written split into role and name, or called a body, a group or a role.

Also the pairs that speak together ("Dahl and Berg", "Kerry, Zarif Say"), news agencies'
own names and the clean-up of role text; separate from finding the phrase (`_speakers`).
"""

from __future__ import annotations

import re

from ._gazetteer import Gazetteer
from ._mention import (
    AGENTS,
    NAME_PARTICLES,
    NOT_ROLE_OPENERS,
    PREPOSITIONS,
    SENTENCE_OPENERS,
    Mention,
    is_name_word,
    is_singular_group,
)
from ._quotes import headline_end


def _trim(masked: str, start: int, end: int) -> tuple[int, int]:
    words = list(re.finditer(r"[\w.'’\-]+", masked[start:end]))
    while words and (
        words[0].group() in ("of", "and", "for") or words[0].group() in SENTENCE_OPENERS
    ):
        words.pop(0)
    while words and words[-1].group().lower() in ("of", "and", "for", "the", "a", "an"):
        words.pop()
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def classify(masked: str, start: int, end: int, gaz: Gazetteer) -> Mention | None:
    """Split a phrase into role and name, or call it a body, a group or a bare role."""
    start, end = _trim(masked, start, end)
    text = masked[start:end].rstrip(".")
    end = start + len(text)
    if not text:
        return None
    words = text.split()
    head = words[-1].lower()
    bare = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
    if _coordinated_bodies(bare, gaz):
        return Mention(text, start, end, "group", name=bare)
    if _DEMONYM_PLURAL.fullmatch(text):  # "The Palestinians say ...": a people, so "they"
        return Mention(text, start, end, "group", name=bare)
    if bare.lower() in gaz.bodies or (
        gaz.party_pattern.fullmatch(bare) and head not in gaz.role_words
    ):
        return Mention(text, start, end, "body", name=bare)
    if is_singular_group(head, gaz) and _OWNED_TITLE.search(text):
        # "The United States' top diplomat": an owner's one holder is a title, not a group
        return Mention(text, start, end, "role", role=clean_role(text))
    if head in gaz.group_nouns or is_singular_group(head, gaz):
        group = re.sub(
            r"^(?:(?:a|an|the|one|two|three|four|five|six|several|some|many)\s+)+",
            "",
            text,
            flags=re.IGNORECASE,
        )
        return Mention(text, start, end, "group", name=group)
    if head in gaz.body_nouns:
        return Mention(text, start, end, "body", name=outlet_name(bare) or bare)
    name_words: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        particle = word in NAME_PARTICLES and index > 0 and words[index - 1][:1].isupper()
        if not particle and (word.lower() in gaz.role_words or not is_name_word(word)):
            break
        name_words.insert(0, word)
    if not name_words:
        return Mention(text, start, end, "role", role=clean_role(text))
    role_text = " ".join(words[: len(words) - len(name_words)])
    affiliated = _NAME_OF.fullmatch(role_text)
    if affiliated and not any(w.lower() in gaz.role_words for w in affiliated.group(1).split()):
        # "Karl Brandt of Oslo University": the person is the name, the rest where he works
        return Mention(text, start, end, "person", name=affiliated.group(1))
    agent = _AGENT_OF.match(role_text)
    if agent:
        # "a spokesperson for Prime Minister X": the speaker is the spokesperson, not X
        return Mention(text, start, end, "role", name=agent.group(1), role=clean_role(text))
    role_text, name_words = _place_into_role(role_text, name_words, gaz)
    if not name_words:
        return Mention(text, start, end, "role", role=clean_role(text))
    partner = _NAME_AND.search(role_text)
    if partner and len(name_words) > 1:
        both = f"{_without_place(partner.group(1), gaz)} and {' '.join(name_words)}"
        return Mention(text, start, end, "group", name=both)
    single = re.fullmatch(r"(?:(?:the|The)\s+)?([A-Z][\w'’\-]+)\s+and", role_text)
    if single and single.group(1).lower() not in gaz.role_words and len(name_words) == 1:
        # "Norway and Denmark said", "Dahl and Berg said": two speakers together
        return Mention(text, start, end, "group", name=f"{single.group(1)} and {name_words[0]}")
    owner = re.search(
        r"\b(?:of|to)\s+((?:the\s+)?(?:President|Prime Minister|Chancellor|King))$", role_text
    )
    if owner:
        role_text = owner.group(1)
    return Mention(
        text, start, end, "person", name=" ".join(name_words), role=clean_role(role_text) or None
    )


#: "The Palestinians", "the Israelis": a people named by its plural demonym, not a person.
_DEMONYM_PLURAL = re.compile(r"[Tt]he\s+[A-Z][a-z]+(?:ians|ans|is)")
#: A possessive owner right before the head, or before one modifier of it ("Russia's top").
_OWNED_TITLE = re.compile(r"^(?:[Tt]he\s+)?[A-Z][\w.\s]*?['’]s?\s+(?:[a-z]+\s+)?[a-z]+$")

#: A full name (two or three words) before "of" and the organisation it belongs to.
_NAME_OF = re.compile(r"([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,2})\s+of")
_AGENT_OF = re.compile(
    rf"^(?:a|an|one)\s+(?:[\w'’.\-]+\s+){{0,2}}?({AGENTS})\s+(?:for|of|to)\s+(.+)$",
    re.IGNORECASE,
)


def _place_into_role(
    role_text: str, name_words: list[str], gaz: Gazetteer
) -> tuple[str, list[str]]:
    """'U.S. special envoy for | North Korea Sung Kim': a place after the role's preposition
    belongs to the role, not to the name."""
    if not role_text and len(name_words) > 2:
        # the phrase began after "Ambassador to": "South Korea Donald Gregg" is no name
        stripped = _without_place(" ".join(name_words), gaz).split()
        return role_text, stripped
    if not re.search(r"\b(?:for|to|of|in|on)(?:\s+the)?$", role_text):
        return role_text, name_words
    titled = any(word.lower() in gaz.role_words for word in role_text.split())
    if titled and len(name_words) == 1:
        # "The U.N. Special Envoy for Syria said": one word after the title's preposition is
        # its place, not a name; the whole phrase is a title
        return f"{role_text} {name_words[0]}", []
    for size in range(len(name_words) - (0 if titled else 1), 0, -1):
        place = " ".join(name_words[:size])
        if gaz.party_pattern.fullmatch(place):
            return f"{role_text} {place}", name_words[size:]
    if titled and role_text.endswith(" the") and len(name_words) > 2:
        # "special envoy to the Middle East Steve Witkoff": "the" opens a place, and the name
        # is the last two words
        return f"{role_text} {' '.join(name_words[:-2])}", name_words[-2:]
    return role_text, name_words


def _without_place(name: str, gaz: Gazetteer) -> str:
    """'(Ambassador to) South Korea Donald Gregg': the place before a name is the role's."""
    words = name.split()
    for size in range(len(words) - 2, 0, -1):
        if gaz.party_pattern.fullmatch(" ".join(words[:size])):
            return " ".join(words[size:])
    return name


#: "Steve Witkoff and Mike Waltz said": two named persons speaking together (one group).
_NAME_AND = re.compile(r"(?:^|\s)([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+)\s+and$")
#: "Witkoff's envoy, Steve Witkoff, and adviser Mike Waltz said": the first name before ", and".
_APPOSED_NAME_AND = re.compile(r"([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+),\s+and\s+$")


_HEADLINE_PAIR = re.compile(r"([A-Z][\w'’\-]+),\s+[A-Z][\w'’\-]+$")
#: A headline opening with a speaker and a comma before the next one: "UN Envoy, ...".
_HEADLINE_LIST = re.compile(r"\s*((?:[A-Z][\w'’.\-]*\s+){0,2}[A-Z][\w'’.\-]*),\s+$")


def coordinated_with(masked: str, mention: Mention, floor: int) -> Mention:
    """A person mention preceded by "Name, and" speaks together with that name; in a headline
    "Kerry, Zarif Say ..." the two surnames speak together."""
    listed = _HEADLINE_PAIR.match(masked, floor, mention.end)
    if mention.kind == "person" and listed and mention.start < headline_end(masked):
        both = f"{listed.group(1)} and {mention.name}"
        start = listed.start(1)
        return Mention(masked[start : mention.end], start, mention.end, "group", name=both)
    listed = _HEADLINE_LIST.match(masked, floor, mention.start)
    plural = re.match(r"\s+(?:say|warn|insist|deny|claim)\b", masked[mention.end : mention.end + 8])
    if (
        listed
        and plural
        and mention.kind in ("group", "body", "role")
        and mention.start < headline_end(masked)
    ):
        # "UN Envoy, Farmers' Union Say ...": a headline's list of speakers (a plural verb)
        both = f"{listed.group(1)} and {mention.name or mention.text}"
        return Mention(masked[floor : mention.end], floor, mention.end, "group", name=both)
    if mention.kind != "person" or " " not in (mention.name or ""):
        return mention
    partner = _APPOSED_NAME_AND.search(masked, max(floor, mention.start - 80), mention.start)
    if not partner or partner.end() != mention.start:
        return mention
    both = f"{partner.group(1)} and {mention.name}"
    return Mention(mention.text, mention.start, mention.end, "group", name=both)


def _coordinated_bodies(text: str, gaz: Gazetteer) -> bool:
    """'Russia and Ukraine announced ...': two bodies speaking together, one group."""
    parts = re.fullmatch(r"(\S+(?:\s\S+)?)\s+and\s+(\S+(?:\s\S+)?)", text)
    return bool(parts) and all(
        part.lower() in gaz.bodies or (part[:1].isupper() and gaz.party_pattern.fullmatch(part))
        for part in parts.groups()
    )


#: "Russia's RIA Novosti news agency", "Iran's Fars news agency": the agency's own name (after
#: a possessive owner, or of two words or more; "the Baltic news agency" keeps its phrase).
_OUTLET = re.compile(
    r"(?:(?P<owner>[A-Z][\w.\-]*['’]s?)\s+)?(?P<name>(?:[A-Z][\w.\-]*\s+)*[A-Z][\w.\-]*)\s+"
    r"(?:[a-z]+\s+){0,2}agency"
)


def outlet_name(bare: str) -> str | None:
    """The proper name of a news agency phrase, if it has one."""
    found = _OUTLET.fullmatch(bare)
    if not found or found.group("name").endswith(("'s", "’s")):
        return None
    if found.group("owner") or " " in found.group("name"):
        return found.group("name")
    return None


def clean_role(role: str) -> str:
    """A role without its leading article or 'also' ("the Kremlin spokesman": Kremlin spokesman)."""
    role = role.strip(" ,")
    pattern = r"^(?:also\s+)?(?:the|a|an|its|his|her|their)\s+"
    return re.sub(pattern, "", role, flags=re.IGNORECASE).strip()


def appositive_role(text: str) -> str | None:
    """The role an appositive states, or None for participle phrases ("speaking on ...")."""
    words = text.split()
    if not words or len(words) > 14 or re.fullmatch(r"\d+", words[0]):
        return None
    first = words[0].lower()
    if first.endswith(("ing", "ed")) or first in NOT_ROLE_OPENERS or first in PREPOSITIONS:
        return None
    return clean_role(text) or None
