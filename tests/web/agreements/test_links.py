"""Provisions linked to a released text clause, an exchange, a truce and cited statements:
each linked record shows only as far as the viewer may see it."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from accord.agreements import services
from accord.agreements.models import Agreement, ImplementationStatus, Provision
from accord.domain.text import Mark
from accord.domain.visibility import Visibility
from accord.exchanges import services as exchange_services
from accord.exchanges.models import CandidateLink
from accord.texts import services as text_services
from tests.table import Table
from tests.web.exchanges.helpers import reconciled
from tests.web.monitor.helpers import ingest, statement_by
from tests.web.texts.helpers import draft, release
from tests.web.truces.helpers import make_truce

WORDING = "exchange 314 prisoners of war, all for all"


def client_for(table: Table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def agreed_version(table: Table, codes=("RU", "UA", "US")):
    """A released version whose clause 1.1 every party accepted (2.1 and 2.2 stay open)."""
    version = release(table, draft(table), codes=codes)
    for code in codes:
        text_services.mark_set(
            seat=table.seat(code.lower()), version=version, clause="1.1", mark=Mark.ACCEPT
        )
    return version


def public_agreement(table: Table, seat: str = "mediator") -> Agreement:
    return services.agreement_create(
        seat=table.seat(seat), title="Host agreement", visibility=Visibility.PUBLIC
    )


def test_agreement_from_a_released_text_links_each_agreed_clause(table: Table) -> None:
    version = agreed_version(table)
    pid = table.process.pk
    mediator = client_for(table, "mediator")
    assert (
        "From a released negotiating text" in mediator.get(f"/p/{pid}/agreements/").content.decode()
    )
    form = {"form": "from_text", "version": version.pk, "title": "Exchange agreement",
            "visibility": "public"}  # fmt: skip
    created = mediator.post(f"/p/{pid}/agreements/", form)
    assert created.status_code == 302
    agreement = Agreement.objects.get(title="Exchange agreement")
    provision = agreement.provisions.get()
    assert (provision.text_version, provision.clause_number, provision.obligor) == (
        version,
        "1.1",
        None,
    )
    assert WORDING not in provision.action and "Framework" not in agreement.source_reference
    url = f"/p/{pid}/provisions/{provision.pk}/"
    for name in ["ua", "ru", "us", "mediator"]:
        page = client_for(table, name).get(url).content.decode()
        assert WORDING in page and "agreed by every party" in page, name
    observer = client_for(table, "observer").get(url)
    assert observer.status_code == 200 and WORDING not in observer.content.decode()
    assert "has not been released to you" in observer.content.decode()
    assert client_for(table, "outsider").get(url).status_code == 404


def test_from_text_without_an_agreed_clause_creates_nothing(table: Table) -> None:
    version = release(table, draft(table))
    form = {"form": "from_text", "version": version.pk, "title": "Too early", "visibility": "own"}
    refused = client_for(table, "mediator").post(f"/p/{table.process.pk}/agreements/", form)
    assert refused.status_code == 400 and "is agreed by every party yet" in refused.content.decode()
    assert not Agreement.objects.exists() and not Provision.objects.exists()


def test_from_text_needs_a_version_released_to_the_seat(table: Table) -> None:
    version = agreed_version(table)
    pending = text_services.release_propose(
        seat=table.seat("mediator"), text=version.text, recipients=[table.parties["UA"]]
    )
    for name, target in [("observer", version), ("ua", pending), ("mediator", pending)]:
        form = {"form": "from_text", "version": target.pk, "title": "X", "visibility": "own"}
        page = client_for(table, name).post(f"/p/{table.process.pk}/agreements/", form)
        assert page.status_code == 400, name  # not among the choices the seat is offered
    assert not Agreement.objects.exists()


def test_manual_clause_link_is_optional_checked_and_gated(table: Table) -> None:
    to_ua = release(table, draft(table), codes=("UA",))
    agreement = public_agreement(table)
    pid = table.process.pk
    detail = f"/p/{pid}/agreements/{agreement.pk}/"
    mediator = client_for(table, "mediator")
    add = {"form": "provision", "action": "Withdraw or freeze"}
    assert mediator.post(detail, add | {"clause": f"{to_ua.pk}:9.9"}).status_code == 400
    assert mediator.post(detail, add | {"clause": f"{to_ua.pk}:2.1"}).status_code == 302
    assert mediator.post(detail, {"form": "provision", "action": "No link"}).status_code == 302
    linked, plain = agreement.provisions.order_by("number")
    assert (linked.text_version, linked.clause_number) == (to_ua, "2.1")
    assert plain.text_version is None and plain.clause_number == ""
    url = f"/p/{pid}/provisions/{linked.pk}/"
    assert "freeze hostilities along" in client_for(table, "ua").get(url).content.decode()
    for name in ["ru", "us", "observer"]:
        page = client_for(table, name).get(url).content.decode()
        assert "freeze hostilities" not in page and "not been released to you" in page, name
    # a delegation cannot link a clause of a version it has not received
    ru_agreement = public_agreement(table, seat="ru")
    with pytest.raises(ValidationError):
        services.provision_add(
            seat=table.seat("ru"), agreement=ru_agreement, action="x", text_version=to_ua,
            clause_number="2.1",
        )  # fmt: skip


def test_exchange_counts_as_evidence_are_aggregates_within_visibility(table: Table) -> None:
    exchange = reconciled(table)
    mediator = table.seat("mediator")
    accepted = CandidateLink.objects.filter(exchange=exchange, decision="accept").first()
    assert accepted is not None
    exchange_services.status_record(
        seat=mediator, exchange=exchange, status="exchanged", link=accepted
    )
    agreement = public_agreement(table)
    provision = services.provision_add(
        seat=mediator, agreement=agreement, action="Release all", exchange=exchange
    )
    url = f"/p/{table.process.pk}/provisions/{provision.pk}/"
    page = client_for(table, "mediator").get(url)
    x = page.context["page"].exchange
    accepted_count = CandidateLink.objects.filter(exchange=exchange, decision="accept").count()
    assert (x.agreed, x.reconciled, x.exchanged) == (5, accepted_count, 1)
    assert x.lists == {"Ukraine": 5, "Russia": 5}
    ua = client_for(table, "ua").get(url)
    counts = ua.context["page"].exchange
    assert (counts.agreed, counts.reconciled, counts.exchanged) == (5, None, None)
    assert counts.lists == {"Ukraine": 5}
    assert (
        "Reconciled" not in ua.content.decode() and "Russia&#x27;s list" not in ua.content.decode()
    )
    for response in (page, ua):
        body = response.content.decode()
        assert "Шевченко" not in body and "Shevchenko" not in body and "12.03.1990" not in body
    observer = client_for(table, "observer").get(url)
    assert observer.context["page"].exchange is None and "Prisoner exchange" not in (
        observer.content.decode()
    )


def test_truce_link_shows_only_to_those_who_see_the_truce(table: Table) -> None:
    truce = make_truce(table, visibility=Visibility.MEDIATOR)
    agreement = public_agreement(table)
    provision = services.provision_add(
        seat=table.seat("mediator"), agreement=agreement, action="Stop strikes", truce=truce
    )
    url = f"/p/{table.process.pk}/provisions/{provision.pk}/"
    assert "Energy truce" in client_for(table, "mediator").get(url).content.decode()
    assert "Energy truce" not in client_for(table, "ua").get(url).content.decode()
    ua_agreement = public_agreement(table, seat="ua")
    with pytest.raises(ValidationError):
        services.provision_add(
            seat=table.seat("ua"), agreement=ua_agreement, action="x", truce=truce
        )


def test_statements_cited_as_evidence(table: Table, django_assert_max_num_queries) -> None:
    ingest(table)
    peskov = statement_by(table, "Dmitry Peskov")
    agreement = public_agreement(table)
    provision = services.provision_add(
        seat=table.seat("mediator"), agreement=agreement, action="Keep talking"
    )
    pid = table.process.pk
    url = f"/p/{pid}/provisions/{provision.pk}/"
    client = client_for(table, "ua")
    form = {
        "provision": provision.pk,
        "level": 1,
        "as_of": "2026-02-06",
        "evidence": "Kremlin statement",
        "visibility": "parties",
        "statements": [peskov.pk],
    }
    assert client.post(url, form).status_code == 302
    status = ImplementationStatus.objects.get()
    assert list(status.statements.all()) == [peskov]
    umerov = statement_by(table, "Rustem Umerov")
    for day in (7, 8, 9):  # more statuses citing statements: the page's queries stay flat
        services.status_record(
            seat=table.seat("mediator"), provision=provision, level=2, as_of=date(2026, 2, day),
            evidence="More", visibility=Visibility.PUBLIC, statements=[peskov, umerov],
        )  # fmt: skip
    ru = client_for(table, "ru")
    with django_assert_max_num_queries(12):
        page = ru.get(url).content.decode()
    assert "fighting would persist" in page and f"/p/{pid}/monitor/statements/{peskov.pk}/" in page
    with django_assert_max_num_queries(14):
        detail = ru.get(f"/p/{pid}/agreements/{agreement.pk}/")
    assert "fighting would persist" in detail.content.decode()
    assert client.post(url, form | {"statements": [10**9]}).status_code == 400


def test_provision_page_shows_only_visible_statuses(table: Table) -> None:
    agreement = public_agreement(table)
    provision = services.provision_add(
        seat=table.seat("mediator"), agreement=agreement, action="Act"
    )
    services.status_record(
        seat=table.seat("ua"), provision=provision, level=2, as_of=date(2026, 2, 9),
        evidence="UA private view",
    )  # fmt: skip
    url = f"/p/{table.process.pk}/provisions/{provision.pk}/"
    assert "UA private view" in client_for(table, "ua").get(url).content.decode()
    for name in ["ru", "mediator", "observer"]:
        assert "UA private view" not in client_for(table, name).get(url).content.decode()
    hidden = services.agreement_create(seat=table.seat("ru"), title="RU only")
    ru_provision = services.provision_add(seat=table.seat("ru"), agreement=hidden, action="y")
    assert (
        client_for(table, "ua")
        .get(f"/p/{table.process.pk}/provisions/{ru_provision.pk}/")
        .status_code
        == 404
    )
