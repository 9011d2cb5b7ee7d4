"""Reading a submitted list (CSV or XLSX) into Records, accounting for every row.

Every source row ends as a Record or as a row-numbered warning (empty row, row above the header);
nothing is dropped silently. Cells are kept as submitted in `Record.raw`.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from accord.domain.exchange._decode import decode_text, read_csv_rows
from accord.domain.exchange._errors import ExchangeInputError
from accord.domain.exchange._gc import bulk
from accord.domain.exchange._headers import header_score, map_columns
from accord.domain.exchange._records import Normaliser, Record
from accord.domain.exchange._xlsx import read_xlsx_rows

MAX_BYTES = 50 * 1024 * 1024
_HEADER_SCAN_ROWS = 10


@dataclass(frozen=True)
class InputWarning:
    """Something a person should look at, located by source row and column when it has one."""

    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = ", ".join(
            part for part in (f"row {self.row}" if self.row else "", self.column or "") if part
        )
        return f"{where}: {self.message}" if where else self.message


@dataclass
class ExchangeList:
    """A read list: its records, which column feeds which field, and every warning."""

    name: str
    records: list[Record]
    headers: list[str]
    columns: dict[str, str]
    id_column: str
    header_row: int
    rows_total: int
    empty_rows: list[int] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)

    def accounted(self) -> bool:
        """True when every source row is the header, a record, an empty or a pre-header row."""
        return self.header_row + len(self.records) + len(self.empty_rows) == self.rows_total


def read_list(
    path: str | Path, *, id_column: str | None = None, max_bytes: int = MAX_BYTES
) -> ExchangeList:
    """Read a CSV or XLSX list from disk."""
    path = Path(path)
    if not path.is_file():
        raise ExchangeInputError(f"{path}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise ExchangeInputError(
            f"{path.name}: {size:,} bytes is over the limit of {max_bytes:,} bytes; split the list"
        )
    return read_list_bytes(path.read_bytes(), path.name, id_column=id_column, max_bytes=max_bytes)


@bulk
def read_list_bytes(
    data: bytes, name: str, *, id_column: str | None = None, max_bytes: int = MAX_BYTES
) -> ExchangeList:
    """Read an uploaded list held in memory; `name` gives the format by its extension."""
    if len(data) > max_bytes:
        raise ExchangeInputError(
            f"{name}: {len(data):,} bytes is over the limit of {max_bytes:,} bytes; split the list"
        )
    warnings: list[InputWarning] = []
    if name.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        rows, notes = read_xlsx_rows(io.BytesIO(data), name)
        warnings += [InputWarning(message, row, column) for row, column, message in notes]
    else:
        text, encoding = decode_text(data, name)
        if encoding not in ("utf-8", "ascii"):
            warnings.append(InputWarning(f"decoded as {encoding}"))
        rows = read_csv_rows(text)
    if not rows:
        raise ExchangeInputError(f"{name}: the file holds no rows")
    _refuse_nul(name, rows)
    return _to_list(name, rows, id_column, warnings)


def _refuse_nul(name: str, rows: list[list[object]]) -> None:
    """A NUL character is in no name or date; it is what a UTF-16 file without its byte-order
    mark looks like when read as UTF-8, and PostgreSQL cannot store it. Refuse the file."""
    for row, cells in enumerate(rows, start=1):
        for column, cell in enumerate(cells, start=1):
            if isinstance(cell, str) and "\x00" in cell:
                raise ExchangeInputError(
                    f"{name}: row {row}, column {column} holds a NUL character (0x00); a file "
                    "saved as UTF-16 without its byte-order mark reads like this: save it as "
                    "UTF-8 CSV or XLSX"
                )


def _to_list(
    name: str, rows: list[list[object]], id_column: str | None, warnings: list[InputWarning]
) -> ExchangeList:
    header_index = _find_header(rows)
    headers = _clean_headers(rows[header_index], warnings, header_index + 1)
    mapping = map_columns(headers)
    if not {"surname", "full_name"} & mapping.keys():
        raise ExchangeInputError(f"{name}: no name column found; headers were {', '.join(headers)}")
    id_index = _id_index(name, headers, id_column)
    for index in range(header_index):
        warnings.append(InputWarning("row above the header row, not a record", index + 1))
    result = ExchangeList(
        name, [], headers, {f: headers[i] for f, i in mapping.items()}, headers[id_index],
        header_index + 1, len(rows), warnings=warnings,
    )  # fmt: skip
    normaliser = Normaliser()
    for offset, cells in enumerate(rows[header_index + 1 :], start=header_index + 2):
        _add_row(result, cells, offset, (mapping, id_index), normaliser)
    _check_ids(result)
    return result


def _find_header(rows: list[list[object]]) -> int:
    scores = [header_score(row) for row in rows[:_HEADER_SCAN_ROWS]]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    return best if scores[best] > 0 else 0


def _clean_headers(cells: list[object], warnings: list[InputWarning], row: int) -> list[str]:
    headers: list[str] = []
    seen: Counter[str] = Counter()
    for index, cell in enumerate(cells, start=1):
        header = " ".join(str(cell if cell is not None else "").split())
        if not header:
            header = f"column {index}"
            warnings.append(InputWarning(f"empty header cell named {header!r}", row, header))
        seen[header] += 1
        if seen[header] > 1:
            renamed = f"{header} ({seen[header]})"
            warnings.append(InputWarning(f"duplicated header renamed {renamed!r}", row, header))
            header = renamed
        headers.append(header)
    return headers


def _id_index(name: str, headers: list[str], id_column: str | None) -> int:
    if id_column is None:
        return 0
    if id_column not in headers:
        raise ExchangeInputError(
            f"{name}: id column {id_column!r} not found; headers were {', '.join(headers)}"
        )
    return headers.index(id_column)


def _add_row(
    result: ExchangeList,
    cells: list[object],
    row: int,
    columns: tuple[dict[str, int], int],
    normaliser: Normaliser,
) -> None:
    mapping, id_index = columns
    texts = [cell if cell.__class__ is str else _raw(cell) for cell in cells]
    if not any(text.strip() for text in texts):
        result.empty_rows.append(row)
        result.warnings.append(InputWarning("empty row, not a record", row))
        return
    headers = result.headers
    raw = dict(zip(headers, texts, strict=False))
    if len(cells) > len(headers):
        result.warnings.append(InputWarning("more cells than headers; extra cells kept", row))
        raw |= {f"extra {i + 1}": texts[i] for i in range(len(headers), len(cells))}
    values = {f: cells[i] for f, i in mapping.items() if i < len(cells)}
    record_id = texts[id_index].strip() if id_index < len(texts) else ""
    if not record_id:
        record_id = f"row {row}"
        result.warnings.append(InputWarning(f"no id; record called {record_id!r}", row))
    record = normaliser.record(record_id, row, values, raw)
    for problem in record.problems:
        column, _, message = problem.partition(": ")
        result.warnings.append(InputWarning(message, row, result.columns.get(column, column)))
    result.records.append(record)


def _raw(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def _check_ids(result: ExchangeList) -> None:
    counts = Counter(record.id for record in result.records)
    for record in result.records:
        if counts[record.id] > 1:
            result.warnings.append(
                InputWarning(f"id {record.id!r} is used by {counts[record.id]} rows", record.row)
            )


@bulk
def read_rows(
    rows: Sequence[Mapping[str, object]], *, name: str = "rows", id_column: str | None = None
) -> ExchangeList:
    """Read rows already in memory (dicts by header), e.g. a stored submission."""
    if not rows:
        raise ExchangeInputError(f"{name}: the list holds no rows")
    headers = list(dict.fromkeys(key for row in rows for key in row))
    table: list[list[object]] = [list(headers)]
    table += [[row.get(header) for header in headers] for row in rows]
    return _to_list(name, table, id_column, [])
