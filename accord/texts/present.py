"""Turning engine values into what the pages show: clause HTML, the heatmap, the SVG chart.

Only presentation: every input was read through the selectors (so only visible rows count).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from accord.domain.text import (
    Acceptance,
    Bracket,
    Clause,
    Document,
    Mark,
    Segment,
    State,
    WordOp,
    clause_state,
)

VERDICT_LABEL = {
    "accept": "Accepts",
    "ad_referendum": "Ad referendum",
    "pending": "Pending",
    "reserve": "Reserves",
    "reject": "Rejects",
}


def segments_html(segments: tuple[Segment, ...]) -> SafeString:
    """A clause body with brackets set off and proposers as superscripts."""
    parts = []
    for segment in segments:
        if isinstance(segment, str):
            parts.append(format_html("{}", segment))
        else:
            parts.append(_bracket_html(segment))
    return mark_safe("".join(parts))


def _bracket_html(bracket: Bracket) -> SafeString:
    options = format_html_join(
        mark_safe('<span class="bar"> | </span>'),
        '<span class="alt">{}{}</span>',
        (
            (
                segments_html(a.segments),
                format_html(' <sup class="proposer">{}</sup>', ", ".join(a.proposers))
                if a.proposers
                else "",
            )
            for a in bracket.alternatives
        ),
    )
    label = format_html('<span class="label">#{} </span>', bracket.label) if bracket.label else ""
    return format_html('<span class="bracket">[{}{}]</span>', label, options)


def words_html(words: tuple[WordOp, ...]) -> SafeString:
    """A word diff: insertions and deletions marked up."""
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return mark_safe("".join(format_html(tags[w.op], w.text) for w in words))


def party_verdict(clause: Clause, acc: Acceptance, party: str) -> str:
    """One party's verdict on a clause: whether some reading has its acceptance, else its
    strongest objection."""
    own = Acceptance((party,), {k: v for k, v in acc.marks.items() if k[1] == party})
    state, _reading = clause_state(clause, own)
    if state is State.AGREED:
        return Mark.ACCEPT.value
    if state is State.AGREED_AD_REFERENDUM:
        return Mark.AD_REFERENDUM.value
    given = {v for k, v in own.marks.items() if k[0] == clause.number}
    for mark in (Mark.REJECT, Mark.RESERVE):
        if mark in given:
            return mark.value
    return Mark.PENDING.value


@dataclass(frozen=True)
class HeatRow:
    number: str
    state: str
    cells: list[tuple[str, str]]  # (party code, verdict)


def heatmap(document: Document, acc: Acceptance) -> list[HeatRow]:
    """Clauses x parties: each cell the party's verdict, each row the clause's state."""
    rows = []
    for clause in document.clauses():
        state, _ = clause_state(clause, acc)
        cells = [(p, party_verdict(clause, acc, p)) for p in acc.parties]
        rows.append(HeatRow(clause.number, state.value, cells))
    return rows


def bracket_chart(points: list[tuple[int, int]], width: int = 420, height: int = 160) -> SafeString:
    """Open brackets per version as an inline SVG line (no script, no external asset)."""
    if not points:
        return mark_safe("")
    pad = 30
    top = max(v for _, v in points) or 1
    step = (width - 2 * pad) / max(1, len(points) - 1)

    def xy(i: int, value: int) -> tuple[float, float]:
        return pad + i * step, height - pad - (height - 2 * pad) * value / top

    coords = [xy(i, v) for i, (_, v) in enumerate(points)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3"><title>v{}: {} open</title></circle>'
        '<text x="{}" y="{}" text-anchor="middle">v{}</text>'
        '<text x="{}" y="{}" text-anchor="middle">{}</text>',
        (
            (
                f"{x:.1f}",
                f"{y:.1f}",
                n,
                v,
                f"{x:.1f}",
                height - pad + 16,
                n,
                f"{x:.1f}",
                f"{y - 8:.1f}",
                v,
            )
            for (x, y), (n, v) in zip(coords, points, strict=True)
        ),
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
        'aria-label="Open brackets per version">'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>'
        '<polyline points="{}" class="series"/>{}</svg>',
        width,
        height,
        width,
        height,
        pad,
        height - pad,
        width - pad,
        height - pad,
        line,
        dots,
    )
