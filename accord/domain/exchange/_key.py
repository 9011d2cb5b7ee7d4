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

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "e", "ё": "e",
    "ж": "z", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "g",
    "ц": "c", "ч": "c", "ш": "s", "щ": "s", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
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
_DOUBLES = re.compile(r"(.)\1+")
_RUNS = re.compile(r"[\u0400-\u04ff]+|[^\u0400-\u04ff]+")


def _reduce_run(run: str) -> str:
    """Spell a run of one script into the key alphabet."""
    if "\u0400" <= run[0] <= "\u04ff":
        return "".join(_CYRILLIC.get(c, "") for c in run)
    stripped = unicodedata.normalize("NFKD", run)
    letters = "".join(c for c in stripped if c.isascii() and c.isalpha())
    return _LATIN_PATTERN.sub(lambda m: _LATIN_MAP[m.group(0)], letters)


@lru_cache(maxsize=262144)
def name_key(text: str) -> str:
    """The matching key of one name (surname, given name or patronymic); "" for no letters."""
    lowered = unicodedata.normalize("NFC", text.lower())
    runs = _RUNS.findall(lowered)
    reduced = _DOUBLES.sub(r"\1", "".join(_reduce_run(run) for run in runs))
    reduced = reduced.replace("ie", "e").replace("io", "e")
    return _DOUBLES.sub(r"\1", reduced)
