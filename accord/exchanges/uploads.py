"""Refusing an oversized list while it streams in, before it fills memory or disk.

Django reads a multipart body into memory or a temporary file before a view sees it; a 200 MB
spreadsheet would be written out in full only to be refused. This handler, placed first, stops
receiving a file as soon as it passes the limit (the rest of the body is read and discarded, so
the browser gets a page, not a reset connection) and marks the request so the view can say why.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

REFUSED = "exchange_upload_refused"


class SizeLimitHandler(FileUploadHandler):
    """Passes chunks on until the file is over `limit` bytes, then stops the upload."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            setattr(self.request, REFUSED, self.file_name or "the file")
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> Any:
        return None  # the next handler builds the file


def limit_uploads(request: HttpRequest, limit: int) -> None:
    """Install the limit; call before anything reads request.POST or request.FILES."""
    request.upload_handlers.insert(0, SizeLimitHandler(request, limit))


def refused_file(request: HttpRequest) -> str | None:
    """The name of the file refused for its size, if one was."""
    return getattr(request, REFUSED, None)


def refusal(file_name: str, limit: int) -> str:
    """What the uploader is told about a file refused for its size (page and API alike)."""
    return (
        f"{file_name}: over the upload limit of {limit:,} bytes; nothing was stored. "
        "Split the list into smaller files."
    )
