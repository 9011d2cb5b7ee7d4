"""The mediators' own (Latin) list: stored for mediators only, linked against each side's list."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accord.exchanges import selectors, services
from accord.exchanges.models import CandidateLink, ExchangeList
from tests.table import Table
from tests.web.exchanges.helpers import (
    LATIN_HEADER,
    LATIN_ROWS,
    csv_bytes,
    make_exchange,
    upload,
    upload_mediator_list,
)


def client_for(table: Table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def _pairs(exchange, side: str) -> set[tuple[str, str]]:
    links = CandidateLink.objects.filter(
        exchange=exchange,
        left__exchange_list__owner_party__code=side,
        right__exchange_list__owner_party__isnull=True,
    )
    return {(x.left.record_key, x.right.record_key) for x in links.select_related("left", "right")}


def test_mediator_uploads_own_list_through_the_page(table: Table) -> None:
    exchange = make_exchange(table)
    url = reverse("exchange_upload", args=[table.process.pk, exchange.pk])
    data = csv_bytes(LATIN_HEADER, LATIN_ROWS)
    response = client_for(table, "mediator").post(url, {"file": SimpleUploadedFile("m.csv", data)})
    assert response.status_code == 302
    stored = ExchangeList.objects.get()
    assert stored.owner_party is None and stored.visibility == "own"
    assert stored.records.count() == 5
    assert {r.visibility for r in stored.records.all()} == {"own"}


def test_delegations_and_observers_get_404_on_the_mediators_list(table: Table) -> None:
    exchange = make_exchange(table)
    own = upload_mediator_list(table, exchange)
    record = own.records.get(record_key="M-1")
    pid = table.process.pk
    for who in ("ua", "ru", "us", "observer", "outsider"):
        client = client_for(table, who)
        assert client.get(reverse("exchange_list", args=[pid, own.pk])).status_code == 404
        assert client.get(reverse("exchange_record", args=[pid, record.pk])).status_code == 404
        api = client.get(f"/api/exchanges/{pid}/lists/{own.pk}/records")
        assert api.status_code == 404
    page = client_for(table, "ua").get(reverse("exchange", args=[pid, exchange.pk]))
    assert "icrc.csv" not in page.content.decode()
    mediator = client_for(table, "mediator")
    assert mediator.get(reverse("exchange_list", args=[pid, own.pk])).status_code == 200


def test_each_side_is_linked_against_the_mediators_list(table: Table) -> None:
    exchange = make_exchange(table)
    upload(table, "ua", exchange)
    upload(table, "ru", exchange)
    upload_mediator_list(table, exchange)
    services.exchange_reconcile(actor=None, exchange=exchange)
    assert _pairs(exchange, "UA") == {
        ("UA-1", "M-1"),
        ("UA-2", "M-2"),
        ("UA-3", "M-3"),
        ("UA-4", "M-4"),
    }
    assert _pairs(exchange, "RU") == {
        ("RU-1", "M-1"),
        ("RU-2", "M-2"),
        ("RU-3", "M-3"),
        ("RU-4", "M-4"),
    }
    sides_only = CandidateLink.objects.filter(
        left__exchange_list__owner_party__isnull=False,
        right__exchange_list__owner_party__isnull=False,
    )
    assert sides_only.count() == 4
    summary = selectors.summary(seat=table.seat("mediator"), exchange=exchange)
    assert summary.reconciled + summary.in_review == 4  # persons come from the two sides only
    assert set(summary.against_mediator) == {"Ukraine", "Russia"}
    for counts in summary.against_mediator.values():
        assert counts["accept"] + counts["review"] == 4
    queue = selectors.review_queue(seat=table.seat("mediator"), exchange=exchange)
    assert queue.count() == summary.queue


def test_one_side_and_the_mediators_list_are_enough(table: Table) -> None:
    exchange = make_exchange(table)
    upload(table, "ua", exchange)
    with pytest.raises(ValidationError):
        services.reconcile_start(seat=table.seat("mediator"), exchange=exchange)
    upload_mediator_list(table, exchange)
    services.exchange_reconcile(actor=None, exchange=exchange)
    assert len(_pairs(exchange, "UA")) == 4


def test_reviewed_mediator_links_survive_a_rerun(table: Table) -> None:
    exchange = make_exchange(table)
    upload(table, "ua", exchange)
    upload_mediator_list(table, exchange)
    services.exchange_reconcile(actor=None, exchange=exchange)
    link = CandidateLink.objects.get(left__record_key="UA-1", right__record_key="M-1")
    services.link_review(seat=table.seat("mediator"), link=link, decision="reject")
    services.exchange_reconcile(actor=None, exchange=exchange)
    assert CandidateLink.objects.get(pk=link.pk).reviewer_decision == "reject"
    assert CandidateLink.objects.filter(left__record_key="UA-1").count() == 1


def test_exchange_page_query_count_with_the_mediators_list(
    table: Table, django_assert_max_num_queries
) -> None:
    exchange = make_exchange(table)
    upload(table, "ua", exchange)
    upload(table, "ru", exchange)
    upload_mediator_list(table, exchange)
    services.exchange_reconcile(actor=None, exchange=exchange)
    client = client_for(table, "mediator")
    url = reverse("exchange", args=[table.process.pk, exchange.pk])
    client.get(url)
    with django_assert_max_num_queries(16):
        response = client.get(url)
    body = response.content.decode()
    assert "Against the mediators" in body and "Mediators (own list)" in body


def test_export_names_the_mediators_id_of_each_person(table: Table) -> None:
    exchange = make_exchange(table)
    upload(table, "ua", exchange)
    upload(table, "ru", exchange)
    upload_mediator_list(table, exchange)
    services.exchange_reconcile(actor=None, exchange=exchange)
    mediator = table.seat("mediator")
    for link in CandidateLink.objects.filter(decision="review"):
        services.link_review(seat=mediator, link=link, decision="accept")
    response = client_for(table, "mediator").get(
        reverse("exchange_export", args=[table.process.pk, exchange.pk])
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_person = {(r["left_id"], r["right_id"]): r["mediator_id"] for r in rows}
    assert {by_person[key] for key in by_person if "RU-1" in key} == {"M-1"}
    assert {by_person[key] for key in by_person if "RU-9" in key} == {""}
