"""Speaker phrases: find the words that name a speaker around a cue and classify them.

Works on the masked text (quotations blanked), so words inside quotes never look like speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._gazetteer import Gazetteer
from ._quotes import headline_end
from ._words import word_set

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
#: Words between a subject and its cue ("has also said", "is demanding").
AUXILIARIES = word_set(
    "has have had is are was were been also later earlier previously again reportedly "
    "publicly then further separately repeatedly once yet will would could may might "
    "had also has since there"
)
#: Lowercase modifiers allowed in an unnamed speaker ("a senior official", "the ministry").
MODIFIERS = word_set(
    "a an the one two three four five six several some many senior top western local regional "
    "unnamed anonymous military government foreign defence defense interior presidential other "
    "russian ukrainian american european air naval news new"
)
#: Capitalised words that open a sentence but never start a name.
SENTENCE_OPENERS = word_set(
    "Then But And However Meanwhile Also Earlier Later In On At After Before Still Yet So "
    "Instead Separately Speaking Asked When While Now Today Yesterday Last This Although Though "
    "Whereas"
)
#: Unnamed single speakers that behave like groups ("a Western diplomat said").
SINGULAR_GROUP_HEADS = word_set(
    "source official diplomat resident worker witness analyst officer soldier person "
    "boy girl man woman child mother father son daughter wife husband"
)
#: Lowercase words inside personal names ("Abdullah bin Zayed", "Ursula von der Leyen").
NAME_PARTICLES = word_set("bin bint ibn al el de del della van von der den da di du la le")
#: Words that open a clause or a list, never a role ("Witkoff, and Kushner, ...").
NOT_ROLE_OPENERS = word_set("who which where when whose that and or but as while if then")
PREPOSITIONS = word_set(
    "in at on of from with near outside inside for to by across between among against"
)
_TIME_BEFORE = re.compile(
    r"\b(?:(?:on|last|this|late|early|earlier)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month|night|morning|evening|yesterday|today)\s*$"
)
_WORD_CHARS = "_.'’-"
_WORD_BEFORE = re.compile(r"([\w.'’\-]+)\s*$")


def _word_before(masked: str, floor: int, end: int) -> re.Match[str] | None:
    """The last word before `end` (looking back at most 80 characters, never past `floor`)."""
    stop = end
    while stop > floor and masked[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > floor and (masked[start - 1].isalnum() or masked[start - 1] in _WORD_CHARS):
        start -= 1
    return _WORD_BEFORE.match(masked, start, end) if start < stop else None


_WORD_AFTER = re.compile(r"^\s*([\w.'’\-]+)")


@dataclass(frozen=True)
class Mention:
    """A speaker phrase as written: `kind` is pronoun, person, body, group or role."""

    text: str
    start: int
    end: int
    kind: str
    name: str | None = None
    role: str | None = None


def _is_np_word(word: str, gaz: Gazetteer) -> bool:
    lowered = word.lower()
    if word[:1].isupper() or (word[:1].isdigit() and "-" in word):
        return True
    if lowered.endswith(("'s", "’s")) or lowered in ("rights", "human"):
        return True
    if word in NAME_PARTICLES:
        return True
    return lowered in gaz.role_words or lowered in MODIFIERS or _is_head_noun(lowered, gaz)


def _is_head_noun(word: str, gaz: Gazetteer) -> bool:
    return word in gaz.group_nouns or word in gaz.body_nouns or _is_singular_group(word, gaz)


def _is_singular_group(word: str, gaz: Gazetteer) -> bool:
    """One member of a group ("a protester", "one resident"); titles stay roles ("leader")."""
    return word in SINGULAR_GROUP_HEADS or (
        f"{word}s" in gaz.group_nouns and word not in gaz.role_words
    )


def skip_auxiliaries_back(masked: str, position: int, floor: int) -> int:
    """Offset just after the subject, stepping back over 'has also', 'is' and -ly adverbs."""
    while True:
        match = _word_before(masked, floor, position)
        if not match:
            return position
        word = match.group(1).lower()
        adverb = word.endswith("ly") and len(word) > 4 and match.group(1)[0].islower()
        if word in AUXILIARIES or adverb:  # "Vitaly said" is a name, not an adverb
            position = match.start()
            continue
        time = _TIME_BEFORE.search(masked, max(floor, position - 40), position)
        if time:
            position = time.start()
            continue
        return position


#: Irregular past tenses that stand between a subject's name and an object's ("X met Y").
_VERBS_BETWEEN_NAMES = word_set(
    "met meets told tells said says saw sees spoke gave sent took made became beat hit won "
    "lost left led thanks thank urges urge asks ask calls call joins join hosts host visits "
    "visit"
)


def _is_title(masked: str, match: re.Match[str], floor: int) -> bool:
    """A lowercase title between a capitalised adjective and a name ("Russian lawmaker Vera")."""
    word = match.group(1).lower()
    if word in PREPOSITIONS or word in ("and", "or", "as") or word in _VERBS_BETWEEN_NAMES:
        return False
    if word.endswith("ed"):  # "Macron welcomed Scholz": a verb between two names, not a title
        return False
    before = _word_before(masked, floor, match.start(1))
    after = masked[match.end(1) : match.end(1) + 2].strip()
    return bool(before and before.group(1)[:1].isupper() and after[:1].isupper())


#: "the statement said": a statement already given to a speaker (resolved to that speaker).
_THE_STATEMENT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:joint\s+|written\s+|latest\s+)?"
    r"(?:statement|communiqu[eé])\s*$"
)


#: "the mediators' statement added", "the ministry's statement said": the owner speaks.
_OWNED_STATEMENT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+((?:[\w.\-]+\s+){0,2}[\w.\-]+?)(?:['’]s?)?\s+"
    r"(?:joint\s+|written\s+|latest\s+)?(?:statement|communiqu[eé])\s*$"
)


def _statement_of(masked: str, owned: re.Match[str], gaz: Gazetteer) -> Mention | None:
    """The owner of "the <owner> statement" as the speaker, its mention the whole phrase."""
    owner = classify(masked, owned.start(1), owned.end(1), gaz)
    if owner is None or owner.kind in ("pronoun", "role"):
        return None
    return Mention(
        masked[owned.start() : owned.end()].rstrip(),
        owned.start(),
        owned.start() + len(masked[owned.start() : owned.end()].rstrip()),
        owner.kind,
        name=owner.name,
        role=owner.role,
    )


def statement_after(masked: str, position: int, limit: int) -> Mention | None:
    """ "said the statement released by ...": a statement as the inverted subject."""
    found = _STATEMENT_AFTER.match(masked, position, limit)
    if not found:
        return None
    return Mention(found.group(1), found.start(1), found.end(1), "statement")


_STATEMENT_AFTER = re.compile(
    r"\s*((?:the|this|that|its|their)\s+(?:joint\s+|written\s+|latest\s+)?"
    r"(?:statement|communiqu[eé]))\b"
)


def _is_role_modifier(
    masked: str, match: re.Match[str], phrase_start: int, floor: int, gaz: Gazetteer
) -> bool:
    """A lowercase word inside a title ("chief nuclear envoy"): a role word on both sides."""
    word = match.group(1)
    if not word.isalpha() or not word.islower() or word in PREPOSITIONS or word in ("and", "or"):
        return False
    after = _WORD_AFTER.match(masked[phrase_start : phrase_start + 40])
    before = _word_before(masked, floor, match.start(1))
    return bool(
        after
        and before
        and all(
            found.group(1).lower() in gaz.role_words
            and found.group(1).lower() not in _FUNCTION_ROLE_WORDS
            for found in (after, before)
        )
    )


_FUNCTION_ROLE_WORDS = word_set("the and for of a an")


def _is_role_preposition(masked: str, match: re.Match[str], floor: int, gaz: Gazetteer) -> bool:
    """ "Ambassador to | South Korea Donald Gregg": "to" after a title joins it to its place."""
    if match.group(1) != "to":
        return False
    before = _word_before(masked, floor, match.start(1))
    return bool(before and before.group(1).lower() in gaz.role_words)


def subject_before(masked: str, position: int, floor: int, gaz: Gazetteer) -> Mention | None:
    """The noun phrase ending at `position` (a cue's start after auxiliaries), if any."""
    end = position
    while end > floor and masked[end - 1].isspace():
        end -= 1
    match = _word_before(masked, floor, end)
    if match and match.group(1).lower() in PRONOUNS:
        return Mention(masked[match.start(1) : end], match.start(1), end, "pronoun")
    document = _THE_STATEMENT.search(masked, floor, end)
    if document:
        return Mention(document.group(), document.start(), end, "statement")
    owned = _OWNED_STATEMENT.search(masked, floor, end)
    if owned:
        return _statement_of(masked, owned, gaz)
    start = end
    while True:
        match = _word_before(masked, floor, start)
        if not match or not (
            _is_np_word(match.group(1), gaz)
            or _is_title(masked, match, floor)
            or _is_role_modifier(masked, match, start, floor, gaz)
            or _is_role_preposition(masked, match, floor, gaz)
        ):
            break
        if match.group(1).lower() in PRONOUNS or match.group(1).startswith("q"):
            break
        start = match.start(1)
    agent = _AGENT_BEFORE.search(masked, max(floor, start - 60), start)
    if agent and agent.start() >= floor:
        start = agent.start()
    mention = classify(masked, start, end, gaz)
    if mention is None or _after_preposition(masked, floor, start):
        return (
            _group_with_postmodifier(masked, end, floor, gaz)
            or _role_with_postmodifier(masked, end, floor, gaz)
            or mention
        )
    return mention


#: "The head of the Nordic panel mediating talks between Norway and Sweden says": a title
#: opening the clause, with everything up to the cue as its post-modifier.
_ROLE_CLAUSE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?]\s)|[,\"]\s*|--\s*|[—–]\s*)"
    r"((?:[Tt]he|[Aa]n?)\s+(?:[\w'’.\-]+\s+){0,3}?([a-z]+)\s+(?:of|for|to|from|in)\s+[^,;:\"]+?)\s*$"
)


