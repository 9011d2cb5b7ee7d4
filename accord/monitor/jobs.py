"""Ingestion as a background job: uploads are staged on disk, the job reads and removes them."""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path
from typing import Any

from django.urls import reverse

from accord.files.staging import staging_dir
from accord.jobs.models import Job
from accord.jobs.runner import Report, job_start, register_job
from accord.monitor.services import files_ingest
from accord.talks.models import Process

KIND = "monitor.ingest"
_UNSAFE = re.compile(r"[^A-Za-z0-9._#-]+")


def staging_root() -> Path:
    return staging_dir("monitor-uploads")


def safe_name(name: str) -> str:
    """A file name without directories or odd characters (the stem becomes the doc key)."""
    cleaned = _UNSAFE.sub("-", Path(name).name).strip(".-") or "upload"
    return cleaned[:120]


def uploads_stage(uploads: list[Any]) -> Path:
    """Write uploaded files into a fresh directory under the data directory."""
    folder = staging_root() / uuid.uuid4().hex
    folder.mkdir(parents=True)
    used: set[str] = set()
    for index, upload in enumerate(uploads):
        name = safe_name(upload.name)
        if name in used:
            name = f"{index}-{name}"
        used.add(name)
        with (folder / name).open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    return folder


def ingest_start(
    *, actor: Any, process: Process, folder: Path, names: list[str], staged: bool
) -> Job:
    """Queue the ingestion of `names` in `folder`; a staged folder is removed afterwards."""
    params = {"folder": str(folder), "files": names, "staged": staged}
    return job_start(actor=actor, kind=KIND, params=params, process_id=process.pk)


@register_job(KIND)
def ingest_job(job: Job, report: Report) -> dict[str, Any]:
    folder = Path(job.params["folder"])
    names = list(job.params["files"])
    try:
        outcomes = files_ingest(
            actor=job.created_by or "system",
            process=job.process,
            files=[(name, folder / name) for name in names],
            report=report,
        )
    finally:
        if job.params.get("staged"):
            shutil.rmtree(folder, ignore_errors=True)
    url = reverse("monitor_documents", kwargs={"process_id": job.process_id})
    return {
        "url": f"{url}?job={job.pk}",
        "files": [outcome.as_dict() for outcome in outcomes],
        "documents": sum(o.documents for o in outcomes),
        "statements": sum(o.statements for o in outcomes),
    }
