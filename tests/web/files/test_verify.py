"""A missing or an altered file is found, by hash and by the record that references it, by
`accord files verify`, `accord doctor` and on download."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from accord.cli import app
from accord.domain.visibility import Visibility
from accord.exchanges.models import ExchangeList
from accord.files import storage
from accord.files.selectors import blobs_verify
from accord.files.services import blob_store
from accord.ops.doctor import ERROR, _files
from accord.truces import services
from accord.truces.models import IncidentAttachment
from tests.table import Table
from tests.web.exchanges.helpers import make_exchange, upload
from tests.web.truces.helpers import file, make_truce


def attach(table: Table, body: bytes, name: str = "strike.jpg") -> IncidentAttachment:
    report = file(table, "ua", make_truce(table), Visibility.PUBLIC)
    return services.attachment_add(seat=table.seat("ua"), report=report, upload=body, name=name)


def verify_cli() -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["files", "verify", "--json"])
    return result.exit_code, json.loads(result.stdout)


def test_an_intact_store_verifies(table: Table) -> None:
    attach(table, b"photo bytes")
    blob_store(b"an unreferenced upload")
    code, body = verify_cli()
    assert code == 0 and body["ok"] and body["checked"] == 2 and body["problems"] == []
    assert _files() == []


def test_an_altered_file_is_named_with_its_attachment(table: Table) -> None:
    attachment = attach(table, b"photo bytes")
    path = storage.blob_path(attachment.blob.sha256)
    path.chmod(0o600)
    path.write_bytes(b"photo bytez")
    code, body = verify_cli()
    assert code == 1 and not body["ok"]
    assert body["problems"] == [
        {
            "sha256": attachment.blob.sha256,
            "kind": "altered",
            "references": [f"truces.IncidentAttachment #{attachment.pk}"],
        }
    ]
    findings = _files()
    assert [f.level for f in findings] == [ERROR]
    assert attachment.blob.sha256 in findings[0].message and "altered" in findings[0].message
    assert "strike.jpg" not in findings[0].message  # names may be confidential: pk only


def test_a_deleted_file_is_reported_missing(table: Table) -> None:
    attachment = attach(table, b"photo bytes")
    storage.blob_path(attachment.blob.sha256).unlink()
    report = blobs_verify()
    assert [(p.sha256, p.kind) for p in report.problems] == [(attachment.blob.sha256, "missing")]
    text = CliRunner().invoke(app, ["files", "verify"])
    assert text.exit_code == 1
    assert f"missing: blob {attachment.blob.sha256}" in text.stdout
    assert f"truces.IncidentAttachment #{attachment.pk}" in text.stdout


def test_an_exchange_list_altered_in_the_database_is_found(table: Table) -> None:
    submitted = upload(table, "ua", make_exchange(table))
    assert blobs_verify().ok
    ExchangeList.objects.filter(pk=submitted.pk).update(content=b"name\nsomeone else\n")
    problems = blobs_verify().problems
    assert [(p.sha256, p.kind, p.references) for p in problems] == [
        (submitted.sha256, "altered", [f"exchanges.ExchangeList #{submitted.pk}"])
    ]
