"""Shared fixtures: a negotiation table with one user per seat kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from accord.audit.seal import unsealed_for_test_maintenance
from tests.table import Table, build_table


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    """Argon2 is slow by design; tests hash with MD5 (production stays on argon2, tested)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def table(db: None) -> Table:
    return build_table()


@pytest.fixture(scope="module")
def flushable_audit() -> Iterator[None]:
    """Transactional tests flush the database afterwards, audit rows included (SQLite).

    Module scope: the flush runs in the teardown of pytest-django's function-scoped fixtures,
    so the table must stay unsealed until after it. Use with
    `pytestmark = pytest.mark.usefixtures("flushable_audit")`.
    """
    with unsealed_for_test_maintenance():
        yield


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a run with two tests under one node id: pytest-xdist's group scheduling keeps
    only one of them, so the others would silently never run."""
    counts = Counter(item.nodeid for item in items)
    repeated = sorted(nodeid for nodeid, count in counts.items() if count > 1)
    if repeated:
        raise pytest.UsageError(f"tests share a node id, so some would not run: {repeated[:5]}")
