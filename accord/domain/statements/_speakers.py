"""Speaker phrases: find the words that name a speaker around a cue and classify them.

Works on the masked text (quotations blanked), so words inside quotes never look like speakers.
Finding the phrase's extent is here; splitting it into role and name is in `_classify`, and
the shared word lists and the Mention record are in `_mention`.
"""

from __future__ import annotations

import re

from ._classify import classify, clean_role
from ._gazetteer import Gazetteer
from ._mention import (
    AGENTS,
    AUXILIARIES,
    MODIFIERS,
    NAME_PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    Mention,
    is_name_word,
    is_singular_group,
)
from ._words import word_set

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


def _is_np_word(word: str, gaz: Gazetteer) -> bool:
    lowered = word.lower()
    if is_name_word(word) or (word[:1].isdigit() and "-" in word):
        return True
    if lowered.endswith(("'s", "’s")) or lowered in ("rights", "human"):
        return True
    if word in NAME_PARTICLES:
        return True
    return lowered in gaz.role_words or lowered in MODIFIERS or _is_head_noun(lowered, gaz)


def _is_head_noun(word: str, gaz: Gazetteer) -> bool:
    return word in gaz.group_nouns or word in gaz.body_nouns or is_singular_group(word, gaz)


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


#: ", or the TPLF," after a name: the writer's short form, not the subject.
_ACRONYM_ALIAS = re.compile(r",\s+or\s+(?:the\s+)?[A-Z]{2,}(?:-[A-Z]+)?,\s*$")


def subject_before(masked: str, position: int, floor: int, gaz: Gazetteer) -> Mention | None:
    """The noun phrase ending at `position` (a cue's start after auxiliaries), if any."""
    alias = _ACRONYM_ALIAS.search(masked, floor, position)
    if alias:  # "the Tigray People's Liberation Front, or the TPLF, released": the full name
        position = alias.start()
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
    r"((?:[Tt]he|[Aa]n?)\s+(?:[\w'’.\-]+\s+){0,3}?([a-z]+)\s+(?:of|for|to|from|in|at)\s+[^,;:\"]+?)\s*$"
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


#: The agent phrase before a principal's title and name ("an aide to | Minister X").
_AGENT_BEFORE = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’.\-]+\s+){{0,2}}?(?:{AGENTS})\s+(?:for|of|to)\s+"
    r"(?:[a-z][\w\-]*\s+){0,2}$"
)
