"""`accord exchange link|dedupe` against real files."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from typer.testing import CliRunner

from accord.cli import app

LEFT = (
    "Код,Прізвище,Ім'я,По батькові,Дата народження\n"
    "U-1,Зеленський,Олексій,Петрович,03.04.1990\n"
    "U-2,Шевченко,Іван,Миколайович,12.12.1985\n"
    "U-3,Шевченко,Петро,Миколайович,12.12.1985\n"
    "U-4,Шевченко,Іван,Миколайович,12.12.1985\n"
)


def _right_xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Фамилия", "Имя", "Отчество", "Дата рождения", "Номер"])
    sheet.append(["Зеленский", "Алексей", "Петрович", "04.03.1990", "R-7"])
    sheet.append(["Шевченко", "Пётр", "Николаевич", "12.12.1985", "R-8"])
    book.save(path)
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_link_csv_with_xlsx_and_a_named_id_column(tmp_path: Path) -> None:
    left = tmp_path / "ua.csv"
    left.write_text(LEFT, encoding="cp1251")
    out = tmp_path / "links.csv"
    result = CliRunner().invoke(
        app,
        ["exchange", "link", str(left), str(_right_xlsx(tmp_path / "ru.xlsx")), "-o", str(out),
         "--right-id", "Номер"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    assert list(rows[0]) == ["left_id", "right_id", "score", "decision"]
    assert {(r["left_id"], r["right_id"]) for r in rows} == {("U-1", "R-7"), ("U-3", "R-8")}
    assert {r["decision"] for r in rows} <= {"accept", "review"}
    assert all(0 <= float(r["score"]) <= 1 for r in rows)


def test_dedupe_writes_groups(tmp_path: Path) -> None:
    left = tmp_path / "ua.csv"
    left.write_text(LEFT, encoding="utf-8")
    out = tmp_path / "dups.csv"
    result = CliRunner().invoke(app, ["exchange", "dedupe", str(left), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    pairs = {(r["left_id"], r["right_id"]): r["decision"] for r in rows}
    assert pairs[("U-2", "U-4")] == "duplicate"
    assert pairs[("U-2", "U-3")] == "review"


def test_bad_input_exits_with_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["exchange", "link", str(bad), str(bad), "-o", str(tmp_path / "x.csv")]
    )
    assert result.exit_code == 2
    assert "bad.csv: no name column" in result.output


def test_warnings_name_the_row(tmp_path: Path) -> None:
    left = tmp_path / "ua.csv"
    left.write_text(LEFT + "U-5,Коваль,Ігор,,31.02.1990\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["exchange", "dedupe", str(left), "-o", str(tmp_path / "d.csv")]
    )
    assert result.exit_code == 0
    assert "ua.csv: row 6, Дата народження:" in result.output
