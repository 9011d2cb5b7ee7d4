"""A throwaway Accord installation driven through the `accord` command, as an operator would.

Each installation has its own data directory and database (SQLite file, or a fresh PostgreSQL
database created next to the test database when DATABASE_URL is postgres), so the suite's
own database is never touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse, urlunparse

REPO = Path(__file__).resolve().parents[2]
ACCORD = [sys.executable, "-c", "from accord.cli import main; main()"]
SETUP_TABLE = (
    "from accord.cli.server import migrate; migrate(); "
    "from tests.table import build_table; t = build_table(); "
    "print(t.process.pk, t.issue.pk)"
)
INSPECT = (
    "import io, json; from accord.cli._django import setup_django; setup_django(); "
    "from django.core.management import call_command; "
    "from accord.audit.services import audit_verify; "
    "from accord.ops.doctor import audit_seal_present; out = io.StringIO(); "
    "call_command('dumpdata', stdout=out, exclude=['sessions']); "
    "count, broken = audit_verify(); "
    "print(json.dumps({'records': sorted(json.loads(out.getvalue()), "
    "key=lambda r: (r['model'], str(r['pk']))), 'audit_entries': count, "
    "'audit_intact': broken is None, 'sealed': audit_seal_present()}))"
)


def suite_database_url() -> str:
    return os.environ.get("DATABASE_URL", "")


def on_postgres() -> bool:
    return suite_database_url().startswith(("postgres://", "postgresql://"))


def suite_database_kind() -> str:
    """The database the suite runs on: "postgresql" when DATABASE_URL is postgres, else SQLite."""
    return "postgresql" if on_postgres() else "sqlite"


def database_kinds() -> list[str]:
    """SQLite always; PostgreSQL too when the suite runs on it (CI runs the suite on both)."""
    return ["sqlite", "postgresql"] if on_postgres() else ["sqlite"]


@contextlib.contextmanager
def installation(kind: str, data_dir: Path) -> Iterator[Installation]:
    """A fresh, empty installation of the given kind."""
    if kind == "sqlite":
        yield Installation(data_dir, f"sqlite:///{data_dir / 'accord.sqlite3'}")
        return
    with fresh_postgres_database() as url:
        yield Installation(data_dir, url)


@contextlib.contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new empty database on the suite's PostgreSQL server; dropped afterwards."""
    import psycopg

    parsed = urlparse(suite_database_url())
    name = f"accord_ops_{uuid.uuid4().hex[:12]}"
    admin_url = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunparse(parsed._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Installation:
    def __init__(self, data_dir: Path, database_url: str) -> None:
        self.data_dir = data_dir
        self.database_url = database_url
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("ACCORD_", "DJANGO_"))},
            "ACCORD_DATA_DIR": str(data_dir),
            "DATABASE_URL": database_url,
            "ACCORD_REQUIRE_2FA": "0",
            "ACCORD_LOG_LEVEL": "ERROR",
            "PYTHONPATH": str(REPO),
        }

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "accord.sqlite3"

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [*ACCORD, *args], env=self.env, cwd=REPO, capture_output=True, text=True, timeout=600
        )
        if check and result.returncode != 0:
            raise AssertionError(f"accord {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result

    def python(self, code: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", code],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def build_table(self) -> tuple[int, int]:
        """Migrate, then the test table (process, parties, seats); (process id, issue id)."""
        process_id, issue_id = self.python(SETUP_TABLE).split()[-2:]
        return int(process_id), int(issue_id)

    def inspect(self) -> dict:
        """A full export of every record (sorted), the audit verdict and the seal's presence."""
        return json.loads(self.python(INSPECT).splitlines()[-1])


def _ephemeral_ports() -> range:
    path = Path("/proc/sys/net/ipv4/ip_local_port_range")
    low, high = (int(n) for n in path.read_text().split()) if path.exists() else (32768, 60999)
    return range(low, high + 1)


def free_port() -> int:
    """A free loopback port outside the kernel's ephemeral range.

    A client that keeps connecting while the server is down gets ephemeral source ports; one
    of them can be the server's own port number (TCP then connects the socket to itself), and
    the restarted server cannot bind. Ports below the ephemeral range are never handed out so.
    """
    ephemeral = _ephemeral_ports()
    candidates = [port for port in range(20000, 32768) if port not in ephemeral]
    for port in random.sample(candidates, len(candidates)):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free loopback port below the ephemeral range")


class Server:
    """`accord serve` in its own process group, killable with SIGKILL.

    Granian writes its own log (worker exits, respawns, "crash loop detected") to stdout, so
    stdout and stderr both go to DATA_DIR/server.log, shown when the server exits unexpectedly.
    """

    def __init__(self, install: Installation, workers: int = 1, threads: int = 8) -> None:
        self.install = install
        self.port = free_port()
        self.workers, self.threads = workers, threads
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.install.data_dir / "server.log"

    def start(self, timeout: float = 240) -> None:
        args = [*ACCORD, "serve", "--port", str(self.port)]
        args += ["--workers", str(self.workers), "--threads", str(self.threads)]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                args,
                env=self.install.env,
                cwd=REPO,
                start_new_session=True,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, (
                "server exited: " + self._log_tail()
            )
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{self.base}/health", timeout=5) as response,
            ):
                if response.status == 200:
                    return
            time.sleep(0.1)
        raise AssertionError("the server did not become ready")

    def _log_tail(self) -> str:
        if not self.log_path.exists():
            return "(no log)"
        return self.log_path.read_text(errors="replace")[-3000:]

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def worker_pids(self) -> list[int]:
        """Granian's worker processes: the children of the serving process (any of its threads)."""
        assert self.process is not None
        pids: list[int] = []
        for children in Path(f"/proc/{self.process.pid}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                pids += [int(pid) for pid in children.read_text().split()]
        return sorted(pids)

    def kill_all(self) -> None:
        """SIGKILL the whole server: the master and every worker, mid-request."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
