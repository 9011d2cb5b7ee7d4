"""Attributions inside one sentence unit: which cue, whose words, and where the words are.

Three shapes cover wire copy: the head shape ("X said [on Thursday] that CONTENT"), the tail
shape ("CONTENT," X said / said X, a driver) and the parenthetical shape ("A, he said, B").
A cue preceded by ", adding" / ", but added" inherits the subject of the cue before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ._gazetteer import Gazetteer
from ._lexicon import (
    CHARACTERISING_CUES,
    CUE_PATTERN,
    ING_CUES,
    OBJECT_CUES,
    SPEECH_VERBS,
    THAT_ONLY_CUES,
)
from ._quotes import headline_end
from ._speakers import (
    NAME_PARTICLES,
    Mention,
    appositive_role,
    classify,
    clean_role,
    coordinated_with,
    first_verb_subject,
    np_after,
    skip_auxiliaries_back,
    subject_before,
)
from ._words import word_set

_LOWER_WORD_OR_ACCORDING = re.compile(r"\b[Aa]ccording to\b|\b[a-z]+\b")
_SPEECH_VERBS = frozenset(SPEECH_VERBS)
_ADJUNCT_START = re.compile(
    r"(?:on|in|at(?!\s+(?:least|most)\b)|via|during|after|before|from|to|late|earlier|later|through|while|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|"
    r"(?:last|this)\b(?!\s+\w+['’]s\b))\b"
)
#: Tail-only adjuncts: '"...," Holm said of the talks.', '... said when asked about a deal.'
_TAIL_ADJUNCT = r"(?:of|when|as|upon)\b"
_TAIL = re.compile(
    rf"^\s*(?:{_ADJUNCT_START.pattern}(?:(?!\bthat\b)[^,;:\"]){{0,60}}?)?\s*(?:[.!?]*\s*$|"
    rf",\s*(?:but\s+|and\s+)?(?:also\s+)?(?:{CUE_PATTERN.pattern})|,\s*[a-z]+ing\b)"
)
#: After a content before the speaker, the tail may also end in "of ...", "when asked ...".
_WIDE_TAIL = re.compile(
    rf"^\s*{_TAIL_ADJUNCT}(?:(?!\bthat\b)[^,;:\"]){{0,60}}?\s*[.!?]*\s*$|{_TAIL.pattern}"
)
#: "..., the ministry said on Friday, the latest group returned under ..." (writer's apposition).
_TRAILING_APPOSITION = re.compile(
    rf"^\s*(?:{_ADJUNCT_START.pattern}(?:(?!\bthat\b)[^,;:\"]){{0,60}}?)?\s*,\s*(?:the|a|an)\s"
)
#: "KYIV, March 4 (Wire) — " opening a story: never part of a statement.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?(?:\s*\([^)]{1,30}\))?\s*[—–]\s*"
)
_HEARER_THEN_THAT = re.compile(
    r"(?:\s+(?!(?:they|he|she|it|we|I|was|were|is|are|had|has|have|would|will|could)\b)"
    r"[\w'’\-]+){1,8}?\s+that\b"
)
#: 'told CNN's "State of the Union" show that ...': a programme title as the hearer.
_TITLE_THEN_THAT = re.compile(
    r"\s+(?:(?:[A-Z][\w.]*\s+){0,3}[A-Z][\w.]*['’]s\s+)?\"[^\"]{1,50}\"(?:\s+(?:show|program|programme|"
    r"interview|broadcast|podcast|newspaper))?\s+that\b"
)
_OBJECT = re.compile(
    r"\s+(?:(?:(?:the|a)\s+)?(?:[A-Z][\w'’.\-]*\s+)*(?:state\s+|local\s+|national\s+)?"
    r"(?:newspaper|news\s+agency|agency|broadcaster|television|TV|radio|channel|website|"
    r"magazine|daily|outlet|media|press\s+conference|news\s+conference|briefing|reporters|"
    r"journalists|lawmakers|parliament|parliamentarians|press|residents|supporters|"
    r"delegates)(?:\s+[A-Z][\w.]*)*|(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*|me|us|him|her|them)\b"
)
#: "..., while the militants have in turn blamed Israel": the other side's answer, the writer's.
_COUNTER_VERBS = (
    r"blamed|blames|accused|accuses|rejected|rejects|dismissed|dismisses|disputed|disputes|"
    r"in\s+turn"
)
_CONTENT_CUT = re.compile(
    rf",\s*(?:but\s+|and\s+)?(?:also\s+)?(?:{CUE_PATTERN.pattern})\s+that\b"
    rf"|\s+(?:but|and)\s+(?:also\s+)?(?:added|noted|said|warned|stressed|insisted)\b"
    r"|,\s*according to\b"
    rf"|,\s*(?:and|but)\s+(?!(?:that|he|she|his|her|they|their|it|its|we|I)\b)"
    rf"(?:[A-Za-z][\w'’\-]*\s+){{1,4}}?(?:{CUE_PATTERN.pattern})\s+(?!to\b)"
    rf"|,\s*but\s+(?:also\s+)?(?:{CUE_PATTERN.pattern})"
    r"|\s+and\s+(?:accused|called|urged|denied|rejected|dismissed|vowed|demanded)\b"
    r"|\s+and\s+(?:expressing|urging|calling|warning|accusing|insisting|stressing|vowing|"
    r"demanding|praising|criticizing|criticising|thanking|pledging|promising|rejecting|"
    r"dismissing|welcoming|noting)\b"
    r"|\s+and\s+(?:did\s+not|didn't|declined\s+to|refused\s+to)\s+(?:elaborate|provide|give|"
    r"comment|offer|say|specify|disclose|name|answer|respond)\b"
    rf"|,\s*(?:while|whereas)\s+[^,;:\"]{{1,60}}?\b(?:{CUE_PATTERN.pattern}|{_COUNTER_VERBS})\b"
    r"|,\s+(?:a|an)\s+(?:phrase|term|reference|claim|charge|proposal|demand|position|view|"
    r"figure|move|step|idea|line|accusation|statement|remark|comment|assertion|assessment|"
    r"signal|sign|warning|admission|prediction|promise|pledge)\b"
    r"|,\s*(?:apparently|reportedly|presumably|seemingly|evidently)\b"
    r"|,\s*citing\b"
)
_SAME_AUX_CUT = r"\s+and\s+{aux}\s+(?:also\s+)?\w+ed\b"
#: Content offset meaning "the quotation that makes up the previous unit".
PREVIOUS = -1
_ZERO_SUBJECT = re.compile(r"(?:,\s*(?:but|and)?|\b(?:but|and))\s*$")
#: "X was cited by the RIA news agency (as) saying that ...", "X was quoted as saying ...".
_PASSIVE_REPORT = re.compile(
    r"\b(?:was|were|is|are|been)\s+(?:cited|quoted)\b(?:\s+by\s+[^,.;:\"]{1,80}?)?\s+(?:as\s+)?$"
)
#: "The agency quoted Jon Dahl as saying": the person between "quoted" and "as" speaks.
#: "Iranian media quoted Minister X saying that ...": the same without "as".
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+([^,.;:\"]{2,80}?)\s+(?:as\s+)?$")
#: "X took to Telegram to say that ...": the infinitive cue belongs to the clause's subject.
_TOOK_TO = re.compile(r"\b(?:took|takes|turned|turns|went)\s+to\b[^.;:\"]{0,80}?\bto\s+$")
#: After "told", a hearer with no reported clause behind it: '"...," Trump told business leaders.'
_CLAUSE_OR_THAT = re.compile(
    r"[^.;:\"]*?\b(?:that|was|were|is|are|had|has|have|would|will|could|can|must)\b"
)
#: A quotation opening the content and then the writer's own clause: 'said that "X," although'.
_WRITER_AFTER_QUOTE = re.compile(
    r"\s*,?\s*(?:although|though|while|whereas|even|despite|but|as|which|adding|before|after)\b"
    r"|\s+and\s+(?:did|does|has|had|was|would|declined|refused|gave|offered|added)\b"
)
#: A programme or paper named in quotation marks as the hearer of "told", then the quotation:
#: 'told "Face the Nation" in an interview aired Sunday, "A process ..."'.
_QUOTED_HEARER = re.compile(
    r'\s+(?:[A-Z][\w.]*(?:[\'’]s?)?\s+)?"[^"]{1,60}"(?:\s+[^,;:"]{1,60})?,\s*(?=")'
)
#: Verbs that may take a short hearer before "that" ("cautioned people that").
_HEARER_THAT_CUES = frozenset({"warned", "warns", "cautioned", "cautions", "assured", "reminded"})
_SHORT_HEARER_THEN_THAT = re.compile(
    r"\s+(?!(?:that|they|he|she|it|we|I)\b)(?:(?:the|all|its|his|her|their)\s+)?"
    r"[\w'’\-]+\s+that\b"
)
#: "that" opens the content unless it is the content's own subject ("Russia says that is false")
#: or a determiner before a stance noun ("reiterated that position", "said that decision cost").
_CONTENT_OPENER = re.compile(
    r"\s*(?:that\b(?!\s+(?:is|was|are|were|has|had|will|would|could|can|does|did|may|might|"
    r"must|seems|remains)\b)(?!\s+(?:position|view|stance|decision|call|demand|claim|message|"
    r"point|assessment|sentiment|offer|proposal|pledge|promise|plan|commitment|approach|"
    r"warning|request)\b)|[:,])?\s*"
)
#: A bare time word between cue and content ("said Thursday he would travel").
_BARE_TIME = re.compile(
    r"\s*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tonight|last\s+(?:week|month|night)|this\s+(?:week|month|morning))\b(?!['’])"
)
#: After a verb that also takes noun objects, a finite clause shows reported content anyway:
#: "Moscow claims the plane was shot down" (but not "demanded the release of those who were").
_CLAUSE_FOLLOWS = re.compile(
    r"\s+(?:(?!(?:who|which|that|whom|of|for|in|on|to|with|by|from|about|at(?!\s+(?:least|most)\b))\b)"
    r"[\w'’\-]+\s+){1,4}?"
    r"(?:was|were|is|are|had|has|have|would|will|could|can|did|does|do|might|may|must)\b"
)


@dataclass(frozen=True)
class Attribution:
    """A cue with its speaker phrase and the content span (offsets into the source)."""

    mention: Mention
    cue: str
    cue_start: int
    start: int
    end: int
    role: str | None = None
    #: The content is itself a report of speech ("reported X said ..."): its cue is nested.
    reports_speech: bool = False


def find_attributions(masked: str, unit: tuple[int, int], gaz: Gazetteer) -> list[Attribution]:
    """Every attribution whose cue lies outside quotations in this unit."""
    found: list[Attribution] = []
    last: Mention | None = None
    for cue in _cues(masked, unit):
        if not _cue_allowed(masked, cue, unit):
            continue
        if found and cue.group().lower() == "according to" and cue.start() > unit[0]:
            continue
        made = [
            a for a in _attribute(masked, cue, unit, gaz, last) if not _nested(masked, a, found)
        ]
        found.extend(made)
        if made:
            last = made[-1].mention
    return found


def _nested(masked: str, made: Attribution, found: list[Attribution]) -> bool:
    """'Putin said Moscow is open and that Kyiv has indicated it was open': Kyiv's words are
    Putin's report, inside his content, not a statement of Kyiv's own."""
    return any(
        earlier.start <= made.cue_start < earlier.end
        and (
            earlier.reports_speech
            or re.search(r"\bthat\s+$", masked[earlier.start : made.mention.start])
        )
        for earlier in found
    )


def _cues(masked: str, unit: tuple[int, int]) -> list[re.Match[str]]:
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
_STATEMENT_FROM = re.compile(
    r"\s+(?:a|the|an)\s+(?:joint\s+|brief\s+|written\s+)?(?:statement|message|communiqu[eé])"
    r"\s+(?:from|by|issued\s+by)\s+"
)
#: "..., which also said ...", "..., who said ...": a relative clause of the phrase before it.
_RELATIVE = re.compile(r",\s*(which|who)\s*$")
#: After demand verbs a subjunctive clause is content: "demanding the U.S. end its policy".
_SUBJUNCTIVE = re.compile(
    r"\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*(?<!['’]s)\s+[a-z]+\s+"
    r"(?:its|their|his|her|all|the|a|an)\b"
)
_DEMAND_CUES = frozenset({"demanded", "demanding", "demands", "demand", "insisting", "insisted"})
#: After a characterising verb, the speaker's quoted words: "Y as/to "Z"" (described, hailed,
#: compared) or, after called, "Z" at once or after a short object ("called the talks "useful"").
_AS_TO_QUOTE = re.compile(
    r"\s+(?:[^.;:\"]|(?<=[A-Z])\.(?=[A-Z\s]))"
    r"{1,150}?\s(?:as|to)\s+(?:a\s+|an\s+|the\s+)?[\"'‘]"
)
_CALLED_QUOTE = re.compile(r"\s+(?!(?:for|on|in|off|up|upon|out|back)\b)(?:[^.;:,\"]{1,40}?\s)?\"")


def _cue_allowed(masked: str, cue: re.Match[str], unit: tuple[int, int]) -> bool:
    word = cue.group()
    floor = unit[0]
    if word in CHARACTERISING_CUES:
        pattern = _CALLED_QUOTE if word in ("called", "calls") else _AS_TO_QUOTE
        return bool(pattern.match(masked, cue.end(), unit[1]))
    if word == "read":
        return bool(_STATEMENT_FROM.match(masked, cue.end(), unit[1])) and bool(
            re.search(r"[,\"]\s*$", masked[floor : cue.start()])
        )
    following = masked[cue.end() : cue.end() + 4]
    if word.lower().startswith(("warn", "caution")) and following.startswith(" of "):
        return False  # "warned of a grave risk": a noun object, no reported content
    if following.startswith(" to") and word in ("said", "says"):
        return False
    if word == "calling" and following.strip() in ("for", "on", "in"):
        return False
    before = masked[floor : cue.start()]
    if word in (*OBJECT_CUES, "reported") and re.search(
        r"\b(?:was|were|been|being|be|is|are)\s+$", before
    ):
        return False  # "they had been told it was a camp": the subject heard it, said nothing
    if _TOOK_TO.search(before):
        return True
    if word not in ING_CUES:
        return True
    if _PASSIVE_REPORT.search(before) or _QUOTED_AS.search(before):
        return True
    return bool(re.search(r"(?:,\s*(?:but\s+|and\s+)?|\b(?:is|are|was|were|been)\s+)$", before))


def _attribute(masked, cue, unit, gaz, last) -> list[Attribution]:
    floor, limit = unit
    if cue.group().lower() == "according to":
        return _according(masked, cue, unit, gaz)
    passive = _PASSIVE_REPORT.search(masked, floor, cue.start())
    quoted_as = None if passive else _QUOTED_AS.search(masked, floor, cue.start())
    if quoted_as and cue.group() not in ING_CUES and not quoted_as.group().endswith("as "):
        quoted_as = None  # without "as" only "quoted X saying" names the speaker
    if quoted_as:  # "The agency quoted Jon Dahl as saying that ...": the quoted person speaks
        mention = classify(masked, quoted_as.start(1), quoted_as.end(1), gaz)
        return _head(masked, cue, unit, mention, None) if mention else []
    subject_end = passive.start() if passive else skip_auxiliaries_back(masked, cue.start(), floor)
    before = masked[floor:subject_end]
    if _TOOK_TO.search(before):
        mention = first_verb_subject(
            masked, _after_dateline(masked, floor, cue.start()), cue.start(), gaz
        )
        return _head(masked, cue, unit, mention, None) if mention else []
    relative = _RELATIVE.search(before)
    if relative:
        mention = _relative_mention(masked, floor, subject_end, relative, gaz)
        return _head(masked, cue, unit, mention, None) if mention else []
    if _ZERO_SUBJECT.search(before) and (
        cue.group() in ING_CUES or re.search(r"\b(?:but|and)\s*$", before)
    ):
        if last is not None:
            return _head(masked, cue, unit, last, None)
        if not before.rstrip().endswith(","):
            clause_floor = _after_dateline(masked, floor, cue.start())
            mention = first_verb_subject(masked, clause_floor, cue.start(), gaz)
            return _head(masked, cue, unit, mention, None) if mention else []
        if cue.group() in ING_CUES and before.rstrip().endswith(","):
            clause_floor = _after_dateline(masked, floor, cue.start())
            mention = first_verb_subject(masked, clause_floor, cue.start(), gaz)
            return _head(masked, cue, unit, mention, None) if mention else []
    if re.search(r"[,\"]\s*$", before):
        appositive = _appositive_subject(masked, subject_end, floor, gaz)
        if appositive is not None:
            mention, role, phrase_start = appositive
            return _head_or_tail(masked, cue, unit, mention, role, phrase_start)
        document = _STATEMENT_FROM.match(masked, cue.end(), limit)
        mention = np_after(masked, document.end() if document else cue.end(), limit, gaz)
        if mention is None:
            return []
        role, _after = _appositive_after(masked, mention.end, limit)
        content = _before_content(masked, floor, cue.start())
        return [Attribution(mention, cue.group(), cue.start(), *content, role)] if content else []
    mention = subject_before(masked, subject_end, floor, gaz)
    if mention is None or re.search(
        r"\b(?:who|whom|which|what)\s+$", masked[floor : mention.start]
    ):  # "the others who the militants said were killed", "what he called": a gap, no content
        return []
    return _head_or_tail(masked, cue, unit, coordinated_with(masked, mention, floor), None)


def _relative_mention(masked, floor, subject_end, relative, gaz) -> Mention | None:
    """'..., the prime minister's office, which also said': "which" names the phrase before
    the comma (its speaker and kind); pronouns, roles and nothing give no speaker."""
    comma = floor + relative.start()
    antecedent = subject_before(masked, comma, floor, gaz)
    if antecedent is None or antecedent.kind in ("pronoun", "statement"):
        return None
    start, end = floor + relative.start(1), floor + relative.end(1)
    return replace(antecedent, text=masked[start:end], start=start, end=end)


def _appositive_subject(masked, comma_end, floor, gaz) -> tuple[Mention, str | None, int] | None:
    text = masked[floor:comma_end].rstrip()
    if not text.endswith(","):
        return None
    comma = floor + len(text) - 1
    previous = masked.rfind(",", floor, comma)
    if previous < 0:
        return None
    mention = subject_before(masked, previous, floor, gaz)
    if mention is None or mention.kind == "pronoun":
        return None
    if mention.kind == "role":
        named = classify(masked, previous + 1, comma, gaz)
        if named is not None and named.kind == "person":
            return named, mention.role, mention.start
    if mention.kind in ("body", "group"):
        # "the envoy of the rebels' Northern Council, Arno Vell, said": the bare name speaks
        named = classify(masked, previous + 1, comma, gaz)
        owner = _OWNED_BY.search(masked, floor, mention.start)
        if named is not None and named.kind == "person" and named.role is None and owner:
            role = clean_role(masked[owner.start() : previous])
            return named, role, owner.start()
    return mention, appositive_role(masked[previous + 1 : comma].strip()), mention.start


#: A role owning the phrase after it: "the envoy of the", "the representative from the".
_OWNED_BY = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+\s+(?:of|from|for)\s+"
    r"(?:the\s+|[\w'’\-]+\s+){0,4}$"
)


def _appositive_after(masked: str, position: int, limit: int) -> tuple[str | None, int]:
    role = None
    while masked.startswith(",", position):
        next_comma = masked.find(",", position + 1, limit)
        segment_end = next_comma if next_comma >= 0 else limit
        segment = masked[position + 1 : segment_end].strip().rstrip(".!?")
        if not re.fullmatch(r"\d+", segment):
            role = role or appositive_role(segment)
        position = segment_end
    return role, position


def _head_or_tail(masked, cue, unit, mention, role, phrase_start=None) -> list[Attribution]:
    floor, limit = unit
    after = _skip_object(masked, cue)
    rest = masked[after:limit]
    subject_start = mention.start if phrase_start is None else phrase_start
    content_before = _before_content(masked, floor, subject_start)
    bare = _BARE_TIME.match(rest)
    place = _PLACE_ADJUNCT.match(rest)
    if (
        (bare and _CLAUSE_FOLLOWS.match(rest, bare.end()))
        or _IN_A_STATEMENT.match(rest)
        or (place and re.match(r"\s*(?:that\b|[\w\"])", rest[place.end() :]))
    ):
        return _head(masked, cue, unit, mention, role, after)
    if content_before and _WIDE_TAIL.match(rest):
        return [Attribution(mention, cue.group(), cue.start(), *content_before, role)]
    if content_before and cue.group() in OBJECT_CUES and not _CLAUSE_OR_THAT.match(rest):
        return [Attribution(mention, cue.group(), cue.start(), *content_before, role)]
    if subject_start == floor and _TAIL.match(rest):
        return [Attribution(mention, cue.group(), cue.start(), PREVIOUS, PREVIOUS, role)]
    if content_before and _TRAILING_APPOSITION.match(rest):
        return [Attribution(mention, cue.group(), cue.start(), *content_before, role)]
    if content_before and re.match(r"^\s*,\s*[a-z]", rest):
        end = _strip_end(masked, floor, limit)
        return [Attribution(mention, cue.group(), cue.start(), floor, end, role)]
    aux = re.search(r"\b(has|have)\s+(?:also\s+)?$", masked[mention.end : cue.start()])
    made = _head(masked, cue, unit, mention, role, after, aux.group(1) if aux else None)
    if content_before and made and masked[content_before[1] - 1] == '"':
        made.insert(0, Attribution(mention, cue.group(), cue.start(), *content_before, role))
    elif content_before and made and masked.startswith('"', made[0].start):
        opening = _opening_quotation(masked, *content_before)
        if opening:
            made.insert(0, Attribution(mention, cue.group(), cue.start(), *opening, role))
    return made


def _opening_quotation(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """'"A" with the release of all hostages, X said, "B"': the writer's words between the two
    quotations are not the speaker's; the first statement is the opening quotation alone."""
    if not masked.startswith('"', start):
        return None
    close = masked.find('"', start + 1, end)
    return (start, close + 1) if close > start + 1 and close + 1 < end else None


