"""`accord agreement status ID --json` and its API twin show a provision's links (text version,
clause number, exchange, truce) as ids only, each only to a seat that may read the linked record,
and the evidence ids of the latest status; the keys that existed before stay as they were."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from typer.testing import CliRunner

from accord.agreements import services
from accord.agreements.models import Agreement
from accord.cli import app
from accord.domain.visibility import Visibility
from tests.table import Table
from tests.web.exchanges.helpers import reconciled
from tests.web.texts.helpers import draft, release
from tests.web.truces.helpers import make_truce

OLD_KEYS = {"id", "number", "party", "action", "due_on", "verifier", "clause_reference", "latest"}
OLD_LATEST = {"level", "label", "as_of", "evidence", "recorded_by"}


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def linked_agreement(table: Table):
    """A public agreement whose one provision links a clause released to UA only, an exchange
    (the observer may not see it) and a mediator-only truce."""
    to_ua = release(table, draft(table), codes=("UA",))
    exchange = reconciled(table)
    truce = make_truce(table, visibility=Visibility.MEDIATOR)
    mediator = table.seat("mediator")
    agreement = services.agreement_create(
        seat=mediator, title="Linked agreement", visibility=Visibility.PUBLIC
    )
    provision = services.provision_add(
        seat=mediator, agreement=agreement, action="Freeze and exchange", text_version=to_ua,
        clause_number="2.1", exchange=exchange, truce=truce,
    )  # fmt: skip
    status = services.status_record(
        seat=mediator, provision=provision, level=2, as_of=date(2026, 2, 10),
        evidence="Half done", visibility=Visibility.PUBLIC,
    )  # fmt: skip
    document = services.document_add(seat=mediator, status=status, upload=b"minutes")
    return agreement, to_ua, exchange, truce, document


def api_json(table: Table, name: str, agreement: Agreement) -> dict:
    client = Client()
    client.force_login(table.users[name])
    response = client.get(f"/api/agreements/{table.process.pk}/{agreement.pk}/status")
    assert response.status_code == 200, name
    return response.json()


def test_links_show_as_ids_only_where_the_viewer_may_read_them(table: Table) -> None:
    agreement, to_ua, exchange, truce, document = linked_agreement(table)
    expected = {
        "mediator": (to_ua.pk, exchange.pk, truce.pk),
        "ua": (to_ua.pk, exchange.pk, None),
        "ru": (None, exchange.pk, None),
        "observer": (None, None, None),
    }
    for name, (version_id, exchange_id, truce_id) in expected.items():
        data = api_json(table, name, agreement)
        (provision,) = data["provisions"]
        assert provision.keys() >= OLD_KEYS and provision["latest"].keys() >= OLD_LATEST
        assert provision["text_version_id"] == version_id, name
        assert provision["clause_number"] == "2.1", name
        assert provision["exchange_id"] == exchange_id, name
        assert provision["truce_id"] == truce_id, name
        assert provision["latest"]["document_ids"] == [document.pk], name
        body = json.dumps(data, ensure_ascii=False)
        assert "freeze hostilities" not in body and "Shevchenko" not in body, name
        assert "Energy truce" not in body and "Prisoner exchange" not in body, name


def test_cli_json_carries_the_same_links(table: Table) -> None:
    agreement, to_ua, exchange, truce, _document = linked_agreement(table)
    runner = CliRunner()
    as_mediator = runner.invoke(app, ["agreement", "status", str(agreement.pk), "--json"])
    assert as_mediator.exit_code == 0, as_mediator.output
    (provision,) = json.loads(as_mediator.output)["provisions"]
    assert (provision["text_version_id"], provision["exchange_id"], provision["truce_id"]) == (
        to_ua.pk,
        exchange.pk,
        truce.pk,
    )
    as_ru = runner.invoke(app, ["agreement", "status", str(agreement.pk), "--json", "--as", "ru"])
    assert as_ru.exit_code == 0, as_ru.output
    (provision,) = json.loads(as_ru.output)["provisions"]
    assert (provision["text_version_id"], provision["exchange_id"], provision["truce_id"]) == (
        None,
        exchange.pk,
        None,
    )


def test_a_provision_without_links_has_empty_link_keys(table: Table) -> None:
    mediator = table.seat("mediator")
    agreement = services.agreement_create(seat=mediator, title="Plain", visibility="public")
    services.provision_add(seat=mediator, agreement=agreement, action="Talk")
    (provision,) = api_json(table, "ua", agreement)["provisions"]
    assert provision["latest"] is None
    assert [provision[key] for key in ("text_version_id", "clause_number", "exchange_id",
            "truce_id")] == [None, None, None, None]  # fmt: skip
