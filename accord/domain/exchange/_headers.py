"""Which column holds which field, from English, Ukrainian and Russian headers."""

from __future__ import annotations

import re

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": (
        "full name", "fullname", "name surname", "піб", "п і б", "прізвище ім я по батькові",
        "прізвище імя по батькові", "фио", "ф и о", "фамилия имя отчество", "person",
    ),
    "surname": ("surname", "last name", "family name", "lastname", "прізвище", "фамилия"),
    "given_name": (
        "given name", "first name", "firstname", "forename", "ім я", "імя", "имя", "name",
    ),
    "patronymic": (
        "patronymic", "middle name", "father s name", "по батькові", "по батькови", "отчество",
    ),
    "birth_date": (
        "date of birth", "birth date", "birthdate", "dob", "born", "дата народження",
        "дата рождения", "д н", "дн", "народився", "родился",
    ),
    "document": (
        "passport", "document", "document number", "passport number", "id document", "паспорт",
        "документ", "номер документа", "серія та номер паспорта", "серия и номер паспорта",
    ),
    "military_number": (
        "military id", "military number", "service number", "token", "military card",
        "військовий квиток", "особовий номер", "жетон", "военный билет", "личный номер",
    ),
}  # fmt: skip
_WORDS = re.compile(r"[^\w]+")


def normalise_header(header: object) -> str:
    """Lower case, ё as е, punctuation as single spaces."""
    text = str(header or "").lower().replace("ё", "е").replace("_", " ")
    return " ".join(_WORDS.sub(" ", text).split())


def field_of(header: object) -> str | None:
    """The field a header names, exactly or by containing a known phrase; None when unknown."""
    text = normalise_header(header)
    if not text:
        return None
    for field_name, synonyms in _SYNONYMS.items():
        if text in synonyms:
            return field_name
    for field_name, synonyms in _SYNONYMS.items():
        if any(len(s) > 3 and s in text for s in synonyms):
            return field_name
    return None


def map_columns(headers: list[str]) -> dict[str, int]:
    """Field -> column index, the first column naming each field winning.

    A lone "name" column next to no surname column holds the full name.
    """
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field_name = field_of(header)
        if field_name and field_name not in mapping:
            mapping[field_name] = index
    if "given_name" in mapping and "surname" not in mapping and "full_name" not in mapping:
        mapping["full_name"] = mapping.pop("given_name")
    return mapping


def header_score(cells: list[object]) -> int:
    """How many cells of a row read as known headers (to find the header row)."""
    return sum(field_of(cell) is not None for cell in cells if isinstance(cell, str))
