"""Small server-rendered SVG charts (no script, no external asset): stacked bars and step lines.

Labels are escaped here; the markup is safe to insert into a page as it is.
"""

from __future__ import annotations

from datetime import date
from html import escape

PALETTE = ("#1f5fa8", "#b3261e", "#2e7d4f", "#b26a00", "#6a4c93", "#00838f", "#5b6775", "#ad1457")
WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 170, 16, 34


def _frame(title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="chart" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def _legend(labels: list[str]) -> list[str]:
    parts = []
    for i, label in enumerate(labels[:10]):
        y = TOP + 14 * i
        x = WIDTH - RIGHT + 12
        parts.append(
            f'<rect x="{x}" y="{y}" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{x + 14}" y="{y + 9}" font-size="10">{escape(label[:28])}</text>'
        )
    return parts


def _axis(y_max: float, ticks: list[float], fmt: str = "{:g}") -> list[str]:
    plot_h = HEIGHT - TOP - BOTTOM
    parts = [
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" '
        'stroke="#5b6775"/>'
    ]
    for tick in ticks:
        y = HEIGHT - BOTTOM - (tick / y_max) * plot_h if y_max else HEIGHT - BOTTOM
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#d9dee5"/>'
            f'<text x="{LEFT - 4}" y="{y + 3:.1f}" font-size="10" text-anchor="end">'
            f"{escape(fmt.format(tick))}</text>"
        )
    return parts


def _day_labels(days: list[date], x_of) -> list[str]:
    if not days:
        return []
    step = max(1, len(days) // 8)
    return [
        f'<text x="{x_of(i):.1f}" y="{HEIGHT - BOTTOM + 14}" font-size="10" '
        f'text-anchor="middle">{day.strftime("%d %b")}</text>'
        for i, day in enumerate(days)
        if i % step == 0
    ]


def stacked_bars(days: list[date], series: dict[str, list[int]], *, title: str) -> str:
    """One bar per day, stacked by label; each segment carries a tooltip with its count."""
    if not days:
        return _frame(title, [f'<text x="{LEFT}" y="40" font-size="12">No incidents.</text>'])
    labels = list(series)
    totals = [sum(series[label][i] for label in labels) for i in range(len(days))]
    y_max = max(max(totals), 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(days)
    bar = max(1.0, slot * 0.8)
    body = _axis(y_max, sorted({0, y_max // 2, y_max}))
    for i, day in enumerate(days):
        base = HEIGHT - BOTTOM
        for j, label in enumerate(labels):
            n = series[label][i]
            if not n:
                continue
            h = n / y_max * plot_h
            base -= h
            body.append(
                f'<rect x="{LEFT + i * slot + (slot - bar) / 2:.1f}" y="{base:.1f}" '
                f'width="{bar:.1f}" height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}">'
                f"<title>{day.isoformat()}: {escape(label)} {n}</title></rect>"
            )
    body += _day_labels(days, lambda i: LEFT + i * slot + slot / 2)
    return _frame(title, body + _legend(labels))


def step_lines(
    series: dict[str, list[tuple[date, float]]], *, title: str, y_max: float = 3.0
) -> str:
    """Step lines over a shared date axis (implementation curves on the 0..3 scale)."""
    days = sorted({day for points in series.values() for day, _ in points})
    if not days:
        return _frame(title, [f'<text x="{LEFT}" y="40" font-size="12">No status yet.</text>'])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = max((days[-1] - days[0]).days, 1)

    def x_of_day(day: date) -> float:
        return LEFT + ((day - days[0]).days / span) * plot_w if len(days) > 1 else LEFT + plot_w / 2

    def y_of(value: float) -> float:
        return HEIGHT - BOTTOM - (value / y_max) * plot_h

    body = _axis(y_max, [0, 1, 2, 3] if y_max == 3 else [0, y_max / 2, y_max])
    for j, (label, points) in enumerate(series.items()):
        if not points:
            continue
        colour = PALETTE[j % len(PALETTE)]
        coords: list[str] = []
        for k, (day, value) in enumerate(points):
            if k:
                coords.append(f"{x_of_day(day):.1f},{y_of(points[k - 1][1]):.1f}")
            coords.append(f"{x_of_day(day):.1f},{y_of(value):.1f}")
        coords.append(f"{WIDTH - RIGHT:.1f},{y_of(points[-1][1]):.1f}")
        body.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
            f'points="{" ".join(coords)}"/>'
        )
        body += [
            f'<circle cx="{x_of_day(d):.1f}" cy="{y_of(v):.1f}" r="3" fill="{colour}">'
            f"<title>{escape(label)} {d.isoformat()}: {v:.2f}</title></circle>"
            for d, v in points
        ]
    shown = days if len(days) <= 8 else days[:: max(1, len(days) // 8)]
    body += [
        f'<text x="{x_of_day(d):.1f}" y="{HEIGHT - BOTTOM + 14}" font-size="10" '
        f'text-anchor="middle">{d.strftime("%d %b")}</text>'
        for d in shown
    ]
    return _frame(title, body + _legend(list(series)))
