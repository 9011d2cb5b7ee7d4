"""DOCX and PDF exports, and importing DOCX drafts (ours and hand-made ones)."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as new_docx
from hypothesis import HealthCheck, given, settings

from accord.domain.text import DocxError, parse
from accord.domain.text.acceptance import Acceptance, Mark
from accord.domain.text.docx_export import ANNEX_TITLE, docx_bytes
from accord.domain.text.docx_import import docx_notation, import_docx
from accord.domain.text.pdf_export import pdf_bytes

from .strategies import documents

TEXT = parse(
    "Article 3 Territory\n"
    "3.1 The Parties shall [withdraw forces from Donbas {RU} | freeze hostilities along the "
    "current line of contact {UA, US}] within [#days 30 | 60] days.\n"
    "3.2 Сторони [\\#1 [a | b {RU}] | c] see \\[annex\\].\n"
)
PARTIES = ("RU", "UA", "US")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_import_of_export_gives_back_the_document(document) -> None:
    assert import_docx(docx_bytes(document)) == document


def test_a_watermarked_copy_with_annex_imports_as_the_same_text() -> None:
    acc = Acceptance(PARTIES, {("3.1", "RU", (1, 1)): Mark.ACCEPT})
    data = docx_bytes(TEXT, acceptance=acc, recipient="UA delegation")
    assert import_docx(data, parties=PARTIES) == TEXT


def test_proposers_are_real_footnotes() -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes(TEXT))) as package:
        body = package.read("word/document.xml").decode()
        notes = package.read("word/footnotes.xml").decode()
        types = package.read("[Content_Types].xml").decode()
    assert body.count("<w:footnoteReference") == 3
    assert "Proposed by: UA, US." in notes and 'w:type="separator"' in notes
    assert "footnotes+xml" in types


def test_annex_holds_the_acceptance_matrix() -> None:
    acc = Acceptance(PARTIES, {("3.1", "UA", (1, 2)): Mark.AD_REFERENDUM})
    document = new_docx(io.BytesIO(docx_bytes(TEXT, acceptance=acc)))
    assert any(p.text == ANNEX_TITLE for p in document.paragraphs)
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Clause", "Option", "Wording", *PARTIES]
    row = next(r for r in table.rows if r.cells[1].text == "1.2")
    assert [c.text for c in row.cells[3:]] == ["–", "ad ref.", "–"]
    # whole-clause row + one row per alternative of every bracket (2 + 2 | 2 + 2 + 2)
    assert len(table.rows) == 1 + (1 + 4) + (1 + 4)


def test_a_hand_made_draft_with_brackets_imports() -> None:
    draft = new_docx()
    draft.add_paragraph("Framework agreement (draft)", style="Title")
    draft.add_heading("Article 1 Prisoners", level=1)
    draft.add_paragraph("1.1 The Parties exchange [314 {UA} | all] prisoners.")
    paragraph = draft.add_paragraph("1.2 Done ")
    paragraph.add_run("in Abu Dhabi").italic = True
    draft.add_paragraph("")
    out = io.BytesIO()
    draft.save(out)
    document = import_docx(out.getvalue())
    assert [c.number for c in document.clauses()] == ["1.1", "1.2"]
    assert document.articles[0].title == "Prisoners"
    assert document.clause("1.2").segments == ("Done in Abu Dhabi",)


def test_bad_notation_in_a_draft_names_the_paragraph() -> None:
    draft = new_docx()
    draft.add_paragraph("1.1 fine")
    draft.add_paragraph("1.2 broken [bracket")
    out = io.BytesIO()
    draft.save(out)
    with pytest.raises(DocxError, match=r"paragraph 2: `\[` is never closed") as caught:
        import_docx(out.getvalue())
    assert (caught.value.line, caught.value.column) == (2, 12)


def _zip_without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("hello.txt", "not a word file")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"1.1 plain text pretending to be a docx", "not a DOCX"),
        (b"%PDF-1.7 ...", "not a DOCX"),
        (_zip_without_document(), "no word/document.xml"),
        (docx_bytes(TEXT)[:3000], "not a DOCX"),
    ],
)
def test_a_file_that_is_not_a_docx_is_refused_clearly(data: bytes, words: str) -> None:
    with pytest.raises(DocxError, match=words):
        docx_notation(data)


def test_an_oversize_docx_is_refused_before_opening() -> None:
    with pytest.raises(DocxError, match="at most 20 MB"):
        docx_notation(b"PK\x03\x04" + b"\0" * (21 * 1024 * 1024))


def test_pdf_export_embeds_a_unicode_font_and_the_annex() -> None:
    data = pdf_bytes(TEXT, acceptance=Acceptance(PARTIES), title="Проєкт")
    assert data.startswith(b"%PDF") and b"/FontFile2" in data
    assert len(data) > 5000
