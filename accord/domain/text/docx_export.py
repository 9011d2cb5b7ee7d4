"""DOCX export a legal adviser can work from: headings, numbered clauses, visible brackets,
proposers as real footnotes, an annex with the acceptance matrix, and a per-recipient mark."""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ._docx_parts import Footnotes, set_custom_property
from .acceptance import Acceptance
from .model import Bracket, Document, Segment
from .render import escape
from .status import text_status
from .watermark import DEFAULT_KEY, after_first_word, mark_for, payload_for

PROPOSED_BY = "Proposed by"
ANNEX_TITLE = "Annex. Acceptance matrix"
MARK_PROPERTY = "AccordCopy"
_GREY = RGBColor(0x70, 0x70, 0x70)
_MARK_WORDS = {
    "accept": "accept",
    "ad_referendum": "ad ref.",
    "pending": "–",
    "reserve": "reserve",
    "reject": "reject",
}


def proposer_note(proposers: tuple[str, ...]) -> str:
    """The footnote text for an alternative's proposers (read back by the importer)."""
    return f"{PROPOSED_BY}: {', '.join(proposers)}."


class _ClauseWriter:
    """Writes a clause body into a paragraph run by run, brackets in bold."""

    def __init__(self, paragraph: Paragraph, footnotes: Footnotes, mark: str) -> None:
        self.paragraph = paragraph
        self.footnotes = footnotes
        self.mark = mark

    def text(self, text: str) -> None:
        if self.mark and text.strip():
            text, self.mark = after_first_word(text, self.mark), ""
        self.paragraph.add_run(escape(text))

    def syntax(self, text: str) -> None:
        self.paragraph.add_run(text).bold = True

    def segments(self, segments: tuple[Segment, ...]) -> None:
        for segment in segments:
            if isinstance(segment, str):
                self.text(segment)
            else:
                self.bracket(segment)

    def bracket(self, bracket: Bracket) -> None:
        self.syntax("[")
        if bracket.label:
            run = self.paragraph.add_run(f"#{bracket.label} ")
            run.font.color.rgb = _GREY
        for index, alternative in enumerate(bracket.alternatives):
            if index:
                self.syntax(" | ")
            first = alternative.segments[0] if alternative.segments else ""
            if index == 0 and not bracket.label and isinstance(first, str) and first[:1] == "#":
                self.paragraph.add_run("\\")
            self.segments(alternative.segments)
            if alternative.proposers:
                self.footnotes.reference(self.paragraph, proposer_note(alternative.proposers))
        self.syntax("]")


def docx_bytes(
    document: Document,
    *,
    title: str = "Draft negotiating text",
    acceptance: Acceptance | None = None,
    recipient: str | None = None,
    key: str = DEFAULT_KEY,
) -> bytes:
    """The DOCX file for `document`; a `recipient`'s copy carries their invisible mark."""
    docx = new_docx()
    docx.styles["Normal"].font.size = Pt(11)
    docx.core_properties.title = title
    docx.add_paragraph(title, style="Title")
    footnotes = Footnotes()
    mark = mark_for(recipient, key) if recipient else ""
    for article in document.articles:
        if article.number:
            docx.add_heading(f"Article {article.number} {article.title}".rstrip(), level=1)
        for clause in article.clauses:
            paragraph = docx.add_paragraph()
            paragraph.add_run(clause.number).bold = True
            paragraph.add_run("\t")
            _ClauseWriter(paragraph, footnotes, mark).segments(clause.segments)
    if acceptance is not None:
        _annex(docx, document, acceptance)
    if recipient:
        _hidden_mark(docx, mark)
        set_custom_property(docx, MARK_PROPERTY, payload_for(recipient, key).hex())
    footnotes.attach(docx)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _hidden_mark(docx, mark: str) -> None:
    run = docx.add_paragraph().add_run(mark)
    run.font.hidden = True


def _annex(docx, document: Document, acceptance: Acceptance) -> None:
    docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    docx.add_heading(ANNEX_TITLE, level=1)
    status = text_status(document, acceptance)
    docx.add_paragraph(
        f"State of the text: {status.state.value.replace('_', ' ')}. "
        "Nothing is agreed until everything is agreed. “–” means no position yet; "
        "“ad ref.” means accepted subject to confirmation by the capital."
    )
    parties = list(status.parties)
    table = docx.add_table(rows=1, cols=3 + len(parties))
    table.style = "Table Grid"
    for cell, heading in zip(
        table.rows[0].cells, ["Clause", "Option", "Wording", *parties], strict=True
    ):
        cell.text = heading
        cell.paragraphs[0].runs[0].bold = True
    for clause in status.clauses:
        _row(
            table,
            [
                clause.number,
                f"whole ({clause.state.value.replace('_', ' ')})",
                clause.text.partition(" ")[2],
            ],
            [clause.marks[p].value if clause.marks[p] else "" for p in parties],
        )
        for bracket in clause.brackets:
            for alt in bracket.alternatives:
                _row(
                    table,
                    [clause.number, f"{bracket.bracket}.{alt.alternative}", alt.text],
                    [alt.marks[p].value for p in parties],
                )
    _fit_columns(table, len(parties))


def _fit_columns(table, party_count: int) -> None:
    """Give the wording room: narrow number columns, the rest shared by the parties."""
    table.autofit = False
    widths = [Cm(1.4), Cm(2.2), Cm(7.6)] + [Cm(5.0 / max(party_count, 1))] * party_count
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)


def _row(table, cells: list[str], marks: list[str]) -> None:
    row = table.add_row().cells
    for cell, text in zip(row, cells + [_MARK_WORDS.get(m, m) for m in marks], strict=True):
        cell.text = text
