"""Detainee data: each side sees its own list only, mediators see both, observers nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accord.audit.models import AuditEntry
from accord.exchanges.models import CandidateLink, ListRecord
from tests.table import Table
from tests.web.exchanges.helpers import reconciled


def client_for(table: Table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


@pytest.fixture
def exchange(table: Table):
    return reconciled(table)


def _ua_list(exchange):
    return exchange.lists.get(owner_party__code="UA")


def test_one_side_cannot_see_the_other_sides_list(table: Table, exchange) -> None:
    ua_list = _ua_list(exchange)
    record = ua_list.records.get(row=2)
    pid = table.process.pk
    for who in ("ru", "us", "observer", "outsider"):
        client = client_for(table, who)
        assert client.get(reverse("exchange_list", args=[pid, ua_list.pk])).status_code == 404
        assert client.get(reverse("exchange_record", args=[pid, record.pk])).status_code == 404
        api = client.get(f"/api/exchanges/{pid}/lists/{ua_list.pk}/records")
        assert api.status_code == 404
    ru_page = client_for(table, "ru").get(reverse("exchange", args=[pid, exchange.pk]))
    body = ru_page.content.decode()
    assert "ru.csv" in body and "ua.csv" not in body and "reconciled" not in body
    assert [
        x["file_name"] for x in client_for(table, "ru").get(f"/api/exchanges/{pid}/lists").json()
    ] == ["ru.csv"]


def test_mediator_sees_both_lists(table: Table, exchange) -> None:
    pid = table.process.pk
    client = client_for(table, "mediator")
    names = {x["file_name"] for x in client.get(f"/api/exchanges/{pid}/lists").json()}
    assert names == {"ua.csv", "ru.csv"}
    record = _ua_list(exchange).records.get(row=2)
    assert (
        "Шевченко" in client.get(reverse("exchange_record", args=[pid, record.pk])).content.decode()
    )


def test_observer_sees_nothing(table: Table, exchange) -> None:
    pid = table.process.pk
    client = client_for(table, "observer")
    assert client.get(reverse("exchange", args=[pid, exchange.pk])).status_code == 404
    index = client.get(reverse("exchanges", args=[pid])).content.decode()
    assert "Prisoner exchange</a>" not in index
    assert client.get(f"/api/exchanges/{pid}/lists").json() == []
    assert client.get(f"/api/exchanges/{pid}/{exchange.pk}/links").status_code == 404


def test_record_views_are_audited(table: Table, exchange) -> None:
    record = _ua_list(exchange).records.get(row=2)
    url = reverse("exchange_record", args=[table.process.pk, record.pk])
    client_for(table, "ua").get(url)
    client_for(table, "mediator").get(url)
    client_for(table, "ru").get(url)  # 404: no record seen, nothing to audit
    entries = AuditEntry.objects.filter(action="exchange.record.view", object_id=str(record.pk))
    assert sorted(entries.values_list("actor", flat=True)) == sorted(
        [f"user:{table.users['ua'].pk}", f"user:{table.users['mediator'].pk}"]
    )


def test_reading_a_whole_list_through_the_api_is_audited(table: Table, exchange) -> None:
    ua_list = _ua_list(exchange)
    url = f"/api/exchanges/{table.process.pk}/lists/{ua_list.pk}/records"
    rows = client_for(table, "ua").get(url).json()
    assert client_for(table, "ru").get(url).status_code == 404  # nothing read, nothing audited
    entries = AuditEntry.objects.filter(action="exchange.records.read", object_id=str(ua_list.pk))
    assert [e.actor for e in entries] == [f"user:{table.users['ua'].pk}"]
    assert len(rows) == ua_list.records.count() > 0


def test_links_api_is_for_mediators(table: Table, exchange) -> None:
    pid = table.process.pk
    url = f"/api/exchanges/{pid}/{exchange.pk}/links"
    for who in ("ua", "ru", "us", "observer", "outsider"):
        assert client_for(table, who).get(url).status_code == 404
    links = client_for(table, "mediator").get(url).json()
    assert len(links) == 4 and links[0]["explanation"][0]["field"]


def test_decision_api(table: Table, exchange) -> None:
    pid = table.process.pk
    link = CandidateLink.objects.filter(exchange=exchange).first()
    url = f"/api/exchanges/{pid}/links/{link.pk}/decision"
    body = {"decision": "reject"}
    for who in ("ua", "observer", "outsider"):
        assert (
            client_for(table, who).post(url, body, content_type="application/json").status_code
            == 404
        )
    bad = client_for(table, "mediator").post(
        url, {"decision": "maybe"}, content_type="application/json"
    )
    assert bad.status_code == 422
    response = client_for(table, "mediator").post(url, body, content_type="application/json")
    assert response.status_code == 200 and response.json()["final"] == "reject"
    assert AuditEntry.objects.filter(action="exchange.link.review").count() == 1


def test_records_carry_their_lists_ownership(table: Table, exchange) -> None:
    for record in ListRecord.objects.select_related("exchange_list"):
        assert record.owner_party_id == record.exchange_list.owner_party_id
        assert record.visibility == "mediator"
    assert set(CandidateLink.objects.values_list("owner_party", "visibility")) == {(None, "own")}
