"""Attaching a file to a confidential record and serving it back: one way for every app.

Upload: the size limit and emptiness are checked, the bytes go to the blob store, and the
record's service saves the AttachedFile with its audit entry. Download: the bytes are read
once and checked against their hash (an altered or missing file is refused, never served) and
always sent as a file to save (Content-Disposition: attachment, a sanitised name, nosniff).
The web pages and the JSON API both go through these functions, so they refuse, name, serve
and audit a file the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from ninja import Field, Schema

from accord.files.models import AttachedFile
from accord.files.names import safe_filename
from accord.files.services import blob_read, blob_store
from accord.files.storage import BlobIntegrityError, max_upload_bytes

log = logging.getLogger(__name__)
SAFE_INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv"}
#: The API's `description` form field, held to the web form's rules: at most 500 characters,
#: no NUL (which PostgreSQL cannot store). Use as `Form("", **DESCRIPTION_RULES)`.
DESCRIPTION_RULES: dict[str, Any] = {"max_length": 500, "pattern": r"^[^\x00]*$"}


def upload_refusal(upload: Any) -> str:
    """Why an upload is refused before any byte is stored, naming the file ("" when it is
    not): larger than the limit, or empty. Bytes and chunk streams have no declared size;
    the blob store caps those while writing."""
    size = getattr(upload, "size", None)
    if size is None:
        return ""
    name = safe_filename(getattr(upload, "name", "") or "")
    limit = max_upload_bytes()
    if size > limit:
        return f"{name}: larger than the limit of {limit:,} bytes."
    return f"{name}: the file is empty." if size == 0 else ""


def checked_upload(upload: Any) -> Any:
    """An upload within the size limit, else an error naming the file and the limit."""
    refusal = upload_refusal(upload) if upload is not None else ""
    if refusal:
        raise ValidationError(refusal)
    return upload


class AttachedFileForm(forms.Form):
    file = forms.FileField(allow_empty_file=False, max_length=1000)
    description = forms.CharField(max_length=500, required=False)

    def clean_file(self) -> Any:
        return checked_upload(self.cleaned_data["file"])


def attached_file_fields(
    *, user: Any, upload: Any, name: str = "", description: str = "", illustrative: bool = False
) -> dict[str, Any]:
    """Store the upload's bytes and return the AttachedFile fields for the record's service.

    Refuses (ValidationError on "file", nothing stored) an upload that is too large or empty,
    so every caller (a web form, the API, a script) gets the same limit and message."""
    refusal = upload_refusal(upload)
    if refusal:
        raise ValidationError({"file": refusal})
    blob = blob_store(upload, max_bytes=max_upload_bytes())
    if blob.size == 0:
        raise ValidationError({"file": "The file is empty."})
    return {
        "blob": blob,
        "name": safe_filename(name or getattr(upload, "name", "") or ""),
        "description": description.strip()[:500],
        "illustrative": illustrative,
        "uploaded_by": user,
    }


def download_response(attached: AttachedFile) -> HttpResponse:
    """The file as a download (200), or a 500 naming the fault when its bytes are missing or
    altered; the caller audits the download only when it is a 200."""
    try:
        body = blob_read(attached.blob)
    except BlobIntegrityError as error:
        log.error("%s %s: %s", attached._meta.label, attached.pk, error)
        return HttpResponse(
            "This file is missing or altered on the server; the operator can find it with "
            "`accord files verify`.",
            status=500,
            content_type="text/plain; charset=utf-8",
        )
    kind = attached.blob.content_type
    response = HttpResponse(
        body, content_type=kind if kind in SAFE_INLINE_TYPES else "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition_header(True, attached.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def audited_download(attached: AttachedFile, *, audit: Callable[[], object]) -> HttpResponse:
    """`download_response`, calling the record's `audit` only when the file is served (200):
    a refused (missing or altered) file is not recorded as fetched."""
    response = download_response(attached)
    if response.status_code == 200:
        audit()
    return response


class AttachedFileOut(Schema):
    """An attached file as the API lists it: metadata only; the bytes are a download."""

    id: int
    name: str
    description: str
    size: int = Field(..., alias="blob.size")
    sha256: str = Field(..., alias="blob.sha256")
    uploaded_at: datetime = Field(..., alias="created_at")


BINARY = {"type": "string", "format": "binary"}
#: The OpenAPI description of a download route (ninja's `openapi_extra`).
DOWNLOAD_OPENAPI = {
    "responses": {
        200: {
            "description": "The file's bytes, as an attachment (Content-Disposition)",
            "content": {"application/octet-stream": {"schema": BINARY}},
        },
        404: {"description": "No such file on a record you can see"},
        500: {"description": "The stored file is missing or altered; it is not served"},
    }
}