def _after_dateline(masked: str, floor: int, end: int) -> int:
    dateline = _DATELINE.match(masked, floor, end)
    return dateline.end() if dateline else floor


def _before_content(masked: str, floor: int, subject_start: int) -> tuple[int, int] | None:
    floor = _after_dateline(masked, floor, subject_start)
    text = masked[floor:subject_start].rstrip()
    if not text.endswith((",", '"')):
        return None
    text = text.rstrip(",").rstrip()
    return (floor, floor + len(text)) if text else None


def _skip_object(masked: str, cue: re.Match[str]) -> int:
    """After 'told', skip the hearer: up to a near 'that', else a known hearer phrase."""
    position = cue.end()
    if cue.group() in OBJECT_CUES:
        titled = _QUOTED_HEARER.match(masked, position)
        if titled:
            return titled.end()
        titled = _TITLE_THEN_THAT.match(masked, position)
        if titled:
            return titled.end() - 4
        near_that = _HEARER_THEN_THAT.match(masked, position)
        match = near_that or _OBJECT.match(masked, position)
        if match:
            position = match.end() - (4 if near_that else 0)
    elif cue.group() in _HEARER_THAT_CUES:
        hearer = _SHORT_HEARER_THEN_THAT.match(masked, position)
        if hearer:
            position = hearer.end() - 4
    return position


