"""The blob store on disk: ACCORD_DATA_DIR/blobs/ab/cd/<sha256>, written atomically.

A file is streamed into a temporary file under blobs/tmp (same file system), hashed while it is
written, fsynced, then renamed onto its content address with os.replace, so a crash never
leaves a half-written blob under a hash name. The name is always the hash: no user input ever
becomes part of a path.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

CHUNK = 1 << 20
_SHA = re.compile(r"^[0-9a-f]{64}$")


class BlobTooLarge(ValueError):
    """The upload exceeds the size limit; nothing was stored."""


class BlobIntegrityError(Exception):
    """A stored file is missing, or its bytes no longer match its hash."""

    def __init__(self, sha256: str, kind: str, detail: str = "") -> None:
        self.sha256, self.kind = sha256, kind
        super().__init__(f"blob {sha256} is {kind}{': ' + detail if detail else ''}")


@dataclass(frozen=True)
class Written:
    sha256: str
    size: int


def blobs_root() -> Path:
    return Path(settings.DATA_DIR) / "blobs"


def max_upload_bytes() -> int:
    return int(getattr(settings, "ACCORD_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))


def is_sha256(value: str) -> bool:
    return bool(_SHA.match(value))


def blob_path(sha256: str, root: Path | None = None) -> Path:
    """Where the blob with this hash lives; refuses anything but 64 lowercase hex digits."""
    if not is_sha256(sha256):
        raise ValueError(f"not a SHA-256: {sha256[:80]!r}")
    return (root or blobs_root()) / sha256[:2] / sha256[2:4] / sha256


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_chunks(chunks: Iterable[bytes], *, max_bytes: int | None = None) -> Written:
    """Stream `chunks` into the store; return the hash and size. Idempotent by content: a blob
    already present and intact is kept; one present but altered is replaced by the new bytes."""
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    staging = blobs_root() / "tmp"
    staging.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    fd, tmp_name = tempfile.mkstemp(dir=staging, prefix="upload-")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise BlobTooLarge(f"larger than the limit of {limit:,} bytes")
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = blob_path(sha)
        if target.is_file() and file_digest(target) == (sha, size):
            tmp.unlink()
            return Written(sha, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, 0o440)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
        return Written(sha, size)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def file_digest(path: Path) -> tuple[str, int]:
    """(SHA-256, size) of a file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def check(sha256: str, size: int) -> str:
    """ "" when the blob is present and intact, else "missing" or "altered"."""
    path = blob_path(sha256)
    if not path.is_file():
        return "missing"
    if path.stat().st_size != size or file_digest(path) != (sha256, size):
        return "altered"
    return ""


def open_checked(sha256: str, size: int) -> BinaryIO:
    """Open a blob for reading after checking its size and hash (raises BlobIntegrityError)."""
    problem = check(sha256, size)
    if problem:
        raise BlobIntegrityError(sha256, problem)
    return blob_path(sha256).open("rb")


def read_checked(sha256: str, size: int) -> bytes:
    """The blob's bytes, hashed as read: what is returned is exactly what was verified."""
    path = blob_path(sha256)
    if not path.is_file():
        raise BlobIntegrityError(sha256, "missing")
    with path.open("rb") as handle:
        body = handle.read(size + 1)
    if len(body) != size or hashlib.sha256(body).hexdigest() != sha256:
        raise BlobIntegrityError(sha256, "altered")
    return body


def stored_hashes(root: Path | None = None) -> Iterator[tuple[str, Path]]:
    """Every (hash, path) in the store (files named by a hash at their content address)."""
    base = root or blobs_root()
    if not base.is_dir():
        return
    for path in sorted(base.glob("??/??/*")):
        named = is_sha256(path.name) and path == blob_path(path.name, base)
        if named and path.is_file() and not path.is_symlink():
            yield path.name, path
