"""A Record: one person of a list, raw cells untouched beside the normalised fields."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from accord.domain.exchange._dates import DateParseError, DateValue, parse_date
from accord.domain.exchange._key import name_key
from accord.domain.exchange._names import name_index
from accord.domain.exchange._script import (
    Language,
    detect_language,
    fold_document_number,
    fold_mixed_text,
)
from accord.domain.exchange._translit import to_latin

FIELDS = (
    "surname", "given_name", "patronymic", "full_name", "birth_date", "document",
    "military_number",
)  # fmt: skip
_PATRONYMIC_ENDINGS = ("vic", "vna", "icna", "ic")


@dataclass(frozen=True)
class Record:
    """One person as submitted (`raw`, by column header) and as Accord reads them.

    `row` is the source row number as a spreadsheet shows it; `problems` lists what could not be
    read cleanly (an unreadable date, a folded mixed-script word) so a reviewer can see it.
    """

    id: str
    row: int
    raw: Mapping[str, str] = field(default_factory=dict, compare=False)
    surname: str = ""
    given_name: str = ""
    patronymic: str = ""
    birth_date: DateValue | None = None
    document: str = ""
    military_number: str = ""
    language: Language = ""
    latin: str = ""
    problems: tuple[str, ...] = ()


def make_record(
    record_id: str, row: int, values: Mapping[str, object], raw: Mapping[str, str] | None = None
) -> Record:
    """Normalise the cells of one person; `values` maps field names of FIELDS to cell values."""
    problems: list[str] = []
    names = {key: _clean_name(values.get(key), key, problems) for key in FIELDS[:4]}
    surname, given, patronymic = names["surname"], names["given_name"], names["patronymic"]
    if names["full_name"] and not (surname or given):
        surname, given, patronymic = split_full_name(names["full_name"])
    birth_date = _birth_date(values.get("birth_date"), problems)
    full = " ".join(part for part in (surname, given, patronymic) if part)
    language = detect_language(full)
    return Record(
        id=record_id,
        row=row,
        raw=dict(raw or {}),
        surname=surname,
        given_name=given,
        patronymic=patronymic,
        birth_date=birth_date,
        document=fold_document_number(_text(values.get("document"))),
        military_number=fold_document_number(_text(values.get("military_number"))),
        language=language,
        latin=to_latin(full, language),
        problems=tuple(problems),
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _clean_name(value: object, field_name: str, problems: list[str]) -> str:
    text = _text(value)
    folded, changed = fold_mixed_text(text)
    if changed:
        problems.append(
            f"{field_name}: mixed Cyrillic/Latin letters in {text!r} read as {folded!r}"
        )
    return folded


def _birth_date(value: object, problems: list[str]) -> DateValue | None:
    try:
        return parse_date(value)
    except DateParseError as error:
        problems.append(f"birth_date: {error}")
        return None


def split_full_name(text: str) -> tuple[str, str, str]:
    """Surname, given name and patronymic from one "full name" cell, in either order."""
    tokens = text.split()
    if len(tokens) <= 1:
        return text, "", ""
    if len(tokens) == 2:
        first_is_given = _is_given(tokens[0]) and not _is_given(tokens[1])
        return (tokens[1], tokens[0], "") if first_is_given else (tokens[0], tokens[1], "")
    if _is_patronymic(tokens[1]) and not _is_patronymic(tokens[-1]):
        return " ".join(tokens[2:]), tokens[0], tokens[1]
    return tokens[0], tokens[1], " ".join(tokens[2:])


def _is_given(token: str) -> bool:
    return name_key(token) in name_index().given


def _is_patronymic(token: str) -> bool:
    key = name_key(token)
    return key in name_index().patronymic or key.endswith(_PATRONYMIC_ENDINGS)
