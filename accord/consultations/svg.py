"""Server-rendered SVG charts for the report: no JavaScript, no identifiers in the markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PALETTE = ["#1f5fa8", "#c2571a", "#2e7d4f", "#6a4c93", "#b3261e", "#4b5d6b"]


def group_colour(group_id: int) -> str:
    return PALETTE[int(group_id) % len(PALETTE)]


def opinion_map(points: Sequence[Sequence[float]], *, size: int = 360) -> SafeString:
    """Participants as dots in the 2D projection, coloured by group; nothing else per dot."""
    if not points:
        return mark_safe("")
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    span = max(max(map(abs, xs)), max(map(abs, ys)), 1e-9)
    pad = 14
    scale = (size / 2 - pad) / span

    def at(v: float) -> float:
        return round(size / 2 + v * scale, 1)

    dots = "".join(
        f'<circle cx="{at(x)}" cy="{at(-y)}" r="3.2" fill="{group_colour(g)}" fill-opacity="0.65"/>'
        for x, y, g in points
    )
    axes = (
        f'<line x1="{size / 2}" y1="{pad}" x2="{size / 2}" y2="{size - pad}" stroke="#d9dee5"/>'
        f'<line x1="{pad}" y1="{size / 2}" x2="{size - pad}" y2="{size / 2}" stroke="#d9dee5"/>'
    )
    return mark_safe(
        f'<svg class="opinion-map" viewBox="0 0 {size} {size}" role="img" '
        f'aria-label="Opinion map: participants coloured by opinion group">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>{axes}{dots}</svg>'
    )


def participation_chart(days: Sequence[dict[str, Any]], *, width: int = 560) -> SafeString:
    """Votes per day as bars, with the cumulative number of participants as a line."""
    if not days:
        return mark_safe("")
    height, pad, foot = 180, 28, 22
    n = len(days)
    bar = (width - 2 * pad) / n
    top_votes = max(d["votes"] for d in days) or 1
    total = 0
    cumulative = []
    for d in days:
        total += d["participants"]
        cumulative.append(total)
    top_people = max(cumulative) or 1
    inner = height - pad - foot
    bars, line = [], []
    for i, d in enumerate(days):
        h = inner * d["votes"] / top_votes
        x = pad + i * bar
        bars.append(
            f'<rect x="{x + 1:.1f}" y="{pad + inner - h:.1f}" width="{max(bar - 2, 1):.1f}" '
            f'height="{h:.1f}" fill="#c6dbf3"><title>{escape(d["day"])}: {d["votes"]} votes, '
            f"{d['participants']} new participants</title></rect>"
        )
        line.append(f"{x + bar / 2:.1f},{pad + inner - inner * cumulative[i] / top_people:.1f}")
    labels = (
        f'<text x="{pad}" y="{height - 6}" font-size="11" fill="#5b6775">{escape(days[0]["day"])}'
        f'</text><text x="{width - pad}" y="{height - 6}" font-size="11" fill="#5b6775" '
        f'text-anchor="end">{escape(days[-1]["day"])}</text>'
        f'<text x="{pad}" y="16" font-size="11" fill="#5b6775">bars: votes per day (max '
        f"{top_votes}) · line: participants so far ({top_people})</text>"
    )
    return mark_safe(
        f'<svg class="participation" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Participation over time">{"".join(bars)}'
        f'<polyline points="{" ".join(line)}" fill="none" stroke="#1f5fa8" stroke-width="2"/>'
        f"{labels}</svg>"
    )
