"""How a Ukrainian surname is spelt in Russian documents and back, for generated lists."""

from __future__ import annotations

import random

_HARD = frozenset("кгхжшчщц")
_VOWELS = frozenset("аеєиіїоуюяыэё")


def uk_to_ru(surname: str, rng: random.Random) -> str:
    """Ukrainian spelling -> one plausible Russian spelling (Лисенко -> Лысенко or Лисенко)."""
    word = surname.lower()
    for suffix, replacement in (("ський", "ский"), ("цький", "цкий"), ("зький", "зкий")):
        if word.endswith(suffix):
            word = word[: -len(suffix)] + replacement
    hard_y = rng.random() < 0.6
    out: list[str] = []
    for i, char in enumerate(word):
        previous = word[i - 1] if i else ""
        if char == "и" and hard_y and previous not in _HARD and not word.endswith("ий", i):
            out.append("ы")
        elif char in "іï" or char == "ї":
            out.append("и")
        elif char == "є":
            out.append("е")
        elif char == "ґ":
            out.append("г")
        elif char in "'’":
            out.append("ь")
        else:
            out.append(char)
    return _case("".join(out))


def ru_to_uk(surname: str) -> str:
    """Russian spelling -> the Ukrainian one (Федоров -> Федоров, Ширяев -> Ширяєв)."""
    word = surname.lower().replace("ьё", "йо").replace("ьи", "ї")
    adjective = word.endswith(("ский", "цкий", "ская", "цкая"))
    for suffix, replacement in (("ский", "ськ"), ("цкий", "цьк"), ("ская", "ськ"), ("цкая", "цьк")):
        if word.endswith(suffix):
            word = word[: -len(suffix)] + replacement
    out: list[str] = []
    for i, char in enumerate(word):
        previous = word[i - 1] if i else ""
        if char == "и":
            soft = previous and previous not in _VOWELS and previous not in "жшчщц"
            out.append("і" if soft else "и")
        elif char == "ы":
            out.append("и")
        elif char == "э":
            out.append("е")
        elif char == "е" and previous in _VOWELS:
            out.append("є")
        elif char == "ё":
            out.append("йо" if not previous or previous in _VOWELS else "ьо")
        elif char == "ъ":
            out.append("'")
        else:
            out.append(char)
    result = "".join(out)
    if result.endswith("ій"):
        result = result[:-2] + "ий"
    if adjective:
        result += "а" if surname.lower().endswith("ая") else "ий"
    return _case(result)


def feminine(surname: str, language: str) -> str:
    """The feminine form of a masculine surname (Зеленський -> Зеленська, Иванов -> Иванова)."""
    endings = {
        "uk": (("ський", "ська"), ("цький", "цька"), ("ов", "ова"), ("ев", "ева"), ("єв", "єва"),
               ("ін", "іна"), ("ин", "ина")),
        "ru": (("ский", "ская"), ("цкий", "цкая"), ("ов", "ова"), ("ев", "ева"), ("ин", "ина"),
               ("ый", "ая"), ("ой", "ая")),
    }  # fmt: skip
    for masculine, female in endings[language]:
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + female
    return surname


def _case(word: str) -> str:
    return word[:1].upper() + word[1:]
