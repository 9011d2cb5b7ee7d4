"""The single negotiating text: bracket notation, acceptance algebra, versions, exports.

Pure Python: takes and returns plain data (frozen dataclasses, bytes). See docs/text.md for the
notation grammar, the acceptance semantics and the watermark design. The DOCX/PDF functions are
loaded on first use so that importing the engine stays light.
"""

from importlib import import_module
from typing import Any

from .acceptance import Acceptance, Mark, State, clause_state, text_state
from .acceptance_file import dump_acceptance, load_acceptance
from .diff import Change, ClauseChange, WordOp, clause_diff, format_diff, word_diff
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
from .readings import BracketSite, Reading, bracket_sites, resolve
from .record import (
    Event,
    EventKind,
    Version,
    acceptance_at,
    clause_record,
    open_brackets,
    version_diff,
)
from .render import render, render_clause, render_segments
from .status import (
    AlternativeStatus,
    BracketStatus,
    ClauseStatus,
    TextStatus,
    clause_status,
    status_json,
    text_status,
)
from .translation import (
    Freshness,
    Translation,
    clause_hash,
    freshness,
    stale_clauses,
    translate,
    translation_report,
)
from .watermark import find_marks, mark_for, strip_marks, watermark_lines

_LAZY = {
    "docx_bytes": "docx_export",
    "import_docx": "docx_import",
    "docx_notation": "docx_import",
    "pdf_bytes": "pdf_export",
    "trace_bytes": "trace",
    "TraceResult": "trace",
}


def __getattr__(name: str) -> Any:
    """Load the export/import/trace functions (python-docx, fpdf2) only when first asked for."""
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAX_SOURCE_BYTES",
    "Acceptance",
    "AcceptanceFormatError",
    "Alternative",
    "AlternativeStatus",
    "Article",
    "Bracket",
    "BracketSite",
    "BracketStatus",
    "Change",
    "Clause",
    "ClauseChange",
    "ClauseStatus",
    "Document",
    "DocxError",
    "Event",
    "EventKind",
    "Freshness",
    "InputTooLargeError",
    "Mark",
    "NotationError",
    "Reading",
    "Segment",
    "State",
    "TextError",
    "TextStatus",
    "TraceResult",
    "Translation",
    "Version",
    "WordOp",
    "acceptance_at",
    "bracket_sites",
    "clause_diff",
    "clause_hash",
    "clause_record",
    "clause_state",
    "clause_status",
    "docx_bytes",
    "docx_notation",
    "dump_acceptance",
    "find_marks",
    "format_diff",
    "freshness",
    "import_docx",
    "iter_brackets",
    "load_acceptance",
    "mark_for",
    "normalise_document",
    "open_brackets",
    "parse",
    "pdf_bytes",
    "render",
    "render_clause",
    "render_segments",
    "resolve",
    "stale_clauses",
    "status_json",
    "strip_marks",
    "text_state",
    "text_status",
    "translate",
    "translation_report",
    "version_diff",
    "watermark_lines",
    "word_diff",
]
