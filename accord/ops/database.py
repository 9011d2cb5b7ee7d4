"""Dumping and loading the whole database: SQLite's backup API, or pg_dump / pg_restore."""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections


def _settings() -> dict[str, Any]:
    return connections["default"].settings_dict


def vendor() -> str:
    return connections["default"].vendor


def pg_binary(name: str) -> str:
    """`pg_dump` / `pg_restore` from PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not candidates:
        raise RuntimeError(f"{name} not found: install the PostgreSQL client tools")
    return candidates[-1]


def _pg_args() -> tuple[list[str], dict[str, str]]:
    db = _settings()
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def dump(target: Path) -> str:
    """Write a consistent snapshot of the live database to `target`; return its format."""
    if vendor() == "sqlite":
        source = sqlite3.connect(_settings()["NAME"])
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
        return "sqlite"
    args, env = _pg_args()
    command = [pg_binary("pg_dump"), "--format=custom", "--no-owner", "--file", str(target)]
    subprocess.run([*command, *args], env=env, check=True, capture_output=True)
    return "pg_dump"


def load(source: Path, fmt: str) -> None:
    """Replace the database's contents with the snapshot at `source`."""
    if fmt != {"sqlite": "sqlite", "postgresql": "pg_dump"}.get(vendor()):
        raise ValueError(f"this backup holds a {fmt} database; this installation uses {vendor()}")
    connections.close_all()
    if fmt == "sqlite":
        snapshot = sqlite3.connect(source)
        live = sqlite3.connect(_settings()["NAME"])
        try:
            with live:
                snapshot.backup(live)
        finally:
            live.close()
            snapshot.close()
        return
    args, env = _pg_args()
    command = [pg_binary("pg_restore"), "--clean", "--if-exists", "--no-owner", "--exit-on-error"]
    result = subprocess.run([*command, *args, str(source)], env=env, capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"pg_restore failed: {result.stderr.decode(errors='replace')[-2000:]}")
