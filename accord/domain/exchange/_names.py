"""Ukrainian <-> Russian given-name equivalents and the patronymics built from them.

Олексій and Алексей (and Oleksii, Aleksei, Alexey...) are one name. The table in
data/given_names.csv pairs a few hundred common names; names sharing a Ukrainian or a Russian
form fall into one equivalence class (Панас and Афанасій are both Афанасий). A name is reduced to
the class's canonical string, so equal classes compare equal whatever the spelling; a name outside
the table is matched to the nearest known spelling when it is very close (a typo), else kept as
its own key.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler
from translitua import (
    RussianInternationalPassport1997,
    UkrainianNational1996,
    UkrainianPassport2004Alt,
    translit,
)

from accord.domain.exchange._key import name_key
from accord.domain.exchange._translit import SYSTEMS, transliterate

TABLE = Path(__file__).resolve().parent / "data" / "given_names.csv"
_FUZZY_CUTOFF = 0.93


@dataclass(frozen=True)
class NamePair:
    """One row of the equivalents table."""

    uk: str
    ru: str
    sex: str


@cache
def name_pairs() -> tuple[NamePair, ...]:
    """The equivalents table as shipped."""
    with TABLE.open(encoding="utf-8") as handle:
        return tuple(NamePair(row["uk"], row["ru"], row["sex"]) for row in csv.DictReader(handle))


def _spellings(cyrillic: str) -> set[str]:
    """The keys of a Cyrillic name and of its official and legacy romanisations."""
    latin = {transliterate(cyrillic, system) for system in SYSTEMS}
    legacy = (RussianInternationalPassport1997, UkrainianNational1996, UkrainianPassport2004Alt)
    latin |= {translit(cyrillic, table) for table in legacy}
    return {name_key(form) for form in {cyrillic, *latin}} - {""}


def patronymics(name: str, language: str) -> tuple[str, str]:
    """The male and female patronymic formed from a father's given name, by the grammar rules."""
    if language == "uk":
        if name.endswith("ій"):
            return name + "ович", name[:-1] + "ївна"
        if name.endswith("о"):
            return name[:-1] + "ович", name[:-1] + "івна"
        if name.endswith("ь"):
            return name + "ович", name[:-1] + "івна"
        if name.endswith(("а", "я")):
            return name + "йович", name + "ївна"
        return name + "ович", name + "івна"
    stem = name.replace("ё", "е")
    if stem.endswith("ий"):
        soft = "и" if stem.endswith("рий") and stem[-4] not in "аеиоуыэюя" else "ь"
        return stem[:-2] + soft + "евич", stem[:-2] + soft + "евна"
    if stem.endswith(("ей", "ай", "ь")):
        return stem[:-1] + "евич", stem[:-1] + "евна"
    if stem.endswith(("а", "я")):
        return stem[:-1] + "ич", stem[:-1] + "ична"
    return stem + "ович", stem + "овна"


@dataclass(frozen=True)
class NameIndex:
    """Key -> canonical string, for given names and for patronymics."""

    given: dict[str, str]
    patronymic: dict[str, str]
    given_keys: tuple[str, ...]
    patronymic_keys: tuple[str, ...]


def _union_classes(pairs: tuple[NamePair, ...]) -> list[list[NamePair]]:
    """Group rows that share a Ukrainian or a Russian form."""
    parent = list(range(len(pairs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_seen: dict[str, int] = {}
    for i, pair in enumerate(pairs):
        for form in (f"uk:{pair.uk}", f"ru:{pair.ru}"):
            j = first_seen.setdefault(form, i)
            parent[find(i)] = find(j)
    groups: dict[int, list[NamePair]] = {}
    for i, pair in enumerate(pairs):
        groups.setdefault(find(i), []).append(pair)
    return list(groups.values())


@cache
def name_index() -> NameIndex:
    """Build the lookup once per process."""
    given: dict[str, str] = {}
    patronymic: dict[str, str] = {}
    for group in _union_classes(name_pairs()):
        canonical = name_key(group[0].uk)
        for pair in group:
            for key in _spellings(pair.uk) | _spellings(pair.ru):
                given.setdefault(key, canonical)
            if pair.sex != "m":
                continue
            for form, language in ((pair.uk, "uk"), (pair.ru, "ru")):
                for patronymic_form in patronymics(form, language):
                    for key in _spellings(patronymic_form):
                        patronymic.setdefault(key, canonical)
    return NameIndex(given, patronymic, tuple(given), tuple(patronymic))


@lru_cache(maxsize=131072)
def given_canonical(name: str) -> str:
    """The canonical string of a given name's equivalence class ("" when empty)."""
    index = name_index()
    return _canonical(name_key(name), index.given, index.given_keys)


@lru_cache(maxsize=131072)
def patronymic_canonical(name: str) -> str:
    """The canonical string of the father's name a patronymic is formed from."""
    index = name_index()
    return _canonical(name_key(name), index.patronymic, index.patronymic_keys)


def _canonical(key: str, table: dict[str, str], keys: tuple[str, ...]) -> str:
    if not key or key in table:
        return table.get(key, "")
    best = process.extractOne(
        key, keys, scorer=JaroWinkler.normalized_similarity, score_cutoff=_FUZZY_CUTOFF
    )
    return table[best[0]] if best else key
