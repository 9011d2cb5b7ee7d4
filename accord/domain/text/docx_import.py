"""Importing a DOCX draft that uses the bracket notation (including Accord's own exports).

Each paragraph becomes one line of notation: headings `Article N Title`, clause paragraphs
`4.2 text [a | b]`. A footnote saying "Proposed by: RU, US." becomes `{RU, US}`; hidden text
and watermark characters are dropped; reading stops at the annex heading.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Collection

from docx import Document as open_docx
from docx.oxml.ns import qn

from ._docx_parts import footnote_texts
from .docx_export import ANNEX_TITLE, PROPOSED_BY
from .errors import DocxError, NotationError
from .model import Document
from .parse import parse
from .watermark import strip_marks

MAX_DOCX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_PROPOSERS = re.compile(rf"^{PROPOSED_BY}:?\s*(.+?)\.?$")


def _open(data: bytes):
    if len(data) > MAX_DOCX_BYTES:
        raise DocxError(
            f"the file is {len(data) / 1_048_576:.1f} MB; a DOCX draft may be at "
            f"most {MAX_DOCX_BYTES // 1_048_576} MB"
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocxError("not a DOCX file (a DOCX is a ZIP package; this is not one)")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/document.xml" not in package.namelist():
            raise DocxError("not a DOCX file (the ZIP package has no word/document.xml)")
        if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED_BYTES:
            raise DocxError("the DOCX unpacks to more than 200 MB; refusing it")
    try:
        return open_docx(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for broken packages
        raise DocxError(f"not a readable DOCX file: {error}") from None


def _hidden(run) -> bool:
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false")


def _paragraph_text(paragraph, notes: dict[str, str]) -> str:
    """The paragraph's visible text (hyperlinks and insertions included, deletions not), with
    proposer footnotes written back as `{...}`."""
    parts: list[str] = []
    for run in paragraph._p.iter(qn("w:r")):
        if _hidden(run):
            continue
        for child in run:
            if child.tag == qn("w:t"):
                parts.append(child.text or "")
            elif child.tag == qn("w:tab"):
                parts.append("\t")
            elif child.tag == qn("w:footnoteReference"):
                match = _PROPOSERS.match(notes.get(child.get(qn("w:id")), ""))
                if match:
                    parts.append(" {" + match.group(1) + "}")
    return strip_marks("".join(parts))


def docx_notation(data: bytes) -> str:
    """The notation the DOCX draft contains, one line per paragraph (line = paragraph number)."""
    docx = _open(data)
    notes = footnote_texts(docx)
    lines: list[str] = []
    for paragraph in docx.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        text = _paragraph_text(paragraph, notes)
        if style.startswith("Heading") and text.strip().startswith(ANNEX_TITLE.split(".")[0]):
            break
        lines.append("" if style == "Title" else text)
    return "\n".join(lines) + "\n"


def import_docx(data: bytes, parties: Collection[str] | None = None) -> Document:
    """The document in a DOCX draft; errors name the paragraph (as line) and column."""
    notation = docx_notation(data)
    try:
        return parse(notation, parties)
    except NotationError as error:
        raise DocxError(
            f"paragraph {error.line}: {error.message}", error.line, error.column
        ) from None
