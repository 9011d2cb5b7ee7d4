"""The category of a detainee (POW, civilian, wounded) from a list's own column, if it has one.

The engine reads names, dates and numbers; categories are the workspace's concern, read from a
header in English, Ukrainian or Russian and a cell value in any of the three.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_WORDS = re.compile(r"[^\w]+")

_HEADERS = {"category", "status", "категорія", "категория", "статус", "type", "тип"}
_VALUES = {
    "pow": ("pow", "prisoner of war", "військовополонений", "военнопленный", "в п", "впл"),
    "civilian": ("civilian", "civil", "цивільний", "цивільна", "гражданский", "гражданская"),
    "wounded": ("wounded", "injured", "поранений", "поранена", "раненый", "раненая"),
}


def normalise_header(text: object) -> str:
    """Lower case, punctuation as single spaces."""
    lowered = str(text or "").lower().replace("_", " ")
    return " ".join(_WORDS.sub(" ", lowered).split())


def category_column(headers: list[str]) -> str | None:
    """The first header naming a category column, or None."""
    for header in headers:
        if normalise_header(header) in _HEADERS:
            return header
    return None


def category_of(raw: Mapping[str, str], column: str | None) -> str:
    """pow, civilian, wounded or "" (not given or not recognised)."""
    if column is None:
        return ""
    value = normalise_header(raw.get(column, ""))
    for category, words in _VALUES.items():
        if value in words or any(len(w) > 4 and w in value for w in words):
            return category
    return ""
