"""Quotation marks and sentence units, tolerant of straight, curly and unbalanced marks.

A quotation is found by a small state machine over each paragraph. A quotation left open at
the end of a paragraph continues into the next one when that paragraph opens with a mark (the
wire convention for multi-paragraph quotes); otherwise it is closed at the paragraph's end.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ._words import word_set

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'
ALL_MARKS = OPENERS + CLOSERS + STRAIGHT
_LEFT_CONTEXT = " \t\n([{—–-:"

_ABBREVIATIONS = word_set(
    "mr mrs ms dr st gen lt col maj capt sgt sen rep gov pres prof jr sr inc ltd co corp "
    "no vs etc jan feb mar apr aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m"
)


@dataclass(frozen=True)
class Quotation:
    """Offsets of a quotation: `open`/`close` include the marks, `inner` excludes them."""

    open: int
    close: int
    inner_start: int
    inner_end: int
    balanced: bool = True


class QuoteIndex:
    """Ordered, non-overlapping quotations with logarithmic look-ups by offset."""

    def __init__(self, quotes: list[Quotation]) -> None:
        self.quotes = quotes
        self.opens = [quote.open for quote in quotes]
        self.closes = [quote.close for quote in quotes]

    def starting_at(self, offset: int) -> Quotation | None:
        """The quotation whose opening mark is at `offset`."""
        index = bisect_left(self.opens, offset)
        if index < len(self.opens) and self.opens[index] == offset:
            return self.quotes[index]
        return None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any quotation shares a character with [start, end)."""
        index = bisect_right(self.closes, start)
        return index < len(self.quotes) and self.quotes[index].open < end

    def strictly_inside(self, offset: int) -> bool:
        """Whether `offset` falls strictly between a quotation's first and last character."""
        index = bisect_right(self.closes, offset)
        return index < len(self.quotes) and self.quotes[index].open < offset


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, as (start, end) offsets."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _is_opener(text: str, index: int, inside: bool) -> bool:
    char = text[index]
    if char in OPENERS:
        return True
    if char in CLOSERS:
        return False
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if not inside:
        return not (before.isalnum() and (after.isspace() or after in ",.;:!?"))
    return before in _LEFT_CONTEXT and after.isalnum()


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation of the text, in order, never overlapping."""
    found: list[Quotation] = []
    open_at: int | None = None
    paras = paragraphs(text)
    for number, (p_start, p_end) in enumerate(paras):
        if open_at is not None and not _continues(text, p_start):
            found.append(_unclosed(text, open_at, paras[number - 1][1]))
            open_at = None
        continuation = open_at is not None
        for index in range(p_start, p_end):
            if text[index] not in ALL_MARKS:
                continue
            if continuation:
                continuation = False
                continue
            if open_at is None:
                if _is_opener(text, index, inside=False):
                    open_at = index
                else:
                    _add_stray_closer(found, p_start, index)
            elif _is_opener(text, index, inside=True):
                found.append(_unclosed(text, open_at, index))
                open_at = index
            else:
                found.append(Quotation(open_at, index + 1, open_at + 1, index))
                open_at = None
    if open_at is not None:
        found.append(_unclosed(text, open_at, paras[-1][1]))
    return found


def _add_stray_closer(found: list[Quotation], p_start: int, index: int) -> None:
    """A closing mark with no opener: the quotation runs from the paragraph's start, or from
    the end of the paragraph's last quotation."""
    start = max(p_start, found[-1].close) if found else p_start
    if start < index:
        found.append(Quotation(start, index + 1, start, index, balanced=False))


def _continues(text: str, p_start: int) -> bool:
    return text[p_start] in OPENERS + STRAIGHT


def _unclosed(text: str, open_at: int, limit: int) -> Quotation:
    end = limit
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return Quotation(open_at, end, open_at + 1, end, balanced=False)


#: A full stop before a capital, after a space, or glued to it after a word ("stressed.The",
#: a common scraping artefact).
_SENTENCE_END = re.compile(
    r"[.?!]+[\"”’»)]*(?=\s+[\"“«(]?[A-Z0-9])|(?<=[a-z]{2})[.?!]+[\"”]?(?=[\"“]?[A-Z][a-z])"
)


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Sentence-end offsets inside one paragraph, ignoring abbreviations and initials."""
    cuts = []
    for m in _SENTENCE_END.finditer(text[start:end]):
        word = re.search(
            r"([\w.]+)$", text[max(start, start + m.start() - 30) : start + m.start() + 1]
        )
        stem = word.group(1).rstrip(".").lower() if word else ""
        if m.group().startswith(".") and (stem in _ABBREVIATIONS or len(stem) == 1):
            continue
        cuts.append(start + m.end())
    return cuts


def sentence_units(text: str, quotes: list[Quotation]) -> list[tuple[int, int]]:
    """Sentences, merged where a quotation runs across them (even across paragraphs)."""
    cuts: list[int] = []
    for p_start, p_end in paragraphs(text):
        cuts.extend(_boundaries(text, p_start, p_end))
        cuts.append(p_end)
    index = QuoteIndex(quotes)
    cuts = [c for c in cuts if not index.strictly_inside(c)]
    units = []
    position = 0
    for cut in sorted(set(cuts)):
        chunk = text[position:cut]
        stripped = chunk.lstrip()
        if stripped.strip():
            units.append((position + len(chunk) - len(stripped), cut))
        position = cut
    return units


def masked(text: str, quotes: list[Quotation]) -> str:
    """The text with each quotation's inner characters replaced by 'q' (offsets unchanged)."""
    chars = list(text)
    for quote in quotes:
        for index in range(quote.inner_start, quote.inner_end):
            if chars[index] != "\n":
                chars[index] = "q"
        for index in (quote.open, quote.close - 1):
            if text[index] in ALL_MARKS:
                chars[index] = '"'
    return "".join(chars)


#: Cue verbs a title-case headline capitalises ("Russia Says No Deal Yet on ...").
_HEADLINE_CUE = re.compile(
    r"(?<=\S )(Says|Say|Warns|Warn|Tells|Tell|Claims|Denies|Confirms|Insists|Vows|Describes|Calls"
    r"|Hails)\b"
)


def headline_end(text: str) -> int:
    """End of a title-case headline opening the text (no final punctuation, most words
    capitalised), else 0. Headline words are not names and its cue words are capitalised."""
    line = text.split("\n", 1)[0]
    words = re.findall(r"[A-Za-z][\w'’\-]*", line)
    if not line.strip() or "\n" not in text or line.rstrip()[-1:] in '.!?"”' or len(words) > 20:
        return 0
    small = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
    capitalised = [w for w in words if w.lower() not in small]
    upper = sum(1 for w in capitalised if w[0].isupper())
    return len(line) if capitalised and upper >= 0.75 * len(capitalised) and upper >= 3 else 0


def headline_cues_lowered(blanked: str) -> str:
    """The masked text with a title-case headline's cue word in lower case, so the headline is
    read as "Russia says No Deal Yet on ..." (offsets unchanged)."""
    end = headline_end(blanked)
    if not end:
        return blanked
    head = _HEADLINE_CUE.sub(lambda m: m.group().lower(), blanked[:end], count=1)
    return head + blanked[end:]
