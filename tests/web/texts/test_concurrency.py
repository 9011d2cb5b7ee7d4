"""Concurrent writers against the live server: one edit wins per version, the rest get 409.

Threads PUT the same clause at the same time, all naming the same expected version. The
conditional UPDATE (`WHERE version = expected`) lets exactly one through; every other writer
gets 409 with the winner's text, and the clause ends with the winner's words (no lost update).
Runs on SQLite and on PostgreSQL (DATABASE_URL=postgres://...).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from accord.accounts.tokens import token_create
from accord.audit.models import AuditEntry
from accord.texts.models import ClauseRecord
from tests.table import build_table
from tests.web.texts.helpers import draft, second_mediator

pytestmark = pytest.mark.usefixtures("flushable_audit")

WRITERS = 6
ROUNDS = 3


@pytest.fixture
def file_sqlite(tmp_path):
    """On SQLite, run against a migrated database file, as Accord runs in production.

    The test database is shared-cache in-memory SQLite, whose table locks answer a second
    writer "database table is locked" at once instead of waiting; a file in WAL mode with
    IMMEDIATE transactions and a busy timeout (Accord's settings) makes writers queue.
    """
    if connection.vendor != "sqlite":
        yield
        return
    dicts = [connection.settings_dict, settings.DATABASES[connection.alias]]
    original = connection.settings_dict["NAME"]
    keeper = sqlite3.connect(original, uri=True)  # keeps the in-memory test database alive
    for settings_dict in dicts:
        settings_dict["NAME"] = str(tmp_path / "race.sqlite3")
    connection.close()  # now really closes (Django keeps in-memory connections open)
    try:
        call_command("migrate", verbosity=0)
        yield
    finally:
        connection.close()
        for settings_dict in dicts:
            settings_dict["NAME"] = original
        keeper.close()


def _put(url: str, token: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="PUT",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _race(url: str, tokens: list[str], expected: int) -> list[tuple[int, dict, str]]:
    barrier = threading.Barrier(WRITERS)
    results: list[tuple[int, dict, str]] = [None] * WRITERS  # type: ignore[list-item]

    def write(i: int) -> None:
        source = f"Writer {i} wording for round {expected}."
        barrier.wait()
        status, body = _put(
            url, tokens[i % len(tokens)], {"source": source, "expected_version": expected}
        )
        results[i] = (status, body, source)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_one_wins_per_version_and_no_update_is_lost(
    live_server, file_sqlite
) -> None:
    table = build_table()
    clause = draft(table).clauses.get(number="1.1")
    tokens = [
        token_create(user=table.users["mediator"], name="race")[1],
        token_create(user=second_mediator(table).membership.user, name="race")[1],
    ]
    url = f"{live_server.url}/api/texts/{table.process.pk}/clauses/{clause.pk}"
    winners = []
    for expected in range(1, ROUNDS + 1):
        results = _race(url, tokens, expected)
        statuses = sorted(status for status, _body, _source in results)
        assert statuses == [200] + [409] * (WRITERS - 1), statuses
        winner = next(source for status, _body, source in results if status == 200)
        winners.append(winner)
        for status, body, _source in results:
            if status == 409:
                assert body["current"]["version"] == expected + 1
                assert body["current"]["source"] == winner
        stored = ClauseRecord.objects.get(pk=clause.pk)
        assert (stored.source, stored.version) == (winner, expected + 1)
    updates = AuditEntry.objects.filter(action="clause.update", object_id=str(clause.pk))
    assert updates.count() == ROUNDS
