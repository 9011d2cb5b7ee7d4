"""Import and export of the Polis open-data CSV layout (comments.csv, votes.csv,
participants-votes.csv), so Accord can analyse real Polis conversations and hand its own back.

votes.csv (one row per vote event) is preferred; participants-votes.csv (each participant's final
votes, wide) is the fallback when votes.csv is absent. Every error names the file and row.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._votes import ConsultationDataError, Votes

COMMENTS, VOTES, WIDE = "comments.csv", "votes.csv", "participants-votes.csv"
WIDE_FIXED = ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")
MAX_VOTES_PER_MINUTE = 120


@dataclass(frozen=True)
class Statement:
    """One Polis comment; `moderated` is 1 accepted, 0 unmoderated, -1 moderated out."""

    id: int
    text: str = ""
    moderated: int = 0
    author_id: int | None = None
    timestamp: int | None = None


@dataclass(frozen=True, eq=False)
class Conversation:
    """Statements and validated final votes of one conversation, plus import warnings."""

    statements: tuple[Statement, ...]
    votes: Votes
    warnings: tuple[str, ...] = field(default=())

    @property
    def moderated_out(self) -> tuple[int, ...]:
        """Ids of statements a moderator removed (moderated == -1), as Polis excludes them."""
        return tuple(s.id for s in self.statements if s.moderated == -1)


def read_polis(directory: Path | str) -> Conversation:
    """Read a Polis export directory; raise ConsultationDataError naming file and row."""
    folder = Path(directory)
    statements = _read_comments(folder / COMMENTS)
    known = [s.id for s in statements]
    if (folder / VOTES).exists():
        votes, warnings = _read_votes(folder / VOTES, known)
    elif (folder / WIDE).exists():
        votes, warnings = _read_wide(folder / WIDE, known), ()
    else:
        raise ConsultationDataError(f"{folder}: neither {VOTES} nor {WIDE} found")
    if len(votes) == 0:
        raise ConsultationDataError(f"{folder}: the conversation has no votes")
    return Conversation(statements=statements, votes=votes, warnings=warnings)


def _rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) rows of a CSV file."""
    if not path.exists():
        raise ConsultationDataError(f"{path}: file not found")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise ConsultationDataError(f"{path}: empty file (no header row)")
        rows = [(reader.line_num, cells) for cells in reader if cells]
    for line, cells in [(1, header), *rows]:
        if any("\x00" in cell for cell in cells):
            raise ConsultationDataError(
                f"{path} row {line}: holds a NUL character (0x00); save the file as UTF-8"
            )
    return [h.strip() for h in header], rows


def _columns(path: Path, header: list[str], names: tuple[str, ...]) -> list[int]:
    missing = [n for n in names if n not in header]
    if missing:
        raise ConsultationDataError(f"{path}: missing column(s) {', '.join(missing)}")
    return [header.index(n) for n in names]


def _int(path: Path, line: int, column: str, text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ConsultationDataError(
            f"{path} row {line}, column {column}: {text!r} is not an integer"
        ) from None


def _read_comments(path: Path) -> tuple[Statement, ...]:
    header, rows = _rows(path)
    cid, mod = _columns(path, header, ("comment-id", "moderated"))
    optional = {
        n: header.index(n) for n in ("comment-body", "author-id", "timestamp") if n in header
    }
    statements: dict[int, Statement] = {}
    for line, cells in rows:
        sid = _int(path, line, "comment-id", cells[cid])
        if sid in statements:
            raise ConsultationDataError(f"{path} row {line}: duplicate comment-id {sid}")
        moderated = _int(path, line, "moderated", cells[mod])
        if moderated not in (-1, 0, 1):
            raise ConsultationDataError(
                f"{path} row {line}, column moderated: {moderated} is not -1, 0 or 1"
            )

        def opt(name: str, cells: list[str] = cells, line: int = line) -> int | None:
            i = optional.get(name)
            return None if i is None or not cells[i].strip() else _int(path, line, name, cells[i])

        text = cells[optional["comment-body"]] if "comment-body" in optional else ""
        statements[sid] = Statement(sid, text, moderated, opt("author-id"), opt("timestamp"))
    return tuple(statements[k] for k in sorted(statements))


def _read_votes(path: Path, known: list[int]) -> tuple[Votes, tuple[str, ...]]:
    header, rows = _rows(path)
    names = ("timestamp", "comment-id", "voter-id", "vote")
    cols = _columns(path, header, names)
    table = np.empty((len(rows), 4), dtype=np.int64)
    for r, (line, cells) in enumerate(rows):
        if len(cells) < len(header):
            raise ConsultationDataError(
                f"{path} row {line}: {len(cells)} cells, expected {len(header)}"
            )
        table[r] = [_int(path, line, n, cells[c]) for n, c in zip(names, cols, strict=True)]
    lines = np.array([line for line, _ in rows], dtype=np.int64)
    votes = Votes.from_arrays(
        table[:, 2],
        table[:, 1],
        table[:, 3],
        order=table[:, 0],
        known_statements=known,
        source=str(path),
        row_numbers=lines,
    )
    return votes, _burst_warnings(path, table[:, 2], table[:, 0])


def _burst_warnings(path: Path, voter: np.ndarray, stamp: np.ndarray) -> tuple[str, ...]:
    """Name participants who cast more than MAX_VOTES_PER_MINUTE votes within one minute.

    Their votes still count once per statement (latest wins); the warning lets a moderator look.
    """
    if voter.size == 0:
        return ()
    idx = np.lexsort((stamp, voter))
    v, t = voter[idx], stamp[idx]
    warnings = []
    starts = np.flatnonzero(np.r_[True, v[1:] != v[:-1]])
    ends = np.r_[starts[1:], v.size]
    for a, b in zip(starts, ends, strict=True):
        times = t[a:b]
        if times.size <= MAX_VOTES_PER_MINUTE:
            continue
        in_minute = np.searchsorted(times, times + 60_000) - np.arange(times.size)
        if in_minute.max() > MAX_VOTES_PER_MINUTE:
            warnings.append(
                f"{path}: participant {int(v[a])} cast {int(in_minute.max())} votes within one "
                f"minute; only the latest vote per statement counts"
            )
    return tuple(warnings)


def _read_wide(path: Path, known: list[int]) -> Votes:
    header, rows = _rows(path)
    (pcol,) = _columns(path, header, ("participant",))
    stmt_cols = [(i, h) for i, h in enumerate(header) if h not in WIDE_FIXED]
    ids = [_int(path, 1, h, h) for _, h in stmt_cols]
    unknown = sorted(set(ids) - set(known))
    if unknown:
        raise ConsultationDataError(f"{path} row 1: columns for unknown statement(s) {unknown}")
    p, s, v, lines = [], [], [], []
    for line, cells in rows:
        pid = _int(path, line, "participant", cells[pcol])
        for (i, h), sid in zip(stmt_cols, ids, strict=True):
            cell = cells[i].strip() if i < len(cells) else ""
            if cell:
                p.append(pid)
                s.append(sid)
                v.append(_vote_cell(path, line, h, cell))
                lines.append(line)
    return Votes.from_arrays(p, s, v, source=str(path), row_numbers=lines)


def _vote_cell(path: Path, line: int, column: str, cell: str) -> int:
    value = _int(path, line, column, cell)
    if value not in (-1, 0, 1):
        raise ConsultationDataError(
            f"{path} row {line}, column {column}: vote {value} is not -1, 0 or 1"
        )
    return value