def _head(masked, cue, unit, mention, role, after=None, aux=None) -> list[Attribution]:
    start = _content_start(masked, _skip_object(masked, cue) if after is None else after, unit[1])
    if start < 0:
        return []
    reports = not masked[cue.end() : start].strip() and _reported_speech(masked, start, unit[1])
    if (
        cue.group() in THAT_ONLY_CUES
        and not _opens_content(masked, cue.end(), start)
        and not _CLAUSE_FOLLOWS.match(masked, cue.end(), unit[1])
        and not (masked.startswith("that ", start) and _CLAUSE_FOLLOWS.match(masked, start + 4))
        and not (cue.group() in _DEMAND_CUES and _SUBJUNCTIVE.match(masked, cue.end(), unit[1]))
        and not reports
    ):
        return []
    end = _content_end(masked, start, unit[1], aux)
    if start < headline_end(masked) and cue.group() not in CHARACTERISING_CUES:
        clause = _HEADLINE_CLAUSE.search(masked, start, end)  # "... Possible as Deadline Looms"
        end = clause.start() if clause else end
    opening = _after_dateline(masked, unit[0], mention.start)
    if (
        _SUBORDINATE.match(masked, opening, mention.start)
        and "," not in masked[opening : mention.start]
    ):
        comma = masked.find(",", start, end)  # "While X said A, the government ...": A only
        end = _strip_end(masked, start, comma) if comma > start else end
    if end <= start:
        return []
    return [Attribution(mention, cue.group(), cue.start(), start, end, role, bool(reports))]


