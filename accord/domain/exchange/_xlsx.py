"""Reading the first sheet of an XLSX workbook as rows of cached values.

Formulas are never evaluated: the value the spreadsheet program cached is used and the formula is
reported; a formula without a cached value reads as an empty cell, reported too.
"""

from __future__ import annotations

from typing import IO

from accord.domain.exchange._errors import ExchangeInputError

Note = tuple[int | None, str | None, str]
_MAX_NOTES_PER_COLUMN = 5


def read_xlsx_rows(stream: IO[bytes], name: str) -> tuple[list[list[object]], list[Note]]:
    """Cached cell values by row, and notes on formulas met (row, column letter, message)."""
    from openpyxl import load_workbook  # loaded on first use, not at start-up

    try:
        values_book = load_workbook(stream, read_only=True, data_only=True)
        stream.seek(0)
        formula_book = load_workbook(stream, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many types for a broken archive
        raise ExchangeInputError(f"{name}: not a readable XLSX workbook ({error})") from error
    values = [list(row) for row in values_book.worksheets[0].iter_rows(values_only=True)]
    formulas = formula_book.worksheets[0].iter_rows(values_only=True)
    notes = _formula_notes(values, formulas)
    values_book.close()
    formula_book.close()
    while values and all(cell is None for cell in values[-1]):
        values.pop()
    return values, notes


def _formula_notes(values: list[list[object]], formulas: object) -> list[Note]:
    from openpyxl.utils import get_column_letter

    per_column: dict[int, list[int]] = {}
    notes: list[Note] = []
    for row_number, (cached, written) in enumerate(zip(values, formulas, strict=False), start=1):
        for column, cell in enumerate(written):
            if not (isinstance(cell, str) and cell.startswith("=")):
                continue
            per_column.setdefault(column, []).append(row_number)
            letter = get_column_letter(column + 1)
            value = cached[column] if column < len(cached) else None
            if value is None:
                notes.append(
                    (row_number, letter, f"formula {cell} has no cached value; read as empty")
                )
            elif len(per_column[column]) <= _MAX_NOTES_PER_COLUMN:
                notes.append(
                    (row_number, letter, f"formula {cell} not evaluated; cached value used")
                )
    for column, rows in per_column.items():
        if len(rows) > _MAX_NOTES_PER_COLUMN:
            letter = get_column_letter(column + 1)
            notes.append((None, letter, f"{len(rows)} formula cells (rows {rows[0]}-{rows[-1]})"))
    return notes
