"""Folders for uploads in flight: written by a request, read by a job or a confirm step, removed.

They live under the media root (`ACCORD_DATA_DIR/files/staging/<purpose>/`) so a test or a
deployment that moves the media root moves them too. Nothing in them is a record (the record
is the database row and the blob store), so backups leave this folder out: a backup taken while
a monitor ingestion or a Polis import is half-way never carries its unprocessed files.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from django.conf import settings

STAGING = "staging"


def staging_root() -> Path:
    return Path(settings.MEDIA_ROOT) / STAGING


def staging_dir(purpose: str) -> Path:
    """The folder for one kind of upload in flight (created if missing)."""
    folder = staging_root() / purpose
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def staging_sweep(*, older_than_seconds: float = 3600.0) -> int:
    """Remove upload folders left behind by jobs a stopped server never finished.

    Called when the server starts, after interrupted jobs are marked failed: nothing will read
    those folders again. The age threshold spares a folder an `accord` command on the same
    installation may be working on right now. Returns how many entries were removed.
    """
    cutoff = time.time() - older_than_seconds
    removed = 0
    for purpose in staging_root().glob("*"):
        for entry in purpose.iterdir() if purpose.is_dir() else ():
            if entry.lstat().st_mtime >= cutoff:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed += 1
    return removed
