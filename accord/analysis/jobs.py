"""The analysis as a background job: the engine runs off the request, progress is visible."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from accord.analysis.models import AnalysisRun
from accord.analysis.services import JOB_KIND, run_compute
from accord.jobs.models import Job
from accord.jobs.runner import Report, register_job


@register_job(JOB_KIND)
def analysis_job(job: Job, report: Report) -> dict[str, Any]:
    run = AnalysisRun.objects.get(pk=job.params["run_id"], process_id=job.process_id)
    run = run_compute(run=run, report=report)
    if run.error:
        raise ValueError(f"The preferences do not form a scenario: {run.error}")
    # Only a link: the job page is not where results are shown (the run page is).
    return {"url": reverse("analysis_run", args=[job.process_id, run.pk])}
