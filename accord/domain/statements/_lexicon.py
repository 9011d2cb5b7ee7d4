"""Cue verbs, agenda-issue keywords and the tone lexicon, with their small scoring rules.

Tone is deliberately simple and documented in docs/statements.md: count positive and negative
lexicon hits in the quote, flip a hit preceded within three words by a negator, and call the
quote positive or negative when one side wins by at least one hit, neutral otherwise.
"""

from __future__ import annotations

import re
from functools import cache

from ._model import Issue
from ._words import word_set

SPEECH_VERBS = sorted(
    word_set(
        "say said says saying tell told tells telling added adding wrote writes writing stated "
        "noted noting warn warned warns warning insist insisted insists insisting stressed "
        "stressing emphasized emphasizing emphasised emphasising claimed argue argued argues "
        "arguing announced declared explained asserted asserts acknowledged acknowledges "
        "admitted admits confirmed denied demanded demanding posted tweeted suggested suggests "
        "replied responded reiterated reiterates predicted vowed pledged promised maintained "
        "maintains contended countered recalled complained calling describing quipped joked "
        "retorted remarked observed cautioned conceded alleged alleges signalled signaled "
        "indicated hinted claims share shared shares sharing confirming announcing claiming "
        "denying acknowledging suggesting compared compares described describes hailed hails "
        "called calls reported read"
    )
)
#: Characterising verbs: a cue only when the speaker's own quoted words follow ("described
#: the visit as "very productive"", "compared the meeting to "a weigh-in"", "called "historic"
#: a decision"); "called for talks", "described the scene" are no statements.
CHARACTERISING_CUES = frozenset(
    {"compared", "compares", "described", "describes", "hailed", "hails", "called", "calls"}
)
#: -ing forms only count after a comma ("..., adding that") or an auxiliary ("is demanding").
ING_CUES = frozenset(verb for verb in SPEECH_VERBS if verb.endswith("ing"))
#: Verbs that as often take a noun object ("announced the deal"): after them the reported
#: content must open with "that", a colon or a quotation.
THAT_ONLY_CUES = word_set(
    "announced confirmed denied acknowledged acknowledges admitted admits demanded demanding "
    "suggested suggests posted tweeted predicted promised pledged vowed recalled indicated "
    "signalled signaled hinted claimed alleged alleges reiterated reiterates stressed stressing "
    "emphasized emphasizing emphasised emphasising noted noting maintained maintains complained "
    "observed remarked cautioned conceded asserted asserts countered contended declared "
    "explained claims share shared shares sharing confirming announcing claiming denying "
    "acknowledging suggesting reported"
)
#: Verbs that take a hearer before the reported clause ("told reporters that").
OBJECT_CUES = frozenset({"tell", "told", "tells", "telling"})
CUE_PATTERN = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")

DEFAULT_ISSUES: tuple[Issue, ...] = (
    Issue(
        "territory",
        (
            "territory",
            "territorial",
            "donbas",
            "donetsk",
            "luhansk",
            "crimea",
            "zaporizhzhia",
            "kherson",
            "front line",
            "troops out",
            "withdraw",
            "withdrawal",
            "pullback",
            "cede",
            "ceding",
            "annex",
            "land",
        ),
    ),
    Issue(
        "prisoner exchange",
        (
            "prisoner",
            "prisoners",
            "pows",
            "swap",
            "exchange of",
            "exchange",
            "detainees",
            "captives",
        ),
    ),
    Issue(
        "energy truce",
        (
            "energy truce",
            "energy infrastructure",
            "power plant",
            "power grid",
            "energy facilities",
            "energy strikes",
        ),
    ),
    Issue(
        "ceasefire",
        (
            "ceasefire",
            "cease-fire",
            "truce",
            "fighting",
            "frozen",
            "freeze",
            "hostilities",
            "armistice",
        ),
    ),
    Issue(
        "sanctions",
        ("sanction", "sanctions", "embargo", "price cap", "economic pressure", "pressure on"),
    ),
    Issue(
        "economy",
        (
            "economy",
            "economic",
            "trade",
            "investment",
            "business",
            "relations with",
            "working group on the economy",
        ),
    ),
    Issue("sovereignty", ("sovereignty", "sovereign", "independence", "compromise on")),
    Issue("security guarantees", ("security guarantee", "guarantees", "nato", "peacekeep")),
    Issue("humanitarian", ("humanitarian", "civilians", "children", "aid corridor")),
    Issue(
        "talks process",
        (
            "talks",
            "negotiations",
            "round",
            "meeting",
            "meetings",
            "discussions",
            "trilateral",
            "delegation",
            "format",
        ),
    ),
)

POSITIVE = word_set(
    "productive positive progress good constructive substantive hope hopeful agreed agreement "
    "success successful welcome welcomed optimistic breakthrough peace fruitful useful "
    "encouraging cooperation practical concrete engagement forward achieved improve improved "
    "ready willing confident"
)
NEGATIVE = word_set(
    "fail failed failure reject rejected rejects refuse refused skeptical sceptical pressure "
    "exploited exploit attack attacks attacking violated violation violations threat threaten "
    "threatened regime aggression unacceptable impossible persist war killed crisis doubt "
    "doubts worse blame blamed accuse accused provocation sabotage deadlock stalled "
    "stockpile"
)
NEGATORS = word_set("not no never don't doesn't didn't won't cannot can't nor without")
_WORD = re.compile(r"[a-z][a-z'’-]*")


def tone_of(quote: str) -> str:
    """positive, negative or neutral by the lexicon rule in the module docstring."""
    words = [w.replace("’", "'") for w in _WORD.findall(quote.lower())]
    score = 0
    for index, word in enumerate(words):
        polarity = (word in POSITIVE) - (word in NEGATIVE)
        if polarity and any(w in NEGATORS for w in words[max(0, index - 3) : index]):
            polarity = -polarity
        score += polarity
    if score > 0:
        return "positive"
    return "negative" if score < 0 else "neutral"


def issues_of(quote: str, issues: tuple[Issue, ...] | list[Issue]) -> tuple[str, ...]:
    """Names of the issues whose keywords occur in the quote, in configuration order."""
    lowered = quote.lower()
    return tuple(issue.name for issue in issues if _keyword_pattern(issue).search(lowered))


@cache
def _keyword_pattern(issue: Issue) -> re.Pattern[str]:
    keywords = sorted((k.lower() for k in issue.keywords), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, keywords)) + ")")
