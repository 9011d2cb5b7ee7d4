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
    return Normaliser().record(record_id, row, values, raw)


class Normaliser:
    """Builds Records, reading each distinct cell value once.

    A list of 100,000 people holds far fewer distinct given names, patronymics, surnames and
    date strings than rows; every value is cleaned, folded and parsed once per list and then
    looked up. One Normaliser serves one read (the memos die with it, so a long-running process
    does not accumulate names).
    """

    def __init__(self) -> None:
        self._names: dict[tuple[str, str], tuple[str, str]] = {}
        self._dates: dict[str, tuple[DateValue | None, str]] = {}
        self._full: dict[str, tuple[str, str, str]] = {}
        self._latin: dict[tuple[str, Language], str] = {}

    def record(
        self,
        record_id: str,
        row: int,
        values: Mapping[str, object],
        raw: Mapping[str, str] | None = None,
    ) -> Record:
        """One Record from the cells of one row (see make_record)."""
        problems: list[str] = []
        get = values.get
        surname = self._name(get("surname"), "surname", problems)
        given = self._name(get("given_name"), "given_name", problems)
        patronymic = self._name(get("patronymic"), "patronymic", problems)
        full = self._name(get("full_name"), "full_name", problems)
        if full and not (surname or given):
            surname, given, patronymic = self._split(full)
        birth_date = self._date(get("birth_date"), problems)
        parts = [part for part in (surname, given, patronymic) if part]
        language = detect_language(" ".join(parts))
        return Record(
            id=record_id,
            row=row,
            raw=dict(raw or {}),
            surname=surname,
            given_name=given,
            patronymic=patronymic,
            birth_date=birth_date,
            document=_number(get("document")),
            military_number=_number(get("military_number")),
            language=language,
            latin=" ".join(self._latin_of(part, language) for part in parts),
            problems=tuple(problems),
        )

    def _name(self, value: object, field_name: str, problems: list[str]) -> str:
        if value is None or value == "":
            return ""
        key = (value if isinstance(value, str) else _text(value), field_name)
        found = self._names.get(key)
        if found is None:
            problem: list[str] = []
            found = self._names[key] = (_clean_name(key[0], field_name, problem), "".join(problem))
        if found[1]:
            problems.append(found[1])
        return found[0]

    def _split(self, full: str) -> tuple[str, str, str]:
        found = self._full.get(full)
        if found is None:
            found = self._full[full] = split_full_name(full)
        return found

    def _date(self, value: object, problems: list[str]) -> DateValue | None:
        if not isinstance(value, str):
            return _birth_date(value, problems)
        found = self._dates.get(value)
        if found is None:
            problem: list[str] = []
            found = self._dates[value] = (_birth_date(value, problem), "".join(problem))
        if found[1]:
            problems.append(found[1])
        return found[0]

    def _latin_of(self, part: str, language: Language) -> str:
        key = (part, language)
        found = self._latin.get(key)
        if found is None:
            found = self._latin[key] = to_latin(part, language)
        return found


def _number(value: object) -> str:
    if value is None or value == "":
        return ""
    return fold_document_number(_text(value))


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