def _role_with_postmodifier(masked: str, end: int, floor: int, gaz: Gazetteer) -> Mention | None:
    found = _ROLE_CLAUSE.search(masked, max(floor, end - 160), end)
    if not found or found.group(2) not in gaz.role_words or found.start(1) < floor:
        return None
    text = found.group(1)
    return Mention(text, found.start(1), found.end(1), "role", role=clean_role(text))


def _after_preposition(masked: str, floor: int, start: int) -> bool:
    """Whether a phrase follows a preposition, perhaps after a lowercase adjective ("in
    eastern | Ukraine"): then it is a post-modifier, and the head may stand before it."""
    before = _word_before(masked, floor, start)
    if before and before.group(1).lower() in PREPOSITIONS:
        return True
    if before and before.group(1).isalpha() and before.group(1).islower():
        earlier = _word_before(masked, floor, before.start(1))
        return bool(earlier and earlier.group(1).lower() in PREPOSITIONS)
    return False


def _group_with_postmodifier(masked: str, end: int, floor: int, gaz: Gazetteer) -> Mention | None:
    """'officials on both sides', 'Relatives waiting outside ...': the head before its modifier."""
    clause_start = max(masked.rfind(",", floor, end), masked.rfind('"', floor, end), floor - 1) + 1
    words = list(re.finditer(r"[\w'’\-]+", masked[clause_start:end]))[-10:]
    for index in range(len(words) - 2, -1, -1):
        head, follower = words[index].group(), words[index + 1].group().lower()
        if not _is_head_noun(head.lower(), gaz):
            continue
        if follower in PREPOSITIONS or follower.endswith(("ing", "ed")) or follower == "familiar":
            head_end = clause_start + words[index].end()
            start = head_end
            while True:
                match = _word_before(masked, floor, start)
                if not match or not _is_np_word(match.group(1), gaz):
                    break
                start = match.start(1)
            return classify(masked, start, head_end, gaz)
    return None


