"""Bargaining points chosen among frontier packages, with gains measured over reservation values.

Definitions (r = reservation values, u = a frontier package's utilities, party order):
- rational: u[i] >= r[i] for every party; a zone of possible agreement exists iff one is.
- Nash: among packages with u[i] - r[i] > 0 for every party, the largest product of gains
  (compared as a sum of logarithms, so that many parties cannot underflow it).
- Kalai–Smorodinsky: with the ideal point a[i] = max u[i] over rational packages, the rational
  package maximising min_i (u[i] - r[i]) / (a[i] - r[i]) (needs a[i] > r[i] for every party).
- egalitarian: the rational package maximising the smallest gain min_i (u[i] - r[i]).
- utilitarian: the rational package maximising the sum of utilities.
Every criterion increases with each party's utility, so an optimum always lies on the frontier.
Ties go to the package listed first on the frontier (highest total utility).
"""

from __future__ import annotations

import numpy as np

from accord.domain.analysis.results import Frontier, Package


def rational_rows(frontier: Frontier, disagreement: np.ndarray | None = None) -> np.ndarray:
    """Mask of frontier rows giving every party at least its reservation value."""
    floor = frontier.scenario.reservations if disagreement is None else disagreement
    return np.all(frontier.utilities >= floor, axis=1)


def zopa_exists(frontier: Frontier) -> bool:
    """Whether some package gives every party at least its reservation value."""
    return bool(rational_rows(frontier).any())


def nash_point(frontier: Frontier, disagreement: np.ndarray | None = None) -> Package | None:
    """The Nash bargaining solution; `disagreement` defaults to the reservation values."""
    floor = frontier.scenario.reservations if disagreement is None else disagreement
    gains = frontier.utilities - floor
    eligible = np.all(gains > 0, axis=1)
    log_product = np.log(np.where(eligible[:, None], gains, 1.0)).sum(axis=1)
    return _best(frontier, log_product, eligible)


def kalai_point(frontier: Frontier) -> Package | None:
    """The Kalai–Smorodinsky point: the best worst-off share of each party's possible gain."""
    rational = rational_rows(frontier)
    if not rational.any():
        return None
    floor = frontier.scenario.reservations
    ideal = frontier.utilities[rational].max(axis=0)
    reach = ideal - floor
    if np.any(reach <= 0):
        return None
    shares = (frontier.utilities - floor) / reach
    return _best(frontier, shares.min(axis=1), rational)


def egalitarian_point(frontier: Frontier) -> Package | None:
    """The maximin point: the largest smallest gain over reservation."""
    gains = frontier.utilities - frontier.scenario.reservations
    return _best(frontier, gains.min(axis=1), rational_rows(frontier))


def utilitarian_point(frontier: Frontier) -> Package | None:
    """The rational package with the largest total utility."""
    return _best(frontier, frontier.utilities.sum(axis=1), rational_rows(frontier))


def _best(frontier: Frontier, score: np.ndarray, eligible: np.ndarray) -> Package | None:
    if not eligible.any():
        return None
    masked = np.where(eligible, score, -np.inf)
    return frontier.package(int(np.argmax(masked)))
