"""Documents as evidence of implementation: upload (the status entry's author only), sharing of
the status entry, and audited download.

A document has no visibility of its own: it is seen exactly by whoever sees its status entry.
Storing, checking and serving the bytes is accord.files.attached's one way for every app.
The JSON API (accord.agreements.api) calls the same selectors, services and helpers.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from accord.agreements import selectors, services
from accord.core.visibility import VISIBILITY_CHOICES
from accord.domain.visibility import Visibility
from accord.files.attached import AttachedFileForm, audited_download
from accord.talks.access import access_process


class ShareForm(forms.Form):
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES)


def _back(process_id: int, status) -> HttpResponse:
    return redirect("provision", process_id=process_id, provision_id=status.provision_id)


@login_required
@require_POST
def document_add(request: HttpRequest, process_id: int, status_entry_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    status = selectors.status_get(seat=seat, status_id=status_entry_id)
    form = AttachedFileForm(request.POST, request.FILES)
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
    return audited_download(
        document, audit=lambda: services.document_downloaded(seat=seat, document=document)
    )


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
