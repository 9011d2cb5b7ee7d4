"""Attachments of incident reports: upload (the report's author only) and audited download.

Storing, checking and serving the bytes is accord.files.attached's one way for every app.
The JSON API (accord.truces.api) calls the same selectors, services and helpers.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from accord.files.attached import AttachedFileForm, audited_download
from accord.talks.access import access_process
from accord.truces import selectors, services


@login_required
@require_POST
def attachment_add(request: HttpRequest, process_id: int, report_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    report = selectors.report_get(seat=seat, report_id=report_id)
    form = AttachedFileForm(request.POST, request.FILES)
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
    return audited_download(
        attachment, audit=lambda: services.attachment_downloaded(seat=seat, attachment=attachment)
    )


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
