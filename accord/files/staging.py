"""Folders for uploads in flight: written by a request, read by a job or a confirm step, removed.

They live under the media root (`ACCORD_DATA_DIR/files/staging/<purpose>/`) so a test or a
deployment that moves the media root moves them too. Nothing in them is a record (the record
is the database row and the blob store), so backups leave this folder out: a backup taken while
a monitor ingestion or a Polis import is half-way never carries its unprocessed files.
"""

from __future__ import annotations

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
