"""Reconciliation as a background job: the engine links the two sides' lists off the request."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from accord.exchanges.models import Exchange
from accord.exchanges.services import exchange_reconcile
from accord.jobs.models import Job
from accord.jobs.runner import Report, register_job

KIND = "exchanges.reconcile"


@register_job(KIND)
def reconcile_job(job: Job, report: Report) -> dict[str, Any]:
    exchange = Exchange.objects.get(pk=job.params["exchange_id"], process_id=job.process_id)
    result = exchange_reconcile(actor=job.created_by or "system", exchange=exchange, report=report)
    url = reverse("exchange_review", args=[job.process_id, exchange.pk])
    return {"url": url, "links": result["links"], "duplicate_groups": result["duplicate_groups"]}
