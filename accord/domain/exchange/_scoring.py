"""The pipeline link and dedupe share: blocking, comparison, weights and probabilities."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.domain.exchange._blocking import candidate_pairs
from accord.domain.exchange._compare import compare
from accord.domain.exchange._features import Features
from accord.domain.exchange._model import Model, fit_model


@dataclass(frozen=True)
class Scored:
    """Candidate pairs (li[k], ri[k]) with their levels, evidence in bits and probability."""

    li: np.ndarray
    ri: np.ndarray
    levels: dict[str, np.ndarray]
    similarity: dict[str, np.ndarray]
    bits: np.ndarray
    probability: np.ndarray
    model: Model


def score_pairs(left: Features, right: Features | None, *, expected_matches: float) -> Scored:
    """Score every candidate pair between two lists, or within `left` when `right` is None."""
    other = left if right is None else right
    model = fit_model(left, other, expected_matches=expected_matches)
    candidates = candidate_pairs(left, right)
    li, ri = candidates.left, candidates.right
    levels, similarity = compare(left, other, li, ri)
    bits = model.total(levels)
    return Scored(li, ri, levels, similarity, bits, model.probability(bits), model)
