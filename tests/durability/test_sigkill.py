"""Kill the server with SIGKILL in the middle of write traffic, 20 times; lose nothing.

A pool of writers submits positions through the API with a token. Every acknowledged write
(HTTP 201) must be in the database afterwards, the database must be intact, and the audit
chain must verify. Runs on SQLite (WAL) and, when the suite runs on PostgreSQL, on a fresh
PostgreSQL database too.

Each kill is SIGKILL. Every KILLS_PER_RESTART-th kill ends the whole server (granian's master
and its worker) and `accord serve` is started again; the others kill the worker process that
holds the database connection and serves the requests, and granian forks a new one from the
preloaded master. Bursts are short so that the test stays bounded on a busy 2-core machine.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import sqlite3
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.durability.install import Installation, Server, database_kinds, installation

KILLS = 20
KILLS_PER_RESTART = 5
WRITERS = 6

pytestmark = [
    pytest.mark.slow,
    # Opt-in until it is reliable: in a clean-clone run granian's master sometimes exits after
    # a worker is killed (nothing in its log), which fails the run for a reason that is not
    # Accord losing data. Issue #9 stays open on this; run it with ACCORD_DURABILITY_TESTS=1.
    pytest.mark.skipif(
        os.environ.get("ACCORD_DURABILITY_TESTS") != "1",
        reason="SIGKILL durability test is opt-in (ACCORD_DURABILITY_TESTS=1); see issue #9",
    ),
]


class Writers:
    def __init__(self, server: Server, token: str, process_id: int, issue_id: int) -> None:
        self.server, self.token = server, token
        self.url_path = f"/api/processes/{process_id}/positions"
        self.issue_id = issue_id
        self.acknowledged: list[str] = []
        self.attempts = 0
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._write, daemon=True) for _ in range(WRITERS)]

    def _post(self, stance: str) -> int:
        body = json.dumps({"issue_id": self.issue_id, "stance": stance, "visibility": "own"})
        request = urllib.request.Request(
            self.server.base + self.url_path,
            data=body.encode(),
            method="POST",
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status

    def _write(self) -> None:
        while not self.stop.is_set():
            stance = f"durable-{uuid.uuid4().hex}"
            with self.lock:
                self.attempts += 1
            try:
                status = self._post(stance)
            except (OSError, http.client.HTTPException):
                time.sleep(0.02)  # the server is down or was killed mid-request
                continue
            if status == 201:
                with self.lock:
                    self.acknowledged.append(stance)

    def __enter__(self) -> Writers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)


def kill_worker(server: Server) -> None:
    for pid in server.worker_pids():
        os.kill(pid, signal.SIGKILL)


def stances_in_database(install: Installation) -> set[str]:
    code = (
        "from accord.cli._django import setup_django; setup_django(); "
        "from accord.talks.models import Position; "
        "print('\\n'.join(Position.objects.values_list('stance', flat=True)))"
    )
    return set(install.python(code).split())


def hammer_and_kill(install: Installation) -> None:
    process_id, issue_id = install.build_table()
    token = install.run("token", "create", "ua", "durability").stdout.strip().splitlines()[-1]
    server = Server(install)
    server.start()
    rng = random.Random(20260204)
    try:
        with Writers(server, token, process_id, issue_id) as writers:
            for kill in range(1, KILLS + 1):
                time.sleep(rng.uniform(0.1, 0.6))
                if kill % KILLS_PER_RESTART == 0:
                    server.kill_all()
                    server.start()
                else:
                    kill_worker(server)
                    server.wait_ready()
            time.sleep(0.3)
    finally:
        server.kill_all()
    assert len(writers.acknowledged) >= KILLS, (len(writers.acknowledged), writers.attempts)
    missing = set(writers.acknowledged) - stances_in_database(install)
    assert not missing, f"{len(missing)} acknowledged writes lost"
    verify = install.run("audit", "verify", check=False)
    assert verify.returncode == 0, verify.stdout + verify.stderr


@pytest.mark.parametrize("kind", database_kinds())
def test_acknowledged_writes_survive_sigkill(kind: str, tmp_path: Path) -> None:
    with installation(kind, tmp_path) as install:
        hammer_and_kill(install)
        if kind == "sqlite":
            with sqlite3.connect(install.sqlite_path) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
