"""Transliteration, language detection, name keys, name equivalents and look-alike folding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from translitua import UkrainianKMU, translit

from accord.domain.exchange import (
    detect_language,
    detect_script,
    fold_document_number,
    fold_mixed_text,
    given_canonical,
    name_key,
    patronymic_canonical,
    split_full_name,
    to_latin,
    transliterate,
)


@pytest.mark.parametrize(
    ("text", "system", "expected"),
    [
        ("Зеленський Олексій", "uk-kmu55", "Zelenskyi Oleksii"),
        ("Згурський Юрій", "uk-kmu55", "Zghurskyi Yurii"),
        ("Щербак Євген", "uk-kmu55", "Shcherbak Yevhen"),
        ("Алексей Юрьевич", "ru-icao", "Aleksei Iurevich"),
        ("Щукин Пётр", "ru-icao", "Shchukin Petr"),
        ("Андреев Ёлкин", "ru-bgn", "Andreyev Yëlkin"),
        ("Подъячев", "ru-bgn", "Podʺyachev"),
        ("Зеленський", "uk-bgn", "Zelens'kyy"),
    ],
)
def test_official_systems(text: str, system: str, expected: str) -> None:
    assert transliterate(text, system) == expected  # type: ignore[arg-type]


def test_to_latin_picks_the_passport_system_of_the_language() -> None:
    assert to_latin("Олексій", "uk") == "Oleksii"
    assert to_latin("Алексей", "ru") == "Aleksei"
    assert to_latin("Oleksii", "latin") == "Oleksii"


@pytest.mark.parametrize(
    ("text", "language"),
    [("Олексій", "uk"), ("В'ячеслав", "uk"), ("Ґудзь", "uk"), ("Артём", "ru"), ("Лысенко", "ru"),
     ("Иван Петров", "cyrillic"), ("Ivan", "latin"), ("", "")],
)  # fmt: skip
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_detect_script_sees_mixed_words() -> None:
    assert detect_script("Шевченкo") == "mixed"
    assert detect_script("Шевченко") == "cyrillic"
    assert detect_script("Shevchenko") == "latin"


@pytest.mark.parametrize(
    "group",
    [
        ("Зеленський", "Зеленский", "Zelenskyi", "Zelensky", "Zelenskiy", "Zelenskij", "Zelenskii"),
        ("Хмельницький", "Хмельницкий", "Khmelnytskyi", "Khmelnitsky", "Hmelnitskiy"),
        ("Щербак", "Shcherbak", "Scherbak", "Ščerbak"),
        ("Яковенко", "Yakovenko", "Iakovenko", "Jakovenko"),
        ("Андреев", "Andreev", "Andreyev"),
        ("Єременко", "Еременко", "Yeremenko", "Eremenko"),
        ("Шевченко", "Shevchenko", "Ševčenko", "Schewtschenko"),
    ],
)
def test_name_key_joins_every_spelling(group: tuple[str, ...]) -> None:
    assert len({name_key(spelling) for spelling in group}) == 1


@pytest.mark.parametrize(
    ("a", "b"), [("Шевченко", "Шевчук"), ("Іванов", "Іваненко"), ("Коваль", "Ковальов")]
)
def test_name_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


_UKRAINIAN_LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'"


@given(st.text(alphabet=_UKRAINIAN_LETTERS, min_size=1, max_size=12))
def test_key_of_a_ukrainian_word_equals_key_of_its_kmu_spelling(word: str) -> None:
    assert name_key(word) == name_key(translit(word, UkrainianKMU))


@pytest.mark.parametrize(
    "group",
    [
        ("Олексій", "Алексей", "Oleksii", "Aleksei", "Alexey", "Oleksiy"),
        ("Сергій", "Сергей", "Serhii", "Sergei", "Sergey", "Serhiy"),
        ("Олександр", "Александр", "Oleksandr", "Aleksandr", "Alexander"),
        ("Юрій", "Юрий", "Yurii", "Iurii", "Yuriy"),
        ("Петро", "Пётр", "Petro", "Petr", "Pyotr"),
        ("Наталія", "Наталья", "Nataliia", "Natalya"),
        ("Ганна", "Анна", "Hanna", "Anna"),
    ],
)
def test_given_name_equivalents(group: tuple[str, ...]) -> None:
    assert len({given_canonical(name) for name in group}) == 1


def test_given_names_of_different_people_differ() -> None:
    assert given_canonical("Іван") != given_canonical("Петро")
    assert given_canonical("Олена") != given_canonical("Ольга")


def test_a_typo_in_a_known_given_name_still_finds_its_class() -> None:
    assert given_canonical("Олексй") == given_canonical("Алексей")


@pytest.mark.parametrize(
    "group",
    [
        ("Сергійович", "Сергеевич", "Serhiiovych", "Sergeevich"),
        ("Миколаївна", "Николаевна", "Mykolaivna"),
        ("Юрійович", "Юрьевич", "Iurevich"),
        ("Петрович", "Петрівна", "Petrovych"),
    ],
)
def test_patronymics_reduce_to_the_fathers_name(group: tuple[str, ...]) -> None:
    assert len({patronymic_canonical(name) for name in group}) == 1


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("АВ 123456", "AB123456"), ("ab-123456", "AB123456"), ("№ КМ 000123", "KM000123"),
     ("ІО12", "IO12"), ("  ", "")],
)  # fmt: skip
def test_document_numbers_fold_lookalikes(raw: str, folded: str) -> None:
    assert fold_document_number(raw) == folded


def test_cyrillic_and_latin_document_numbers_compare_equal() -> None:
    assert fold_document_number("СТ 654321") == fold_document_number("CT654321")


def test_mixed_word_is_folded_to_its_majority_script() -> None:
    assert fold_mixed_text("Шевченкo Іван") == ("Шевченко Іван", True)
    assert fold_mixed_text("Shevchenkо") == ("Shevchenko", True)
    assert fold_mixed_text("Шевченко Ivan") == ("Шевченко Ivan", False)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Зеленський Олексій Петрович", ("Зеленський", "Олексій", "Петрович")),
        ("Oleksii Petrovych Zelenskyi", ("Zelenskyi", "Oleksii", "Petrovych")),
        ("Oleksii Zelenskyi", ("Zelenskyi", "Oleksii", "")),
        ("Зеленский Алексей", ("Зеленский", "Алексей", "")),
    ],
)
def test_split_full_name(text: str, parts: tuple[str, str, str]) -> None:
    assert split_full_name(text) == parts
