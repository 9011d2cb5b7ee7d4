"""The single negotiating text: bracket notation, acceptance algebra, versions, exports.

Pure Python: takes and returns plain data. See docs/text.md for the notation and semantics.
"""

from .errors import (
    AcceptanceFormatError,
    DocxError,
    InputTooLargeError,
    NotationError,
    TextError,
)
from .model import Alternative, Article, Bracket, Clause, Document, Segment, iter_brackets
from .normalise import normalise_document
from .parse import MAX_SOURCE_BYTES, parse
from .render import render, render_clause, render_segments

__all__ = [
    "MAX_SOURCE_BYTES",
    "AcceptanceFormatError",
    "Alternative",
    "Article",
    "Bracket",
    "Clause",
    "Document",
    "DocxError",
    "InputTooLargeError",
    "NotationError",
    "Segment",
    "TextError",
    "iter_brackets",
    "normalise_document",
    "parse",
    "render",
    "render_clause",
    "render_segments",
]
