"""Official romanisations of Ukrainian and Russian names.

Ukrainian: the national system of Cabinet of Ministers resolution 55 of 2010 (KMU 55, used in
Ukrainian passports) and BGN/PCGN. Russian: ICAO Doc 9303 (Russian passports since 2013) and
BGN/PCGN. translitua implements all but Russian BGN/PCGN, which is small enough to write here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from translitua import RussianICAO, UkrainianBGN, UkrainianKMU, translit

System = Literal["uk-kmu55", "uk-bgn", "ru-icao", "ru-bgn"]
SYSTEMS: tuple[System, ...] = ("uk-kmu55", "uk-bgn", "ru-icao", "ru-bgn")

_TRANSLITUA = {"uk-kmu55": UkrainianKMU, "uk-bgn": UkrainianBGN, "ru-icao": RussianICAO}

_RU_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_RU_BGN_IOTATED = {"е": "ye", "ё": "yë"}
_RU_VOWELS_AND_SIGNS = frozenset("аеёиоуыэюяйъь")


@lru_cache(maxsize=65536)
def transliterate(text: str, system: System) -> str:
    """Romanise Cyrillic `text` with one official system; Latin characters pass unchanged."""
    if system == "ru-bgn":
        return _russian_bgn(text)
    return translit(text, _TRANSLITUA[system])


def _russian_bgn(text: str) -> str:
    """BGN/PCGN 1947: е and ё become "ye"/"yë" word-initially and after vowels and signs."""
    out: list[str] = []
    previous = ""
    for char in text:
        lower = char.lower()
        iotated = lower in _RU_BGN_IOTATED and (
            not previous.isalpha() or previous.lower() in _RU_VOWELS_AND_SIGNS
        )
        latin = _RU_BGN_IOTATED[lower] if iotated else _RU_BGN.get(lower, char)
        if char != lower and latin:
            latin = latin[0].upper() + latin[1:]
            if len(latin) > 1 and text.isupper():
                latin = latin.upper()
        out.append(latin)
        previous = char
    return "".join(out)


def to_latin(text: str, language: str) -> str:
    """The passport spelling: KMU 55 for Ukrainian, ICAO 9303 for Russian or undecided text."""
    if language not in ("uk", "ru", "cyrillic"):
        return text
    system: System = "uk-kmu55" if language == "uk" else "ru-icao"
    return " ".join(transliterate(word, system) for word in text.split(" "))
