"""DOCX/PDF copies are watermarked for whoever downloads them, audited, and traceable."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accord.audit.models import AuditEntry
from accord.audit.services import actor_name
from accord.domain.text import trace_bytes
from accord.texts.keys import watermark_key
from tests.web.texts.helpers import draft, release


def _client(table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def test_a_docx_copy_traces_back_to_the_delegation_that_downloaded_it(table) -> None:
    version = release(table, draft(table))
    pid = table.process.pk
    response = _client(table, "ua").get(f"/p/{pid}/text-versions/{version.pk}/docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert trace_bytes(response.content, watermark_key()).recipients == ("UA ua",)
    entry = AuditEntry.objects.filter(action="text.download").last()
    assert entry.actor == actor_name(table.users["ua"]) and entry.object_id == str(version.pk)
    # The mediator's trace page names the recipient and records the trace.
    page = _client(table, "mediator").post(
        f"/p/{pid}/texts/trace/", {"file": SimpleUploadedFile("leak.docx", response.content)}
    )
    assert page.status_code == 200
    assert "UA ua" in page.content.decode() and "Ukraine" in page.content.decode()
    assert AuditEntry.objects.filter(action="text.trace").count() == 1


def test_pasted_text_from_a_copy_traces_too(table) -> None:
    from accord.domain.text import find_marks

    version = release(table, draft(table))
    data = _client(table, "ru").get(f"/p/{table.process.pk}/text-versions/{version.pk}/docx")
    # Take the visible runs' text as a paste would: a mark rides inside the words.
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(data.content)).read("word/document.xml").decode()
    assert any(f.recipient == "RU ru" for f in find_marks(xml, watermark_key()))
    page = _client(table, "mediator").post(f"/p/{table.process.pk}/texts/trace/", {"pasted": xml})
    assert "RU ru" in page.content.decode()


def test_pdf_copy_is_marked_and_audited(table) -> None:
    version = release(table, draft(table))
    response = _client(table, "us").get(f"/p/{table.process.pk}/text-versions/{version.pk}/pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert trace_bytes(response.content, watermark_key()).recipients == ("US us",)
    actor = actor_name(table.users["us"])
    assert AuditEntry.objects.filter(action="text.download", actor=actor).exists()


def test_only_mediators_trace(table) -> None:
    for who in ("ua", "observer"):
        assert _client(table, who).get(f"/p/{table.process.pk}/texts/trace/").status_code == 404
    empty = _client(table, "mediator").post(f"/p/{table.process.pk}/texts/trace/", {})
    assert empty.status_code == 400


def test_recipients_only_may_download(table) -> None:
    version = release(table, draft(table), codes=("UA",))
    assert (
        _client(table, "ru")
        .get(f"/p/{table.process.pk}/text-versions/{version.pk}/docx")
        .status_code
        == 404
    )
    assert not AuditEntry.objects.filter(action="text.download").exists()
