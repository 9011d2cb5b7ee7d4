"""A restore refuses unsafe or altered archives before it writes anything."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from accord.ops import crypto
from accord.ops.backup import BackupError, backup_read, safe_member_name


def archive(tmp_path: Path, members: dict[str, bytes], manifest: dict | None = None) -> Path:
    hashes = {name: hashlib.sha256(body).hexdigest() for name, body in members.items()}
    manifest = manifest or {"format": 1, "database": "sqlite", "created_at": "x", "members": hashes}
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, body in {"manifest.json": json.dumps(manifest).encode(), **members}.items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    path = tmp_path / "backup"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    "name",
    [
        "../etc/passwd",
        "files/../../escape",
        "/etc/passwd",
        "files/..\\..\\win",
        "files/a\x00b",
        "settings.py",
        "",
    ],
)
def test_unsafe_member_names_are_refused(name: str) -> None:
    assert not safe_member_name(name)


@pytest.mark.parametrize("name", ["files/ab/abcdef.pdf", "database.sqlite3", "manifest.json"])
def test_ordinary_member_names_pass(name: str) -> None:
    assert safe_member_name(name)


def test_a_traversing_member_refuses_the_whole_archive(tmp_path: Path) -> None:
    path = archive(tmp_path, {"database.sqlite3": b"db", "files/../../x": b"evil"})
    with pytest.raises(BackupError, match="unsafe"):
        backup_read(path)


def test_a_symlink_member_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        link = tarfile.TarInfo("files/link")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)
    path = tmp_path / "backup"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(BackupError, match="unsafe"):
        backup_read(path)


def test_an_altered_member_is_detected(tmp_path: Path) -> None:
    good = {"database.sqlite3": b"db", "files/a": b"original"}
    hashes = {n: hashlib.sha256(b).hexdigest() for n, b in good.items()}
    manifest = {"format": 1, "database": "sqlite", "created_at": "x", "members": hashes}
    path = archive(tmp_path, {**good, "files/a": b"altered"}, manifest)
    with pytest.raises(BackupError, match="files/a does not match"):
        backup_read(path)


def test_a_member_missing_from_the_manifest_is_detected(tmp_path: Path) -> None:
    manifest = {"format": 1, "database": "sqlite", "created_at": "x", "members": {}}
    path = archive(tmp_path, {"database.sqlite3": b"db"}, manifest)
    with pytest.raises(BackupError, match="differ"):
        backup_read(path)


def test_encrypted_backup_needs_the_right_passphrase(tmp_path: Path) -> None:
    plain = archive(tmp_path, {"database.sqlite3": b"db"})
    sealed = tmp_path / "sealed"
    sealed.write_bytes(crypto.seal(plain.read_bytes(), "right passphrase"))
    assert b"database.sqlite3" not in sealed.read_bytes()
    with pytest.raises(BackupError, match="encrypted"):
        backup_read(sealed)
    with pytest.raises(BackupError, match="wrong passphrase"):
        backup_read(sealed, passphrase="wrong passphrase")
    manifest, contents = backup_read(sealed, passphrase="right passphrase")
    assert contents == {"database.sqlite3": b"db"} and manifest.database == "sqlite"


def test_garbage_is_not_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "garbage"
    path.write_bytes(b"not a tar at all")
    with pytest.raises(BackupError, match="not an Accord backup"):
        backup_read(path)
