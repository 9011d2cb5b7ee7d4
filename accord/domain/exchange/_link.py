"""Linking two lists: blocking, comparison, weights, one-to-one assignment and decisions."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from accord.domain.exchange._assign import assign
from accord.domain.exchange._compare import LEVELS
from accord.domain.exchange._explain import explain_pairs
from accord.domain.exchange._features import Features, build_features
from accord.domain.exchange._gc import bulk
from accord.domain.exchange._records import Record
from accord.domain.exchange._scoring import score_pairs
from accord.domain.exchange._types import Link, Thresholds

GIVEN_DIFFERENT = 4


@bulk
def link(
    left: Sequence[Record], right: Sequence[Record], *, thresholds: Thresholds | None = None
) -> list[Link]:
    """Pair the records of two lists one-to-one; return the pairs to accept or to review.

    A pair is accepted when its match probability reaches `thresholds.accept`, it beats every
    rival pair of either record by `thresholds.margin_bits`, and the given names do not
    disagree (twins and brothers share everything else); otherwise, if still probable enough,
    it goes to review. Records left out appear in no link.
    """
    limits = thresholds or Thresholds()
    if not left or not right:
        return []
    lf, rf = build_features(left), build_features(right)
    scored = score_pairs(lf, rf, expected_matches=min(len(left), len(right)))
    li, ri, bits, probability = scored.li, scored.ri, scored.bits, scored.probability
    kept = np.flatnonzero(probability >= limits.review)
    chosen = kept[assign(li[kept], ri[kept], bits[kept], len(left))]
    rival = _rival_bits(li[kept], ri[kept], bits[kept], chosen, kept, (lf, rf))
    decisions, notes = _decide(
        probability[chosen],
        bits[chosen] - rival,
        {name: level[chosen] for name, level in scored.levels.items()},
        limits,
    )
    explanations = explain_pairs(
        left, right, (li[chosen], ri[chosen], chosen), (scored.levels, scored.similarity),
        scored.model,
    )  # fmt: skip
    left_ids = [left[i].id for i in li[chosen].tolist()]
    right_ids = [right[i].id for i in ri[chosen].tolist()]
    left_rows = [left[i].row for i in li[chosen].tolist()]
    right_rows = [right[i].row for i in ri[chosen].tolist()]
    scores = np.round(probability[chosen], 6).tolist()
    weights = np.round(bits[chosen], 2).tolist()
    return list(
        map(Link, left_ids, right_ids, scores, decisions, weights, explanations, left_rows,
            right_rows, notes)
    )  # fmt: skip


def _rival_bits(
    li: np.ndarray,
    ri: np.ndarray,
    bits: np.ndarray,
    chosen: np.ndarray,
    kept: np.ndarray,
    features: tuple[Features, Features],
) -> np.ndarray:
    """For each chosen pair, the evidence of the strongest other pair sharing one of its records.

    A rival that is a repeat of the chosen record within its own list (same surname, given name
    and birth year) is no rival: whichever copy is linked, the person is the same; the repeat is
    dedupe's business.
    """
    lf, rf = features
    position = np.searchsorted(kept, chosen)
    rival = ~np.isin(kept, chosen)
    partner_of_left = np.full(len(lf), -1)
    partner_of_right = np.full(len(rf), -1)
    partner_of_left[li[position]] = ri[position]
    partner_of_right[ri[position]] = li[position]
    best_left = np.full(len(lf), -np.inf)
    best_right = np.full(len(rf), -np.inf)
    for best, own, other, partner, f in (
        (best_left, li, ri, partner_of_left, rf),
        (best_right, ri, li, partner_of_right, lf),
    ):
        mate = partner[own]
        counts = rival & (mate >= 0) & ~_repeats(f, other, np.maximum(mate, 0))
        np.maximum.at(best, own[counts], bits[counts])
    return np.maximum(best_left[li[position]], best_right[ri[position]])


def _repeats(f: Features, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Records a and b of one list look like the same row entered twice: same surname and given
    name, and birth year and patronymic equal or missing on one of them (a copy typed with a
    field left out is still a copy)."""
    surname, given, patronymic = f.codes["surname"], f.codes["given"], f.codes["patronymic"]
    year_ok = (f.year[a] == f.year[b]) | (f.year[a] == 0) | (f.year[b] == 0)
    patronymic_ok = (patronymic[a] == patronymic[b]) | (patronymic[a] == 0) | (patronymic[b] == 0)
    return (surname[a] == surname[b]) & (given[a] == given[b]) & year_ok & patronymic_ok


def _disagrees(levels: dict[str, np.ndarray]) -> np.ndarray:
    """Pairs with a field that speaks against them (a value present on both sides and unlike)."""
    against = np.zeros(len(levels["surname"]), dtype=bool)
    for name, level in levels.items():
        labels = LEVELS[name]
        for bad in ("different", "year"):
            if bad in labels:
                against |= level == labels.index(bad)
    return against


def _decide(
    probability: np.ndarray, margin: np.ndarray, levels: dict[str, np.ndarray], limits: Thresholds
) -> tuple[list[str], list[str]]:
    """Accept or review, and why not accepted, for each chosen pair.

    Accepted: given names not different, no rival within the margin, and either probability
    at least `accept`, or at least `exclusive` with no field disagreeing.
    """
    given_differs = levels["given_name"] == GIVEN_DIFFERENT
    clean = ~_disagrees(levels)
    weak = (probability < limits.accept) & ~(clean & (probability >= limits.exclusive))
    rivalled = margin < limits.margin_bits
    accept = ~given_differs & ~weak & ~rivalled
    decisions = np.where(accept, "accept", "review").tolist()
    notes = [
        "given names differ: relatives or a clerical error"
        if differs
        else "not enough agreeing evidence"
        if low
        else f"a rival pair is within {gap:.1f} bits"
        if close
        else ""
        for differs, low, close, gap in zip(
            given_differs.tolist(), weak.tolist(), rivalled.tolist(), margin.tolist(), strict=True
        )
    ]
    return decisions, notes
