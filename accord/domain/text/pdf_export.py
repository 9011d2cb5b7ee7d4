"""PDF export with fpdf2: the same layout as the DOCX, proposers as superscripts.

Cyrillic needs a Unicode TrueType font that ships with the application: Noto Sans from the
`fontpkg-noto-sans` package, else DejaVu Sans from the operating system.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from .acceptance import Acceptance
from .model import Bracket, Document, Segment
from .render import escape
from .status import text_status
from .trace import PDF_MARK_PREFIX
from .watermark import DEFAULT_KEY, payload_for

_SYSTEM_FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),)
FAMILY = "accord"


def font_path() -> tuple[Path, bool]:
    """The Unicode font to embed, and whether it is the packaged variable font.

    A variable font is used at its default (regular) instance: cutting a bold instance takes
    fontTools tens of seconds, so the PDF uses one regular face (headings differ by size).
    """
    try:
        import fontpkg_noto_sans

        packaged = Path(fontpkg_noto_sans.__file__).parent / "files" / "NotoSans[wdth,wght].ttf"
        if packaged.exists():
            return packaged, True
    except ImportError:
        pass
    for path in _SYSTEM_FONTS:
        if path.exists():
            return path, False
    raise RuntimeError("no Unicode font for PDF export: install the fontpkg-noto-sans package")


def _new_pdf(title: str) -> FPDF:
    pdf = FPDF(format="A4")
    path, _ = font_path()
    pdf.add_font(FAMILY, "", path)
    pdf.set_title(title)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    return pdf


def _font(pdf: FPDF, size: float, bold: bool = False) -> None:
    """One regular face: headings stand out by size; `bold` marks intent for a bold face."""
    del bold
    pdf.set_font(FAMILY, "", size)


def _write_segments(pdf: FPDF, segments: tuple[Segment, ...]) -> None:
    for segment in segments:
        if isinstance(segment, str):
            _font(pdf, 11)
            pdf.write(6, escape(segment))
        else:
            _write_bracket(pdf, segment)


def _write_bracket(pdf: FPDF, bracket: Bracket) -> None:
    _font(pdf, 11, bold=True)
    pdf.write(6, "[" + (f"#{bracket.label} " if bracket.label else ""))
    for index, alternative in enumerate(bracket.alternatives):
        if index:
            _font(pdf, 11, bold=True)
            pdf.write(6, " | ")
        _write_segments(pdf, alternative.segments)
        if alternative.proposers:
            _font(pdf, 7)
            pdf.char_vpos = "SUP"
            pdf.write(6, " " + ", ".join(alternative.proposers))
            pdf.char_vpos = "LINE"
    _font(pdf, 11, bold=True)
    pdf.write(6, "]")


def pdf_bytes(
    document: Document,
    *,
    title: str = "Draft negotiating text",
    acceptance: Acceptance | None = None,
    recipient: str | None = None,
    key: str = DEFAULT_KEY,
) -> bytes:
    """The PDF file for `document`; a recipient's copy carries their mark in its metadata."""
    pdf = _new_pdf(title)
    if recipient:
        pdf.set_keywords(PDF_MARK_PREFIX + payload_for(recipient, key).hex())
    _font(pdf, 16, bold=True)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    for article in document.articles:
        if article.number:
            pdf.ln(3)
            _font(pdf, 13, bold=True)
            pdf.multi_cell(
                0,
                8,
                f"Article {article.number} {article.title}".rstrip(),
                new_x="LMARGIN",
                new_y="NEXT",
            )
        for clause in article.clauses:
            _font(pdf, 11, bold=True)
            pdf.write(6, clause.number + "  ")
            _write_segments(pdf, clause.segments)
            pdf.ln(8)
    if acceptance is not None:
        _annex(pdf, document, acceptance)
    return bytes(pdf.output())


def _annex(pdf: FPDF, document: Document, acceptance: Acceptance) -> None:
    status = text_status(document, acceptance)
    pdf.add_page()
    _font(pdf, 13, bold=True)
    pdf.multi_cell(0, 8, "Annex. Acceptance matrix", new_x="LMARGIN", new_y="NEXT")
    _font(pdf, 9)
    pdf.multi_cell(
        0,
        5,
        f"State of the text: {status.state.value.replace('_', ' ')}. "
        "Nothing is agreed until everything is agreed.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    parties = list(status.parties)
    widths = (14, 14, 70, *([92 / max(len(parties), 1)] * len(parties)))
    heading = FontFace(emphasis="", fill_color=(225, 225, 225))
    with pdf.table(col_widths=widths, text_align="LEFT", headings_style=heading) as table:
        table.row(["Clause", "Option", "Wording", *parties])
        for clause in status.clauses:
            table.row(
                [
                    clause.number,
                    "whole",
                    clause.text.partition(" ")[2],
                    *[(clause.marks[p] or "").replace("_", " ") for p in parties],
                ]
            )
            for bracket in clause.brackets:
                for alt in bracket.alternatives:
                    table.row(
                        [
                            clause.number,
                            f"{bracket.bracket}.{alt.alternative}",
                            alt.text,
                            *[alt.marks[p].replace("_", " ") for p in parties],
                        ]
                    )
