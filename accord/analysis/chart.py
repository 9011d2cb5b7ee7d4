"""The frontier as a server-rendered SVG scatter plot (no JavaScript).

x and y: two parties' utilities; colour (light to dark) and size: a third party's utility.
Bargaining points are ringed and labelled. Every number plotted comes from the run's result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, MARGIN = 520, 380, 48
SYMBOLS = {"nash": "N", "kalai": "K", "egalitarian": "E", "utilitarian": "U"}


def _x(u: float) -> float:
    return round(MARGIN + u * (WIDTH - 2 * MARGIN), 1)


def _y(u: float) -> float:
    return round(HEIGHT - MARGIN - u * (HEIGHT - 2 * MARGIN), 1)


def _shade(u: float) -> str:
    return f"hsl(210, 70%, {round(85 - 55 * u)}%)"


def _axes(x_name: str, y_name: str) -> list[str]:
    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#555"/>',
            MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN,
        ),
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#555"/>',
            MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN,
        ),
        format_html(
            '<text x="{}" y="{}" text-anchor="middle">utility of {}</text>',
            WIDTH / 2, HEIGHT - 10, x_name,
        ),
        format_html(
            '<text x="14" y="{}" text-anchor="middle" transform="rotate(-90 14 {})">'
            "utility of {}</text>",
            HEIGHT / 2, HEIGHT / 2, y_name,
        ),
    ]  # fmt: skip
    for tick in (0, 0.5, 1):
        parts.append(
            format_html('<text x="{}" y="{}" text-anchor="middle">{}</text>',
                        _x(tick), HEIGHT - MARGIN + 16, tick)
        )  # fmt: skip
        parts.append(
            format_html('<text x="{}" y="{}" text-anchor="end">{}</text>',
                        MARGIN - 6, _y(tick) + 4, tick)
        )  # fmt: skip
    return parts


def frontier_svg(
    result: Mapping[str, Any], names: Sequence[str], x: int, y: int, colour: int | None
) -> SafeString:
    """The chart for one run's `result`; `names` are the parties' names in result order."""
    parts = _axes(names[x], names[y])
    for number, package in enumerate(result.get("frontier", []), start=1):
        u = package["utilities"]
        fill = _shade(u[colour]) if colour is not None else "hsl(210, 70%, 45%)"
        radius = 3 + 4 * u[colour] if colour is not None else 4
        label = f"#{number}: " + ", ".join(f"{n} {v:.2f}" for n, v in zip(names, u, strict=True))
        parts.append(
            format_html(
                '<circle cx="{}" cy="{}" r="{}" fill="{}" fill-opacity="0.8">'
                "<title>{}</title></circle>",
                _x(u[x]), _y(u[y]), round(radius, 1), fill, label,
            )
        )  # fmt: skip
    for key, symbol in SYMBOLS.items():
        point = result.get(key)
        if point:
            u = point["utilities"]
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="9" fill="none" stroke="#c0392b" '
                    'stroke-width="2"><title>{}</title></circle>'
                    '<text x="{}" y="{}" fill="#c0392b" font-weight="bold">{}</text>',
                    _x(u[x]), _y(u[y]), key, _x(u[x]) + 10, _y(u[y]) - 10, symbol,
                )
            )  # fmt: skip
    body = mark_safe("".join(parts))  # every part is built by format_html
    return format_html(
        '<svg class="frontier" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
        WIDTH, HEIGHT, escape(f"Pareto frontier: {names[x]} against {names[y]}"), body,
    )  # fmt: skip
