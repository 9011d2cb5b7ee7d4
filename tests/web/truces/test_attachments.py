"""Attachments of incident reports: the author attaches on the incident page; whoever sees the
report sees its attachments, nobody else (404); downloads are audited, checked and inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accord.audit.models import AuditEntry
from accord.domain.visibility import Visibility
from accord.files import storage
from accord.files.models import Blob
from accord.truces import services
from accord.truces.models import IncidentAttachment, IncidentReport
from tests.table import Table
from tests.web.attached_helpers import assert_served_inert
from tests.web.raw_multipart import post_raw_file
from tests.web.truces.helpers import file, make_truce

PHOTO = b"\x89PNG\r\n\x1a\n not really a photo of the substation"


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def client_for(table: Table, name: str, **kwargs: object) -> Client:
    client = Client(**kwargs)
    client.force_login(table.users[name])
    return client


def own_report(table: Table) -> IncidentReport:
    return file(table, "ua", make_truce(table), Visibility.OWN, notes="Substation hit")


def attach_url(table: Table, report: IncidentReport) -> str:
    return f"/p/{table.process.pk}/reports/{report.pk}/attach"


def page_url(table: Table, report: IncidentReport) -> str:
    return f"/p/{table.process.pk}/incidents/{report.incident_id}/"


def post_file(client: Client, url: str, name: str, body: bytes, **extra: str):
    upload = SimpleUploadedFile(name, body, content_type="text/html")
    return client.post(url, {"file": upload, "description": "Taken at 06:10", **extra})


def test_the_author_attaches_and_downloads_an_inert_audited_file(table: Table) -> None:
    report = own_report(table)
    ua = client_for(table, "ua")
    page = ua.get(page_url(table, report)).content.decode()
    assert 'enctype="multipart/form-data"' in page and attach_url(table, report) in page
    response = post_raw_file(  # the name reaches the server as written, directories and all
        ua,
        attach_url(table, report),
        "../../etc/evil<script>.html",
        PHOTO,
        fields={"description": "Taken at 06:10"},
        content_type="text/html",
    )
    assert response.status_code == 302 and response["Location"] == page_url(table, report)
    attachment = IncidentAttachment.objects.get()
    assert attachment.name == "evil_script_.html" and attachment.blob.size == len(PHOTO)
    page = ua.get(page_url(table, report)).content.decode()
    assert "evil_script_.html" in page and "Taken at 06:10" in page and "<script>" not in page
    download = ua.get(f"/p/{table.process.pk}/attachments/{attachment.pk}/")
    assert_served_inert(download, PHOTO, "evil_script_.html")  # declared text/html: not kept
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions[-2:] == ["incident.attachment.add", "incident.attachment.download"]


def test_the_other_party_sees_nothing_until_the_report_is_shared(table: Table) -> None:
    report = own_report(table)
    attachment = services.attachment_add(
        seat=table.seat("ua"), report=report, upload=PHOTO, name="substation.png"
    )
    download = f"/p/{table.process.pk}/attachments/{attachment.pk}/"
    for name in ("ru", "us", "mediator", "observer", "outsider"):
        assert client_for(table, name).get(download).status_code == 404, name
        assert client_for(table, name).get(page_url(table, report)).status_code == 404, name
    services.report_share(seat=table.seat("ua"), report=report, visibility=Visibility.PARTIES)
    ru = client_for(table, "ru")
    assert "substation.png" in ru.get(page_url(table, report)).content.decode()
    assert ru.get(download).content == PHOTO
    assert client_for(table, "observer").get(download).status_code == 404
    assert client_for(table, "outsider").get(download).status_code == 404


def test_only_the_reports_author_attaches(table: Table) -> None:
    report = own_report(table)
    services.report_share(seat=table.seat("ua"), report=report, visibility=Visibility.PUBLIC)
    for name in ("ru", "mediator", "observer", "outsider"):
        response = post_file(client_for(table, name), attach_url(table, report), "x.txt", b"x")
        assert response.status_code == 404, name
        page = client_for(table, name).get(page_url(table, report)).content.decode()
        assert attach_url(table, report) not in page, name
    assert not IncidentAttachment.objects.exists() and not Blob.objects.exists()


def test_oversized_and_empty_uploads_are_refused_with_the_file_named(table: Table, settings):
    settings.ACCORD_MAX_UPLOAD_BYTES = 10
    report = own_report(table)
    ua = client_for(table, "ua")
    big = post_file(ua, attach_url(table, report), "scan.pdf", b"x" * 11)
    assert big.status_code == 400
    assert "scan.pdf: larger than the limit of 10 bytes" in big.content.decode()
    empty = post_file(ua, attach_url(table, report), "empty.pdf", b"")
    assert empty.status_code == 400 and "empty" in empty.content.decode()
    assert not IncidentAttachment.objects.exists() and not Blob.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused(table: Table) -> None:
    report = own_report(table)
    ua = client_for(table, "ua", enforce_csrf_checks=True)
    assert post_file(ua, attach_url(table, report), "x.txt", b"x").status_code == 403
    assert not IncidentAttachment.objects.exists()


def test_an_altered_file_is_not_served(table: Table) -> None:
    report = own_report(table)
    attachment = services.attachment_add(
        seat=table.seat("ua"), report=report, upload=PHOTO, name="substation.png"
    )
    path = storage.blob_path(attachment.blob.sha256)
    path.chmod(0o600)
    path.write_bytes(PHOTO.replace(b"photo", b"proof"))
    response = client_for(table, "ua").get(f"/p/{table.process.pk}/attachments/{attachment.pk}/")
    assert response.status_code == 500 and b"accord files verify" in response.content
    assert PHOTO not in response.content
    assert not AuditEntry.objects.filter(action="incident.attachment.download").exists()


def test_the_incident_page_reads_attachments_in_one_query(
    table: Table, django_assert_max_num_queries
) -> None:
    report = own_report(table)
    for number in range(3):
        other = file(table, "ua", report.incident.truce, Visibility.OWN, notes=f"n{number}")
        IncidentReport.objects.filter(pk=other.pk).update(incident=report.incident)
    for each in IncidentReport.objects.all():
        for number in range(3):
            services.attachment_add(
                seat=table.seat("ua"), report=each, upload=f"{each.pk}-{number}".encode()
            )
    ua = client_for(table, "ua")
    ua.get(page_url(table, report))
    with django_assert_max_num_queries(25) as counted:
        page = ua.get(page_url(table, report)).content.decode()
    assert page.count("/attachments/") == 12
    assert sum("truces_incidentattachment" in q["sql"] for q in counted.captured_queries) == 1
