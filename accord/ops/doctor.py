"""`accord doctor`: what is misconfigured or broken in this installation, in plain words."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    level: str
    message: str


def _debug() -> list[Finding]:
    if settings.DEBUG:
        return [Finding(ERROR, "DEBUG is on: tracebacks and settings leak to anyone. Unset DEBUG.")]
    return []


def _secret_key() -> list[Finding]:
    key = settings.SECRET_KEY or ""
    if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure"):
        return [Finding(ERROR, "SECRET_KEY is missing, short or a default: set 50+ random chars.")]
    return []


def _hosts() -> list[Finding]:
    if "*" in settings.ALLOWED_HOSTS:
        return [Finding(ERROR, "ALLOWED_HOSTS contains '*': list the host names you serve.")]
    return []


def _tls() -> list[Finding]:
    if settings.DEBUG or settings.BEHIND_TLS:
        return []
    return [
        Finding(
            WARNING,
            "ACCORD_BEHIND_TLS is off: cookies are sent without Secure and no HSTS is set.",
        )
    ]


def _two_factor() -> list[Finding]:
    if settings.ACCORD_REQUIRE_2FA or settings.DEBUG:
        return []
    return [Finding(WARNING, "ACCORD_REQUIRE_2FA is off: seats sign in with a password only.")]


def _data_dir() -> list[Finding]:
    data = Path(settings.DATA_DIR)
    try:
        with tempfile.NamedTemporaryFile(dir=data, prefix=".doctor-"):
            pass
    except OSError as exc:
        return [Finding(ERROR, f"Data directory {data} is not writable: {exc.strerror}.")]
    return []


def _database() -> list[Finding]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return [Finding(ERROR, f"Database unreachable ({connection.vendor}): {exc}".strip())]
    found = _migrations()
    return found + _audit() + (_files() if not found else [])


def _migrations() -> list[Finding]:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        return [Finding(ERROR, f"{len(plan)} migrations pending: run `accord migrate`.")]
    return []


def audit_seal_present() -> bool:
    """Whether the triggers that refuse UPDATE/DELETE on audit rows exist."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name IN "
                "('audit_entry_no_update', 'audit_entry_no_delete')"
            )
            return cursor.fetchone()[0] == 2
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname='audit_entry_append_only'")
            return cursor.fetchone()[0] == 1
    return True


def _audit() -> list[Finding]:
    from accord.audit.services import audit_verify

    found = []
    if not audit_seal_present():
        found.append(Finding(ERROR, "The audit table's append-only triggers are missing."))
    _count, first_break = audit_verify()
    if first_break is not None:
        found.append(
            Finding(ERROR, f"Audit chain broken at entry {first_break.seq}: {first_break.reason}.")
        )
    return found


def _files() -> list[Finding]:
    """Every uploaded file present and unaltered (re-hashes the whole store)."""
    from accord.files.selectors import blobs_verify

    report = blobs_verify()
    found = [Finding(ERROR, f"Uploaded file {p.describe()}.") for p in report.problems[:20]]
    if len(report.problems) > 20:
        more = len(report.problems) - 20
        found.append(Finding(ERROR, f"{more} more: run `accord files verify`."))
    return found


def _deploy_checks() -> list[Finding]:
    from django.core.checks import run_checks

    if settings.DEBUG or not settings.BEHIND_TLS:
        return []
    return [Finding(WARNING, str(m)) for m in run_checks(include_deployment_checks=True)]


CHECKS: list[Callable[[], list[Finding]]] = [
    _debug,
    _secret_key,
    _hosts,
    _tls,
    _two_factor,
    _data_dir,
    _database,
    _deploy_checks,
]


def diagnose() -> list[Finding]:
    """Every finding, errors first."""
    found = [finding for check in CHECKS for finding in check()]
    return sorted(found, key=lambda f: f.level != ERROR)


def describe() -> str:
    """One line on what was checked, for the all-clear message."""
    return f"{connection.vendor} database, data directory {settings.DATA_DIR}, pid {os.getpid()}"
