"""Scripts and languages of name fields, and folding of Cyrillic/Latin look-alike letters.

Lists typed on mixed keyboards contain words such as "Шевченкo" (a Latin "o" inside Cyrillic) and
document numbers such as "АВ123456" typed with Cyrillic "А" and "В". Folding makes such strings
compare equal without ever touching the raw submission.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

Script = Literal["cyrillic", "latin", "mixed", "none"]
Language = Literal["uk", "ru", "cyrillic", "latin", ""]

_UK_ONLY = frozenset("іїєґІЇЄҐ")
_RU_ONLY = frozenset("ыэъёЫЭЪЁ")
_APOSTROPHES = "'’ʼ`´"

# Letters that look the same in both alphabets (upper and lower case).
_LATIN_TO_CYRILLIC = {
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У", "a": "а", "c": "с", "e": "е", "i": "і", "o": "о",
    "p": "р", "x": "х", "y": "у",
}  # fmt: skip
_CYRILLIC_TO_LATIN = {cyr: lat for lat, cyr in _LATIN_TO_CYRILLIC.items()} | {
    "Ї": "I", "ї": "i", "Ё": "E", "ё": "e", "Ѕ": "S", "ѕ": "s", "Ј": "J", "ј": "j",
}  # fmt: skip


_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_UK_RE = re.compile(r"[іїєґІЇЄҐ]")
_RU_RE = re.compile(r"[ыэъёЫЭЪЁ]")
# Ukrainian writes an apostrophe inside Cyrillic words (В'ячеслав); Russian does not.
_INNER_APOSTROPHE = re.compile(f"[\u0400-\u04ff][{_APOSTROPHES}].", re.DOTALL)


_FOLD_TABLE = str.maketrans(_CYRILLIC_TO_LATIN)
_NOT_ALNUM = re.compile(r"[\W_]+")


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def _is_latin(char: str) -> bool:
    return (char.isascii() and char.isalpha()) or "\u00c0" <= char <= "\u024f"


def detect_script(text: str) -> Script:
    """Which alphabet the letters of `text` belong to."""
    cyrillic = _CYRILLIC_RE.search(text) is not None
    latin = _LATIN_RE.search(text) is not None
    if cyrillic and latin:
        return "mixed"
    return "cyrillic" if cyrillic else "latin" if latin else "none"


def detect_language(text: str) -> Language:
    """Ukrainian or Russian from letters only one of them has; "cyrillic" when undecidable."""
    if _UK_RE.search(text):
        return (
            "ru"
            if _RU_RE.search(text) and _count(text, _RU_ONLY) > _count(text, _UK_ONLY)
            else "uk"
        )
    if _RU_RE.search(text):
        return "ru"
    if _INNER_APOSTROPHE.search(text):
        return "uk"
    script = detect_script(text)
    return "cyrillic" if script in ("cyrillic", "mixed") else "latin" if script == "latin" else ""


def _count(text: str, letters: frozenset[str]) -> int:
    return sum(c in letters for c in text)


def fold_mixed_word(word: str) -> str:
    """Rewrite the minority-script look-alikes of a mixed word into its majority script."""
    cyrillic = sum(_is_cyrillic(c) for c in word)
    latin = sum(_is_latin(c) for c in word)
    if not cyrillic or not latin:
        return word
    table = _LATIN_TO_CYRILLIC if cyrillic >= latin else _CYRILLIC_TO_LATIN
    return "".join(table.get(c, c) for c in word)


@lru_cache(maxsize=131072)
def fold_mixed_text(text: str) -> tuple[str, bool]:
    """Fold every mixed-script word of `text`; say whether anything changed."""
    if not (_CYRILLIC_RE.search(text) and _LATIN_RE.search(text)):
        return text, False
    folded = " ".join(fold_mixed_word(word) for word in text.split(" "))
    return folded, folded != text


def fold_document_number(text: str) -> str:
    """A canonical form of a passport, ID or military number: Latin capitals and digits only.

    Cyrillic look-alikes become Latin ("АВ" -> "AB"), separators and a leading "No"/"№" go.
    """
    if not text:
        return ""
    return _NOT_ALNUM.sub("", text.upper().translate(_FOLD_TABLE))
