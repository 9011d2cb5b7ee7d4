"""Turn an engine result into the only thing the workspace stores and shows: aggregates.

No participant id, no single vote and no per-participant ordering survives this step. Groups
smaller than `MIN_GROUP_REPORT` are counted but their statistics and map points are withheld,
because a group of one or two is a person's votes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from accord.domain.consultation import ConsultationResult, Votes

MIN_GROUP_REPORT = 5
MAX_DIVISIVE = 5
MAX_MAP_POINTS = 5000


def result_aggregates(
    result: ConsultationResult, votes: Votes, texts: Mapping[int, str]
) -> dict[str, Any]:
    """The report's data: sizes, shares, representative, consensus and divisive statements."""
    group_of = _group_of(result, votes)
    overall = _tally(votes.statement, votes.value, texts)
    groups = [_group(result, g.id, votes, group_of, texts) for g in result.groups]
    shown = [g for g in groups if not g["withheld"]]
    return {
        "algorithm_version": result.algorithm_version,
        "mode": result.mode,
        "k": result.k,
        "n_participants": result.n_participants,
        "n_clustered": int(result.clustered.sum()),
        "n_statements": len(texts),
        "n_votes": len(votes),
        "min_group_report": MIN_GROUP_REPORT,
        "notes": list(result.notes),
        "groups": groups,
        "consensus": [
            _consensus(c, texts) for c in (*result.consensus_agree, *result.consensus_disagree)
        ],
        "divisive": _divisive(shown, texts),
        "statements": overall,
        "points": _points(result, {g["id"] for g in shown}),
    }


def _group_of(result: ConsultationResult, votes: Votes) -> np.ndarray:
    """Each vote's group label (-1 when its participant is not clustered)."""
    order = np.argsort(result.participant_ids)
    where = np.searchsorted(result.participant_ids[order], votes.participant)
    return result.labels[order][where]


def _counts(statement: np.ndarray, value: np.ndarray) -> dict[int, tuple[int, int, int]]:
    out: dict[int, tuple[int, int, int]] = {}
    for sid in np.unique(statement).tolist():
        v = value[statement == sid]
        out[sid] = (int((v == 1).sum()), int((v == -1).sum()), int((v == 0).sum()))
    return out


def _tally(statement: np.ndarray, value: np.ndarray, texts: Mapping[int, str]) -> list[dict]:
    counts = _counts(statement, value)
    rows = []
    for sid in sorted(texts):
        agree, disagree, passed = counts.get(sid, (0, 0, 0))
        n = agree + disagree + passed
        rows.append(
            {
                "statement_id": sid,
                "text": texts[sid],
                "agree": agree,
                "disagree": disagree,
                "pass": passed,
                "n": n,
                "agree_share": _share(agree, n),
                "disagree_share": _share(disagree, n),
            }
        )
    return rows


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _group(
    result: ConsultationResult,
    gid: int,
    votes: Votes,
    group_of: np.ndarray,
    texts: Mapping[int, str],
) -> dict[str, Any]:
    group = next(g for g in result.groups if g.id == gid)
    withheld = group.size < MIN_GROUP_REPORT
    entry: dict[str, Any] = {"id": gid, "size": group.size, "withheld": withheld}
    if withheld:
        return entry | {"repness": [], "shares": {}}
    mask = group_of == gid
    shares = {
        str(row["statement_id"]): {
            "agree": row["agree_share"],
            "disagree": row["disagree_share"],
            "n": row["n"],
        }
        for row in _tally(votes.statement[mask], votes.value[mask], texts)
    }
    repness = [
        {
            "statement_id": r.statement_id,
            "text": texts.get(r.statement_id, ""),
            "direction": r.direction,
            "share": round(r.p_success, 4),
            "n": r.n_trials,
            "repness": round(r.repness, 4),
        }
        for r in group.repness
    ]
    return entry | {"repness": repness, "shares": shares}


def _consensus(c: Any, texts: Mapping[int, str]) -> dict[str, Any]:
    return {
        "statement_id": c.statement_id,
        "text": texts.get(c.statement_id, ""),
        "direction": c.direction,
        "share": round(c.p_success, 4),
        "n": c.n_trials,
    }


def _divisive(groups: list[dict], texts: Mapping[int, str]) -> list[dict]:
    """Statements on which the shown groups' agree shares differ most (each group >= 3 votes)."""
    if len(groups) < 2:
        return []
    rows = []
    for sid in sorted(texts):
        per = [(g["id"], g["shares"].get(str(sid))) for g in groups]
        if any(s is None or s["n"] < 3 for _gid, s in per):
            continue
        agree = [s["agree"] for _gid, s in per]
        spread = round(max(agree) - min(agree), 4)
        rows.append(
            {
                "statement_id": sid,
                "text": texts[sid],
                "spread": spread,
                "per_group": [{"group": gid, "agree": s["agree"]} for gid, s in per],
            }
        )
    rows.sort(key=lambda r: (-r["spread"], r["statement_id"]))
    return [r for r in rows if r["spread"] >= 0.3][:MAX_DIVISIVE]


def _points(result: ConsultationResult, shown: set[int]) -> list[list[float]]:
    """Map points [x, y, group] of clustered participants in shown groups, rounded and sorted
    by position so that their order says nothing about who joined when."""
    keep = np.isin(result.labels, list(shown)) & result.clustered
    xy = np.round(result.participant_xy[keep], 2)
    labels = result.labels[keep]
    points = sorted(
        [float(x), float(y), int(g)] for (x, y), g in zip(xy.tolist(), labels.tolist(), strict=True)
    )
    if len(points) > MAX_MAP_POINTS:
        step = len(points) / MAX_MAP_POINTS
        points = [points[int(i * step)] for i in range(MAX_MAP_POINTS)]
    return points


def participation(participant: np.ndarray, created_ms: np.ndarray) -> list[dict[str, Any]]:
    """Per day: votes cast and participants who cast their first vote (UTC days, gaps filled)."""
    if participant.size == 0:
        return []
    day = created_ms // 86_400_000
    first_day, last_day = int(day.min()), int(day.max())
    last_day = min(last_day, first_day + 365)
    span = last_day - first_day + 1
    clipped = np.clip(day - first_day, 0, span - 1)
    votes = np.bincount(clipped, minlength=span)
    order = np.lexsort((clipped, participant))
    starts = np.flatnonzero(np.r_[True, participant[order][1:] != participant[order][:-1]])
    newcomers = np.bincount(clipped[order][starts], minlength=span)
    return [
        {
            "day": str(np.datetime64(first_day + i, "D")),
            "votes": int(votes[i]),
            "participants": int(newcomers[i]),
        }
        for i in range(span)
    ]
