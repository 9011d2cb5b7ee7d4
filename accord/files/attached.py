"""Attaching a file to a confidential record and serving it back: one way for every app.

Upload: the size limit and emptiness are checked, the bytes go to the blob store, and the
record's service saves the AttachedFile with its audit entry. Download: the bytes are read
once and checked against their hash (an altered or missing file is refused, never served) and
always sent as a file to save (Content-Disposition: attachment, a sanitised name, nosniff).
"""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from accord.files.models import AttachedFile
from accord.files.names import safe_filename
from accord.files.services import blob_read, blob_store
from accord.files.storage import BlobIntegrityError, max_upload_bytes

log = logging.getLogger(__name__)
SAFE_INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv"}


def checked_upload(upload: Any) -> Any:
    """An upload within the size limit, else an error naming the file and the limit."""
    limit = max_upload_bytes()
    if upload is not None and upload.size > limit:
        raise ValidationError(f"{upload.name}: larger than the limit of {limit:,} bytes.")
    return upload


class AttachedFileForm(forms.Form):
    file = forms.FileField(allow_empty_file=False, max_length=1000)
    description = forms.CharField(max_length=500, required=False)

    def clean_file(self) -> Any:
        return checked_upload(self.cleaned_data["file"])


def attached_file_fields(
    *, user: Any, upload: Any, name: str = "", description: str = "", illustrative: bool = False
) -> dict[str, Any]:
    """Store the upload's bytes and return the AttachedFile fields for the record's service."""
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
