"""Generated paired exchange lists with ground truth, for benchmarks, tests and demos.

Each person has a Ukrainian and a Russian spelling of their name (surnames from Faker's uk_UA and
ru_RU lists, converted between the languages the way clerks do; given names and patronymics from
the equivalents table). Each side writes its own list in its own script, with its own errors:
typos, day and month swapped, missing fields, look-alike letters in document numbers, duplicated
rows, and relatives sharing surname, patronymic and birth date. A third, Latin list is the
mediator's, romanised by KMU 55, by legacy systems or from the Russian spelling.

Faker is a development dependency, imported only when a list is generated.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from translitua import (
    RussianICAO,
    RussianInternationalPassport1997,
    UkrainianKMU,
    UkrainianNational1996,
    UkrainianPassport2004Alt,
    translit,
)

from accord.domain.exchange._names import NamePair, name_pairs, patronymics
from accord.domain.exchange._spelling import feminine, ru_to_uk, uk_to_ru
from accord.domain.exchange._synthetic_errors import (
    date_text,
    document_variant,
    mix_scripts,
    swap_day_month,
    typo,
)

HEADERS = {
    "uk": ("№", "Прізвище", "Ім'я", "По батькові", "Дата народження", "Паспорт", "Жетон"),
    "ru": ("ID", "Фамилия", "Имя", "Отчество", "Дата рождения", "Паспорт", "Личный номер"),
    "latin": ("ID", "Surname", "Given name", "Patronymic", "Date of birth", "Passport",
              "Service number"),
}  # fmt: skip


@dataclass(frozen=True)
class Person:
    """One detainee as the truth knows them, in both Cyrillic spellings."""

    pid: int
    uk: tuple[str, str, str]
    ru: tuple[str, str, str]
    born: date
    document: str
    military: str


@dataclass
class PairedLists:
    """Three lists of rows (dicts by header) and who is who."""

    left: list[dict[str, str]]
    right: list[dict[str, str]]
    latin: list[dict[str, str]]
    person_of: dict[tuple[str, str], int] = field(default_factory=dict)

    def truth(self, side: str) -> set[int]:
        """Persons present on both the Ukrainian list and `side` ("right" or "latin")."""
        left = {self.person_of[("left", row["№"])] for row in self.left}
        return left & {self.person_of[(side, row["ID"])] for row in getattr(self, side)}


def generate(
    n: int, *, seed: int = 0, overlap: float = 0.9, error_rate: float = 1.0
) -> PairedLists:
    """About `n` persons per list; `overlap` of them on both; `error_rate` scales every error."""
    rng = random.Random(seed)
    people = _people(int(n / overlap) + 1, rng)
    lists = PairedLists([], [], [])
    for side, language in (("left", "uk"), ("right", "ru"), ("latin", "latin")):
        chosen = rng.sample(people, min(n, len(people)))
        rows = getattr(lists, side)
        for person in chosen:
            copies = 2 if rng.random() < 0.01 * error_rate else 1
            for _ in range(copies):
                row_id = f"{side[0].upper()}{len(rows) + 1:06d}"
                rows.append(_row(person, language, row_id, rng, error_rate))
                lists.person_of[(side, row_id)] = person.pid
        rng.shuffle(rows)
    return lists


def _people(count: int, rng: random.Random) -> list[Person]:
    from faker import Faker  # development dependency: imported only to generate

    fakers = {"uk": Faker("uk_UA"), "ru": Faker("ru_RU")}
    fakers["uk"].seed_instance(rng.random())
    fakers["ru"].seed_instance(rng.random())
    pairs = name_pairs()
    male = [p for p in pairs if p.sex == "m"]
    female = [p for p in pairs if p.sex == "f"]
    people: list[Person] = []
    while len(people) < count:
        sibling = people[-1] if people and rng.random() < 0.03 else None
        people.append(_person(len(people), rng, fakers, male, female, sibling))
    return people


def _person(
    pid: int,
    rng: random.Random,
    fakers: dict[str, Any],
    male: list[NamePair],
    female: list[NamePair],
    sibling: Person | None,
) -> Person:
    is_female = rng.random() < 0.1
    given = _weighted(female if is_female else male, rng)
    if sibling is not None:
        uk_surname, ru_surname = sibling.uk[0], sibling.ru[0]
        father_uk, father_ru = sibling.uk[2], sibling.ru[2]
        born = sibling.born if rng.random() < 0.5 else sibling.born + timedelta(days=700)
    else:
        uk_surname, ru_surname = _surnames(rng, fakers)
        father = _weighted(male, rng)
        father_uk, father_ru = patronymics(father.uk, "uk")[0], patronymics(father.ru, "ru")[0]
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(16000))
    if is_female:
        uk_surname, ru_surname = feminine(uk_surname, "uk"), feminine(ru_surname, "ru")
        father_uk = father_uk[: -len("ович")] + "івна" if father_uk.endswith("ович") else father_uk
        father_ru = father_ru[:-2] + "на" if father_ru.endswith("ич") else father_ru
    document = rng.choice("АВЕКМНСТ") + rng.choice("АВЕКМНОРСТ") + f"{rng.randrange(10**6):06d}"
    military = f"{rng.choice('АБВГ')}{rng.randrange(10**6):06d}"
    return Person(pid, (uk_surname, given.uk, father_uk), (ru_surname, given.ru, father_ru), born,
                  document, military)  # fmt: skip


def _surnames(rng: random.Random, fakers: dict[str, Any]) -> tuple[str, str]:
    if rng.random() < 0.6:
        uk = fakers["uk"].last_name_male()
        return uk, uk_to_ru(uk, rng)
    ru = fakers["ru"].last_name_male()
    return ru_to_uk(ru), ru


def _weighted(options: list[NamePair], rng: random.Random) -> NamePair:
    weights = [1 / (rank + 8) for rank in range(len(options))]
    return rng.choices(options, weights)[0]


def _row(
    person: Person, language: str, row_id: str, rng: random.Random, rate: float
) -> dict[str, str]:
    surname, given, patronymic = person.ru if language == "ru" else person.uk
    if language == "latin":
        surname, given, patronymic = _romanise(person, rng)

    def chance(probability: float) -> bool:
        return rng.random() < probability * rate

    if chance(0.04):
        surname = typo(surname, rng)
    if chance(0.02):
        given = typo(given, rng)
    if chance(0.02):
        patronymic = typo(patronymic, rng)
    if chance(0.01) and language != "latin":
        surname = mix_scripts(surname, rng)
    if chance(0.1 if language != "latin" else 0.6):
        patronymic = ""
    born: date | None = person.born
    text = date_text(person.born, rng)
    if chance(0.03):
        text = swap_day_month(person.born, rng) or text
    if chance(0.01):
        text = date_text(person.born + timedelta(days=rng.choice((1, -1, 10, 31))), rng)
    if chance(0.02):
        born, text = None, ""
    document = document_variant(person.document, rng) if rng.random() < 0.5 else ""
    military = person.military if rng.random() < 0.3 else ""
    cells = (row_id, surname, given, patronymic, text if born or text else "", document, military)
    return dict(zip(HEADERS[language], cells, strict=True))


def _romanise(person: Person, rng: random.Random) -> tuple[str, str, str]:
    roll = rng.random()
    if roll < 0.6:
        table, parts = UkrainianKMU, person.uk
    elif roll < 0.8:
        table, parts = rng.choice((UkrainianNational1996, UkrainianPassport2004Alt)), person.uk
    else:
        table, parts = rng.choice((RussianICAO, RussianInternationalPassport1997)), person.ru
    surname, given, patronymic = (translit(part, table) for part in parts)
    return surname, given, patronymic
