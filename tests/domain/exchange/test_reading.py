"""Reading CSV and XLSX lists: encodings, headers, bad cells, and every row accounted for."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from accord.domain.exchange import ExchangeInputError, read_list, read_list_bytes, read_rows

UK_CSV = (
    "№,Прізвище,Ім'я,По батькові,Дата народження,Паспорт\n"
    "1,Зеленський,Олексій,Петрович,03.04.1990,АВ 123456\n"
    "2,Шевченко,Іван,Миколайович,1985-12-12,\n"
)


def test_utf8_csv_maps_ukrainian_headers() -> None:
    read = read_list_bytes(UK_CSV.encode(), "ua.csv")
    assert read.columns == {
        "surname": "Прізвище", "given_name": "Ім'я", "patronymic": "По батькові",
        "birth_date": "Дата народження", "document": "Паспорт",
    }  # fmt: skip
    first = read.records[0]
    assert (first.id, first.row, first.surname, first.language) == ("1", 2, "Зеленський", "uk")
    assert first.document == "AB123456"
    assert first.raw["Паспорт"] == "АВ 123456"
    assert first.latin == "Zelenskyi Oleksii Petrovych"
    assert read.accounted()


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u", "utf-8-sig", "utf-16"])
def test_encodings_are_detected(encoding: str) -> None:
    read = read_list_bytes(UK_CSV.replace("№", "N").encode(encoding), "ua.csv")
    assert [r.surname for r in read.records] == ["Зеленський", "Шевченко"]
    assert read.records[0].given_name == "Олексій"


def test_cp1251_is_reported() -> None:
    read = read_list_bytes(UK_CSV.encode("cp1251"), "ua.csv")
    assert any("cp1251" in str(w) for w in read.warnings)


def test_russian_headers_semicolons_and_a_title_row() -> None:
    text = (
        "Список на обмен\n"
        "ID;Фамилия;Имя;Отчество;Дата рождения\n"
        "R1;Зеленский;Алексей;Петрович;04.03.1990\n"
    )
    read = read_list_bytes(text.encode(), "ru.csv")
    assert read.header_row == 2
    assert read.records[0].given_name == "Алексей"
    assert read.warnings[0].row == 1
    assert read.accounted()


def test_english_full_name_column_is_split() -> None:
    text = "ID,Full name,DOB\nM1,Oleksii Petrovych Zelenskyi,1990-04-03\n"
    record = read_list_bytes(text.encode(), "m.csv").records[0]
    assert (record.surname, record.given_name, record.patronymic) == (
        "Zelenskyi", "Oleksii", "Petrovych",
    )  # fmt: skip


def test_empty_and_duplicated_header_cells_are_named_and_reported() -> None:
    text = "ID,Прізвище,,Прізвище,Ім'я\n1,Зеленський,x,Другий,Олексій\n"
    read = read_list_bytes(text.encode(), "ua.csv")
    assert read.headers == ["ID", "Прізвище", "column 3", "Прізвище (2)", "Ім'я"]
    assert read.records[0].surname == "Зеленський"
    assert read.records[0].raw["Прізвище (2)"] == "Другий"
    messages = [str(w) for w in read.warnings]
    assert any("empty header" in m and "row 1" in m for m in messages)
    assert any("duplicated header" in m for m in messages)


def test_every_row_is_accounted_for_even_empty_and_bad_ones() -> None:
    text = (
        "ID,Прізвище,Ім'я,Дата народження\n"
        "1,Зеленський,Олексій,31.02.1990\n"
        ",,,\n"
        "3,Шевченкo,Іван,12.12.1985\n"
        ",Коваль,Петро,1990\n"
    )
    read = read_list_bytes(text.encode(), "ua.csv")
    assert [r.row for r in read.records] == [2, 4, 5]
    assert read.empty_rows == [3]
    assert read.accounted()
    by_row = {w.row: str(w) for w in read.warnings}
    assert "not a valid date" in by_row[2] and "Дата народження" in by_row[2]
    assert "empty row" in by_row[3]
    assert "mixed Cyrillic/Latin" in by_row[4]
    assert "no id" in by_row[5]
    assert read.records[0].birth_date is None and read.records[0].problems
    assert read.records[1].surname == "Шевченко"
    assert read.records[2].id == "row 5"


def test_a_date_column_in_three_formats() -> None:
    text = (
        "ID,Surname,Given name,Date of birth\n"
        "1,A,Ivan,13.04.1990\n2,B,Ivan,1990-04-13\n3,C,Ivan,13/04/90\n"
    )
    dates = [r.birth_date for r in read_list_bytes(text.encode(), "x.csv").records]
    assert {d.readings for d in dates if d} == {(date(1990, 4, 13),)}


def test_duplicate_ids_are_reported() -> None:
    text = "ID,Surname,Given name\n1,Shevchenko,Ivan\n1,Shevchenko,Petro\n"
    read = read_list_bytes(text.encode(), "x.csv")
    assert sum("used by 2 rows" in str(w) for w in read.warnings) == 2


def test_no_name_column_is_an_error_naming_the_file() -> None:
    with pytest.raises(ExchangeInputError, match=r"x\.csv: no name column"):
        read_list_bytes(b"a,b\n1,2\n", "x.csv")


def test_unknown_id_column_is_an_error() -> None:
    with pytest.raises(ExchangeInputError, match="id column 'Nope' not found"):
        read_list_bytes(UK_CSV.encode(), "ua.csv", id_column="Nope")


def test_named_id_column() -> None:
    read = read_list_bytes(UK_CSV.encode(), "ua.csv", id_column="Паспорт")
    assert read.records[0].id == "АВ 123456"


def test_too_large_a_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(UK_CSV.encode() * 50)
    with pytest.raises(ExchangeInputError, match=r"big\.csv: .* over the limit of 1,000 bytes"):
        read_list(path, max_bytes=1000)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExchangeInputError, match="no such file"):
        read_list(tmp_path / "none.csv")


def test_empty_file() -> None:
    with pytest.raises(ExchangeInputError, match="no rows"):
        read_list_bytes(b"", "empty.csv")


def _workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["№", "Прізвище", "Ім'я", "Дата народження", "Вік"])
    sheet.append([1, "Зеленський", "Олексій", datetime(1990, 4, 3), "=2025-1990"])
    sheet.append([2, "Шевченко", "Іван", "12.12.1985", None])
    book.save(path)
    return path


def test_xlsx_values_and_unevaluated_formulas(tmp_path: Path) -> None:
    read = read_list(_workbook(tmp_path / "ua.xlsx"))
    assert [r.surname for r in read.records] == ["Зеленський", "Шевченко"]
    assert read.records[0].birth_date.readings == (date(1990, 4, 3),)  # type: ignore[union-attr]
    assert read.records[0].id == "1"
    formula = [w for w in read.warnings if "formula" in w.message]
    assert formula and formula[0].row == 2 and formula[0].column == "E"
    assert "no cached value" in formula[0].message
    assert read.accounted()


def test_broken_xlsx_is_a_clear_error() -> None:
    with pytest.raises(ExchangeInputError, match=r"ua\.xlsx: not a readable XLSX"):
        read_list_bytes(b"PK\x03\x04broken", "ua.xlsx")


def test_rows_in_memory() -> None:
    read = read_rows([{"ID": "7", "Surname": "Shevchenko", "Given name": "Ivan"}], name="api")
    assert read.records[0].surname == "Shevchenko" and read.records[0].row == 2


def test_a_nul_character_is_refused_naming_the_row_and_column() -> None:
    with pytest.raises(ExchangeInputError, match=r"uk\.csv: row 3, column 2 holds a NUL"):
        read_list_bytes(UK_CSV.replace("Шевченко", "Шевч\x00енко").encode(), "uk.csv")


def test_utf16_without_its_byte_order_mark_is_refused_with_a_hint() -> None:
    plain = "Surname,Given name\nSmith,John\n".encode("utf-16-le")  # no BOM
    with pytest.raises(ExchangeInputError, match="UTF-16 without its byte-order mark"):
        read_list_bytes(plain, "list.csv")
