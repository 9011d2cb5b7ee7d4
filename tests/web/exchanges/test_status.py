"""Statuses a delegation records on its own submission, and who sees them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from accord.audit.models import AuditEntry
from accord.exchanges import selectors, services
from accord.exchanges.models import CandidateLink, ListRecord, PersonStatusEvent
from tests.table import Table
from tests.web.exchanges.helpers import reconciled


def client_for(table: Table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


@pytest.fixture
def exchange(table: Table):
    return reconciled(table)


def _record(side: str, key: str) -> ListRecord:
    return ListRecord.objects.get(exchange_list__owner_party__code=side, record_key=key)


def _log(page: str) -> str:
    """The status log of a record page (the form below it lists every status too)."""
    return page.split('id="status-log"')[1].split("</ol>")[0]


def _record_url(table: Table, record: ListRecord) -> str:
    return reverse("exchange_record", args=[table.process.pk, record.pk])


def test_delegation_records_a_status_on_its_own_record_through_the_page(
    table: Table, exchange
) -> None:
    record = _record("RU", "RU-1")
    client = client_for(table, "ru")
    response = client.post(_record_url(table, record), {"status": "confirmed", "note": "held"})
    assert response.status_code == 302
    event = PersonStatusEvent.objects.get()
    assert (event.record_id, event.link_id, event.status) == (record.pk, None, "confirmed")
    assert event.owner_party == table.parties["RU"] and event.visibility == "mediator"
    entry = AuditEntry.objects.filter(action="exchange.status.record").get()
    assert entry.object_id == str(event.pk) and entry.actor == f"user:{table.users['ru'].pk}"
    page = client.get(_record_url(table, record)).content.decode()
    assert "Confirmed by holding party" in _log(page)


def test_delegation_cannot_record_exchanged(table: Table, exchange) -> None:
    record = _record("RU", "RU-1")
    with pytest.raises(ValidationError):
        services.status_record(
            seat=table.seat("ru"), exchange=exchange, record=record, status="exchanged"
        )
    response = client_for(table, "ru").post(_record_url(table, record), {"status": "exchanged"})
    assert response.status_code == 400
    assert not PersonStatusEvent.objects.exists()


def test_other_side_gets_404_on_your_record_and_cannot_record_on_it(table: Table, exchange) -> None:
    record = _record("UA", "UA-1")
    for who in ("ru", "us", "observer", "outsider"):
        response = client_for(table, who).post(_record_url(table, record), {"status": "disputed"})
        assert response.status_code == 404, who
    with pytest.raises(Http404):
        services.status_record(
            seat=table.seat("ru"), exchange=exchange, record=record, status="disputed"
        )
    assert not PersonStatusEvent.objects.exists()


def test_delegation_cannot_record_on_a_link(table: Table, exchange) -> None:
    link = CandidateLink.objects.filter(decision="accept").first()
    with pytest.raises(Http404):
        services.status_record(
            seat=table.seat("ua"), exchange=exchange, link=link, status="requested"
        )


def test_each_side_sees_only_its_own_events_mediator_sees_all(table: Table, exchange) -> None:
    ua, ru = _record("UA", "UA-1"), _record("RU", "RU-1")
    services.status_record(seat=table.seat("ua"), exchange=exchange, record=ua, status="requested")
    services.status_record(seat=table.seat("ru"), exchange=exchange, record=ru, status="confirmed")
    link = CandidateLink.objects.get(left__in=[ua, ru], right__in=[ua, ru])
    services.status_record(
        seat=table.seat("mediator"), exchange=exchange, link=link, status="exchanged"
    )

    def seen(who: str) -> set[str]:
        return set(
            PersonStatusEvent.objects.visible_to(table.seat(who).viewer).values_list(
                "status", flat=True
            )
        )

    assert seen("ua") == {"requested"}
    assert seen("ru") == {"confirmed"}
    assert seen("mediator") == {"requested", "confirmed", "exchanged"}
    assert seen("us") == seen("observer") == set()
    ru_log = _log(client_for(table, "ru").get(_record_url(table, ru)).content.decode())
    assert "Confirmed by holding party" in ru_log and "Requested" not in ru_log
    assert "Exchanged" not in ru_log
    link_page = client_for(table, "mediator").get(
        reverse("exchange_link", args=[table.process.pk, link.pk])
    )
    body = link_page.content.decode()
    assert "Requested" in body and "Confirmed by holding party" in body and "Exchanged" in body


def test_person_status_is_the_latest_of_link_and_both_sides(table: Table, exchange) -> None:
    ua, ru = _record("UA", "UA-1"), _record("RU", "RU-1")
    mediator = table.seat("mediator")
    services.status_record(seat=table.seat("ua"), exchange=exchange, record=ua, status="requested")
    summary = selectors.summary(seat=mediator, exchange=exchange)
    person = next(p for p in summary.persons if p.link and ua in p.records)
    assert person.status == "requested"
    services.status_record(seat=table.seat("ru"), exchange=exchange, record=ru, status="confirmed")
    link = CandidateLink.objects.get(left__in=[ua, ru], right__in=[ua, ru])
    services.status_record(seat=mediator, exchange=exchange, link=link, status="exchanged")
    summary = selectors.summary(seat=mediator, exchange=exchange)
    person = next(p for p in summary.persons if p.link and ua in p.records)
    assert person.status == "exchanged"


def test_single_record_status_counts_for_the_person(table: Table, exchange) -> None:
    alone = _record("RU", "RU-9")
    services.status_record(
        seat=table.seat("ru"), exchange=exchange, record=alone, status="deceased"
    )
    summary = selectors.summary(seat=table.seat("mediator"), exchange=exchange)
    person = next(p for p in summary.persons if p.records == [alone])
    assert person.status == "deceased"


def test_list_page_shows_latest_status_with_bounded_queries(
    table: Table, exchange, django_assert_max_num_queries
) -> None:
    ru_list = exchange.lists.get(owner_party__code="RU")
    for record in ru_list.records.all():
        for status in ("requested", "confirmed"):
            services.status_record(
                seat=table.seat("ru"), exchange=exchange, record=record, status=status
            )
    client = client_for(table, "ru")
    url = reverse("exchange_list", args=[table.process.pk, ru_list.pk])
    client.get(url)
    with django_assert_max_num_queries(12):
        response = client.get(url)
    body = response.content.decode()
    assert body.count("Confirmed by holding party") == 5 and "<td>Requested</td>" not in body


def test_record_page_query_count_does_not_grow_with_events(
    table: Table, exchange, django_assert_max_num_queries
) -> None:
    record = _record("UA", "UA-2")
    for _ in range(15):
        services.status_record(
            seat=table.seat("ua"), exchange=exchange, record=record, status="disputed"
        )
    client = client_for(table, "ua")
    client.get(_record_url(table, record))
    with django_assert_max_num_queries(14):
        assert client.get(_record_url(table, record)).status_code == 200
