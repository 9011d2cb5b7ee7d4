"""Agreement register: provisions, statuses through visibility, curve, pages, API and CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.http import Http404
from django.test import Client
from typer.testing import CliRunner

from accord.agreements import selectors, services
from accord.agreements.models import ImplementationStatus
from accord.cli import app
from accord.domain.visibility import Visibility
from tests.table import Table


def make(table: Table, visibility: Visibility = Visibility.PUBLIC):
    mediator = table.seat("mediator")
    agreement = services.agreement_create(
        seat=mediator, title="Prisoner exchange (314)", visibility=visibility
    )
    ru = services.provision_add(
        seat=mediator, agreement=agreement, action="Release 157", obligor=table.parties["RU"]
    )
    ua = services.provision_add(
        seat=mediator, agreement=agreement, action="Release 157", obligor=table.parties["UA"]
    )
    services.status_record(
        seat=mediator,
        provision=ru,
        level=2,
        as_of=date(2026, 2, 10),
        evidence="Half released",
        visibility=Visibility.PUBLIC,
    )
    services.status_record(
        seat=table.seat("ua"),
        provision=ua,
        level=3,
        as_of=date(2026, 2, 11),
        evidence="UA own view",
        visibility=Visibility.OWN,
    )
    return agreement, ru, ua


def client_for(table: Table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def test_score_and_curves_use_only_visible_statuses(table: Table) -> None:
    agreement, _ru, _ua = make(table)
    for name, mean in [("ru", 1.0), ("ua", 2.5)]:
        seat = table.seat(name)
        report = selectors.agreement_report(
            seat=seat, agreement=selectors.agreement_get(seat=seat, agreement_id=agreement.pk)
        )
        assert report.overall.mean == mean
    data = selectors.status_json(report, seat=seat)
    assert data["by_party"] == {
        "RU": {"mean": 2.0, "percent": 66.67},
        "UA": {"mean": 3.0, "percent": 100.0},
    }
    assert [p["latest"]["label"] for p in data["provisions"]] == ["intermediate", "full"]


def test_hidden_agreement_and_provisions_need_the_owner(table: Table) -> None:
    agreement, _ru, _ua = make(table, visibility=Visibility.OWN)
    with pytest.raises(Http404):
        selectors.agreement_get(seat=table.seat("ua"), agreement_id=agreement.pk)
    with pytest.raises(Http404):
        services.provision_add(seat=table.seat("ua"), agreement=agreement, action="x")
    assert (
        not selectors.status_visible(seat=table.seat("ua"))
        .exclude(owner_party=table.parties["UA"])
        .exists()
    )


def test_pages_forms_and_outsiders(table: Table, django_assert_max_num_queries) -> None:
    agreement, ru, _ua = make(table)
    pid = table.process.pk
    detail = f"/p/{pid}/agreements/{agreement.pk}/"
    for url in (
        f"/p/{pid}/agreements/",
        detail,
        f"/api/agreements/{pid}",
        f"/api/agreements/{pid}/{agreement.pk}/status",
    ):
        assert client_for(table, "ru").get(url).status_code == 200, url
        assert client_for(table, "outsider").get(url).status_code == 404, url
    client = client_for(table, "ru")
    with django_assert_max_num_queries(12):
        page = client.get(detail).content.decode()
    assert "Half released" in page and "UA own view" not in page and "<polyline" in page
    with django_assert_max_num_queries(10):
        client.get(f"/p/{pid}/agreements/")
    form = {
        "form": "status",
        "provision": ru.pk,
        "level": 3,
        "as_of": "2026-02-12",
        "evidence": "All home",
        "visibility": "parties",
    }
    assert client.post(detail, form).status_code == 302
    assert ImplementationStatus.objects.filter(owner_party=table.parties["RU"]).count() == 1
    assert client.post(detail, dict(form, level=7)).status_code == 400
    add = {"form": "provision", "action": "Exchange lists"}
    assert client_for(table, "mediator").post(detail, add).status_code == 302


def test_api_create_and_validate(table: Table) -> None:
    pid = table.process.pk
    client = client_for(table, "ua")
    created = client.post(
        f"/api/agreements/{pid}", {"title": "Energy truce terms"}, content_type="application/json"
    )
    assert created.status_code == 201
    aid = created.json()["id"]
    prov = client.post(
        f"/api/agreements/{pid}/{aid}/provisions",
        {"action": "Stop strikes"},
        content_type="application/json",
    )
    assert prov.status_code == 201
    url = f"/api/agreements/{pid}/{aid}/provisions/{prov.json()['id']}/statuses"
    bad = client.post(
        url, {"level": 4, "as_of": "2026-02-01", "evidence": "x"}, content_type="application/json"
    )
    assert bad.status_code == 422
    ok = client.post(
        url, {"level": 1, "as_of": "2026-02-01", "evidence": "x"}, content_type="application/json"
    )
    assert ok.status_code == 201
    assert client_for(table, "ru").get(f"/api/agreements/{pid}/{aid}/status").status_code == 404


def test_cli_status_json(table: Table) -> None:
    agreement, _ru, _ua = make(table)
    result = CliRunner().invoke(app, ["agreement", "status", str(agreement.pk), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["score"] == {"mean": 1.0, "percent": 33.33}  # the mediator cannot see UA's own
    assert data["provisions"][1]["latest"] is None
    as_ua = CliRunner().invoke(
        app, ["agreement", "status", str(agreement.pk), "--json", "--as", "ua"]
    )
    assert json.loads(as_ua.output)["score"]["mean"] == 2.5
