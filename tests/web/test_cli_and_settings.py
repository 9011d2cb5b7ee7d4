"""The `accord` CLI against the test database, and configuration from the environment."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.demo.scenario import LOGINS, PEOPLE
from accord.talks.models import Issue, Person, Position, Process
from accord.web.env import database_from_url


def test_demo_load_is_idempotent_and_holds_the_seed_facts(db: None) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "load"])
    assert first.exit_code == 0 and "Loaded" in first.output
    again = runner.invoke(app, ["demo", "load"])
    assert again.exit_code == 0 and "Already loaded" in again.output
    assert Process.objects.count() == 1
    assert {p.name for p in Person.objects.all()} >= {name for name, _t, _c in PEOPLE}
    prisoners = Position.objects.filter(issue__title="Prisoner exchange")
    assert prisoners.count() == 3 and all("314" in p.stance for p in prisoners)
    assert Issue.objects.filter(title__in=["Territory", "Energy truce", "Sovereignty"]).count() == 3
    verify = runner.invoke(app, ["audit", "verify"])
    assert verify.exit_code == 0, verify.output


def test_demo_logins_lists_every_seat() -> None:
    output = CliRunner().invoke(app, ["demo", "logins"]).output
    assert all(username in output for username in LOGINS)


@pytest.mark.parametrize(
    ("url", "engine", "name"),
    [
        ("sqlite:////var/lib/accord/db.sqlite3", "sqlite3", "/var/lib/accord/db.sqlite3"),
        ("sqlite:///data/db.sqlite3", "sqlite3", "data/db.sqlite3"),
        ("postgres://accord:s%40cret@db.local:5433/accord", "postgresql", "accord"),
    ],
)
def test_database_url_forms(url: str, engine: str, name: str) -> None:
    config = database_from_url(url)
    assert config["ENGINE"].endswith(engine) and config["NAME"] == name


def test_postgres_url_keeps_credentials_decoded() -> None:
    config = database_from_url("postgresql://accord:s%40cret@db.local:5433/accord")
    assert (config["USER"], config["PASSWORD"], config["PORT"]) == ("accord", "s@cret", "5433")


def test_sqlite_connections_persist_per_thread_like_postgres() -> None:
    for url in ("sqlite:////var/lib/accord/db.sqlite3", "postgres://a@h/n"):
        assert database_from_url(url)["CONN_MAX_AGE"] > 0, url


def test_serve_freezes_what_it_preloaded_before_granian_forks(db: None, monkeypatch) -> None:
    """Workers inherit a frozen heap: their full collections skip Django and the views."""
    import gc

    import granian

    seen: dict[str, int] = {}

    class Recorder:
        def __init__(self, *args: object, **kwargs: object) -> None:
            seen["workers"] = int(kwargs["workers"])

        def serve(self) -> None:
            seen["frozen"] = gc.get_freeze_count()

    monkeypatch.setattr(granian, "Granian", Recorder)
    try:
        result = CliRunner().invoke(app, ["serve", "--workers", "2"])
    finally:
        gc.unfreeze()
    assert result.exit_code == 0, result.output
    assert seen["workers"] == 2 and seen["frozen"] > 10_000


def test_unknown_database_scheme_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="DATABASE_URL"):
        database_from_url("mysql://x/y")


def test_production_hashes_passwords_with_argon2() -> None:
    from accord.web import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_start_up_leaves_the_heavy_engines_unloaded(tmp_path) -> None:
    """Every `accord` command and server worker sets Django up; scipy and openpyxl load on use."""
    code = (
        "import sys; from accord.cli._django import setup_django; setup_django(); "
        "print(sorted(m for m in ('scipy', 'openpyxl') if m in sys.modules))"
    )
    env = {**os.environ, "ACCORD_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
