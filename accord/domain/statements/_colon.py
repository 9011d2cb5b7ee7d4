"""Attributions with no speech verb, only a colon before the speaker's quoted words: the
headline's "Berg: 'We Are Close'" and the body's 'Holm was blunt: "There will be no deal."'.

Wire copy uses both forms for direct speech. The colon only counts right before a quotation,
after a name (headline) or after a subject with a copula and a short predicate (body), so a
list ("three items: ...") or a label is never taken for a statement.
"""

from __future__ import annotations

import re

from ._classify import classify
from ._content import after_dateline, strip_end
from ._gazetteer import Gazetteer
from ._mention import Mention
from ._quotes import headline_end
from ._speakers import subject_before

#: "Berg: 'We Are Close to a Deal'" / 'Berg: "..."' as the whole headline line.
_HEADLINE_COLON = re.compile(
    r"((?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*)\s*:\s*(?:(['‘])([^'‘’]+?)['’]|(\"q[^\"]*\"?))\s*$"
)
#: '... was blunt: "' / '... is clear: "': a copula and at most three lowercase words.
_COPULA_COLON = re.compile(
    r"\s+(?:was|were|is|are|remained|remains)\s+(?:[a-z]+\s+){0,2}[a-z]+\s*:\s*(?=\")"
)
_SPEAKING = ("person", "pronoun", "role", "body", "group")


def colon_attribution(
    masked: str, unit: tuple[int, int], gaz: Gazetteer
) -> tuple[Mention, int, int] | None:
    """(speaker phrase, content start, content end) for a colon form in this unit, if any."""
    floor, limit = unit
    end = headline_end(masked)
    if floor == 0 and end and limit <= end + 1:
        return _headline(masked, end, gaz)
    colon = masked.find(":", floor, limit)
    while colon >= 0:
        predicate = _COPULA_COLON.search(masked, max(floor, colon - 60), colon + 3)
        if predicate and predicate.end() > colon:
            clause = after_dateline(masked, floor, predicate.start())
            mention = subject_before(masked, predicate.start(), clause, gaz)
            if (
                mention
                and mention.kind in _SPEAKING
                and mention.start == _first_word(masked, clause)
            ):
                return mention, predicate.end(), strip_end(masked, predicate.end(), limit)
        colon = masked.find(":", colon + 1, limit)
    return None


def _headline(masked: str, end: int, gaz: Gazetteer) -> tuple[Mention, int, int] | None:
    found = _HEADLINE_COLON.fullmatch(masked, 0, end)
    if not found:
        return None
    mention = classify(masked, found.start(1), found.end(1), gaz)
    if mention is None or mention.kind not in _SPEAKING:
        return None
    if found.group(3):  # single marks are not quotation marks: the words inside them
        return mention, found.start(3), found.end(3)
    return mention, found.start(4), strip_end(masked, found.start(4), end)


def _first_word(masked: str, position: int) -> int:
    """Where the clause's first word starts (the subject must open the sentence)."""
    while position < len(masked) and masked[position].isspace():
        position += 1
    return position
