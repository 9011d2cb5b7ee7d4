"""Kill the server with SIGKILL in the middle of write traffic, 20 times; lose nothing.

A pool of writers submits positions through the API with a token. Every acknowledged write
(HTTP 201) must be in the database afterwards with its audit entry, the database must be intact,
and `accord audit verify` must pass. Runs on the suite's database: SQLite (WAL) when
DATABASE_URL is unset, a fresh PostgreSQL database when it is postgres (CI runs both).

The server runs as deployed (`accord serve`, several granian workers). Most kills SIGKILL the
oldest worker, the process that holds a database connection and is serving writes; granian's
master forks a new one from the preloaded app. Two kills SIGKILL the whole server (master and
workers); after the first, `accord serve` is started again, after the last the database is
read by a fresh process. Before every kill at least one new write must have been acknowledged,
so each kill lands in live write traffic.

Granian exits when a worker dies within 5.5 s of being respawned (its crash-loop guard), which
is what made this test flaky when kills came faster than that. The guard is granian's policy in
production too (a supervisor restarts it, docs/deploy.md); here a worker is killed only once it
has lived CRASH_LOOP_SECONDS, and with WORKERS workers in rotation that costs no waiting.
"""

from __future__ import annotations

import contextlib
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
from collections.abc import Callable
from pathlib import Path

import pytest

from accord.audit.models import AuditEntry
from accord.talks.models import Position
from tests.durability.install import Installation, Server, installation, suite_database_kind

KILLS = 20
WHOLE_SERVER_KILLS = {10, KILLS}  # the others kill one worker
WORKERS = 3
WRITERS = 6
CRASH_LOOP_SECONDS = 6.0  # granian's guard is 5.5 s after a respawn
STEP_TIMEOUT = 120.0  # generous: a loaded 2-core machine; a hang fails instead of blocking

SETUP = (
    "from accord.cli.server import migrate; migrate(); "
    "from tests.table import build_table; t = build_table(); "
    "from accord.accounts.tokens import token_create; "
    "_, plain = token_create(user=t.users['ua'], name='durability'); "
    "print(t.process.pk, t.issue.pk, plain)"
)

pytestmark = pytest.mark.slow


class Writers:
    """Threads posting positions until stopped; remembers each one the server acknowledged."""

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
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    def _write(self) -> None:
        while not self.stop.is_set():
            stance = f"durable-{uuid.uuid4().hex}"
            with self.lock:
                self.attempts += 1
            try:
                status = self._post(stance)
            except (OSError, http.client.HTTPException):
                time.sleep(0.1)  # the server is down or was killed mid-request
                continue
            if status == 201:
                with self.lock:
                    self.acknowledged.append(stance)

    def count(self) -> int:
        with self.lock:
            return len(self.acknowledged)

    def __enter__(self) -> Writers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def wait_for(condition: Callable[[], bool], server: Server, what: str) -> None:
    """Poll until `condition`; fail with the server's log if it exits or time runs out."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while not condition():
        assert server.alive(), f"the server exited while waiting for {what}:\n{server._log_tail()}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{server._log_tail()}"
        time.sleep(0.05)


class Killer:
    """SIGKILLs workers oldest first, never one granian respawned less than 6 s ago."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.born: dict[int, float] = {}

    def started(self) -> None:
        """Workers of a fresh start are not respawns: granian's guard does not apply to them."""
        wait_for(lambda: len(self.server.worker_pids()) == WORKERS, self.server, "the workers")
        self.born = {pid: float("-inf") for pid in self.server.worker_pids()}

    def kill_worker(self) -> None:
        victim = min(self.born, key=self.born.__getitem__)
        time.sleep(max(0.0, self.born[victim] + CRASH_LOOP_SECONDS - time.monotonic()))
        os.kill(victim, signal.SIGKILL)
        del self.born[victim]

        def respawned() -> bool:
            pids = self.server.worker_pids()
            return victim not in pids and len(pids) == WORKERS

        wait_for(respawned, self.server, "granian to respawn the killed worker")
        for pid in self.server.worker_pids():
            self.born.setdefault(pid, time.monotonic())


def set_up(install: Installation) -> tuple[int, int, str]:
    process_id, issue_id, token = install.python(SETUP).split()[-3:]
    return int(process_id), int(issue_id), token


def hammer_and_kill(install: Installation) -> list[str]:
    """Write while killing; return the acknowledged stances. The server is dead afterwards."""
    process_id, issue_id, token = set_up(install)
    server = Server(install, workers=WORKERS, threads=4)
    server.start()
    killer = Killer(server)
    killer.started()
    rng = random.Random(20260204)
    try:
        with Writers(server, token, process_id, issue_id) as writers:
            for kill in range(1, KILLS + 1):
                before = writers.count()
                wait_for(lambda: writers.count() > before, server, "an acknowledged write")  # noqa: B023
                time.sleep(rng.uniform(0.05, 0.3))  # land somewhere inside the traffic
                if kill in WHOLE_SERVER_KILLS:
                    server.kill_all()
                    if kill < KILLS:
                        server.start()
                        killer.started()
                else:
                    killer.kill_worker()
    finally:
        server.kill_all()
    assert len(writers.acknowledged) >= KILLS, (len(writers.acknowledged), writers.attempts)
    return writers.acknowledged


def rows(install: Installation, query: str) -> list[tuple]:
    """Read the database directly (no Django, no server), as a restarted server would find it."""
    if install.database_url.startswith("sqlite"):
        with contextlib.closing(sqlite3.connect(install.sqlite_path)) as conn:
            return conn.execute(query).fetchall()
    import psycopg

    with psycopg.connect(install.database_url) as conn:
        return conn.execute(query).fetchall()


def assert_nothing_lost(install: Installation, acknowledged: list[str]) -> None:
    positions = dict(rows(install, f"SELECT stance, id FROM {Position._meta.db_table}"))
    missing = set(acknowledged) - set(positions)
    assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged writes lost"
    audited = {
        object_id
        for (object_id,) in rows(
            install,
            f"SELECT object_id FROM {AuditEntry._meta.db_table} "
            "WHERE object_type = 'talks.Position'",
        )
    }
    unaudited = {str(positions[stance]) for stance in acknowledged} - audited
    assert not unaudited, f"{len(unaudited)} acknowledged writes have no audit entry"
    verify = install.run("audit", "verify", check=False)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    kind = suite_database_kind()
    with installation(kind, tmp_path) as install:
        acknowledged = hammer_and_kill(install)
        assert_nothing_lost(install, acknowledged)
        if kind == "sqlite":
            assert rows(install, "PRAGMA integrity_check") == [("ok",)]
            assert rows(install, "PRAGMA journal_mode") == [("wal",)]
