"""Writes to the blob store: the file first (atomically, by hash), then its row.

The file is on disk before the row commits, so a committed Blob row always has its bytes; a
rolled-back transaction may leave an unreferenced file, which is harmless (content-addressed)
and reported by `accord files verify` as unreferenced. Blobs are never deleted: they are
evidence. Storing a blob is not audited by itself: the record that references it is, and its
audit entry carries the hash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction

from accord.files import storage
from accord.files.models import Blob

_CONTENT_TYPE = re.compile(r"^[A-Za-z0-9][\w.+-]*/[\w.+-]+$")


def _chunks(source: Any) -> Iterable[bytes]:
    if isinstance(source, bytes | bytearray | memoryview):
        return [bytes(source)]
    if hasattr(source, "chunks"):  # Django's UploadedFile: streamed, never read whole
        return source.chunks()
    return source


def clean_content_type(value: str) -> str:
    """The declared media type if it looks like one (parameters dropped), else ""."""
    kind = (value or "").split(";", 1)[0].strip().lower()
    return kind if len(kind) <= 100 and _CONTENT_TYPE.match(kind) else ""


def blob_store(source: Any, *, content_type: str = "", max_bytes: int | None = None) -> Blob:
    """Store `source` (an UploadedFile, bytes, or byte chunks); the same bytes give the same Blob.

    Raises ValidationError naming the limit when the upload is too large (nothing is stored).
    """
    declared = content_type or getattr(source, "content_type", "") or ""
    try:
        written = storage.write_chunks(_chunks(source), max_bytes=max_bytes)
    except storage.BlobTooLarge as error:
        raise ValidationError({"file": f"The file is {error}."}) from None
    with transaction.atomic():
        blob, _created = Blob.objects.get_or_create(
            sha256=written.sha256,
            defaults={"size": written.size, "content_type": clean_content_type(declared)},
        )
    return blob


def blob_read(blob: Blob) -> bytes:
    """The blob's bytes in memory, verified (for files up to the upload limit)."""
    return storage.read_checked(blob.sha256, blob.size)


def blob_open(blob: Blob) -> BinaryIO:
    """The blob's bytes, after checking they still match its size and hash."""
    return storage.open_checked(blob.sha256, blob.size)
