"""Implementation on the Peace Accords Matrix scale and its curve over time.

The Kroc Institute's PAM scores each provision 0 (not initiated), 1 (minimal), 2 (intermediate)
or 3 (full). An agreement's score on a day is the mean of its provisions' latest levels on that
day (a provision with no status yet counts as 0), shown also as a percentage of full (3).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

LEVELS: dict[int, str] = {0: "not initiated", 1: "minimal", 2: "intermediate", 3: "full"}
FULL = 3


@dataclass(frozen=True)
class StatusPoint:
    provision: int
    day: date
    level: int
    order: int = 0  # tie-break for several entries on one day (e.g. the row id)


@dataclass(frozen=True)
class CurvePoint:
    day: date
    mean: float  # 0..3
    percent: float  # 0..100


def level_label(level: int) -> str:
    if level not in LEVELS:
        raise ValueError(f"PAM level must be 0..3, not {level}")
    return LEVELS[level]


def latest_levels(points: Iterable[StatusPoint], *, on: date | None = None) -> dict[int, int]:
    """Each provision's latest level (on or before `on` when given)."""
    latest: dict[int, StatusPoint] = {}
    for point in sorted(points, key=lambda p: (p.day, p.order)):
        if on is None or point.day <= on:
            latest[point.provision] = point
    return {k: p.level for k, p in latest.items()}


def score(provisions: Sequence[int], levels: dict[int, int]) -> CurvePoint | None:
    """The mean level and percentage over `provisions` (None when there are none)."""
    if not provisions:
        return None
    total = sum(levels.get(p, 0) for p in provisions)
    mean = total / len(provisions)
    return CurvePoint(date.min, round(mean, 4), round(100 * mean / FULL, 2))


def implementation_curve(
    provisions: Sequence[int], points: Iterable[StatusPoint]
) -> list[CurvePoint]:
    """The agreement's score after each day on which some provision's status changed."""
    wanted = set(provisions)
    relevant = sorted((p for p in points if p.provision in wanted), key=lambda p: (p.day, p.order))
    curve: list[CurvePoint] = []
    levels: dict[int, int] = {}
    for index, point in enumerate(relevant):
        levels[point.provision] = point.level
        if index + 1 < len(relevant) and relevant[index + 1].day == point.day:
            continue
        current = score(provisions, levels)
        curve.append(CurvePoint(point.day, current.mean, current.percent))
    return curve