def np_after(masked: str, position: int, limit: int, gaz: Gazetteer) -> Mention | None:
    """The noun phrase starting at `position` ("said Serhii", "according to the ministry")."""
    statement = statement_after(masked, position, limit)
    if statement is not None:
        return statement
    match = _WORD_AFTER.match(masked[position:limit])
    if match and match.group(1).lower() in PRONOUNS:
        start = position + match.start(1)
        return Mention(match.group(1), start, start + len(match.group(1)), "pronoun")
    end = start = position + (len(match.group()) - len(match.group(1)) if match else 0)
    while match and _is_np_word(match.group(1), gaz) and not match.group(1).startswith("q"):
        end = position + match.end()
        position = end
        match = _WORD_AFTER.match(masked[position:limit])
    if match and _ends_sentence(match.group(1), gaz):
        end = position + match.end()
    return classify(masked, start, end, gaz)


def _ends_sentence(word: str, gaz: Gazetteer) -> bool:
    """'... according to the Russian defense ministry.': the full stop is not part of the word."""
    return word.endswith(".") and _is_np_word(word.rstrip("."), gaz) and word[:1].islower()


def first_verb_subject(masked: str, floor: int, end: int, gaz: Gazetteer) -> Mention | None:
    """The subject of the clause that starts at `floor` ("Kyiv has not denied ..., confirming").

    A leading subordinate clause ("After the statement was released, ...") is skipped; the
    subject is the noun phrase before the first word that cannot be part of one.
    """
    lead = re.match(
        r"\s*(?:After|Before|When|While|As|Since|Although|Though|Despite|If|Once)\b[^,]{0,120},",
        masked[floor:end],
    )
    start = floor + (lead.end() if lead else 0)
    for word in re.finditer(r"[\w.'’\-]+", masked[start:end]):
        if word.group() in NAME_PARTICLES or _is_np_word(word.group(), gaz):
            continue
        position = start + word.start()
        return subject_before(masked, position, start, gaz)
    return None


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
    if bare.lower() in gaz.bodies or (
        gaz.party_pattern.fullmatch(bare) and head not in gaz.role_words
    ):
        return Mention(text, start, end, "body", name=bare)
    if head in gaz.group_nouns or _is_singular_group(head, gaz):
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
        if not particle and (word.lower() in gaz.role_words or not word[:1].isupper()):
            break
        name_words.insert(0, word)
    if not name_words:
        return Mention(text, start, end, "role", role=clean_role(text))
    role_text = " ".join(words[: len(words) - len(name_words)])
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


