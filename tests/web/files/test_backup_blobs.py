"""Blobs travel with backups: a restore into an empty installation reproduces them, refuses an
archive whose blob does not hash to its name, and says so when a referenced file is missing."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from accord.ops.backup import BackupError, backup_read, safe_member_name
from tests.durability.install import installation

STORE = (
    "from accord.cli._django import setup_django; setup_django(); "
    "from accord.files.services import blob_store; "
    "print(blob_store(b'%PDF evidence of 314').sha256, blob_store(b'second file').sha256)"
)


def blob_file(data_dir: Path, sha: str) -> Path:
    return data_dir / "blobs" / sha[:2] / sha[2:4] / sha


@pytest.mark.slow
def test_restore_into_an_empty_installation_reproduces_the_blobs(tmp_path: Path) -> None:
    whole, damaged = tmp_path / "whole.backup", tmp_path / "damaged.backup"
    with installation("sqlite", tmp_path / "a") as source:
        source.build_table()
        first, second = source.python(STORE).split()[-2:]
        source.run("backup", str(whole))
        before = source.inspect()
        blob_file(source.data_dir, second).unlink()  # lost before the next backup
        source.run("backup", str(damaged))
    with installation("sqlite", tmp_path / "b") as target:
        target.run("restore", str(whole))
        after = target.inspect()
        verify = target.run("files", "verify", "--json")
        restored = blob_file(target.data_dir, first).read_bytes()
    assert restored == b"%PDF evidence of 314"
    assert hashlib.sha256(restored).hexdigest() == first
    assert json.loads(verify.stdout)["checked"] == 2 and json.loads(verify.stdout)["ok"]
    blobs = [r for r in before["records"] if r["model"] == "files.blob"]
    assert len(blobs) == 2 and [r for r in after["records"] if r["model"] == "files.blob"] == blobs
    with installation("sqlite", tmp_path / "c") as target:
        refused = target.run("restore", str(damaged), check=False)
    assert refused.returncode == 1
    assert f"missing: blob {second}" in refused.stderr


def archive(members: dict[str, bytes], hashes: dict[str, str] | None = None) -> bytes:
    manifest = {
        "format": 1,
        "database": "sqlite",
        "created_at": "2026-01-01T00:00:00+00:00",
        "members": hashes or {n: hashlib.sha256(b).hexdigest() for n, b in members.items()},
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, body in {"manifest.json": json.dumps(manifest).encode(), **members}.items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    return buffer.getvalue()


def test_a_blob_whose_bytes_do_not_hash_to_its_name_is_refused(tmp_path: Path) -> None:
    claimed = hashlib.sha256(b"the original").hexdigest()
    name = f"blobs/{claimed[:2]}/{claimed[2:4]}/{claimed}"
    source = tmp_path / "forged.backup"
    source.write_bytes(archive({"database.sqlite3": b"db", name: b"a forgery"}))
    with pytest.raises(BackupError, match="does not hash to its name"):
        backup_read(source)
    source.write_bytes(archive({"database.sqlite3": b"db", name: b"the original"}))
    assert name in backup_read(source)[1]


@pytest.mark.parametrize(
    "name",
    [
        "blobs/../../etc/cron.d/x",
        "blobs/zz/yy/" + "0" * 64,
        "blobs/00/00/" + "0" * 63,
        "blobs/00/00/" + "0" * 64 + "/x",
        "blobs/tmp/upload-123",
    ],
)
def test_only_content_addressed_blob_names_are_accepted(name: str) -> None:
    assert not safe_member_name(name)
    assert safe_member_name("blobs/00/00/" + "0" * 64)
