"""Upload, reconcile, review, counts and export through the pages."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accord.audit.models import AuditEntry
from accord.exchanges import selectors, services
from accord.exchanges.models import CandidateLink, ExchangeList, ListRecord
from tests.table import Table
from tests.web.exchanges.helpers import (
    UA_HEADER,
    UA_ROWS,
    csv_bytes,
    make_exchange,
    reconciled,
    upload,
)


def client_for(table: Table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def post_file(table: Table, who: str, exchange, name: str, data: bytes, **extra: str):
    url = reverse("exchange_upload", args=[table.process.pk, exchange.pk])
    return client_for(table, who).post(url, {"file": SimpleUploadedFile(name, data), **extra})


def test_upload_csv_stores_raw_file_and_records(table: Table) -> None:
    exchange = make_exchange(table)
    data = csv_bytes(UA_HEADER, UA_ROWS)
    response = post_file(table, "ua", exchange, "ua.csv", data)
    stored = ExchangeList.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("exchange_list", args=[table.process.pk, stored.pk])
    assert bytes(stored.content) == data
    assert stored.owner_party == table.parties["UA"] and stored.visibility == "mediator"
    assert stored.columns["surname"] == "Прізвище"
    records = list(stored.records.order_by("row"))
    assert [r.row for r in records] == [2, 3, 4, 5, 6]
    assert records[0].surname == "Шевченко" and records[0].category == "pow"
    assert records[0].raw["Прізвище"] == "Шевченко"
    assert all(r.owner_party_id == table.parties["UA"].pk for r in records)


def test_upload_xlsx(table: Table) -> None:
    exchange = make_exchange(table)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Номер", "Фамилия", "Имя", "Отчество", "Дата рождения"])
    sheet.append(["R1", "Шевченко", "Алексей", "Петрович", "12.03.1990"])
    sheet.append(["R2", "Коваленко", "Андрей", "Иванович", "05.07.1985"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = post_file(table, "ru", exchange, "ru.xlsx", buffer.getvalue())
    assert response.status_code == 302
    stored = ExchangeList.objects.get()
    assert stored.records.count() == 2
    assert stored.records.get(row=3).given_name == "Андрей"


def test_bad_file_gives_message_and_saves_nothing(table: Table) -> None:
    exchange = make_exchange(table)
    response = post_file(table, "ua", exchange, "bad.csv", b"ID,Colour\n1,red\n")
    assert response.status_code == 400
    assert "no name column found" in response.content.decode()
    assert not ExchangeList.objects.exists() and not ListRecord.objects.exists()
    assert not AuditEntry.objects.filter(action="exchange.list.upload").exists()


def test_row_numbered_warnings_are_shown(table: Table) -> None:
    exchange = make_exchange(table)
    rows = [UA_ROWS[0], ("UA-2", "Коваленко", "Андрій", "Іванович", "не знаю", ""), UA_ROWS[2]]
    post_file(table, "ua", exchange, "ua.csv", csv_bytes(UA_HEADER, rows))
    stored = ExchangeList.objects.get()
    assert stored.records.count() == 3  # never a silent drop
    page = client_for(table, "ua").get(reverse("exchange_list", args=[table.process.pk, stored.pk]))
    assert "row 3, Дата народження" in page.content.decode()


def test_mapping_form_overrides_id_column(table: Table) -> None:
    exchange = make_exchange(table)
    stored = upload(table, "ua", exchange)
    url = reverse("exchange_list", args=[table.process.pk, stored.pk])
    response = client_for(table, "ua").post(url, {"id_column": "Прізвище"})
    assert response.status_code == 302
    assert stored.records.get(row=2).record_key == "Шевченко"
    assert client_for(table, "mediator").post(url, {"id_column": "ID"}).status_code == 404


def test_delegations_and_mediators_alone_upload(table: Table) -> None:
    exchange = make_exchange(table)
    data = csv_bytes(UA_HEADER, UA_ROWS)
    for who in ("observer", "outsider"):
        assert post_file(table, who, exchange, "x.csv", data).status_code == 404
    assert not ExchangeList.objects.exists()
    assert post_file(table, "mediator", exchange, "m.csv", data).status_code == 302
    assert ExchangeList.objects.get().owner_party is None  # the mediators' own list


def test_reconcile_runs_as_eager_job(
    table: Table, settings, django_capture_on_commit_callbacks
) -> None:
    settings.ACCORD_JOBS_EAGER = True
    exchange = make_exchange(table)
    upload(table, "ua", exchange)
    upload(table, "ru", exchange)
    url = reverse("exchange_reconcile", args=[table.process.pk, exchange.pk])
    assert client_for(table, "ua").post(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(table, "mediator").post(url)
    assert response.status_code == 302 and "/jobs/" in response.url
    assert CandidateLink.objects.filter(exchange=exchange, decision="accept").count() == 4
    job_page = client_for(table, "mediator").get(response.url)
    assert reverse("exchange_review", args=[table.process.pk, exchange.pk]) in (
        job_page.content.decode()
    )


def test_reconcile_needs_two_sides(table: Table) -> None:
    exchange = make_exchange(table)
    upload(table, "ua", exchange)
    url = reverse("exchange_reconcile", args=[table.process.pk, exchange.pk])
    response = client_for(table, "mediator").post(url, follow=True)
    assert "one list from each of two sides" in response.content.decode()


def _review_link(table: Table, exchange) -> CandidateLink:
    left = ListRecord.objects.get(exchange_list__owner_party__code="RU", record_key="RU-9")
    right = ListRecord.objects.get(exchange_list__owner_party__code="UA", record_key="UA-5")
    return services.link_propose(seat=table.seat("mediator"), left=left, right=right)


def test_review_decision_is_audited(table: Table) -> None:
    exchange = reconciled(table)
    link = _review_link(table, exchange)
    url = reverse("exchange_decide", args=[table.process.pk, link.pk])
    assert client_for(table, "ua").post(url, {"decision": "accept"}).status_code == 404
    response = client_for(table, "mediator").post(
        url, {"decision": "reject"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert 'id="queue"' in response.content.decode()
    link.refresh_from_db()
    assert link.reviewer_decision == "reject" and link.reviewed_by == table.users["mediator"]
    entry = AuditEntry.objects.filter(action="exchange.link.review").get()
    assert entry.object_id == str(link.pk)


def test_review_queue_shows_pair_with_explanation_and_access_keys(table: Table) -> None:
    exchange = reconciled(table)
    link = _review_link(table, exchange)
    CandidateLink.objects.filter(pk=link.pk).update(
        explanation=[{"field": "surname", "left": "Петров", "right": "Мельник",
                      "level": "different", "similarity": 0.4, "weight": -3.2}]
    )  # fmt: skip
    url = reverse("exchange_review", args=[table.process.pk, exchange.pk])
    body = client_for(table, "mediator").get(url).content.decode()
    assert "Петров" in body and "Мельник" in body and "different" in body
    assert 'accesskey="a"' in body and 'accesskey="r"' in body and "<script>" not in body
    for who in ("ua", "ru", "observer", "outsider"):
        assert client_for(table, who).get(url).status_code == 404


@pytest.mark.parametrize("links", [2, 12])
def test_review_queue_query_count(table: Table, links: int, django_assert_max_num_queries) -> None:
    exchange = reconciled(table)
    left = ListRecord.objects.get(record_key="RU-9")
    rights = list(ListRecord.objects.filter(exchange_list__owner_party__code="UA"))
    for index in range(links):
        services.link_propose(seat=table.seat("mediator"), left=left, right=rights[index % 5])
    client = client_for(table, "mediator")
    url = reverse("exchange_review", args=[table.process.pk, exchange.pk])
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_counts_come_from_resolved_persons(table: Table) -> None:
    exchange = make_exchange(table, agreed=6)
    rows = [*UA_ROWS, ("UA-6", "Мельник", "Юрій", "Васильович", "30.06.1988", "військовополонений")]
    services.list_upload(
        seat=table.seat("ua"), exchange=exchange, file_name="ua.csv",
        data=csv_bytes(UA_HEADER, rows),
    )  # fmt: skip
    upload(table, "ru", exchange)
    services.exchange_reconcile(actor=None, exchange=exchange)
    summary = selectors.summary(seat=table.seat("mediator"), exchange=exchange)
    # 4 pairs are 4 persons (not 8 rows); UA's repeated row is one person, not two.
    assert summary.reconciled == 4
    assert summary.categories == {"pow": 2, "civilian": 1, "wounded": 1}
    assert summary.single == {"Russia": 1, "Ukraine": 1}
    assert len(summary.persons) == 6
    page = client_for(table, "mediator").get(
        reverse("exchange", args=[table.process.pk, exchange.pk])
    )
    assert (
        "<strong>6</strong> agreed, <strong>4</strong> reconciled, <strong>0</strong> in review"
        in (page.content.decode())
    )


def test_export_csv_is_audited_and_mediator_only(table: Table) -> None:
    exchange = reconciled(table)
    url = reverse("exchange_export", args=[table.process.pk, exchange.pk])
    for who in ("ua", "ru", "observer", "outsider"):
        assert client_for(table, who).get(url).status_code == 404
    response = client_for(table, "mediator").get(url)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    paired = [row for row in rows if row["reconciled"] == "yes"]
    assert len(paired) == 4 and len(rows) == 6
    assert {row["left_party"] for row in paired} == {"RU"}
    assert AuditEntry.objects.filter(action="exchange.export").count() == 1


def test_status_log_on_an_accepted_link(table: Table) -> None:
    exchange = reconciled(table)
    link = CandidateLink.objects.filter(exchange=exchange, decision="accept").first()
    url = reverse("exchange_link", args=[table.process.pk, link.pk])
    client = client_for(table, "mediator")
    assert client.post(url, {"status": "exchanged", "note": "Handed over"}).status_code == 302
    assert "Handed over" in client.get(url).content.decode()
    summary = selectors.summary(seat=table.seat("mediator"), exchange=exchange)
    assert any(p.status == "exchanged" for p in summary.persons)
    assert client_for(table, "ua").get(url).status_code == 404
