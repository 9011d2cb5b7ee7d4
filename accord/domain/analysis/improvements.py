"""Post-settlement improvement: frontier packages every party weakly prefers to a baseline."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from accord.domain.analysis.results import Frontier, Package


def pareto_improvements(frontier: Frontier, baseline: Mapping[str, str]) -> tuple[Package, ...]:
    """Frontier packages that Pareto-improve `baseline` (no party worse off, one better off).

    An empty answer means the baseline is already Pareto-efficient (for an exact frontier).
    """
    base = np.array(frontier.scenario.utilities(baseline))
    better = np.all(frontier.utilities >= base, axis=1) & np.any(frontier.utilities > base, axis=1)
    return tuple(frontier.package(int(row)) for row in np.flatnonzero(better))
