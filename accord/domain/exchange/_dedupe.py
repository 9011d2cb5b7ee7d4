"""Possible duplicates within one list, flagged in groups for a person to decide."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from accord.domain.exchange._explain import explain_pairs
from accord.domain.exchange._features import build_features
from accord.domain.exchange._gc import bulk
from accord.domain.exchange._link import GIVEN_DIFFERENT
from accord.domain.exchange._records import Record
from accord.domain.exchange._scoring import score_pairs
from accord.domain.exchange._types import DuplicateGroup, FieldComparison, Link, Thresholds


@bulk
def dedupe(
    records: Sequence[Record], *, thresholds: Thresholds | None = None
) -> list[DuplicateGroup]:
    """Groups of records that may be the same person; nothing is merged.

    A pair is a "duplicate" when its match probability reaches `thresholds.accept` and the given
    names agree; twins and brothers born the same day (same surname, patronymic and birth date,
    different given names) are at most "review".
    """
    limits = thresholds or Thresholds()
    if len(records) < 2:
        return []
    scored = score_pairs(build_features(records), None, expected_matches=len(records) / 50)
    li, ri, bits, probability = scored.li, scored.ri, scored.bits, scored.probability
    kept = np.flatnonzero(probability >= limits.review)
    explanations = explain_pairs(
        records, records, (li[kept], ri[kept], kept), (scored.levels, scored.similarity),
        scored.model,
    )  # fmt: skip
    given_differs = scored.levels["given_name"][kept] == GIVEN_DIFFERENT
    links = [
        _pair_link(
            records[a], records[b], float(probability[k]), float(bits[k]), differs, fields, limits
        )
        for a, b, k, differs, fields in zip(
            li[kept].tolist(),
            ri[kept].tolist(),
            kept.tolist(),
            given_differs.tolist(),
            explanations,
            strict=True,
        )
    ]
    return _groups(records, li[kept], ri[kept], links)


def _pair_link(
    left: Record,
    right: Record,
    probability: float,
    bits: float,
    given_differs: bool,
    fields: tuple[FieldComparison, ...],
    limits: Thresholds,
) -> Link:
    confident = probability >= limits.accept and not given_differs
    return Link(
        left_id=left.id,
        right_id=right.id,
        score=round(probability, 6),
        decision="accept" if confident else "review",
        weight=round(bits, 2),
        fields=fields,
        left_row=left.row,
        right_row=right.row,
        note="given names differ: relatives?" if given_differs else "",
    )


def _groups(
    records: Sequence[Record], li: np.ndarray, ri: np.ndarray, links: list[Link]
) -> list[DuplicateGroup]:
    if not links:
        return []
    from scipy.sparse import coo_matrix  # scipy loads on first use, not at start-up
    from scipy.sparse.csgraph import connected_components

    n = len(records)
    graph = coo_matrix((np.ones(len(li)), (li, ri)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    members: dict[int, list[int]] = {}
    for i in sorted(set(li.tolist()) | set(ri.tolist())):
        members.setdefault(int(label[i]), []).append(i)
    by_label: dict[int, list[Link]] = {}
    for a, pair in zip(li.tolist(), links, strict=True):
        by_label.setdefault(int(label[a]), []).append(pair)
    groups = []
    for group_label, indices in members.items():
        pairs = tuple(by_label[group_label])
        all_sure = all(p.decision == "accept" for p in pairs)
        groups.append(
            DuplicateGroup(
                record_ids=tuple(records[i].id for i in indices),
                rows=tuple(records[i].row for i in indices),
                pairs=pairs,
                decision="duplicate" if all_sure else "review",
            )
        )
    return sorted(groups, key=lambda g: g.rows)
