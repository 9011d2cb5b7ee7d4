"""Documents as evidence of implementation: the status entry's author attaches them (on the
status form or later on the provision page); whoever sees the entry sees its documents, nobody
else (404); downloads are audited, hash-checked and inert."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accord.agreements import services
from accord.agreements.models import ImplementationStatus, Provision, StatusDocument
from accord.audit.models import AuditEntry
from accord.domain.visibility import Visibility
from accord.files import storage
from accord.files.models import Blob
from tests.table import Table
from tests.web.attached_helpers import assert_served_inert

REPORT = b"%PDF-1.4 not really the ICRC confirmation of 157 released"


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def client_for(table: Table, name: str, **kwargs: object) -> Client:
    client = Client(**kwargs)
    client.force_login(table.users[name])
    return client


def public_provision(table: Table) -> Provision:
    mediator = table.seat("mediator")
    agreement = services.agreement_create(
        seat=mediator, title="Prisoner exchange (314)", visibility=Visibility.PUBLIC
    )
    return services.provision_add(seat=mediator, agreement=agreement, action="Release 157")


def ua_status(table: Table, provision: Provision) -> ImplementationStatus:
    return services.status_record(
        seat=table.seat("ua"),
        provision=provision,
        level=2,
        as_of=date(2026, 2, 10),
        evidence="Half released",
        visibility=Visibility.OWN,
    )


def page_url(table: Table, provision: Provision) -> str:
    return f"/p/{table.process.pk}/provisions/{provision.pk}/"


def attach_url(table: Table, status: ImplementationStatus) -> str:
    return f"/p/{table.process.pk}/status-entries/{status.pk}/documents"


def download_url(table: Table, document: StatusDocument) -> str:
    return f"/p/{table.process.pk}/status-documents/{document.pk}/"


def post_file(client: Client, url: str, name: str, body: bytes, **extra: str):
    upload = SimpleUploadedFile(name, body, content_type="text/html")
    return client.post(url, {"file": upload, "description": "ICRC letter", **extra})


def test_the_author_attaches_on_the_provision_page_and_downloads(table: Table) -> None:
    provision = public_provision(table)
    status = ua_status(table, provision)
    ua = client_for(table, "ua")
    page = ua.get(page_url(table, provision)).content.decode()
    assert 'enctype="multipart/form-data"' in page and attach_url(table, status) in page
    response = post_file(ua, attach_url(table, status), "../../evil<script>.html", REPORT)
    assert response.status_code == 302 and response["Location"] == page_url(table, provision)
    document = StatusDocument.objects.get()
    assert document.name == "evil_script_.html" and document.blob.size == len(REPORT)
    page = ua.get(page_url(table, provision)).content.decode()
    assert "evil_script_.html" in page and "ICRC letter" in page and "<script>" not in page
    download = ua.get(download_url(table, document))
    assert_served_inert(download, REPORT, "evil_script_.html")  # declared text/html: not kept
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions[-2:] == ["provision.status.document.add", "provision.status.document.download"]


def test_a_document_goes_in_with_the_status_form(table: Table) -> None:
    provision = public_provision(table)
    form = {
        "provision": provision.pk,
        "level": 1,
        "as_of": "2026-02-12",
        "evidence": "First group crossed",
        "visibility": "parties",
        "document": SimpleUploadedFile("list.pdf", REPORT, content_type="application/pdf"),
        "document_description": "Signed list",
    }
    response = client_for(table, "ru").post(page_url(table, provision), form)
    assert response.status_code == 302
    document = StatusDocument.objects.select_related("status").get()
    assert (document.name, document.description) == ("list.pdf", "Signed list")
    assert document.status.evidence == "First group crossed"
    assert document.status.owner_party == table.parties["RU"]
    download = client_for(table, "ua").get(download_url(table, document))
    assert download.content == REPORT and download["Content-Type"] == "application/pdf"


def test_the_other_party_sees_nothing_until_the_entry_is_shared(table: Table) -> None:
    provision = public_provision(table)
    status = ua_status(table, provision)
    document = services.document_add(
        seat=table.seat("ua"), status=status, upload=REPORT, name="icrc.pdf"
    )
    for name in ("ru", "us", "mediator", "observer", "outsider"):
        assert client_for(table, name).get(download_url(table, document)).status_code == 404, name
        if name != "outsider":
            page = client_for(table, name).get(page_url(table, provision)).content.decode()
            assert "icrc.pdf" not in page, name
    ua = client_for(table, "ua")
    shared = ua.post(
        f"/p/{table.process.pk}/status-entries/{status.pk}/share", {"visibility": "parties"}
    )
    assert shared.status_code == 302
    ru = client_for(table, "ru")
    assert "icrc.pdf" in ru.get(page_url(table, provision)).content.decode()
    assert ru.get(download_url(table, document)).content == REPORT
    assert client_for(table, "observer").get(download_url(table, document)).status_code == 404
    assert client_for(table, "outsider").get(download_url(table, document)).status_code == 404


def test_only_the_entrys_author_attaches_or_shares(table: Table) -> None:
    provision = public_provision(table)
    status = ua_status(table, provision)
    services.status_share(seat=table.seat("ua"), status=status, visibility=Visibility.PUBLIC)
    for name in ("ru", "mediator", "observer", "outsider"):
        client = client_for(table, name)
        assert post_file(client, attach_url(table, status), "x.txt", b"x").status_code == 404
        share = client.post(
            f"/p/{table.process.pk}/status-entries/{status.pk}/share", {"visibility": "public"}
        )
        assert share.status_code == 404, name
        if name != "outsider":
            page = client.get(page_url(table, provision)).content.decode()
            assert attach_url(table, status) not in page, name
    assert not StatusDocument.objects.exists() and not Blob.objects.exists()


def test_oversized_and_empty_files_are_refused_with_the_file_named(table: Table, settings):
    settings.ACCORD_MAX_UPLOAD_BYTES = 10
    provision = public_provision(table)
    status = ua_status(table, provision)
    ua = client_for(table, "ua")
    big = post_file(ua, attach_url(table, status), "scan.pdf", b"x" * 11)
    assert big.status_code == 400
    assert "scan.pdf: larger than the limit of 10 bytes" in big.content.decode()
    empty = post_file(ua, attach_url(table, status), "empty.pdf", b"")
    assert empty.status_code == 400 and "empty" in empty.content.decode()
    form = {
        "provision": provision.pk,
        "level": 1,
        "as_of": "2026-02-12",
        "evidence": "Not saved",
        "visibility": "own",
        "document": SimpleUploadedFile("huge.pdf", b"y" * 11),
    }
    whole = ua.post(page_url(table, provision), form)
    assert whole.status_code == 400
    assert "huge.pdf: larger than the limit of 10 bytes" in whole.content.decode()
    assert not ImplementationStatus.objects.filter(evidence="Not saved").exists()
    assert not StatusDocument.objects.exists() and not Blob.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused(table: Table) -> None:
    status = ua_status(table, public_provision(table))
    ua = client_for(table, "ua", enforce_csrf_checks=True)
    assert post_file(ua, attach_url(table, status), "x.txt", b"x").status_code == 403
    assert not StatusDocument.objects.exists()


def test_an_altered_file_is_not_served(table: Table) -> None:
    status = ua_status(table, public_provision(table))
    document = services.document_add(
        seat=table.seat("ua"), status=status, upload=REPORT, name="icrc.pdf"
    )
    path = storage.blob_path(document.blob.sha256)
    path.chmod(0o600)
    path.write_bytes(REPORT.replace(b"ICRC", b"XXXX"))
    response = client_for(table, "ua").get(download_url(table, document))
    assert response.status_code == 500 and b"accord files verify" in response.content
    assert REPORT not in response.content
    assert not AuditEntry.objects.filter(action="provision.status.document.download").exists()


def _page_queries(client: Client, url: str, django_assert_max_num_queries) -> tuple[int, str]:
    client.get(url)
    with django_assert_max_num_queries(30) as counted:
        page = client.get(url).content.decode()
    documents = sum("agreements_statusdocument" in q["sql"] for q in counted.captured_queries)
    assert documents == 1
    return len(counted.captured_queries), page


def test_the_provision_page_query_count_is_flat_in_documents(
    table: Table, django_assert_max_num_queries
) -> None:
    provision = public_provision(table)
    first = ua_status(table, provision)
    services.document_add(seat=table.seat("ua"), status=first, upload=b"first")
    ua = client_for(table, "ua")
    url = page_url(table, provision)
    few, page = _page_queries(ua, url, django_assert_max_num_queries)
    assert page.count("/status-documents/") == 1
    for status in [first] + [ua_status(table, provision) for _ in range(3)]:
        for number in range(3):
            services.document_add(
                seat=table.seat("ua"), status=status, upload=f"{status.pk}-{number}".encode()
            )
    many, page = _page_queries(ua, url, django_assert_max_num_queries)
    assert page.count("/status-documents/") == 13
    assert many == few


def test_the_agreement_page_status_form_takes_a_document(table: Table) -> None:
    provision = public_provision(table)
    form = {
        "form": "status",
        "provision": provision.pk,
        "level": 3,
        "as_of": "2026-02-14",
        "evidence": "All home",
        "visibility": "public",
        "document": SimpleUploadedFile("minutes.txt", b"157 and 157", content_type="text/plain"),
    }
    url = f"/p/{table.process.pk}/agreements/{provision.agreement_id}/"
    assert client_for(table, "mediator").post(url, form).status_code == 302
    document = StatusDocument.objects.get()
    page = client_for(table, "observer").get(url).content.decode()
    assert download_url(table, document) in page and "minutes.txt" in page


def test_a_shared_entry_cannot_be_narrowed_and_an_empty_file_is_refused(table: Table) -> None:
    status = ua_status(table, public_provision(table))
    services.status_share(seat=table.seat("ua"), status=status, visibility=Visibility.PARTIES)
    share = f"/p/{table.process.pk}/status-entries/{status.pk}/share"
    narrowed = client_for(table, "ua").post(share, {"visibility": "own"})
    assert narrowed.status_code == 400 and "cannot be made narrower" in narrowed.content.decode()
    status.refresh_from_db()
    assert status.visibility == "parties"
    with pytest.raises(ValidationError, match="empty"):
        services.document_add(seat=table.seat("ua"), status=status, upload=b"", name="x.pdf")
    assert not StatusDocument.objects.exists() and not Blob.objects.exists()
