"""Attachments of incident reports: upload (the report's author only) and audited download.

The bytes live in the content-addressed blob store (accord.files); every read re-checks their
hash, so an altered file is refused rather than served. A download is always a file to save
(Content-Disposition: attachment, a sanitised name, nosniff), never a page the browser renders.
The bytes served are the bytes hashed (read once into memory: files are at most
ACCORD_MAX_UPLOAD_BYTES), so a file changed between check and read cannot slip through.
"""

from __future__ import annotations

import logging

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from accord.files.services import blob_read
from accord.files.storage import BlobIntegrityError, max_upload_bytes
from accord.talks.access import access_process
from accord.truces import selectors, services

log = logging.getLogger(__name__)
SAFE_INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv"}


class AttachmentForm(forms.Form):
    file = forms.FileField(allow_empty_file=False, max_length=1000)
    description = forms.CharField(max_length=500, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size > limit:
            raise ValidationError(f"{upload.name}: larger than the limit of {limit:,} bytes.")
        return upload


@login_required
@require_POST
def attachment_add(request: HttpRequest, process_id: int, report_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    report = selectors.report_get(seat=seat, report_id=report_id)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                seat=seat,
                report=report,
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
            return redirect("incident", process_id=process_id, incident_id=report.incident_id)
        except ValidationError as error:
            form.add_error("file", error.messages)
    context = {"seat": seat, "process": seat.process, "report": report, "form": form}
    return render(request, "truces/attach_error.html", context, status=400)


@login_required
@require_GET
def attachment_download(request: HttpRequest, process_id: int, attachment_id: int):
    seat = access_process(request.user, process_id)
    attachment = selectors.attachment_get(seat=seat, attachment_id=attachment_id)
    try:
        body = blob_read(attachment.blob)
    except BlobIntegrityError as error:
        log.error("attachment %s: %s", attachment.pk, error)
        return HttpResponse(
            "This file is missing or altered on the server; the operator can find it with "
            "`accord files verify`.",
            status=500,
            content_type="text/plain; charset=utf-8",
        )
    services.attachment_downloaded(seat=seat, attachment=attachment)
    kind = attachment.blob.content_type
    response = HttpResponse(
        body, content_type=kind if kind in SAFE_INLINE_TYPES else "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition_header(True, attachment.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [
    path(
        "p/<id:process_id>/reports/<id:report_id>/attach",
        attachment_add,
        name="report_attach",
    ),
    path(
        "p/<id:process_id>/attachments/<id:attachment_id>/",
        attachment_download,
        name="attachment_download",
    ),
]
