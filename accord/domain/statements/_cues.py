"""Cue words of a sentence unit and whether each one reports speech at all.

A cheap word scan finds candidates; the checks here drop noun objects ("warned of"), passives
("had been told") and characterising verbs without the speaker's quoted words.
"""

from __future__ import annotations

import re

from ._lexicon import CHARACTERISING_CUES, ING_CUES, OBJECT_CUES, SPEECH_VERBS
from ._mention import NAME_PARTICLES
from ._words import word_set

_LOWER_WORD_OR_ACCORDING = re.compile(r"\b[Aa]ccording to\b|\b[a-z]+\b")
_SPEECH_VERBS = frozenset(SPEECH_VERBS)
#: "X was cited by the RIA news agency (as) saying that ...", "X was quoted as saying ...".
PASSIVE_REPORT = re.compile(
    r"\b(?:was|were|is|are|been)\s+(?:cited|quoted)\b(?:\s+by\s+[^,.;:\"]{1,80}?)?\s+(?:as\s+)?$"
)
#: "The agency quoted Jon Dahl as saying": the person between "quoted" and "as" speaks.
#: "Iranian media quoted Minister X saying that ...": the same without "as".
QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+([^,.;:\"]{2,80}?)\s+(?:as\s+)?$")
#: "X took to Telegram to say that ...": the infinitive cue belongs to the clause's subject.
TOOK_TO = re.compile(r"\b(?:took|takes|turned|turns|went)\s+to\b[^.;:\"]{0,80}?\bto\s+$")


def cue_words(masked: str, unit: tuple[int, int]) -> list[re.Match[str]]:
    """Cue words of the unit: one cheap word scan and a set look-up, not a long alternation."""
    return [
        match
        for match in _LOWER_WORD_OR_ACCORDING.finditer(masked, *unit)
        if match.group() in _SPEECH_VERBS
        or match.group().lower() == "according to"
        or _unlisted_tail_verb(masked, match, unit)
    ]


#: '"...," De Luca explains.' / '"...," she sais.': after a quotation, a short speaker phrase
#: and one verb ending the sentence are an attribution whatever the verb (unlisted forms such
#: as "explains", "recounts", or a typo).
_TAIL_SPEAKER_BEFORE = re.compile(
    r'"\s+(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[A-Z][\w.\'’\-]*(?:\s+(?:[A-Z][\w.\'’\-]*|'
    + "|".join(sorted(NAME_PARTICLES))
    + r")){0,3})\s+$"
)
_TAIL_VERB = re.compile(r"[a-z]{3,}(?:s|ed)")
_TAIL_END = re.compile(r"\s*(?:[.!?]|,\s*\"|$)")
_NOT_TAIL_VERBS = word_set("was has does is goes uses")


def _unlisted_tail_verb(masked: str, word: re.Match[str], unit: tuple[int, int]) -> bool:
    if word.group() in _NOT_TAIL_VERBS or not _TAIL_VERB.fullmatch(word.group()):
        return False
    line = masked.rfind("\n", unit[0], word.start()) + 1
    floor = max(unit[0], line, word.start() - 60)
    return bool(
        _TAIL_SPEAKER_BEFORE.search(masked, floor, word.start())
        and _TAIL_END.match(masked, word.end(), unit[1])
        and re.search(r'(?:q|,)"\s', masked[max(unit[0], floor - 5) : word.start()])
    )


#: '"...," read a statement from the prime minister's office': the statement's author speaks.
STATEMENT_FROM = re.compile(
    r"\s+(?:a|the|an)\s+(?:joint\s+|brief\s+|written\s+)?(?:statement|message|communiqu[eé])"
    r"\s+(?:from|by|issued\s+by)\s+"
)
#: After a characterising verb, the speaker's quoted words: "Y as/to "Z"" (described, hailed,
#: compared) or, after called, "Z" at once or after a short object ("called the talks "useful"").
_AS_TO_QUOTE = re.compile(
    r"\s+(?:(?:[^.;:\"]|(?<=[A-Z])\.(?=[A-Z\s])){1,150}?\s)?(?:as|to)\s+(?:a\s+|an\s+|the\s+)?[\"'‘]"
)
_CALLED_QUOTE = re.compile(r"\s+(?!(?:for|on|in|off|up|upon|out|back)\b)(?:[^.;:,\"]{1,40}?\s)?\"")


#: "issued a statement saying": a participle cue right after the statement its subject issued.
STATEMENT_SAYING = re.compile(
    r"\b(?:issued|released|published|put\s+out)\s+(?:a|an|its|the)\s+(?:[a-z]+\s+)?"
    r"statement\s+$"
)
#: The subject of an absolute "with" clause after a comma: "..., with Norway saying ...".
_WITH_SUBJECT = re.compile(
    r",\s*with\s+(?!(?:him|her|them|us|me|it|this|that|what)\b)"
    r"(?:[\w'’.\-]+\s+){0,4}[\w'’.\-]+\s+$"
)


#: Before a bare "say"/"tell": an infinitive, a negation or a modal, so nothing was said.
_NOT_FINITE = re.compile(
    r"\b(?:to|not|n't|never|will|would|could|can|should|must|may|might|did|do|does)\s+$"
)


#: A finite verb right after "says": the clause's subject is the gap of a relative clause.
_GAP = re.compile(r"\s+(?:was|were|is|are|had|has|have)\s+(?!(?:said|told|been\s+told)\b)")
#: "added 11 new ministers to ...": a number and a noun with no finite verb after it.
_COUNTED_OBJECT = re.compile(
    r"\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\s+"
    r"(?!(?:[\w'’\-]+\s+){0,3}(?:was|were|is|are|had|have|has|would|will|could|died|dead)\b)"
)


def cue_allowed(masked: str, cue: re.Match[str], unit: tuple[int, int]) -> bool:
    word = cue.group()
    floor = unit[0]
    if word in CHARACTERISING_CUES:
        pattern = _CALLED_QUOTE if word in ("called", "calls") else _AS_TO_QUOTE
        return bool(pattern.match(masked, cue.end(), unit[1]))
    if word == "read":
        return bool(STATEMENT_FROM.match(masked, cue.end(), unit[1])) and bool(
            re.search(r"[,\"]\s*$", masked[floor : cue.start()])
        )
    following = masked[cue.end() : cue.end() + 4]
    if word.lower().startswith(("warn", "caution")) and following.startswith(" of "):
        return False  # "warned of a grave risk": a noun object, no reported content
    if following.startswith(" to") and word in ("said", "says"):
        return False
    if word in ("say", "says", "said") and _GAP.match(masked, cue.end(), unit[1]):
        return False  # "five Americans the government says were detained": a relative's gap
    if word in ("added", "adds") and _COUNTED_OBJECT.match(masked, cue.end(), unit[1]):
        return False  # "added 11 new ministers to his cabinet": a counted noun object
    if word == "calling" and following.strip() in ("for", "on", "in"):
        return False
    before = masked[floor : cue.start()]
    if word in ("say", "tell") and _NOT_FINITE.search(before):
        return False  # "to tell reporters", "did not say": no statement made
    if word in (*OBJECT_CUES, "reported") and re.search(
        r"\b(?:was|were|been|being|be|is|are)\s+$", before
    ):
        return False  # "they had been told it was a camp": the subject heard it, said nothing
    if TOOK_TO.search(before):
        return True
    if word not in ING_CUES:
        return True
    if PASSIVE_REPORT.search(before) or QUOTED_AS.search(before):
        return True
    if STATEMENT_SAYING.search(before):
        return True  # "Hamas issued a statement saying it had agreed ...": the issuer speaks
    if _WITH_SUBJECT.search(before):
        return True  # "..., with both sides saying there had been progress"
    # "..., adding that" and "... - saying that": a comma or a dash sets off the participle
    return bool(
        re.search(
            r"(?:(?:,|\s[-–—]{1,2})\s*(?:but\s+|and\s+)?|\b(?:is|are|was|were|been)\s+)$", before
        )
    )
