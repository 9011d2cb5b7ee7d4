"""Daily incident counts by a category (ACLED event type, or alleged party), gaps filled."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

MAX_DAYS = 366


@dataclass(frozen=True)
class DailyCounts:
    days: list[date]
    series: dict[str, list[int]]  # label -> one count per day, labels sorted by total (desc)

    @property
    def total(self) -> int:
        return sum(sum(values) for values in self.series.values())


def daily_counts(facts: Iterable[tuple[date, str]], *, max_days: int = MAX_DAYS) -> DailyCounts:
    """Count (day, label) facts per day and label; keep the latest `max_days` days."""
    counter = Counter(facts)
    if not counter:
        return DailyCounts([], {})
    last = max(day for day, _ in counter)
    first = max(min(day for day, _ in counter), last - timedelta(days=max_days - 1))
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    labels = Counter()
    for (day, label), n in counter.items():
        if day >= first:
            labels[label] += n
    ordered = sorted(labels, key=lambda label: (-labels[label], label))
    series = {label: [counter.get((day, label), 0) for day in days] for label in ordered}
    return DailyCounts(days, series)
