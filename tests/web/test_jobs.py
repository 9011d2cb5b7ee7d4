"""Background jobs: progress, results and failures are recorded; threads really run them."""

from __future__ import annotations

import threading

import pytest
from django.test import Client

from accord.audit.models import AuditEntry
from accord.jobs.models import Job
from accord.jobs.runner import job_start, recover_interrupted_jobs, register_job
from tests.table import Table, build_table


@register_job("test.square")
def square(job: Job, report) -> dict:
    report(0.5, "halfway")
    if job.params["n"] < 0:
        raise ValueError("negative input")
    return {"square": job.params["n"] ** 2}


def test_an_eager_job_runs_at_commit_and_records_its_result(
    table: Table, settings, django_capture_on_commit_callbacks
):
    settings.ACCORD_JOBS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(
            actor=table.users["mediator"],
            kind="test.square",
            params={"n": 7},
            process_id=table.process.pk,
        )
    job.refresh_from_db()
    assert (job.status, job.result, job.percent) == ("done", {"square": 49}, 100)
    actions = list(
        AuditEntry.objects.filter(object_type="jobs.Job", object_id=str(job.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions == ["job.start", "job.done"]


def test_a_failing_job_keeps_its_error(
    table: Table, settings, django_capture_on_commit_callbacks
) -> None:
    settings.ACCORD_JOBS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(
            actor=None, kind="test.square", params={"n": -1}, process_id=table.process.pk
        )
    job.refresh_from_db()
    assert job.status == "failed" and "negative input" in job.error
    assert job.message == "halfway"


def test_unknown_kinds_are_refused(table: Table) -> None:
    with pytest.raises(ValueError, match=r"no\.such"):
        job_start(actor=None, kind="no.such", params={}, process_id=None)


def test_progress_page_is_for_the_starter_and_mediators_only(table: Table, settings) -> None:
    job = Job.objects.create(
        kind="test.square", process=table.process, created_by=table.users["ua"]
    )
    url = f"/p/{table.process.pk}/jobs/{job.pk}/"
    for name, status in [("ua", 200), ("mediator", 200), ("ru", 404), ("outsider", 404)]:
        client = Client()
        client.force_login(table.users[name])
        assert client.get(url).status_code == status, name
    client = Client()
    client.force_login(table.users["ua"])
    partial = client.get(url, HTTP_HX_REQUEST="true")
    assert b"hx-trigger" in partial.content and b"<html" not in partial.content


def test_interrupted_jobs_are_marked_failed(table: Table) -> None:
    Job.objects.create(kind="test.square", status=Job.Status.RUNNING)
    assert recover_interrupted_jobs() == 1
    assert Job.objects.get().status == "failed"


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("flushable_audit")
def test_a_job_runs_in_a_worker_thread(settings) -> None:
    settings.ACCORD_JOBS_EAGER = False
    table = build_table()
    before = set(threading.enumerate())
    job = job_start(actor=None, kind="test.square", params={"n": 12}, process_id=table.process.pk)
    workers = [t for t in threading.enumerate() if t not in before]
    assert len(workers) == 1 and workers[0].daemon
    # Wait for the worker instead of polling: the test database is shared-cache memory, where
    # a concurrent reader would meet table locks that a file database in WAL mode never shows.
    workers[0].join(timeout=120)
    assert not workers[0].is_alive()
    assert Job.objects.get(pk=job.pk).result == {"square": 144}