#: "a spokesperson for Israeli Prime Minister ...", "an aide to President ...": an unnamed
#: agent of the named principal (the indefinite article says the agent is someone else).
_AGENTS = (
    r"spokesperson|spokesman|spokeswoman|aide|adviser|advisor|assistant|lawyer|attorney|envoy|"
    r"representative|negotiator|official"
)
_AGENT_OF = re.compile(
    rf"^(?:a|an|one)\s+(?:[\w'’.\-]+\s+){{0,2}}?({_AGENTS})\s+(?:for|of|to)\s+(.+)$",
    re.IGNORECASE,
)
#: The agent phrase before a principal's title and name ("an aide to | Minister X").
_AGENT_BEFORE = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’.\-]+\s+){{0,2}}?(?:{_AGENTS})\s+(?:for|of|to)\s+"
    r"(?:[a-z][\w\-]*\s+){0,2}$"
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
    if not re.search(r"\b(?:for|to|of|in|on)$", role_text):
        return role_text, name_words
    for size in range(len(name_words) - 1, 0, -1):
        place = " ".join(name_words[:size])
        if gaz.party_pattern.fullmatch(place):
            return f"{role_text} {place}", name_words[size:]
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


def coordinated_with(masked: str, mention: Mention, floor: int) -> Mention:
    """A person mention preceded by "Name, and" speaks together with that name; in a headline
    "Kerry, Zarif Say ..." the two surnames speak together."""
    listed = _HEADLINE_PAIR.match(masked, floor, mention.end)
    if mention.kind == "person" and listed and mention.start < headline_end(masked):
        both = f"{listed.group(1)} and {mention.name}"
        start = listed.start(1)
        return Mention(masked[start : mention.end], start, mention.end, "group", name=both)
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