#: "reported the envoy of the council, Arno Vell, said Monday the talks ...": a content that
#: is another speaker's statement (a speech verb with its own content after it, not a tail).
_SPEECH_INSIDE = re.compile(r"[^.;:\"]{1,140}?\s(?:said|says|told|added)\b")


def _reported_speech(masked: str, start: int, limit: int) -> bool:
    inner = _SPEECH_INSIDE.match(masked, start, limit)
    if not inner or re.search(r"\b(?:that|who|which)\b", inner.group()):
        return False
    return not _SHORT_TAIL_END.match(masked, inner.end(), limit)


#: What ends a tail attribution's sentence: an optional day, then punctuation or the end.
_SHORT_TAIL_END = re.compile(
    r"\s*(?:(?:on|last|this)\s+)?(?:[A-Z][a-z]+day|yesterday|today|week|night)?\s*(?:[.,!?]|$)"
)


#: A title-case headline's own clause after its content: "as Deadline Looms", "as Talks Stall".
_HEADLINE_CLAUSE = re.compile(r"\s+(?:as|while|after|before|amid)\s+(?=[A-Z])")
#: A subordinate clause opening the sentence: its content ends at the comma before the main one.
_SUBORDINATE = re.compile(r"\s*(?:While|Although|Though|Whereas|Even\s+though|Even\s+as)\s")


