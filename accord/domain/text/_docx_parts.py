"""OOXML parts python-docx has no API for: footnotes and custom document properties."""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    "<w:continuationSeparator/></w:r></w:p></w:footnote>"
)


class Footnotes:
    """Collects real Word footnotes while paragraphs are written, then adds the part once."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def reference(self, paragraph: Paragraph, text: str) -> None:
        """Append a superscript footnote reference to `paragraph`, whose note says `text`."""
        note_id = len(self.notes) + 1
        self.notes.append(text)
        run = paragraph.add_run()
        run.font.superscript = True
        reference = run._r.makeelement(qn("w:footnoteReference"), {qn("w:id"): str(note_id)})
        run._r.append(reference)

    def attach(self, document: DocxDocument) -> None:
        """Add the footnotes part (with the separators Word draws above notes) to the document."""
        if not self.notes:
            return
        notes = "".join(
            f'<w:footnote w:id="{i}"><w:p>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {xml_escape(text)}'
            f"</w:t></w:r></w:p></w:footnote>"
            for i, text in enumerate(self.notes, start=1)
        )
        blob = f'<w:footnotes xmlns:w="{W}">{_SEPARATORS}{notes}</w:footnotes>'.encode()
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)


def footnote_texts(document: DocxDocument) -> dict[str, str]:
    """Footnote id -> its text, for a document that has footnotes (else empty)."""
    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return {}
    root = parse_xml(part.blob)
    return {
        note.get(qn("w:id")): "".join(t.text or "" for t in note.iter(qn("w:t"))).strip()
        for note in root.iter(qn("w:footnote"))
    }


def set_custom_property(document: DocxDocument, name: str, value: str) -> None:
    """Add one custom document property (File > Properties > Custom in Word)."""
    blob = (
        f'<Properties xmlns="{CUSTOM}" xmlns:vt="{VT}"><property fmtid="{PROPERTY_FMTID}" '
        f'pid="2" name="{xml_escape(name)}"><vt:lpwstr>{xml_escape(value)}</vt:lpwstr>'
        f"</property></Properties>"
    ).encode()
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def custom_properties(document: DocxDocument) -> dict[str, str]:
    """Every custom document property as text (empty when the document has none)."""
    try:
        part = document.part.package.part_related_by(RT.CUSTOM_PROPERTIES)
    except KeyError:
        return {}
    root = parse_xml(part.blob)
    return {
        prop.get("name"): "".join(prop.itertext()) for prop in root.iter(f"{{{CUSTOM}}}property")
    }
