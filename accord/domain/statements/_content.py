"""Where a cue's content starts and ends: hearers, adjuncts and datelines skipped, cuts found.

Span arithmetic only, on the masked text; which cue and whose words is `_attribution`'s part.
"""

from __future__ import annotations

import re

from ._lexicon import CUE_PATTERN, OBJECT_CUES

#: An adjunct between a cue and its content ("said on Thursday", "said in Seoul", "said last week").
ADJUNCT_START = re.compile(
    r"(?:on|in|at(?!\s+(?:least|most)\b)|via|during|after|before|from|to|late|earlier|later|through|while|"
    r"early(?=\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|today|on)\b)|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|"
    r"(?:last|this)\b(?=\s+(?:past\s+)?(?:week|weekend|month|year|morning|afternoon|evening|night|"
    r"spring|summer|autumn|fall|winter|time|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b(?!['’])))\b"
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
    # "told VOA that "..." and maintained that ...": any cue with "that" opens a 2nd statement
    rf"|\s+(?:but|and)\s+(?:also\s+)?(?:{CUE_PATTERN.pattern})\s+that\b"
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
    r"|,\s*referring\s+to\b"
)
_SAME_AUX_CUT = r"\s+and\s+{aux}\s+(?:also\s+)?\w+ed\b"
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
BARE_TIME = re.compile(
    r"\s*(?:on\s+)?(?:(?:early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|today|"
    r"tonight|last\s+(?:week|month|night)|this\s+(?:week|month|morning))"
    # "said Monday morning that", "confirmed today morning that": a part of the day after it
    r"(?:\s+(?:morning|afternoon|evening))?\b(?!['’])"
)


def opening_quotation(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """'"A" with the release of all hostages, X said, "B"': the writer's words between the two
    quotations are not the speaker's; the first statement is the opening quotation alone."""
    if not masked.startswith('"', start):
        return None
    close = masked.find('"', start + 1, end)
    return (start, close + 1) if close > start + 1 and close + 1 < end else None


def after_dateline(masked: str, floor: int, end: int) -> int:
    dateline = _DATELINE.match(masked, floor, end)
    return dateline.end() if dateline else floor


def before_content(masked: str, floor: int, subject_start: int) -> tuple[int, int] | None:
    floor = after_dateline(masked, floor, subject_start)
    text = masked[floor:subject_start].rstrip()
    if not text.endswith((",", '"')):
        return None
    text = text.rstrip(",").rstrip()
    return (floor, floor + len(text)) if text else None


#: The last of two or more capitalised hearer words, and a finite verb right after the hearer.
_CLAUSE_SUBJECT_TAKEN = re.compile(r"(?<=[\w.])\s+[A-Z][\w'’\-]*$")
_AUX_NEXT = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|could|can|must)\b")


def skip_object(masked: str, cue: re.Match[str]) -> int:
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
            subject = _CLAUSE_SUBJECT_TAKEN.search(masked, match.start(), position)
            if not near_that and subject and _AUX_NEXT.match(masked, position):
                position = subject.start()  # "told VOA Israel is hopeful": Israel is the subject
    elif cue.group() in _HEARER_THAT_CUES:
        hearer = _SHORT_HEARER_THEN_THAT.match(masked, position)
        if hearer:
            position = hearer.end() - 4
    return position


#: "reported the envoy of the council, Arno Vell, said Monday the talks ...": a content that
#: is another speaker's statement (a speech verb with its own content after it, not a tail).
_SPEECH_INSIDE = re.compile(r"[^.;:\"]{1,140}?\s(?:said|says|told|added)\b")


def reported_speech(masked: str, start: int, limit: int) -> bool:
    inner = _SPEECH_INSIDE.match(masked, start, limit)
    if not inner or re.search(r"\b(?:that|who|which)\b", inner.group()):
        return False
    return not _SHORT_TAIL_END.match(masked, inner.end(), limit)


#: What ends a tail attribution's sentence: an optional day, then punctuation or the end.
_SHORT_TAIL_END = re.compile(
    r"\s*(?:(?:on|last|this)\s+)?(?:[A-Z][a-z]+day|yesterday|today|week|night)?\s*(?:[.,!?]|$)"
)


def opens_content(masked: str, cue_end: int, start: int) -> bool:
    """'that', a colon or a quotation between the cue and its content."""
    between = masked[cue_end:start]
    return bool(re.search(r"\bthat\b|:", between)) or masked.startswith('"', start)


#: "said in Seoul Thursday they ...", "said in Bergen on Friday that ...": a place and a day.
#: And the other way round, "said Friday in Munich major powers have agreed ...".
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b"
_PLACE = r"(?:in|at|from)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}"
PLACE_ADJUNCT = re.compile(
    rf"\s*(?:{_PLACE}\s+(?:on\s+)?(?:(?:early|late)\s+)?{_DAY}"
    rf"|(?:on\s+)?(?:(?:early|late)\s+)?{_DAY}\s+{_PLACE}\b)"
)
#: "said in a statement (on Sunday) it would attend": the content follows without "that".
IN_A_STATEMENT = re.compile(
    r"\s*in\s+(?:a|an|its|his|her|their)\s+(?:joint\s+|written\s+|separate\s+|brief\s+)?"
    r"statement\s+(?:(?:on\s+)?(?:(?:early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\s+|(?:yesterday|today)\s+)?"
    r"(?!(?:that|on|to|with|by|from|issued|released|posted|published|late|early|"
    r"after|before|at|in|of|and|or)\b)(?=[\w\"])"
)


def content_start(masked: str, position: int, limit: int) -> int:
    rest = masked[position:limit]
    lead = len(rest) - len(rest.lstrip())
    bare = BARE_TIME.match(rest)
    if bare and not re.match(
        r"\s*(?:that\b|[,:]|" + ADJUNCT_START.pattern + ")", rest[bare.end() :]
    ):
        return position + bare.end() + len(rest[bare.end() :]) - len(rest[bare.end() :].lstrip())
    in_statement = IN_A_STATEMENT.match(rest)
    if in_statement:
        return position + in_statement.end()
    place = PLACE_ADJUNCT.match(rest)
    if place:  # "said in Seoul Thursday they sensed ...": a place and a day, then the content
        position += place.end()
        rest = masked[position:limit]
    about = re.match(r"\s*of\s+[^,;:\"]{1,60}?\s(?=that\b)", rest)
    if about:  # "said of the talks that ...": the topic is no content
        position += about.end()
        rest = masked[position:limit]
        lead = 0
    if ADJUNCT_START.match(rest, lead):
        window = rest[: min(len(rest), 160)]
        delimiter = re.search(r"\bthat\b|:|,(?=\s*\")|,", window)
        # "said at a political rally in Caracas "some envoys ..." were ...": with no "that" or
        # comma, the adjunct ends where a quotation opens
        delimiter = delimiter or re.search(r"\s(?=\")", window)
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


def content_end(masked: str, start: int, limit: int, aux: str | None = None) -> int:
    lead = re.match(r'"[^"]*"', masked[start:limit])
    if lead and _WRITER_AFTER_QUOTE.match(masked, start + lead.end(), limit):
        return start + lead.end()
    cuts = [_CONTENT_CUT.search(masked, start, limit)]
    if aux:
        cuts.append(re.compile(_SAME_AUX_CUT.format(aux=aux)).search(masked, start, limit))
    end = min((cut.start() for cut in cuts if cut), default=limit)
    return strip_end(masked, start, end)


def strip_end(masked: str, start: int, end: int) -> int:
    while end > start and masked[end - 1] in " \t\n.,;:":
        end -= 1
    return end
