"""`accord backup` and `accord restore`: the database, the uploaded files and a manifest.

The archive is a gzipped tar: `manifest.json` (format, database kind, SHA-256 of every other
member), `database.sqlite3` or `database.pgdump`, `files/...` (ACCORD_DATA_DIR/files) and
`blobs/ab/cd/<sha256>` (the content-addressed store, ACCORD_DATA_DIR/blobs). With a passphrase
the whole archive is sealed (accord.ops.crypto). A restore checks every name (no absolute
paths, no `..`, regular files only), every hash, and that every blob's bytes hash to its name,
before it writes anything; afterwards every Blob row of the restored database must find its
file intact.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.conf import settings

from accord.files import storage
from accord.files.staging import staging_root
from accord.ops import crypto, database

FORMAT = 1
DUMP_NAMES = {"sqlite": "database.sqlite3", "pg_dump": "database.pgdump"}


class BackupError(Exception):
    """The archive cannot be restored: unsafe, altered, or not for this installation."""


@dataclass(frozen=True)
class Manifest:
    database: str
    members: dict[str, str]
    created_at: str

    def to_json(self) -> bytes:
        body = {"format": FORMAT, "database": self.database, "created_at": self.created_at}
        return json.dumps({**body, "members": self.members}, indent=1, sort_keys=True).encode()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files_dir() -> Path:
    return Path(settings.MEDIA_ROOT)


def _uploaded_files() -> list[tuple[str, Path]]:
    """Files under the media root, except uploads in flight (accord/files/staging.py)."""
    root = files_dir()
    if not root.is_dir():
        return []
    staging = staging_root()
    found = [
        p
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink() and not p.is_relative_to(staging)
    ]
    return [(f"files/{p.relative_to(root).as_posix()}", p) for p in found]


def _blob_files() -> list[tuple[str, Path]]:
    """The blob store, listed after the database dump: every blob the dump references was
    written before its row committed, so it is on disk by now."""
    root = storage.blobs_root()
    return [(f"blobs/{p.relative_to(root).as_posix()}", p) for _sha, p in storage.stored_hashes()]


def _blob_member(name: str) -> str | None:
    """The hash a `blobs/ab/cd/<sha256>` member claims to hold, or None for a malformed name."""
    parts = PurePosixPath(name).parts
    if len(parts) != 4 or parts[0] != "blobs" or not storage.is_sha256(parts[3]):
        return None
    return parts[3] if parts[1:3] == (parts[3][:2], parts[3][2:4]) else None


def backup_create(out: Path, *, passphrase: str | None = None) -> Manifest:
    """Write a consistent backup of this installation to `out` (taken while it runs)."""
    with tempfile.TemporaryDirectory(prefix="accord-backup-") as tmp:
        dump_path = Path(tmp) / "dump"
        try:
            fmt = database.dump(dump_path)
        except subprocess.CalledProcessError as exc:
            raise BackupError(f"pg_dump failed: {exc.stderr.decode(errors='replace')}") from exc
        entries = [(DUMP_NAMES[fmt], dump_path), *_uploaded_files(), *_blob_files()]
        manifest = Manifest(
            database=fmt,
            members={name: _sha256(path) for name, path in entries},
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
            _add_bytes(archive, "manifest.json", manifest.to_json())
            for name, path in entries:
                archive.add(path, arcname=name, recursive=False)
    data = buffer.getvalue()
    if passphrase:
        data = crypto.seal(data, passphrase)
    out.write_bytes(data)
    out.chmod(0o600)
    return manifest


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def safe_member_name(name: str) -> bool:
    """Only relative names below the archive root: no `..`, no absolute path, no backslash."""
    path = PurePosixPath(name)
    return (
        bool(name)
        and not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in name
        and "\x00" not in name
        and (
            name in {"manifest.json", *DUMP_NAMES.values()}
            or name.startswith("files/")
            or _blob_member(name) is not None
        )
    )


def _read_archive(data: bytes) -> tuple[Manifest, dict[str, bytes]]:
    try:
        archive = tarfile.open(fileobj=io.BytesIO(data), mode="r:gz")  # noqa: SIM115
    except tarfile.TarError as exc:
        raise BackupError("not an Accord backup (or it is encrypted: give the passphrase)") from exc
    contents: dict[str, bytes] = {}
    with archive:
        for member in archive.getmembers():
            if not member.isfile() or not safe_member_name(member.name):
                raise BackupError(f"unsafe archive member refused: {member.name!r}")
            contents[member.name] = archive.extractfile(member).read()
    if "manifest.json" not in contents:
        raise BackupError("the archive has no manifest.json")
    raw = json.loads(contents.pop("manifest.json"))
    if raw.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {raw.get('format')!r}")
    manifest = Manifest(raw["database"], raw["members"], raw["created_at"])
    if set(contents) != set(manifest.members):
        raise BackupError("the archive's members differ from its manifest")
    for name, body in contents.items():
        if hashlib.sha256(body).hexdigest() != manifest.members[name]:
            raise BackupError(f"{name} does not match its hash in the manifest")
        if name.startswith("blobs/") and manifest.members[name] != _blob_member(name):
            raise BackupError(f"{name}: the stored file does not hash to its name")
    return manifest, contents


def backup_read(source: Path, *, passphrase: str | None = None) -> tuple[Manifest, dict]:
    """Open, decrypt and check an archive; nothing is written."""
    data = source.read_bytes()
    if crypto.is_sealed(data):
        if not passphrase:
            raise BackupError("this backup is encrypted: give --passphrase-file")
        try:
            data = crypto.unseal(data, passphrase)
        except crypto.WrongPassphrase as exc:
            raise BackupError(str(exc)) from exc
    return _read_archive(data)


def installation_is_empty() -> bool:
    """No audit entry and no account yet (a fresh or merely migrated database)."""
    from django.db import connection

    tables = set(connection.introspection.table_names())
    if not tables:
        return True
    with connection.cursor() as cursor:
        for table in ("audit_auditentry", "auth_user"):
            if table in tables:
                cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")
                if cursor.fetchone():
                    return False
    return True


def backup_restore(source: Path, *, passphrase: str | None = None, force: bool = False) -> Manifest:
    """Restore an archive into this installation (refused unless it is empty or `force`)."""
    manifest, contents = backup_read(source, passphrase=passphrase)
    if not force and not installation_is_empty():
        raise BackupError("this installation already holds data: restore into an empty one")
    root = files_dir()
    with tempfile.TemporaryDirectory(prefix="accord-restore-") as tmp:
        dump_path = Path(tmp) / "dump"
        dump_path.write_bytes(contents.pop(DUMP_NAMES[manifest.database]))
        try:
            database.load(dump_path, manifest.database)
        except ValueError as exc:
            raise BackupError(str(exc)) from exc
    for name, body in contents.items():
        if name.startswith("blobs/"):
            _blob_restore(body)
            continue
        target = root.joinpath(*PurePosixPath(name).parts[1:])
        if not target.resolve().is_relative_to(root.resolve()):
            raise BackupError(f"unsafe archive member refused: {name!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    _blobs_check()
    return manifest


def _blob_restore(body: bytes) -> None:
    try:
        storage.write_chunks([body], max_bytes=len(body))
    except OSError as exc:
        raise BackupError(f"cannot write the blob store: {exc}") from exc


def _blobs_check() -> None:
    """Every Blob row of the restored database must find its file, intact."""
    from accord.files.selectors import blobs_verify

    report = blobs_verify()
    if not report.ok:
        shown = "; ".join(p.describe() for p in report.problems[:5])
        raise BackupError(
            f"the database was restored, but {len(report.problems)} uploaded file(s) are "
            f"missing or altered ({shown}); run `accord files verify`"
        )
