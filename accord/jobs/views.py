"""A job's progress as a page, and as an htmx partial that polls until the job ends."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.jobs.selectors import job_get
from accord.talks.access import access_process


@login_required
def job_detail(request: HttpRequest, process_id: int, job_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    job = job_get(seat=seat, job_id=job_id)
    template = "jobs/job.html#progress" if request.htmx else "jobs/job.html"
    return render(request, template, {"seat": seat, "process": seat.process, "job": job})
