"""Attachments of incident reports through the JSON API: the report's author uploads
(multipart), whoever sees the report lists and downloads them, nobody else learns they exist
(404); the same size limit, file-name sanitising, hash check and audit entries as the incident
page."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accord.accounts.tokens import token_create, token_revoke
from accord.audit.models import AuditEntry
from accord.audit.services import actor_name
from accord.domain.audit import digest
from accord.domain.visibility import Visibility
from accord.files import storage
from accord.files.models import Blob
from accord.truces import services
from accord.truces.models import IncidentAttachment, IncidentReport
from tests.table import Table
from tests.web.attached_helpers import api_client, assert_served_inert, audit_actions
from tests.web.raw_multipart import post_raw_file
from tests.web.truces.helpers import file, make_truce

PHOTO = b"\x89PNG\r\n\x1a\n not really a photo of the substation"
ADD = "incident.attachment.add"
DOWNLOAD = "incident.attachment.download"


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def report_of(table: Table, seat: str = "ua", visibility=Visibility.OWN) -> IncidentReport:
    return file(table, seat, make_truce(table), visibility, notes="Substation hit")


def attachments_url(table: Table, report: IncidentReport) -> str:
    return f"/api/truces/{table.process.pk}/reports/{report.pk}/attachments"


def download_url(table: Table, attachment_id: int) -> str:
    return f"/api/truces/{table.process.pk}/attachments/{attachment_id}/download"


def upload(client: Client, url: str, name: str, body: bytes, **fields: str):
    photo = SimpleUploadedFile(name, body, content_type="text/html")
    return client.post(url, {"file": photo, "description": "Taken at 06:10", **fields})


def attach(table: Table, report: IncidentReport, seat: str = "ua") -> IncidentAttachment:
    return services.attachment_add(
        seat=table.seat(seat), report=report, upload=PHOTO, name="substation.png"
    )


def test_the_author_uploads_lists_and_downloads_with_a_token(table: Table) -> None:
    report = report_of(table)
    ua = api_client(table, "ua")
    response = upload(ua, attachments_url(table, report), "evil<script>.html", PHOTO)
    assert response.status_code == 201, response.content
    body = response.json()
    sha = hashlib.sha256(PHOTO).hexdigest()
    assert set(body) == {"id", "name", "description", "size", "sha256", "uploaded_at"}
    assert (body["name"], body["description"]) == ("evil_script_.html", "Taken at 06:10")
    assert (body["size"], body["sha256"]) == (len(PHOTO), sha)
    attachment = IncidentAttachment.objects.get()
    assert (attachment.pk, attachment.report_id) == (body["id"], report.pk)
    listed = ua.get(attachments_url(table, report))
    assert listed.status_code == 200 and listed.json() == [body]
    download = ua.get(download_url(table, body["id"]))
    assert_served_inert(download, PHOTO, "evil_script_.html")  # declared text/html: not kept
    assert audit_actions()[-2:] == [ADD, DOWNLOAD]


def test_the_audit_entries_name_the_seat_the_attachment_and_its_hash(table: Table) -> None:
    report = report_of(table)
    ua = api_client(table, "ua")
    attachment_id = upload(ua, attachments_url(table, report), "a.png", PHOTO).json()["id"]
    ua.get(download_url(table, attachment_id))
    for action in (ADD, DOWNLOAD):
        audit = AuditEntry.objects.get(action=action)
        assert audit.actor == actor_name(table.users["ua"])
        assert (audit.object_type, audit.object_id) == (
            "truces.IncidentAttachment",
            str(attachment_id),
        )
        assert audit.process_id == table.process.pk
    downloaded = AuditEntry.objects.get(action=DOWNLOAD)
    assert downloaded.change_digest == digest({"sha256": hashlib.sha256(PHOTO).hexdigest()})


def test_an_unshared_reports_attachments_do_not_exist_for_anyone_else(table: Table) -> None:
    report = report_of(table)
    attachment = attach(table, report)
    for name in ("ru", "us", "mediator", "observer", "outsider"):
        client = api_client(table, name)
        assert client.get(attachments_url(table, report)).status_code == 404, name
        assert client.get(download_url(table, attachment.pk)).status_code == 404, name
        assert upload(client, attachments_url(table, report), "x.txt", b"x").status_code == 404
    assert IncidentAttachment.objects.count() == 1 and Blob.objects.count() == 1
    assert DOWNLOAD not in audit_actions() and audit_actions().count(ADD) == 1


def test_sharing_the_report_shares_its_files_but_only_the_author_adds(table: Table) -> None:
    report = report_of(table)
    attachment = attach(table, report)
    services.report_share(seat=table.seat("ua"), report=report, visibility=Visibility.PARTIES)
    for name in ("ru", "us", "mediator"):
        client = api_client(table, name)
        listed = client.get(attachments_url(table, report))
        assert [a["name"] for a in listed.json()] == ["substation.png"], name
        assert client.get(download_url(table, attachment.pk)).content == PHOTO
        assert upload(client, attachments_url(table, report), "x.txt", b"x").status_code == 404
    for name in ("observer", "outsider"):
        client = api_client(table, name)
        assert client.get(attachments_url(table, report)).status_code == 404, name
        assert client.get(download_url(table, attachment.pk)).status_code == 404, name
    assert IncidentAttachment.objects.count() == 1 and audit_actions().count(DOWNLOAD) == 3


def test_a_shared_report_on_a_truce_you_cannot_see_stays_hidden(table: Table) -> None:
    """The report is shared with all parties, but its truce is Ukraine's own: Russia sees
    neither the report nor its files."""
    truce = services.truce_create(
        seat=table.seat("ua"),
        name="Local truce",
        scope="Zaporizhzhia plant",
        visibility=Visibility.OWN,
    )
    report = file(table, "ua", truce, Visibility.PARTIES, notes="Shelling near the plant")
    attachment = attach(table, report)
    assert api_client(table, "ua").get(attachments_url(table, report)).status_code == 200
    ru = api_client(table, "ru")
    assert ru.get(attachments_url(table, report)).status_code == 404
    assert ru.get(download_url(table, attachment.pk)).status_code == 404


def test_the_mediators_report_is_theirs_to_attach_to_and_read(table: Table) -> None:
    report = report_of(table, seat="mediator")
    mediator = api_client(table, "mediator")
    response = upload(mediator, attachments_url(table, report), "log.txt", b"06:10 impact")
    assert response.status_code == 201, response.content
    assert IncidentAttachment.objects.get().uploaded_by == table.users["mediator"]
    assert mediator.get(download_url(table, response.json()["id"])).content == b"06:10 impact"
    for name in ("ua", "ru", "observer"):
        client = api_client(table, name)
        assert client.get(attachments_url(table, report)).status_code == 404, name
        assert client.get(download_url(table, response.json()["id"])).status_code == 404, name


def test_oversized_and_empty_files_are_refused_naming_the_file(table: Table, settings) -> None:
    settings.ACCORD_MAX_UPLOAD_BYTES = 10
    report = report_of(table)
    ua = api_client(table, "ua")
    big = upload(ua, attachments_url(table, report), "scan.pdf", b"x" * 11)
    assert big.status_code == 400
    assert big.json()["detail"] == [
        {"loc": ["body", "file"], "msg": "scan.pdf: larger than the limit of 10 bytes."}
    ]
    empty = upload(ua, attachments_url(table, report), "empty.pdf", b"")
    assert empty.status_code == 400
    assert empty.json()["detail"][0]["msg"] == "empty.pdf: the file is empty."
    assert not IncidentAttachment.objects.exists() and not Blob.objects.exists()
    assert ADD not in audit_actions()


def test_a_missing_file_or_a_long_description_is_a_422_naming_it(table: Table) -> None:
    report = report_of(table)
    ua = api_client(table, "ua")
    missing = ua.post(attachments_url(table, report), {"description": "no file"})
    assert missing.status_code == 422
    assert any("file" in detail["loc"] for detail in missing.json()["detail"])
    long = upload(ua, attachments_url(table, report), "x.txt", b"x", description="d" * 501)
    assert long.status_code == 422
    assert any("description" in detail["loc"] for detail in long.json()["detail"])
    nul = upload(ua, attachments_url(table, report), "x.txt", b"x", description="a\x00b")
    assert nul.status_code == 422
    assert any("description" in detail["loc"] for detail in nul.json()["detail"])
    assert not IncidentAttachment.objects.exists() and not Blob.objects.exists()


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("<svg onload=alert(1)>.png", "svg onload=alert(1)_.png"),
        ("/abs/.hidden", "hidden"),
    ],
)
def test_a_path_or_markup_in_the_name_is_never_a_path(table: Table, name, kept) -> None:
    report = report_of(table)
    response = post_raw_file(
        api_client(table, "ua"),
        attachments_url(table, report),
        name,
        PHOTO,
        content_type="image/png",
    )
    assert response.status_code == 201, response.content
    assert response.json()["name"] == kept == IncidentAttachment.objects.get().name
    stored = [p for p in storage.blobs_root().rglob("*") if p.is_file()]
    assert [p.name for p in stored] == [hashlib.sha256(PHOTO).hexdigest()]


@pytest.mark.parametrize("damage", ["altered", "missing"])
def test_an_altered_or_missing_file_is_refused_and_not_audited(table: Table, damage) -> None:
    attachment = attach(table, report_of(table))
    path = storage.blob_path(attachment.blob.sha256)
    path.chmod(0o600)
    if damage == "altered":
        path.write_bytes(PHOTO.replace(b"photo", b"proof"))
    else:
        path.unlink()
    response = api_client(table, "ua").get(download_url(table, attachment.pk))
    assert response.status_code == 500 and b"accord files verify" in response.content
    assert b"substation" not in response.content
    assert DOWNLOAD not in audit_actions()


def test_no_token_a_bad_token_or_a_revoked_one_is_401_and_writes_nothing(table: Table) -> None:
    report = report_of(table)
    attachment = attach(table, report)
    token, plain = token_create(user=table.users["ua"], name="revoked")
    token_revoke(user=table.users["ua"], token=token)
    clients = [Client(), Client(HTTP_AUTHORIZATION="Bearer acc_nope")]
    clients.append(Client(HTTP_AUTHORIZATION=f"Bearer {plain}"))
    for client in clients:
        assert upload(client, attachments_url(table, report), "x.txt", b"x").status_code == 401
        assert client.get(attachments_url(table, report)).status_code == 401
        assert client.get(download_url(table, attachment.pk)).status_code == 401
    assert IncidentAttachment.objects.count() == 1 and DOWNLOAD not in audit_actions()


def test_a_signed_in_session_needs_the_csrf_token_to_upload(table: Table) -> None:
    report = report_of(table)
    session = Client(enforce_csrf_checks=True)
    session.force_login(table.users["ua"])
    assert upload(session, attachments_url(table, report), "x.txt", b"x").status_code == 403
    assert not IncidentAttachment.objects.exists()
    assert session.get(attachments_url(table, report)).json() == []
