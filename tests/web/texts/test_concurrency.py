"""Concurrent writers against the live server: one edit wins per version, the rest get 409.

Threads PUT the same clause at the same time, all naming the same expected version. The
conditional UPDATE (`WHERE version = expected`) lets exactly one through; every other writer
gets 409 with the winner's text, and the clause ends with the winner's words (no lost update).
Runs on PostgreSQL (CI's second run, DATABASE_URL=postgres://...).
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest
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
def postgresql() -> None:
    """The race needs a server database: the issue asks for it on PostgreSQL.

    On SQLite, Django's live server shares the test database's one connection between its
    threads (shared-cache memory), so concurrent writers there would test Django's test
    harness, not Accord; CI's second run (DATABASE_URL=postgres://...) runs this test.
    """
    if connection.vendor != "postgresql":
        pytest.skip("concurrent-writer race runs in CI's PostgreSQL run")


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
    postgresql, live_server
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
