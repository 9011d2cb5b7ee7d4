"""A lossy phonetic key that maps every spelling of one Cyrillic name to the same string.

Зеленський, Зеленский, Zelenskyi, Zelensky, Zelenskiy and Zelenskij all become "zelenski".
Cyrillic is spelt into a reduced Latin alphabet letter by letter; Latin input goes through the
digraphs of the usual romanisations (KMU 55, ICAO, BGN/PCGN, GOST, German and Polish habits) into
the same alphabet. The key deliberately merges sounds the systems disagree on: г/х (h, g, kh),
и/і/ї/й/ы (y, i, j, yi, iy), ц/ч (ts, c, ch), ш/щ (sh, shch, sch), ж/з (zh, z), е/є/э.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic is first spelt the KMU 55 way without its context rules (which the key ignores).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ё": "io",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip

# Latin digraphs, longest first, rewritten into the key alphabet.
_LATIN_DIGRAPHS = [
    ("shch", "s"), ("szcz", "s"), ("sch", "s"), ("tsch", "c"), ("sh", "s"), ("sz", "s"),
    ("zh", "z"), ("tch", "c"), ("ch", "c"), ("cz", "c"), ("ts", "c"), ("tz", "c"), ("kh", "g"),
    ("gh", "g"), ("ph", "f"), ("th", "t"), ("x", "ks"), ("q", "k"), ("w", "v"),
    ("h", "g"), ("y", "i"), ("j", "i"),
]  # fmt: skip
_LATIN_PATTERN = re.compile("|".join(re.escape(src) for src, _ in _LATIN_DIGRAPHS))
_LATIN_MAP = dict(_LATIN_DIGRAPHS)
_HARD_C = re.compile(r"c(?![ehiyz])")  # English/French "c" before a, o, u is к; "ch", "cz" kept
_SILENT = re.compile("['’ʼ`´ьъ]")  # apostrophes and signs: no letter of their own
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=262144)
def name_key(text: str) -> str:
    """The matching key of one name (surname, given name or patronymic); "" for no letters."""
    lowered = _SILENT.sub("", unicodedata.normalize("NFC", text.lower()))
    lowered = lowered.replace("зг", "zgh")  # as KMU 55 does
    spelt = "".join(_CYRILLIC.get(c, c) for c in lowered)
    stripped = unicodedata.normalize("NFKD", spelt)
    letters = _HARD_C.sub("k", "".join(c for c in stripped if c.isascii() and c.isalpha()))
    reduced = _LATIN_PATTERN.sub(lambda m: _LATIN_MAP[m.group(0)], letters)
    reduced = _DOUBLES.sub(r"\1", reduced)
    reduced = reduced.replace("ie", "e").replace("io", "e").replace("sc", "s")
    return _DOUBLES.sub(r"\1", reduced)
