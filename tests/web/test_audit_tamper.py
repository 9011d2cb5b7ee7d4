"""The audit trail: appended by every write, refused changes, and tampering found by verify."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from typer.testing import CliRunner

from accord.audit.models import AuditEntry
from accord.audit.seal import remove_statements
from accord.audit.services import audit_verify
from accord.cli import app
from accord.domain.visibility import Visibility
from accord.talks import services
from tests.table import Table


def raw(sql: str, params: list | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])


def test_every_write_appends_one_entry_naming_actor_and_object(table: Table) -> None:
    before = AuditEntry.objects.count()
    position = services.position_submit(
        seat=table.seat("ua"), issue=table.issue, stance="Freeze", visibility=Visibility.OWN
    )
    entry = AuditEntry.objects.order_by("-seq").first()
    assert AuditEntry.objects.count() == before + 1
    assert (entry.actor, entry.action, entry.object_id) == (
        f"user:{table.users['ua'].pk}",
        "position.submit",
        str(position.pk),
    )
    assert audit_verify() == (before + 1, None)


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_auditentry SET actor = 'mallory'", "DELETE FROM audit_auditentry"],
)
def test_the_database_refuses_to_change_audit_rows(table: Table, statement: str) -> None:
    count = AuditEntry.objects.count()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        raw(statement)
    assert AuditEntry.objects.count() == count
    assert not AuditEntry.objects.filter(actor="mallory").exists()


def drop_triggers() -> None:
    """What an attacker with owner rights on the database could do first."""
    for statement in remove_statements(connection.vendor):
        raw(statement)


def test_verify_names_the_first_edited_entry(table: Table) -> None:
    drop_triggers()
    raw("UPDATE audit_auditentry SET actor = 'mallory' WHERE seq = 5")
    _count, first_break = audit_verify()
    assert first_break is not None and first_break.seq == 5
    assert "content" in first_break.reason


def test_verify_names_a_deleted_entry(table: Table) -> None:
    drop_triggers()
    raw("DELETE FROM audit_auditentry WHERE seq = 7")
    _count, first_break = audit_verify()
    assert first_break is not None and first_break.seq == 8


def test_verify_catches_reordered_entries(table: Table) -> None:
    drop_triggers()
    raw("UPDATE audit_auditentry SET seq = 1000003 WHERE seq = 3")
    raw("UPDATE audit_auditentry SET seq = 3 WHERE seq = 4")
    raw("UPDATE audit_auditentry SET seq = 4 WHERE seq = 1000003")
    _count, first_break = audit_verify()
    assert first_break is not None and first_break.seq == 3


def test_cli_verify_exits_non_zero_on_tampering(table: Table) -> None:
    runner = CliRunner()
    intact = runner.invoke(app, ["audit", "verify"])
    assert intact.exit_code == 0, intact.output
    assert "intact" in intact.output
    drop_triggers()
    raw("UPDATE audit_auditentry SET action = 'nothing' WHERE seq = 2")
    broken = runner.invoke(app, ["audit", "verify"])
    assert broken.exit_code == 1
    assert "entry 2" in broken.output
