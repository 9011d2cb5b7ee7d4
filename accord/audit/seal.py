"""The database refuses UPDATE and DELETE on audit rows (triggers on SQLite and PostgreSQL).

On SQLite the trigger asks the connection function `accord_audit_sealed()`, which Accord
registers on every connection it opens: it answers 1 unless test maintenance has unsealed the
table (flushing a test database). A connection that does not know the function, such as a
hand-opened sqlite3 shell, cannot change audit rows at all. On PostgreSQL a row trigger raises.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db.backends.signals import connection_created

_unsealed = False

SQLITE_TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_auditentry
       WHEN accord_audit_sealed() BEGIN
       SELECT RAISE(ABORT, 'audit entries are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_auditentry
       WHEN accord_audit_sealed() BEGIN
       SELECT RAISE(ABORT, 'audit entries are append-only'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete",
]
POSTGRES_TRIGGERS = [
    """CREATE OR REPLACE FUNCTION accord_audit_refuse() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
       FOR EACH ROW EXECUTE FUNCTION accord_audit_refuse()""",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry",
    "DROP FUNCTION IF EXISTS accord_audit_refuse()",
]


def _sealed() -> int:
    return 0 if _unsealed else 1


def _register_function(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "accord_audit_sealed", 0, _sealed, deterministic=False
        )


def connect() -> None:
    """Register the SQLite function on every new connection."""
    connection_created.connect(_register_function, dispatch_uid="accord-audit-seal")


@contextmanager
def unsealed_for_test_maintenance() -> Iterator[None]:
    """Let test teardown flush the audit table on SQLite (never used by the application)."""
    global _unsealed
    _unsealed = True
    try:
        yield
    finally:
        _unsealed = False


def install_statements(vendor: str) -> list[str]:
    return {"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRES_TRIGGERS}.get(vendor, [])


def remove_statements(vendor: str) -> list[str]:
    return {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, [])
