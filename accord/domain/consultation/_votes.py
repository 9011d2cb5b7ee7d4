"""Validated votes: each participant's latest vote per statement, as three parallel arrays.

Every path into the engine (Polis CSV, the web app, the incremental updater) goes through
`Votes.from_arrays`, so results are never computed from unknown statements, values other than
-1/0/1, or double-counted duplicate votes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

VOTE_VALUES = (-1, 0, 1)


class ConsultationDataError(ValueError):
    """Input that cannot be analysed; the message names the file, row and field at fault."""


@dataclass(frozen=True, eq=False)
class Votes:
    """Final votes sorted by (participant, statement): one row per pair, values in {-1, 0, 1}.

    1 is agree, -1 disagree, 0 pass (the Polis convention).
    """

    participant: NDArray[np.int64]
    statement: NDArray[np.int64]
    value: NDArray[np.int8]
    timestamp: NDArray[np.int64] | None = None

    def __len__(self) -> int:
        return int(self.participant.size)

    @classmethod
    def from_arrays(
        cls,
        participant: ArrayLike,
        statement: ArrayLike,
        value: ArrayLike,
        *,
        order: ArrayLike | None = None,
        known_statements: Iterable[int] | None = None,
        source: str = "votes",
        row_numbers: Sequence[int] | NDArray[np.int64] | None = None,
    ) -> Votes:
        """Validate and keep each participant's latest vote per statement.

        `order` (timestamps, kept on the result) decides which duplicate is the latest; equal
        orders fall back to the position in the input, so the later row wins. Errors name
        `source` and the row (from `row_numbers`, else the 1-based position).
        """
        p = np.asarray(participant, dtype=np.int64).ravel()
        s = np.asarray(statement, dtype=np.int64).ravel()
        raw_v = np.asarray(value).ravel()
        if not p.size == s.size == raw_v.size:
            raise ConsultationDataError(f"{source}: participant, statement and vote lengths differ")
        rows = np.arange(1, p.size + 1) if row_numbers is None else np.asarray(row_numbers)
        _check_values(raw_v, rows, source)
        if known_statements is not None:
            _check_statements(s, np.fromiter(known_statements, dtype=np.int64), rows, source)
        v = raw_v.astype(np.int8)
        times = None if order is None else np.asarray(order, dtype=np.int64).ravel()
        keep = _latest_per_pair(p, s, times)
        return cls(
            participant=p[keep],
            statement=s[keep],
            value=v[keep],
            timestamp=None if times is None else times[keep],
        )

    @classmethod
    def from_records(cls, records: Iterable[tuple[int, int, int]], **kwargs: object) -> Votes:
        """Build from (participant, statement, vote) tuples, later tuples winning."""
        table = np.array(list(records), dtype=np.int64).reshape(-1, 3)
        return cls.from_arrays(table[:, 0], table[:, 1], table[:, 2], **kwargs)  # type: ignore[arg-type]


def _check_values(values: NDArray, rows: NDArray, source: str) -> None:
    """Reject anything that is not exactly -1, 0 or 1 (NaN, 2, 0.5, ...)."""
    numeric = values.astype(np.float64, copy=False) if values.dtype != object else None
    if numeric is None:
        raise ConsultationDataError(f"{source}: votes must be numbers -1, 0 or 1")
    bad = ~np.isin(numeric, VOTE_VALUES)
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ConsultationDataError(
            f"{source} row {int(rows[first])}: vote {values[first].item()!r} is not -1, 0 or 1 "
            f"({int(bad.sum())} invalid vote(s) in total)"
        )


def _check_statements(s: NDArray, known: NDArray, rows: NDArray, source: str) -> None:
    """Reject votes on statements that the conversation does not have."""
    unknown = ~np.isin(s, known)
    if unknown.any():
        first = int(np.flatnonzero(unknown)[0])
        raise ConsultationDataError(
            f"{source} row {int(rows[first])}: vote for unknown statement {int(s[first])} "
            f"({int(unknown.sum())} vote(s) on unknown statements in total)"
        )


def _latest_per_pair(p: NDArray, s: NDArray, order: NDArray | None) -> NDArray[np.intp]:
    """Indices of the last vote of each (participant, statement), sorted by that pair."""
    if p.size == 0:
        return np.zeros(0, dtype=np.intp)
    if order is None and _strictly_sorted(p, s):
        return np.arange(p.size)
    position = np.arange(p.size)
    keys = (position, s, p) if order is None else (position, order, s, p)
    idx = np.lexsort(keys)
    ps, ss = p[idx], s[idx]
    last = np.ones(idx.size, dtype=bool)
    last[:-1] = (ps[1:] != ps[:-1]) | (ss[1:] != ss[:-1])
    return idx[last]


def _strictly_sorted(p: NDArray, s: NDArray) -> bool:
    """True when pairs are already sorted and unique, so no sort is needed (the fast path)."""
    dp = np.diff(p)
    return bool(np.all((dp > 0) | ((dp == 0) & (np.diff(s) > 0))))