def _opens_content(masked: str, cue_end: int, start: int) -> bool:
    """'that', a colon or a quotation between the cue and its content."""
    between = masked[cue_end:start]
    return bool(re.search(r"\bthat\b|:", between)) or masked.startswith('"', start)


#: "said in Seoul Thursday they ...", "said in Bergen on Friday that ...": a place and a day.
_PLACE_ADJUNCT = re.compile(
    r"\s*(?:in|at|from)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}\s+(?:on\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b"
)
#: "said in a statement it would attend": the content follows the adjunct without "that".
_IN_A_STATEMENT = re.compile(
    r"\s*in\s+(?:a|an|its|his|her|their)\s+(?:joint\s+|written\s+|separate\s+|brief\s+)?"
    r"statement\s+(?!(?:that|on|to|with|by|from|issued|released|posted|published|late|early|"
    r"after|before|at|in|of|and|or)\b)(?=[\w\"])"
)


def _content_start(masked: str, position: int, limit: int) -> int:
    rest = masked[position:limit]
    lead = len(rest) - len(rest.lstrip())
    bare = _BARE_TIME.match(rest)
    if bare and not re.match(
        r"\s*(?:that\b|[,:]|" + _ADJUNCT_START.pattern + ")", rest[bare.end() :]
    ):
        return position + bare.end() + len(rest[bare.end() :]) - len(rest[bare.end() :].lstrip())
    in_statement = _IN_A_STATEMENT.match(rest)
    if in_statement:
        return position + in_statement.end()
    place = _PLACE_ADJUNCT.match(rest)
    if place:  # "said in Seoul Thursday they sensed ...": a place and a day, then the content
        position += place.end()
        rest = masked[position:limit]
    about = re.match(r"\s*of\s+[^,;:\"]{1,60}?\s(?=that\b)", rest)
    if about:  # "said of the talks that ...": the topic is no content
        position += about.end()
        rest = masked[position:limit]
        lead = 0
    if _ADJUNCT_START.match(rest, lead):
        window = rest[: min(len(rest), 160)]
        delimiter = re.search(r"\bthat\b|:|,(?=\s*\")|,", window)
        if not delimiter:
            return -1
        position += delimiter.start()
    adverb = _SENTENCE_ADVERB.match(masked, position, limit)
    if adverb:  # "He said however, that ...": the writer's adverb is not the content
        position = adverb.end()
    match = re.match(_CONTENT_OPENER, masked[position:limit])
    return position + (match.end() if match else 0)


