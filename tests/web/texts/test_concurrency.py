"""Concurrent writers against a real server: one edit wins per version, the rest get 409.

Threads PUT the same clause at the same time, all naming the same expected version. The
conditional UPDATE (`WHERE version = expected`) lets exactly one through; every other writer
gets 409 with the winner's text, and the clause ends with the winner's words (no lost update).

The race runs against `accord serve` (granian, one worker with eight threads) on a throwaway
installation of the suite's database kind: an SQLite file in WAL mode, and PostgreSQL too
when the suite runs on it. Django's in-process live server is not used: on SQLite it shares
one in-memory connection between its threads, which would test the harness, not Accord.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.durability.install import Installation, Server, database_kinds, installation

WRITERS = 6
ROUNDS = 3

SETUP = """
import json
from accord.cli.server import migrate; migrate()
from accord.accounts.tokens import token_create
from tests.table import build_table
from tests.web.texts.helpers import draft, second_mediator
table = build_table()
clause = draft(table).clauses.get(number="1.1")
tokens = [
    token_create(user=table.users["mediator"], name="race")[1],
    token_create(user=second_mediator(table).membership.user, name="race")[1],
]
print(json.dumps({"process": table.process.pk, "clause": clause.pk, "tokens": tokens}))
"""

STORED = """
import json
from accord.cli._django import setup_django; setup_django()
from accord.audit.models import AuditEntry
from accord.texts.models import ClauseRecord
clause = ClauseRecord.objects.get(pk={pk})
updates = AuditEntry.objects.filter(action="clause.update", object_id=str(clause.pk)).count()
print(json.dumps({{"source": clause.source, "version": clause.version, "updates": updates}}))
"""


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


def _stored(install: Installation, clause: int) -> dict:
    return json.loads(install.python(STORED.format(pk=clause)).splitlines()[-1])


@pytest.mark.parametrize("kind", database_kinds())
def test_concurrent_writers_one_wins_per_version_and_no_update_is_lost(
    kind: str, tmp_path: Path
) -> None:
    with installation(kind, tmp_path) as install:
        setup = json.loads(install.python(SETUP).splitlines()[-1])
        server = Server(install)
        server.start()
        try:
            url = f"{server.base}/api/texts/{setup['process']}/clauses/{setup['clause']}"
            winners = []
            for expected in range(1, ROUNDS + 1):
                results = _race(url, setup["tokens"], expected)
                statuses = sorted(status for status, _body, _source in results)
                assert statuses == [200] + [409] * (WRITERS - 1), statuses
                winner = next(source for status, _body, source in results if status == 200)
                winners.append(winner)
                for status, body, _source in results:
                    if status == 409:
                        assert body["current"]["version"] == expected + 1
                        assert body["current"]["source"] == winner
                stored = _stored(install, setup["clause"])
                assert (stored["source"], stored["version"]) == (winner, expected + 1)
            assert _stored(install, setup["clause"])["updates"] == ROUNDS
        finally:
            server.kill_all()
