"""Export a conversation (and optionally its analysis) in the Polis open-data CSV layout."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from ._polis_csv import COMMENTS, VOTES, WIDE, WIDE_FIXED, Conversation
from ._result import ConsultationResult


def write_polis(
    directory: Path | str, conversation: Conversation, result: ConsultationResult | None = None
) -> None:
    """Write comments.csv, votes.csv and participants-votes.csv (group ids from `result`)."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    votes = conversation.votes
    agrees = _per_statement(votes.statement, votes.value == 1)
    disagrees = _per_statement(votes.statement, votes.value == -1)
    with (folder / COMMENTS).open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "timestamp",
                "datetime",
                "comment-id",
                "author-id",
                "agrees",
                "disagrees",
                "moderated",
                "comment-body",
            ]
        )
        for s in conversation.statements:
            out.writerow(
                [
                    _blank(s.timestamp),
                    "",
                    s.id,
                    _blank(s.author_id),
                    agrees.get(s.id, 0),
                    disagrees.get(s.id, 0),
                    s.moderated,
                    s.text,
                ]
            )
    stamps = votes.timestamp if votes.timestamp is not None else np.zeros(len(votes), np.int64)
    with (folder / VOTES).open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["timestamp", "datetime", "comment-id", "voter-id", "vote"])
        order = np.lexsort((votes.participant, stamps))
        out.writerows(
            [
                int(stamps[i]),
                "",
                int(votes.statement[i]),
                int(votes.participant[i]),
                int(votes.value[i]),
            ]
            for i in order
        )
    _write_wide(folder / WIDE, conversation, result)


def _write_wide(path: Path, conversation: Conversation, result: ConsultationResult | None) -> None:
    votes = conversation.votes
    ids = [s.id for s in conversation.statements]
    column = {sid: i for i, sid in enumerate(ids)}
    authored: dict[int, int] = {}
    for s in conversation.statements:
        if s.author_id is not None:
            authored[s.author_id] = authored.get(s.author_id, 0) + 1
    groups = (
        {}
        if result is None
        else dict(zip(result.participant_ids.tolist(), result.labels.tolist(), strict=True))
    )
    starts = np.flatnonzero(np.r_[True, votes.participant[1:] != votes.participant[:-1]])
    ends = np.r_[starts[1:], len(votes)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow([*WIDE_FIXED, *ids])
        for a, b in zip(starts, ends, strict=True):
            pid = int(votes.participant[a])
            cells = [""] * len(ids)
            for s, v in zip(votes.statement[a:b], votes.value[a:b], strict=True):
                cells[column[int(s)]] = str(int(v))
            group = groups.get(pid, -1)
            values = votes.value[a:b]
            out.writerow(
                [
                    pid,
                    "" if group < 0 else group,
                    authored.get(pid, 0),
                    b - a,
                    int((values == 1).sum()),
                    int((values == -1).sum()),
                    *cells,
                ]
            )


def _per_statement(statement: np.ndarray, mask: np.ndarray) -> dict[int, int]:
    ids, counts = np.unique(statement[mask], return_counts=True)
    return dict(zip(ids.tolist(), counts.tolist(), strict=True))


def _blank(value: int | None) -> int | str:
    return "" if value is None else value