_SENTENCE_ADVERB = re.compile(
    r"\s*,?\s*(?:however|though|nonetheless|nevertheless|moreover)\b\s*,?"
)


def _content_end(masked: str, start: int, limit: int, aux: str | None = None) -> int:
    lead = re.match(r'"[^"]*"', masked[start:limit])
    if lead and _WRITER_AFTER_QUOTE.match(masked, start + lead.end(), limit):
        return start + lead.end()
    cuts = [_CONTENT_CUT.search(masked, start, limit)]
    if aux:
        cuts.append(re.compile(_SAME_AUX_CUT.format(aux=aux)).search(masked, start, limit))
    end = min((cut.start() for cut in cuts if cut), default=limit)
    return _strip_end(masked, start, end)


def _strip_end(masked: str, start: int, end: int) -> int:
    while end > start and masked[end - 1] in " \t\n.,;:":
        end -= 1
    return end


def _according(masked, cue, unit, gaz) -> list[Attribution]:
    floor, limit = unit
    document = _STATEMENT_FROM.match(masked, cue.end(), limit)
    mention = np_after(masked, document.end() if document else cue.end(), limit, gaz)
    if mention is None:
        return []
    comma = masked.find(",", mention.end, min(limit, mention.end + 80))
    if cue.start() == floor and comma >= 0:
        start = max(_content_start(masked, comma, limit), comma + 1)
        end = _strip_end(masked, start, limit)
        return [Attribution(mention, "according to", cue.start(), start, end)]
    role, _after = _appositive_after(masked, mention.end, limit)
    content = _before_content(masked, floor, cue.start())
    return [Attribution(mention, "according to", cue.start(), *content, role)] if content else []
