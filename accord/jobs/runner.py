"""Start jobs and run them off the request: in a worker thread, or at once when eager.

Apps register a handler per job kind: `handler(job, report) -> dict` where `report(fraction,
message)` records progress; the returned dict becomes the job's result. Starting and finishing a
job are audited; progress updates are not (they change no negotiation record).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from accord.audit.services import audit_append
from accord.jobs.models import Job

Report = Callable[[float, str], None]
Handler = Callable[[Job, Report], dict[str, Any]]

_HANDLERS: dict[str, Handler] = {}
log = logging.getLogger(__name__)


def register_job(kind: str) -> Callable[[Handler], Handler]:
    """Decorator: `@register_job("analysis.run")` on the function that does the work."""

    def decorate(handler: Handler) -> Handler:
        _HANDLERS[kind] = handler
        return handler

    return decorate


@transaction.atomic
def job_start(*, actor: Any, kind: str, params: dict[str, Any], process_id: int | None) -> Job:
    """Record a job and have it run after the surrounding transaction commits."""
    if kind not in _HANDLERS:
        raise ValueError(f"No handler is registered for job kind {kind!r}")
    job = Job.objects.create(
        kind=kind,
        params=params,
        process_id=process_id,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_append(actor=actor, action="job.start", obj=job, change=params, process_id=process_id)
    if getattr(settings, "ACCORD_JOBS_EAGER", False):
        transaction.on_commit(lambda: run_job(job.pk))
    else:
        transaction.on_commit(lambda: _in_thread(job.pk))
    return job


def _in_thread(job_id: int) -> None:
    threading.Thread(target=_run_and_close, args=(job_id,), daemon=True).start()


def _run_and_close(job_id: int) -> None:
    close_old_connections()
    try:
        run_job(job_id)
    finally:
        close_old_connections()


def _report(job_id: int) -> Report:
    def report(fraction: float, message: str = "") -> None:
        Job.objects.filter(pk=job_id).update(
            progress=max(0.0, min(1.0, fraction)), message=message[:300]
        )

    return report


def run_job(job_id: int) -> Job:
    """Run one queued job to its end, recording success or the error."""
    Job.objects.filter(pk=job_id).update(status=Job.Status.RUNNING, started_at=timezone.now())
    job = Job.objects.get(pk=job_id)
    try:
        result = _HANDLERS[job.kind](job, _report(job_id))
    except Exception as error:  # any failure must end the job, not the worker
        log.error("job %s failed: %s", job_id, traceback.format_exc())
        _finish(job, status=Job.Status.FAILED, error=f"{type(error).__name__}: {error}")
    else:
        _finish(job, status=Job.Status.DONE, result=result)
    job.refresh_from_db()
    return job


@transaction.atomic
def _finish(job: Job, *, status: str, result: dict | None = None, error: str = "") -> None:
    Job.objects.filter(pk=job.pk).update(
        status=status,
        result=result or {},
        error=error,
        finished_at=timezone.now(),
        progress=1.0 if status == Job.Status.DONE else job.progress,
    )
    audit_append(
        actor="system",
        action=f"job.{status}",
        obj=job,
        change={"error": error},
        process_id=job.process_id,
    )


def recover_interrupted_jobs() -> int:
    """Mark jobs left running by a stopped server as failed, so nobody waits on them."""
    stale = Job.objects.filter(status__in=[Job.Status.QUEUED, Job.Status.RUNNING])
    return stale.update(
        status=Job.Status.FAILED,
        error="Interrupted: the server stopped before it finished.",
        finished_at=timezone.now(),
    )
