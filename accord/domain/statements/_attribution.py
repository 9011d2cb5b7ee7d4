"""Attributions inside one sentence unit: which cue, whose words, and where the words are.

Three shapes cover wire copy: the head shape ("X said [on Thursday] that CONTENT"), the tail
shape ("CONTENT," X said / said X, a driver) and the parenthetical shape ("A, he said, B").
A cue preceded by ", adding" / ", but added" inherits the subject of the cue before it.
Which words are cues is decided in `_cues`; where a content span starts and ends in `_content`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ._classify import appositive_role, classify, clean_role, coordinated_with
from ._colon import colon_attribution
from ._content import (
    ADJUNCT_START,
    BARE_TIME,
    IN_A_STATEMENT,
    PLACE_ADJUNCT,
    after_dateline,
    before_content,
    content_end,
    content_start,
    opening_quotation,
    opens_content,
    reported_speech,
    skip_object,
    strip_end,
)
from ._cues import (
    PASSIVE_REPORT,
    QUOTED_AS,
    STATEMENT_FROM,
    STATEMENT_SAYING,
    TOOK_TO,
    cue_allowed,
    cue_words,
)
from ._gazetteer import Gazetteer
from ._joint import with_counterpart
from ._lexicon import (
    CHARACTERISING_CUES,
    CUE_PATTERN,
    ING_CUES,
    OBJECT_CUES,
    THAT_ONLY_CUES,
)
from ._mention import Mention
from ._quotes import headline_end
from ._speakers import first_verb_subject, np_after, skip_auxiliaries_back, subject_before
from ._words import word_set

#: Tail-only adjuncts: '"...," Holm said of the talks.', '... said when asked about a deal.'
_TAIL_ADJUNCT = r"(?:of|when|as|upon)\b"
_TAIL = re.compile(
    rf"^\s*(?:{ADJUNCT_START.pattern}(?:(?!\bthat\b)[^,;:\"]){{0,60}}?)?\s*(?:[.!?]*\s*$|"
    rf",\s*(?:but\s+|and\s+)?(?:also\s+)?(?:{CUE_PATTERN.pattern})|,\s*[a-z]+ing\b)"
)
#: After a content before the speaker, the tail may also end in "of ...", "when asked ...".
_WIDE_TAIL = re.compile(
    rf"^\s*{_TAIL_ADJUNCT}(?:(?!\bthat\b)[^,;:\"]){{0,60}}?\s*[.!?]*\s*$|{_TAIL.pattern}"
)
#: "..., the ministry said on Friday, the latest group returned under ..." (writer's apposition).
_TRAILING_APPOSITION = re.compile(
    rf"^\s*(?:{ADJUNCT_START.pattern}(?:(?!\bthat\b)[^,;:\"]){{0,60}}?)?\s*,\s*(?:the|a|an)\s"
)
#: Content offset meaning "the quotation that makes up the previous unit".
PREVIOUS = -1
#: A clause with no subject of its own after a comma or a dash ("- saying that ...").
_ZERO_SUBJECT = re.compile(r"(?:(?:,|\s[-–—]{1,2})\s*(?:but|and)?|\b(?:but|and))\s*$")
#: After "told", a hearer with no reported clause behind it: '"...," Trump told business leaders.'
_CLAUSE_OR_THAT = re.compile(
    r"[^.;:\"]*?\b(?:that|was|were|is|are|had|has|have|would|will|could|can|must)\b"
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
    for cue in cue_words(masked, unit):
        if not cue_allowed(masked, cue, unit):
            continue
        if found and cue.group().lower() == "according to" and cue.start() > unit[0]:
            continue
        made = [
            a for a in _attribute(masked, cue, unit, gaz, last) if not _nested(masked, a, found)
        ]
        found.extend(made)
        if made:
            last = made[-1].mention
    colon = None if found else colon_attribution(masked, unit, gaz)
    if colon is not None:  # 'Holm was blunt: "..."', "Berg: 'We Are Close'": no speech verb
        found.append(Attribution(colon[0], ":", colon[1], colon[1], colon[2]))
    return found


def _nested(masked: str, made: Attribution, found: list[Attribution]) -> bool:
    """'Putin said Moscow is open and that Kyiv has indicated it was open': Kyiv's words are
    Putin's report, inside his content, not a statement of Kyiv's own; so is a speaker opening
    that content ("X says GAM will insist that ...": X's forecast of what GAM will say)."""
    return any(
        earlier.start <= made.cue_start < earlier.end
        and (
            earlier.reports_speech
            or re.search(r"\bthat\s+$", masked[earlier.start : made.mention.start])
            or made.mention.start == earlier.start
        )
        for earlier in found
    )


#: "..., which also said ...", "..., who said ...": a relative clause of the phrase before it.
_RELATIVE = re.compile(r",\s*(which|who)\s*$")
#: After demand verbs a subjunctive clause is content: "demanding the U.S. end its policy".
_SUBJUNCTIVE = re.compile(
    r"\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*(?<!['’]s)\s+[a-z]+\s+"
    r"(?:its|their|his|her|all|the|a|an)\b"
)
#: "explained the dialogue focused on ...": a short subject and a past-tense verb with its
#: preposition or object is a clause too (not "explained the proposed plan").
_PAST_CLAUSE = re.compile(
    r"\s+(?:the|a|an|its|their|his|her|this|these)\s+(?:[\w\"'’\-]+\s+){0,2}?[a-z]+ed\s+"
    r"(?:[a-z]+ly\s+)?(?:on|in|to|with|at|for|from|into|over|the|a|an|its|their|his|her)\b"
)
#: "reported military forces with the AU and the bloc will oversee the truce": a longer subject
#: (prepositions and "and" allowed) before a modal or "has/had" is a clause too; no relative
#: word, "that", "to", a pronoun after the first word or punctuation on the way, so "announced
#: a plan that will ..." and "denied reports of troops in areas they have taken" stay objects.
_MODAL_CLAUSE = re.compile(
    r"\s+(?!(?:to|what|whatever|how|when|where|why|if|whether)\b)[\w'’\-]+\s+"
    r"(?:(?!(?:who|which|that|whom|whose|to|he|she|it|we|they|I|you)\b)[\w'’\-]+\s+){1,11}?"
    r"(?:will|would|could|can|might|may|must|should|shall|had|has|have)\s+(?:not\s+)?[a-z]+\b"
)
#: "noted the Security Council considers the group ...": a present-tense verb with an object
#: (not "noted the new rules for ...", whose "-s" word is followed by a preposition).
_PRESENT_CLAUSE = re.compile(
    r"\s+(?:the|a|an|its|their|his|her|this)\s+(?:[A-Za-z\-]+\s+){0,2}?[a-z]+[^s'’\s]s\s+"
    r"(?:the|a|an|its|their|his|her|that)\b"
)


def _clause_without_that(masked: str, start: int, limit: int) -> bool:
    """A short subject and a finite verb right after a cue that rarely takes a noun object."""
    return bool(
        _PAST_CLAUSE.match(masked, start, limit) or _PRESENT_CLAUSE.match(masked, start, limit)
    )


#: Cues that rarely take a noun object, where "the deal agreed on ..." would not be content:
#: "confirmed/announced a deal signed on Friday" stays a noun object.
_CLAUSE_CUES = word_set(
    "explained noted asserted contended remarked observed suggested claimed alleged indicated "
    "hinted"
)
#: "confirmed Thursday he sent ...", "denied they were ...": a subject pronoun can be no noun
#: object, so a clause follows even without "that" ("it" can be either, so it is left out).
_NOMINATIVE = re.compile(r"(?:he|she|they|we|I)\s+[a-z]")
#: A participle aside after the subject whose closing comma the writer left out.
_OPEN_ASIDE = re.compile(
    r",\s*(?:speaking|talking|writing)\s+(?:on|to|in|at|from|after|during)\b[^,;:\"]{1,80}?\s*$"
)
#: "Damien Kingsbury, a political advisor to the rebels in Oslo says": an appositive after a
#: name whose closing comma the writer left out.
_OPEN_APPOSITION = re.compile(r",\s*(?:a|an)\s+[a-z][^,;:\"]{2,100}?\s*$")


def _open_apposition(masked, floor, subject_end, gaz) -> int:
    """Where the subject ends when an open appositive follows a person's name that opens the
    clause: the nearest phrase before the cue is then the appositive's object (a movement,
    a city), not the speaker."""
    found = _OPEN_APPOSITION.search(masked, floor, subject_end)
    if found is None:
        return subject_end
    name = subject_before(masked, found.start(), floor, gaz)
    if name is None or name.kind != "person" or masked[floor : name.start].strip():
        return subject_end
    return found.start()


_DEMAND_CUES = frozenset({"demanded", "demanding", "demands", "demand", "insisting", "insisted"})


def _attribute(masked, cue, unit, gaz, last) -> list[Attribution]:
    floor, limit = unit
    if cue.group().lower() == "according to":
        return _according(masked, cue, unit, gaz)
    passive = PASSIVE_REPORT.search(masked, floor, cue.start())
    quoted_as = None if passive else QUOTED_AS.search(masked, floor, cue.start())
    if quoted_as and cue.group() not in ING_CUES and not quoted_as.group().endswith("as "):
        quoted_as = None  # without "as" only "quoted X saying" names the speaker
    if quoted_as:  # "The agency quoted Jon Dahl as saying that ...": the quoted person speaks
        mention = classify(masked, quoted_as.start(1), quoted_as.end(1), gaz)
        return _head(masked, cue, unit, mention, None) if mention else []
    subject_end = passive.start() if passive else skip_auxiliaries_back(masked, cue.start(), floor)
    aside = _OPEN_ASIDE.search(masked, floor, subject_end)
    if aside:  # "The official, speaking on condition of anonymity explained ...": no 2nd comma
        subject_end = aside.start()
    subject_end = _open_apposition(masked, floor, subject_end, gaz)
    before = masked[floor:subject_end]
    if TOOK_TO.search(before):
        mention = first_verb_subject(
            masked, after_dateline(masked, floor, cue.start()), cue.start(), gaz
        )
        return _head(masked, cue, unit, mention, None) if mention else []
    issued = STATEMENT_SAYING.search(before) if cue.group() in ING_CUES else None
    if issued:  # "Hamas issued a statement saying ...": the issuer, the subject of "issued"
        verb_start = skip_auxiliaries_back(masked, floor + issued.start(), floor)
        mention = subject_before(masked, verb_start, floor, gaz)
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
            clause_floor = after_dateline(masked, floor, cue.start())
            mention = first_verb_subject(masked, clause_floor, cue.start(), gaz)
            return _head(masked, cue, unit, mention, None) if mention else []
        if cue.group() in ING_CUES and before.rstrip().endswith(","):
            clause_floor = after_dateline(masked, floor, cue.start())
            mention = first_verb_subject(masked, clause_floor, cue.start(), gaz)
            return _head(masked, cue, unit, mention, None) if mention else []
    if re.search(r"[,\"]\s*$", before):
        appositive = _appositive_subject(masked, subject_end, floor, gaz)
        if appositive is not None:
            mention, role, phrase_start = appositive
            return _head_or_tail(masked, cue, unit, mention, role, phrase_start)
        document = STATEMENT_FROM.match(masked, cue.end(), limit)
        mention = np_after(masked, document.end() if document else cue.end(), limit, gaz)
        if mention is None:
            return []
        role, _after = _appositive_after(masked, mention.end, limit)
        content = before_content(masked, floor, cue.start())
        return [Attribution(mention, cue.group(), cue.start(), *content, role)] if content else []
    mention = subject_before(masked, subject_end, floor, gaz)
    if mention is None or re.search(
        r"\b(?:who|whom|which|what)\s+$", masked[floor : mention.start]
    ):  # "the others who the militants said were killed", "what he called": a gap, no content
        return []
    mention = _relative_antecedent(masked, cue, mention, floor, gaz) or mention
    mention = with_counterpart(masked, mention, floor, gaz)
    return _head_or_tail(masked, cue, unit, coordinated_with(masked, mention, floor), None)


#: "Ukraine and other countries that don't recognize Russia's annexation of Crimea say ...":
#: a relative clause with a negated or plain verb between its plural head and "say".
_RELATIVE_BEFORE = re.compile(
    r"\s+(?:that|who)\s+(?:(?:do|did)\s+not\s+|don't\s+|didn't\s+|never\s+)?[a-z]+\s+[^,;:\"]*$"
)


def _relative_antecedent(masked, cue, mention, floor, gaz) -> Mention | None:
    """A plural "say" cannot have a single name for its subject: the phrase the found name
    ends is a relative clause's object, and the speaker is the clause's head before it."""
    if cue.group() != "say" or mention.kind not in ("person", "body") or " " in mention.text:
        return None
    relative = _RELATIVE_BEFORE.search(masked, floor, mention.start)
    if relative is None:
        return None
    head = subject_before(masked, relative.start(), floor, gaz)
    return head if head is not None and head.kind == "group" else None


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
    after = skip_object(masked, cue)
    rest = masked[after:limit]
    subject_start = mention.start if phrase_start is None else phrase_start
    content_before = before_content(masked, floor, subject_start)
    bare = BARE_TIME.match(rest)
    place = PLACE_ADJUNCT.match(rest)
    if (
        (bare and _CLAUSE_FOLLOWS.match(rest, bare.end()))
        or IN_A_STATEMENT.match(rest)
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
        end = strip_end(masked, floor, limit)
        return [Attribution(mention, cue.group(), cue.start(), floor, end, role)]
    aux = re.search(r"\b(has|have)\s+(?:also\s+)?$", masked[mention.end : cue.start()])
    made = _head(masked, cue, unit, mention, role, after, aux.group(1) if aux else None)
    if content_before and made and masked[content_before[1] - 1] == '"':
        made.insert(0, Attribution(mention, cue.group(), cue.start(), *content_before, role))
    elif content_before and made and masked.startswith('"', made[0].start):
        opening = opening_quotation(masked, *content_before)
        if opening:
            made.insert(0, Attribution(mention, cue.group(), cue.start(), *opening, role))
    return made


def _head(masked, cue, unit, mention, role, after=None, aux=None) -> list[Attribution]:
    start = content_start(masked, skip_object(masked, cue) if after is None else after, unit[1])
    if start < 0 or _BY_GERUND.match(masked, start, unit[1]):
        return []
    reports = not masked[cue.end() : start].strip() and reported_speech(masked, start, unit[1])
    if (
        cue.group() in THAT_ONLY_CUES
        and not opens_content(masked, cue.end(), start)
        and not _CLAUSE_FOLLOWS.match(masked, cue.end(), unit[1])
        and not (masked.startswith("that ", start) and _CLAUSE_FOLLOWS.match(masked, start + 4))
        and not (cue.group() in _CLAUSE_CUES and _clause_without_that(masked, cue.end(), unit[1]))
        and not _MODAL_CLAUSE.match(masked, cue.end(), unit[1])
        and not _NOMINATIVE.match(masked, start, unit[1])
        and not (cue.group() in _DEMAND_CUES and _SUBJUNCTIVE.match(masked, cue.end(), unit[1]))
        and not reports
    ):
        return []
    end = content_end(masked, start, unit[1], aux)
    if start < headline_end(masked) and cue.group() not in CHARACTERISING_CUES:
        clause = _HEADLINE_CLAUSE.search(masked, start, end)  # "... Possible as Deadline Looms"
        end = clause.start() if clause else end
    opening = after_dateline(masked, unit[0], mention.start)
    if (
        _SUBORDINATE.match(masked, opening, mention.start)
        and "," not in masked[opening : mention.start]
    ):
        comma = masked.find(",", start, end)  # "While X said A, the government ...": A only
        end = strip_end(masked, start, comma) if comma > start else end
    if end <= start:
        return []
    return [Attribution(mention, cue.group(), cue.start(), start, end, role, bool(reports))]


#: "responded Sunday by expressing "disappointment" with ...": the manner of answering, no clause.
_BY_GERUND = re.compile(r"by\s+[a-z]+ing\b")
#: A title-case headline's own clause after its content: "as Deadline Looms", "as Talks Stall".
_HEADLINE_CLAUSE = re.compile(r"\s+(?:as|while|after|before|amid)\s+(?=[A-Z])")
#: A subordinate clause opening the sentence: its content ends at the comma before the main one.
_SUBORDINATE = re.compile(r"\s*(?:While|Although|Though|Whereas|Even\s+though|Even\s+as)\s")


def _according(masked, cue, unit, gaz) -> list[Attribution]:
    floor, limit = unit
    document = STATEMENT_FROM.match(masked, cue.end(), limit)
    mention = np_after(masked, document.end() if document else cue.end(), limit, gaz)
    if mention is None:
        return []
    comma = masked.find(",", mention.end, min(limit, mention.end + 80))
    if cue.start() == floor and comma >= 0:
        start = max(content_start(masked, comma, limit), comma + 1)
        end = strip_end(masked, start, limit)
        return [Attribution(mention, "according to", cue.start(), start, end)]
    role, _after = _appositive_after(masked, mention.end, limit)
    content = before_content(masked, floor, cue.start())
    return [Attribution(mention, "according to", cue.start(), *content, role)] if content else []
