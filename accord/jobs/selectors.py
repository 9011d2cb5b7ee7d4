"""Who may watch a job: whoever started it, and the process's mediators."""

from __future__ import annotations

from django.http import Http404

from accord.jobs.models import Job
from accord.talks.access import Seat


def job_get(*, seat: Seat, job_id: int) -> Job:
    job = Job.objects.filter(pk=job_id, process=seat.process).first()
    if job is None or not (seat.is_mediator or job.created_by_id == seat.membership.user_id):
        raise Http404("Not found")
    return job
