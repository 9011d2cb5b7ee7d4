"""Documents as evidence of implementation: upload (the status entry's author only), sharing of
the status entry, and audited download.

A document has no visibility of its own: it is seen exactly by whoever sees its status entry.
The bytes live in the shared content-addressed blob store (accord.files), re-hashed on every
read, so an altered file is refused rather than served. A download is always a file to save
(Content-Disposition: attachment, a sanitised name, nosniff), never a page the browser renders;
the bytes served are the bytes hashed (read once: files are at most ACCORD_MAX_UPLOAD_BYTES).
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

from accord.agreements import selectors, services
from accord.agreements.forms import checked_upload
from accord.core.visibility import VISIBILITY_CHOICES
from accord.domain.visibility import Visibility
from accord.files.services import blob_read
from accord.files.storage import BlobIntegrityError
from accord.talks.access import access_process

log = logging.getLogger(__name__)
SAFE_INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv"}


class DocumentForm(forms.Form):
    file = forms.FileField(allow_empty_file=False, max_length=1000)
    description = forms.CharField(max_length=500, required=False)

    def clean_file(self):
        return checked_upload(self.cleaned_data["file"])


class ShareForm(forms.Form):
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES)


def _back(process_id: int, status) -> HttpResponse:
    return redirect("provision", process_id=process_id, provision_id=status.provision_id)


@login_required
@require_POST
def document_add(request: HttpRequest, process_id: int, status_entry_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    status = selectors.status_get(seat=seat, status_id=status_entry_id)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                seat=seat,
                status=status,
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
            return _back(process_id, status)
        except ValidationError as error:
            form.add_error("file", error.messages)
    context = {"seat": seat, "process": seat.process, "status": status, "form": form}
    return render(request, "agreements/document_error.html", context, status=400)


@login_required
@require_POST
def status_share(request: HttpRequest, process_id: int, status_entry_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    status = selectors.status_get(seat=seat, status_id=status_entry_id)
    form = ShareForm(request.POST)
    if form.is_valid():
        try:
            visibility = Visibility(form.cleaned_data["visibility"])
            services.status_share(seat=seat, status=status, visibility=visibility)
            return _back(process_id, status)
        except ValidationError as error:
            form.add_error("visibility", error.messages)
    context = {"seat": seat, "process": seat.process, "status": status, "form": form}
    return render(request, "agreements/document_error.html", context, status=400)


@login_required
@require_GET
def document_download(request: HttpRequest, process_id: int, status_document_id: int):
    seat = access_process(request.user, process_id)
    document = selectors.document_get(seat=seat, document_id=status_document_id)
    try:
        body = blob_read(document.blob)
    except BlobIntegrityError as error:
        log.error("status document %s: %s", document.pk, error)
        return HttpResponse(
            "This file is missing or altered on the server; the operator can find it with "
            "`accord files verify`.",
            status=500,
            content_type="text/plain; charset=utf-8",
        )
    services.document_downloaded(seat=seat, document=document)
    kind = document.blob.content_type
    response = HttpResponse(
        body, content_type=kind if kind in SAFE_INLINE_TYPES else "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition_header(True, document.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [
    path(
        "p/<id:process_id>/status-entries/<id:status_entry_id>/documents",
        document_add,
        name="status_document_add",
    ),
    path(
        "p/<id:process_id>/status-entries/<id:status_entry_id>/share",
        status_share,
        name="status_share",
    ),
    path(
        "p/<id:process_id>/status-documents/<id:status_document_id>/",
        document_download,
        name="status_document",
    ),
]
