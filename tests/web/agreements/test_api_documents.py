"""Documents of status entries through the JSON API: the entry's author uploads (multipart),
whoever sees the entry lists and downloads them, nobody else learns they exist (404); the same
size limit, file-name sanitising, hash check and audit entries as the provision page."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accord.accounts.tokens import token_create, token_revoke
from accord.agreements import services
from accord.agreements.models import ImplementationStatus, StatusDocument
from accord.audit.models import AuditEntry
from accord.audit.services import actor_name
from accord.domain.audit import digest
from accord.domain.visibility import Visibility
from accord.files import storage
from accord.files.models import Blob
from tests.table import Table
from tests.web.attached_helpers import api_client, assert_served_inert, audit_actions
from tests.web.raw_multipart import post_raw_file

REPORT = b"%PDF-1.4 not really the ICRC confirmation of 157 released"
SEATS = ("ua", "ru", "us", "mediator", "observer", "outsider")
ADD = "provision.status.document.add"
DOWNLOAD = "provision.status.document.download"


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def entry(table: Table, seat: str = "ua", visibility=Visibility.OWN) -> ImplementationStatus:
    """A status entry by `seat` on a public agreement's provision (so only the entry's own
    visibility decides who sees it)."""
    mediator = table.seat("mediator")
    agreement = services.agreement_create(
        seat=mediator, title="Prisoner exchange (314)", visibility=Visibility.PUBLIC
    )
    provision = services.provision_add(seat=mediator, agreement=agreement, action="Release 157")
    return services.status_record(
        seat=table.seat(seat),
        provision=provision,
        level=2,
        as_of=date(2026, 2, 10),
        evidence="Half released",
        visibility=visibility,
    )


def documents_url(table: Table, status: ImplementationStatus) -> str:
    return f"/api/agreements/{table.process.pk}/status-entries/{status.pk}/documents"


def download_url(table: Table, document_id: int) -> str:
    return f"/api/agreements/{table.process.pk}/status-documents/{document_id}/download"


def upload(client: Client, url: str, name: str, body: bytes, **fields: str):
    document = SimpleUploadedFile(name, body, content_type="text/html")
    return client.post(url, {"file": document, "description": "ICRC letter", **fields})


def attach(table: Table, status: ImplementationStatus, seat: str = "ua") -> StatusDocument:
    return services.document_add(
        seat=table.seat(seat), status=status, upload=REPORT, name="icrc.pdf"
    )


def test_the_author_uploads_lists_and_downloads_with_a_token(table: Table) -> None:
    status = entry(table)
    ua = api_client(table, "ua")
    response = upload(ua, documents_url(table, status), "../../evil<script>.html", REPORT)
    assert response.status_code == 201, response.content
    body = response.json()
    sha = hashlib.sha256(REPORT).hexdigest()
    assert set(body) == {"id", "name", "description", "size", "sha256", "uploaded_at"}
    assert body["name"] == "evil_script_.html" and body["description"] == "ICRC letter"
    assert (body["size"], body["sha256"]) == (len(REPORT), sha)
    document = StatusDocument.objects.get()
    assert (document.pk, document.status_id, document.name) == (body["id"], status.pk, body["name"])
    assert storage.blob_path(sha).read_bytes() == REPORT  # stored under its hash, not its name
    listed = ua.get(documents_url(table, status))
    assert listed.status_code == 200 and listed.json() == [body]
    download = ua.get(download_url(table, body["id"]))
    assert_served_inert(download, REPORT, "evil_script_.html")  # declared text/html: not kept
    assert download["Cache-Control"] == "private, no-store"
    assert audit_actions()[-2:] == [ADD, DOWNLOAD]


def test_the_audit_entries_name_the_seat_the_document_and_its_hash(table: Table) -> None:
    status = entry(table)
    ua = api_client(table, "ua")
    document_id = upload(ua, documents_url(table, status), "icrc.pdf", REPORT).json()["id"]
    ua.get(download_url(table, document_id))
    for action in (ADD, DOWNLOAD):
        audit = AuditEntry.objects.get(action=action)
        assert audit.actor == actor_name(table.users["ua"])
        assert (audit.object_type, audit.object_id) == (
            "agreements.StatusDocument",
            str(document_id),
        )
        assert audit.process_id == table.process.pk
    downloaded = AuditEntry.objects.get(action=DOWNLOAD)
    assert downloaded.change_digest == digest({"sha256": hashlib.sha256(REPORT).hexdigest()})


def test_an_unshared_entrys_documents_do_not_exist_for_anyone_else(table: Table) -> None:
    status = entry(table)
    document = attach(table, status)
    for name in ("ru", "us", "mediator", "observer", "outsider"):
        client = api_client(table, name)
        assert client.get(documents_url(table, status)).status_code == 404, name
        assert client.get(download_url(table, document.pk)).status_code == 404, name
        assert upload(client, documents_url(table, status), "x.txt", b"x").status_code == 404
    assert StatusDocument.objects.count() == 1 and Blob.objects.count() == 1
    assert DOWNLOAD not in audit_actions() and audit_actions().count(ADD) == 1


def test_sharing_the_entry_shares_its_documents_but_only_the_author_adds(table: Table) -> None:
    status = entry(table)
    document = attach(table, status)
    services.status_share(seat=table.seat("ua"), status=status, visibility=Visibility.PARTIES)
    for name in ("ru", "us", "mediator"):
        client = api_client(table, name)
        listed = client.get(documents_url(table, status))
        assert [d["name"] for d in listed.json()] == ["icrc.pdf"], name
        assert client.get(download_url(table, document.pk)).content == REPORT
        assert upload(client, documents_url(table, status), "x.txt", b"x").status_code == 404
    for name in ("observer", "outsider"):
        client = api_client(table, name)
        assert client.get(documents_url(table, status)).status_code == 404, name
        assert client.get(download_url(table, document.pk)).status_code == 404, name
    assert StatusDocument.objects.count() == 1
    assert audit_actions().count(DOWNLOAD) == 3


def test_an_entry_shared_with_the_mediator_is_read_by_the_mediator_only(table: Table) -> None:
    status = entry(table, visibility=Visibility.MEDIATOR)
    document = attach(table, status)
    mediator = api_client(table, "mediator")
    assert mediator.get(documents_url(table, status)).json()[0]["id"] == document.pk
    assert mediator.get(download_url(table, document.pk)).content == REPORT
    for name in ("ru", "us", "observer"):
        assert api_client(table, name).get(download_url(table, document.pk)).status_code == 404


def test_the_mediators_upload_to_their_own_entry(table: Table) -> None:
    status = entry(table, seat="mediator")
    mediator = api_client(table, "mediator")
    response = upload(mediator, documents_url(table, status), "minutes.txt", b"157 and 157")
    assert response.status_code == 201, response.content
    assert StatusDocument.objects.get().uploaded_by == table.users["mediator"]
    for name in ("ua", "ru", "observer"):
        client = api_client(table, name)
        assert client.get(documents_url(table, status)).status_code == 404, name
        assert client.get(download_url(table, response.json()["id"])).status_code == 404, name


def test_oversized_and_empty_files_are_refused_naming_the_file(table: Table, settings) -> None:
    settings.ACCORD_MAX_UPLOAD_BYTES = 10
    status = entry(table)
    ua = api_client(table, "ua")
    big = upload(ua, documents_url(table, status), "scan.pdf", b"x" * 11)
    assert big.status_code == 400
    assert big.json()["detail"] == [
        {"loc": ["body", "file"], "msg": "scan.pdf: larger than the limit of 10 bytes."}
    ]
    empty = upload(ua, documents_url(table, status), "empty.pdf", b"")
    assert empty.status_code == 400
    assert empty.json()["detail"][0]["msg"] == "empty.pdf: the file is empty."
    assert upload(ua, documents_url(table, status), "ok.pdf", b"x" * 10).status_code == 201
    assert StatusDocument.objects.get().name == "ok.pdf" and Blob.objects.count() == 1
    assert audit_actions().count(ADD) == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({}, "file"),
        ({"description": "d" * 501}, "description"),
        ({"description": "a\x00b"}, "description"),
    ],
)
def test_a_missing_file_or_a_long_description_is_a_422_naming_it(table, fields, field) -> None:
    status = entry(table)
    body = {"description": "ok", **fields}
    if field != "file":
        body["file"] = SimpleUploadedFile("x.txt", b"x")
    response = api_client(table, "ua").post(documents_url(table, status), body)
    assert response.status_code == 422
    assert any(field in detail["loc"] for detail in response.json()["detail"])
    assert not StatusDocument.objects.exists() and not Blob.objects.exists()


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("<img src=x onerror=alert(1)>.png", "img src=x onerror=alert(1)_.png"),
        ("&lt;script&gt;.html", "script_.html"),
        ("/abs/.hidden", "hidden"),
        ("C:evil\x01.exe", "C_evil.exe"),
    ],
)
def test_a_path_or_markup_in_the_name_is_never_a_path(table: Table, name, kept) -> None:
    status = entry(table)
    response = post_raw_file(
        api_client(table, "ua"),
        documents_url(table, status),
        name,
        REPORT,
        content_type="text/html",
    )
    assert response.status_code == 201, response.content
    assert response.json()["name"] == kept == StatusDocument.objects.get().name
    stored = [p for p in storage.blobs_root().rglob("*") if p.is_file()]
    assert [p.name for p in stored] == [hashlib.sha256(REPORT).hexdigest()]


def test_a_name_that_is_only_a_directory_is_no_file(table: Table) -> None:
    status = entry(table)
    response = post_raw_file(
        api_client(table, "ua"),
        documents_url(table, status),
        "..",
        REPORT,
        content_type="text/html",
    )
    assert response.status_code == 422
    assert any("file" in detail["loc"] for detail in response.json()["detail"])
    assert not StatusDocument.objects.exists() and not Blob.objects.exists()


@pytest.mark.parametrize("damage", ["altered", "missing"])
def test_an_altered_or_missing_file_is_refused_and_not_audited(table: Table, damage) -> None:
    status = entry(table)
    document = attach(table, status)
    path = storage.blob_path(document.blob.sha256)
    path.chmod(0o600)
    if damage == "altered":
        path.write_bytes(REPORT.replace(b"ICRC", b"XXXX"))
    else:
        path.unlink()
    response = api_client(table, "ua").get(download_url(table, document.pk))
    assert response.status_code == 500 and b"accord files verify" in response.content
    assert b"ICRC" not in response.content and b"XXXX" not in response.content
    assert DOWNLOAD not in audit_actions()


def test_no_token_a_bad_token_or_a_revoked_one_is_401_and_writes_nothing(table: Table) -> None:
    status = entry(table)
    document = attach(table, status)
    token, plain = token_create(user=table.users["ua"], name="revoked")
    token_revoke(user=table.users["ua"], token=token)
    for client in (
        Client(),
        Client(HTTP_AUTHORIZATION="Bearer acc_nope"),
        Client(HTTP_AUTHORIZATION=f"Bearer {plain}"),
    ):
        assert upload(client, documents_url(table, status), "x.txt", b"x").status_code == 401
        assert client.get(documents_url(table, status)).status_code == 401
        assert client.get(download_url(table, document.pk)).status_code == 401
    assert StatusDocument.objects.count() == 1 and DOWNLOAD not in audit_actions()


def test_a_signed_in_session_needs_the_csrf_token_to_upload(table: Table) -> None:
    status = entry(table)
    session = Client(enforce_csrf_checks=True)
    session.force_login(table.users["ua"])
    assert upload(session, documents_url(table, status), "x.txt", b"x").status_code == 403
    assert not StatusDocument.objects.exists()
    assert session.get(documents_url(table, status)).json() == []


def test_a_document_id_under_another_entry_or_unknown_is_404(table: Table) -> None:
    mine, theirs = entry(table), entry(table, seat="ru")
    document = attach(table, theirs, seat="ru")
    ua = api_client(table, "ua")
    assert ua.get(download_url(table, document.pk)).status_code == 404
    assert ua.get(download_url(table, 999999)).status_code == 404
    assert ua.get(documents_url(table, mine)).json() == []
