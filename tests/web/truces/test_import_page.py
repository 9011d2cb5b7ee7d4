"""The CSV import page: preview with row-numbered errors or counts, confirm, idempotent,
confidential imports stay with their owner."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from accord.truces.models import Incident, IncidentReport
from tests.table import Table
from tests.web.truces.helpers import make_truce

HEADER = (
    "event_date,event_type,sub_event_type,actor1,admin1,location,latitude,longitude,"
    "fatalities,source,notes\n"
)
ROW = (
    "2026-02-03,Explosions/Remote violence,Shelling/artillery/missile attack,"
    "Military Forces of Russia (2000-),Kyiv,Kyiv,50.45,30.52,2,Air Force; Media,Strike on plant\n"
)
ROW2 = ROW.replace("Kyiv,Kyiv,50.45,30.52", "Kharkiv,Kharkiv,49.99,36.23")


def client_for(table: Table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def url(table: Table, truce) -> str:
    return f"/p/{table.process.pk}/truces/{truce.pk}/import"


def preview(client: Client, address: str, text: str, visibility: str = "own"):
    upload = SimpleUploadedFile("incidents.csv", text.encode("utf-8"), "text/csv")
    return client.post(address, {"step": "preview", "file": upload, "visibility": visibility})


def confirm(client: Client, address: str, response) -> object:
    form = response.context["confirm_form"]
    data = {
        "step": "confirm",
        "text": form.initial["text"],
        "visibility": form.initial["visibility"],
    }
    return client.post(address, data)


def test_good_file_previews_then_imports_and_second_upload_adds_nothing(table: Table) -> None:
    truce = make_truce(table)
    client, address = client_for(table, "ua"), url(table, truce)
    assert client.get(address).status_code == 200
    shown = preview(client, address, HEADER + ROW + ROW2 + ROW, "parties")
    assert shown.status_code == 200
    result = shown.context["result"]
    assert (result.added, result.already_imported, result.duplicates_in_file) == (2, 0, 1)
    assert "Import 2 report(s)" in shown.content.decode()
    assert not IncidentReport.objects.exists() and not Incident.objects.exists()  # preview only
    done = confirm(client, address, shown)
    assert done.status_code == 200 and "Imported 2 report(s)" in done.content.decode()
    reports = IncidentReport.objects.all()
    assert reports.count() == 2
    assert {(r.owner_party_id, r.visibility) for r in reports} == {
        (table.parties["UA"].pk, "parties")
    }
    again = preview(client, address, HEADER + ROW + ROW2, "parties")
    assert (again.context["result"].added, again.context["result"].already_imported) == (0, 2)
    assert "Nothing new to import" in again.content.decode()
    repeat = confirm(client, address, again)  # confirming anyway still adds nothing
    assert "Imported 0 report(s)" in repeat.content.decode()
    assert IncidentReport.objects.count() == 2


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (ROW.replace("2026-02-03", "2026-01-01"), "row 3, event_date"),  # before the truce
        (
            ROW.replace("2026-02-03", (timezone.localdate() + timedelta(days=3)).isoformat()),
            "row 3, event_date",
        ),
        (ROW.replace("50.45", "91"), "row 3, latitude"),
        (ROW.replace("30.52", "-181"), "row 3, longitude"),
        (ROW.replace("Explosions/Remote violence", "Sabotage"), "row 3, event_type"),
        (
            ROW.replace("Shelling/artillery/missile attack", "Teleportation"),
            "row 3, sub_event_type",
        ),
        ("2026-02-03,Battles\n", "row 3: Expected 11 fields"),
    ],
)
def test_bad_rows_are_listed_and_nothing_is_imported(table: Table, row: str, expected: str) -> None:
    truce = make_truce(table)
    client, address = client_for(table, "mediator"), url(table, truce)
    shown = preview(client, address, HEADER + ROW + row)
    assert shown.status_code == 400
    errors = shown.context["errors"]
    assert any(m.startswith(expected) for m in errors), errors
    body = shown.content.decode()
    assert "Nothing will be imported" in body and expected in body
    assert "confirm_form" not in shown.context or shown.context["result"] is None
    assert 'value="confirm"' not in body
    assert not IncidentReport.objects.exists() and not Incident.objects.exists()


def test_confirm_revalidates_an_edited_text(table: Table) -> None:
    truce = make_truce(table)
    client, address = client_for(table, "ua"), url(table, truce)
    data = {"step": "confirm", "text": HEADER + ROW.replace("50.45", "95"), "visibility": "own"}
    refused = client.post(address, data)
    assert refused.status_code == 400 and "row 2, latitude" in refused.content.decode()
    assert not IncidentReport.objects.exists()


def test_not_utf8_and_too_large_files_are_form_errors(table: Table) -> None:
    truce = make_truce(table)
    client, address = client_for(table, "ua"), url(table, truce)
    latin = SimpleUploadedFile("latin.csv", (HEADER + ROW).encode("utf-16"), "text/csv")
    shown = client.post(address, {"step": "preview", "file": latin, "visibility": "own"})
    assert shown.status_code == 400 and "latin.csv: The file is not UTF-8" in shown.content.decode()
    big = SimpleUploadedFile("big.csv", b"x" * (1024 * 1024 + 1), "text/csv")
    shown = client.post(address, {"step": "preview", "file": big, "visibility": "own"})
    assert shown.status_code == 400 and "big.csv:" in shown.content.decode()
    assert not IncidentReport.objects.exists()


def test_who_may_import_and_who_sees_confidential_imports(table: Table) -> None:
    truce = make_truce(table)
    address = url(table, truce)
    for name in ["observer", "outsider"]:
        assert client_for(table, name).get(address).status_code == 404
    ua = client_for(table, "ua")
    confirm(ua, address, preview(ua, address, HEADER + ROW, "own"))
    report = IncidentReport.objects.get()
    assert (report.owner_party, report.visibility) == (table.parties["UA"], "own")
    incidents = f"/p/{table.process.pk}/truces/{truce.pk}/incidents/"
    assert (
        "Strike on plant"
        in client_for(table, "ua")
        .get(f"/p/{table.process.pk}/incidents/{report.incident_id}/")
        .content.decode()
    )
    for name in ["ru", "mediator", "observer"]:
        client = client_for(table, name)
        assert "Strike on plant" not in client.get(incidents).content.decode()
        detail = client.get(f"/p/{table.process.pk}/incidents/{report.incident_id}/")
        assert detail.status_code == 404 or "Strike on plant" not in detail.content.decode()
    # RU's own import of the same rows is its own copy, not "already present" from UA's
    ru = client_for(table, "ru")
    shown = preview(ru, address, HEADER + ROW)
    assert (shown.context["result"].added, shown.context["result"].already_imported) == (1, 0)
