"""A source text with statement spans wrapped in <mark>, every character escaped."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> SafeString:
    """`text` with each (start, end, href) span marked; overlapping spans keep the first.

    With an empty href the mark gets id="quote" (the statement page's single span).
    """
    parts: list[str] = []
    position = 0
    for start, end, href in sorted(spans):
        if start < position or end > len(text) or start >= end:
            continue
        parts.append(escape(text[position:start]))
        inner = escape(text[start:end])
        if href:
            parts.append(format_html('<a href="{}"><mark>{}</mark></a>', href, inner))
        else:
            parts.append(format_html('<mark id="quote">{}</mark>', inner))
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
