"""The errors clerks make, applied to generated lists."""

from __future__ import annotations

import random
from datetime import date

_LOOKALIKE = dict(zip("АВЕКМНОРСТоаеіср", "ABEKMHOPCToaeicp", strict=True))
_FORMATS = (
    "{d:02d}.{m:02d}.{y}", "{d:02d}.{m:02d}.{y}", "{d:02d}.{m:02d}.{y}", "{y}-{m:02d}-{d:02d}",
    "{d}/{m}/{y}", "{d:02d}.{m:02d}.{y2:02d}",
)  # fmt: skip


def typo(word: str, rng: random.Random) -> str:
    """One slip: a letter dropped, doubled, swapped with its neighbour or changed."""
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    letters = "аеиоунрстлк" if "\u0400" <= word[i] <= "\u04ff" else "aeiounrstlk"
    return word[:i] + rng.choice(letters) + word[i + 1 :]


def mix_scripts(word: str, rng: random.Random) -> str:
    """Replace one Cyrillic letter with its Latin look-alike, as a mixed keyboard does."""
    positions = [i for i, c in enumerate(word) if c in _LOOKALIKE]
    if not positions:
        return word
    i = rng.choice(positions)
    return word[:i] + _LOOKALIKE[word[i]] + word[i + 1 :]


def document_variant(document: str, rng: random.Random) -> str:
    """The same document number typed with Latin look-alikes or with a space."""
    if rng.random() < 0.3:
        document = "".join(_LOOKALIKE.get(c, c) for c in document)
    if rng.random() < 0.2:
        document = document[:2] + " " + document[2:]
    return document


def date_text(day: date, rng: random.Random) -> str:
    """A date written in one of the formats met in lists."""
    form = rng.choice(_FORMATS)
    return form.format(d=day.day, m=day.month, y=day.year, y2=day.year % 100)


def swap_day_month(day: date, rng: random.Random) -> str | None:
    """The date with day and month exchanged, when that is still a date."""
    if day.day > 12:
        return None
    return f"{day.month:02d}.{day.day:02d}.{day.year}"
