"""Fellegi–Sunter weights: how much each comparison level says for or against a match.

For each field and level, weight = log2(m / u): m is the probability of the level among true
matches, u among random non-matching pairs. u is measured on every run from a sample of random
pairs of the lists at hand (so a common surname weighs less in a list of Shevchenkos); m comes from
the priors below, which describe how clerks err (a typo, a swapped day and month, a missing
patronymic) and were checked against the generated benchmark lists. Missing values weigh 0. The
weights of a field never grow from a better level to a worse one (a
swapped date never outweighs an exact one). The sum of the weights plus the prior log-odds of
a match gives the match probability.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.domain.exchange._compare import LEVELS, compare
from accord.domain.exchange._features import Features

# m: probability of each level (after "missing") for a true match.
M_PRIORS: dict[str, tuple[float, ...]] = {
    "surname": (0.90, 0.06, 0.03, 0.01),
    "given_name": (0.93, 0.04, 0.02, 0.01),
    "patronymic": (0.90, 0.05, 0.03, 0.02),
    "birth_date": (0.88, 0.05, 0.05, 0.01, 0.01),
    "document": (0.93, 0.05, 0.02),
    "military_number": (0.93, 0.05, 0.02),
}
# u priors: agreement rates among random pairs of typical lists, used as pseudo-counts so that
# small lists (where few random pairs exist) still get sensible weights.
U_PRIORS: dict[str, tuple[float, ...]] = {
    "surname": (0.002, 0.004, 0.03, 0.964),
    "given_name": (0.02, 0.01, 0.05, 0.92),
    "patronymic": (0.02, 0.01, 0.05, 0.92),
    "birth_date": (0.0001, 0.00003, 0.003, 0.03, 0.96687),
    "document": (0.000001, 0.00001, 0.999989),
    "military_number": (0.000001, 0.00001, 0.999989),
}
_SAMPLE = 40_000
_PSEUDO_PAIRS = 2_000.0


@dataclass(frozen=True)
class Model:
    """Weight tables (bits) per field, indexed by level, and the prior log2-odds of a match."""

    weights: dict[str, np.ndarray]
    prior_bits: float

    def total(self, levels: dict[str, np.ndarray]) -> np.ndarray:
        """Summed evidence in bits (without the prior) of each pair."""
        total = np.zeros(len(next(iter(levels.values()))))
        for field_name, level in levels.items():
            total += self.weights[field_name][level]
        return total

    def probability(self, bits: np.ndarray) -> np.ndarray:
        """Match probability from summed evidence."""
        return 1.0 / (1.0 + np.exp2(-(bits + self.prior_bits)))


def fit_model(left: Features, right: Features, *, expected_matches: float, seed: int = 0) -> Model:
    """Measure u on random pairs of the two lists; `expected_matches` sets the prior."""
    rng = np.random.default_rng(seed)
    n = min(_SAMPLE, len(left) * len(right))
    li = rng.integers(0, len(left), n)
    ri = rng.integers(0, len(right), n)
    levels, _ = compare(left, right, li, ri)
    weights = {field: _weights(field, levels[field]) for field in LEVELS}
    pairs = max(len(left) * len(right), 1)
    prior = min(max(expected_matches, 1.0) / pairs, 0.5)
    return Model(weights, float(np.log2(prior / (1 - prior))))


def _weights(field_name: str, levels: np.ndarray) -> np.ndarray:
    count = len(LEVELS[field_name])
    observed = np.bincount(levels, minlength=count)[1:].astype(float)
    prior = np.array(U_PRIORS[field_name])
    u = (observed + _PSEUDO_PAIRS * prior) / (observed.sum() + _PSEUDO_PAIRS)
    m = np.array(M_PRIORS[field_name])
    weights = np.minimum.accumulate(np.log2(m / u))
    return np.concatenate([[0.0], weights])
