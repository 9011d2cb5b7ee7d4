"""The timeline chart: statements per party (or issue) per day, as server-rendered SVG.

Built only from the statements handed in (already filtered for the page), so it shows nothing
the list below it does not. Each dot is one day of one row: its area grows with the number of
statements, its colour is the day's leading tone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from math import sqrt

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from accord.monitor.models import Statement
from accord.monitor.selectors import TimelineRow

TONE_COLOUR = {"positive": "#2e7d4f", "negative": "#b3261e", "neutral": "#6b7785"}
MAX_DAYS = 40
LABEL_W, CELL, ROW_H, TOP = 190, 26, 26, 58


def rows_by_party(statements: Iterable[Statement], url: Callable[[int], str]) -> list[TimelineRow]:
    rows: dict[str, TimelineRow] = {}
    for s in statements:
        if s.date is None:
            continue
        key = s.party.name if s.party else "No party"
        row = rows.setdefault(key, TimelineRow(key, url(s.party_id) if s.party_id else ""))
        row.add(s.date, s.tone)
    return sorted(rows.values(), key=lambda r: (r.label == "No party", r.label))


def rows_by_issue(statements: Iterable[Statement], url: Callable[[int], str]) -> list[TimelineRow]:
    rows: dict[int, TimelineRow] = {}
    for s in statements:
        if s.date is None:
            continue
        for issue in s.issues.all():
            row = rows.setdefault(issue.pk, TimelineRow(issue.title, url(issue.pk)))
            row.add(s.date, s.tone)
    return [rows[k] for k in sorted(rows)]


def _leading(counts: dict[str, int]) -> str:
    return max(sorted(counts), key=lambda tone: counts[tone])


def chart(rows: list[TimelineRow], *, title: str) -> SafeString:
    """A dot matrix, rows x days (the latest MAX_DAYS days with statements)."""
    days = sorted({day for row in rows for day in row.cells})[-MAX_DAYS:]
    if not rows or not days:
        return mark_safe("")
    width = LABEL_W + CELL * len(days) + 10
    height = TOP + ROW_H * len(rows) + 6
    parts = [
        f'<svg class="monitor-timeline" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(title)}">'
    ]
    for col, day in enumerate(days):
        x = LABEL_W + CELL * col + CELL / 2
        parts.append(
            f'<text x="{x}" y="{TOP - 8}" font-size="10" text-anchor="start" '
            f'transform="rotate(-45 {x} {TOP - 8})">{day.isoformat()}</text>'
        )
    for index, row in enumerate(rows):
        y = TOP + ROW_H * index + ROW_H / 2
        parts.append(f'<text x="4" y="{y + 4}" font-size="12">{escape(row.label[:30])}</text>')
        for col, day in enumerate(days):
            counts = row.cells.get(day)
            if not counts:
                continue
            total = sum(counts.values())
            x = LABEL_W + CELL * col + CELL / 2
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="{min(4 + 3 * sqrt(total - 1), 12):.1f}" '
                f'fill="{TONE_COLOUR.get(_leading(counts), "#6b7785")}" fill-opacity="0.8">'
                f"<title>{escape(row.label)} · {day.isoformat()}: {total} statement(s)</title>"
                "</circle>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
