"""The installation the load benchmark drives: a throwaway data dir, the demo, `accord serve`.

Everything goes through the `accord` command an operator would use (migrate, demo load,
serve), in a data directory under /tmp and, for PostgreSQL, a database of the benchmark's own
that is dropped afterwards. The server runs in its own process group so it can be stopped
without touching anything else.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse, urlunparse

REPO = Path(__file__).resolve().parent.parent
ACCORD = [sys.executable, "-c", "from accord.cli import main; main()"]
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/accord_load_bench"

# What the simulated delegates need to know about the demo: ids and the passwords of its seats.
DISCOVER = """
import json
from accord.cli._django import setup_django
setup_django()
from accord.demo.scenario import EXTRA_LOGINS, LOGINS
from accord.talks.models import Process
from accord.texts.models import ClauseRecord, Text
from accord.truces.models import Truce
process = Process.objects.order_by("pk").first()
logins = {name: (spec[0], spec[1]) for name, spec in LOGINS.items()}
logins.update({name: (spec[0], "mediator") for name, spec in EXTRA_LOGINS.items()})
print(json.dumps({
    "process": process.pk,
    "texts": list(Text.objects.filter(process=process).values_list("pk", flat=True)),
    "clauses": list(
        ClauseRecord.objects.filter(text__process=process).values_list("pk", flat=True)
    ),
    "truces": list(Truce.objects.filter(process=process).values_list("pk", flat=True)),
    "logins": logins,
}))
"""


@dataclass
class Site:
    """A served installation: where it listens and what the demo holds."""

    kind: str
    port: int
    demo: dict
    workers: int
    threads: int


def postgres_reachable(url: str) -> bool:
    """True when the server of `url` accepts a connection within two seconds."""
    try:
        import psycopg

        admin = urlunparse(urlparse(url)._replace(path="/postgres"))
        with psycopg.connect(admin, connect_timeout=2):
            return True
    except Exception:  # any failure means: skip PostgreSQL, and say so
        return False


@contextlib.contextmanager
def database(kind: str, data_dir: Path, postgres_url: str) -> Iterator[str]:
    """A fresh, empty database URL of `kind`; a PostgreSQL one is dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{data_dir / 'accord.sqlite3'}"
        return
    import psycopg

    parsed = urlparse(postgres_url)
    name = parsed.path.lstrip("/")
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(data_dir: Path, database_url: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("ACCORD_", "DJANGO_"))}
    return {
        **keep,
        "ACCORD_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "ACCORD_REQUIRE_2FA": "0",  # the demo seats have no TOTP devices
        "ACCORD_LOG_LEVEL": "ERROR",
        "ACCORD_BENCH_CEILING": "1",
        "PYTHONPATH": str(REPO),
    }


def accord(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [*ACCORD, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=1200
    )
    if result.returncode != 0:
        raise RuntimeError(f"accord {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare(env: dict[str, str]) -> dict:
    """Migrate, load the demo, and read back the ids and logins the delegates use."""
    accord(env, "migrate")
    accord(env, "demo", "load")
    result = subprocess.run(
        [sys.executable, "-c", DISCOVER], env=env, cwd=REPO, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served(env: dict[str, str], log: Path, workers: int, threads: int) -> Iterator[int]:
    """`accord serve` on a free loopback port until the block ends; yields the port."""
    port = free_port()
    args = ["serve", "--port", str(port), "--workers", str(workers), "--threads", str(threads)]
    process = subprocess.Popen(
        [*ACCORD, *args],
        env=env,
        cwd=REPO,
        start_new_session=True,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_ready(port, process, log)
        yield port
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)


def wait_ready(port: int, process: subprocess.Popen, log: Path, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited:\n" + log.read_text(errors="replace")[-2000:])
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as answer,
        ):
            if answer.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError("the server did not become ready")
