"""Comparing names and titles: a misspelt surname against the full name it nearly spells,
a courtesy title that says nothing about who is meant, and rank words that make a title
another office. Kept apart from the resolver, which only asks these questions."""

from __future__ import annotations

import re

#: Words that make a title another office than its head alone ("deputy prime minister");
#: "former" and "acting" do not: "the ambassador" is still the former ambassador named.
RANKS = frozenset({"deputy", "vice", "assistant", "under"})


def rank(title: str) -> frozenset[str]:
    """A deputy prime minister is not the prime minister: the rank words of a title."""
    return RANKS.intersection(re.split(r"[\s\-]+", title.lower()))


def near_spelling(written: str, meant: str) -> bool:
    """Whether `written` is `meant` with one slip (two for words of six letters or more): a
    letter added, dropped, changed, or two neighbours swapped (optimal string alignment)."""
    if written == meant or written[:1] != meant[:1]:
        return False
    allowed = 2 if len(meant) >= 6 else 1
    if abs(len(written) - len(meant)) > allowed:
        return False
    rows = [list(range(len(meant) + 1))]
    for i, a in enumerate(written, 1):
        row = [i]
        for j, b in enumerate(meant, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a != b))
            if i > 1 and j > 1 and a == meant[j - 2] and written[i - 2] == b:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1] <= allowed


#: Courtesy titles: they say nothing about which person is meant.
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Messrs)\.?", re.IGNORECASE)


def no_title(role: str | None) -> bool:
    """'Mr. Mevedev' has no title that could set him apart from 'Dmitry Medvedev' written
    before, so the slip rule applies as to a bare surname; a real title ('Minister') does."""
    return not role or _HONORIFIC.fullmatch(role.strip()) is not None
