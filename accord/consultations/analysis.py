"""Running the engine on a consultation's votes: as a background job, or directly (the demo)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from django.urls import reverse

from accord.consultations import services
from accord.consultations.aggregates import participation, result_aggregates
from accord.consultations.models import AnalysisResult, Consultation, ConsultationStatement, Vote
from accord.domain.consultation import ConsultationDataError, Votes, analyse
from accord.jobs.models import Job
from accord.jobs.runner import register_job

Moderation = ConsultationStatement.Moderation


def consultation_votes(consultation: Consultation) -> tuple[Votes, dict[int, str], list[int], list]:
    """Validated votes on accepted and rejected statements, accepted texts, rejected ids, and
    the participation by day. Pending statements take no part."""
    statements = dict(
        consultation.statements.exclude(status=Moderation.PENDING).values_list("pk", "status")
    )
    texts = dict(
        consultation.statements.filter(status=Moderation.ACCEPTED).values_list("pk", "text")
    )
    rows = list(
        Vote.objects.filter(statement_id__in=list(statements)).values_list(
            "participant_id", "statement_id", "value", "created_at", "updated_at"
        )
    )
    if not rows:
        raise ConsultationDataError("Nobody has voted on an accepted statement yet.")
    p, s, v = (np.array([r[i] for r in rows], dtype=np.int64) for i in range(3))
    created = np.array([int(r[3].timestamp() * 1000) for r in rows], dtype=np.int64)
    updated = np.array([int(r[4].timestamp() * 1000) for r in rows], dtype=np.int64)
    votes = Votes.from_arrays(p, s, v, order=updated, known_statements=list(statements))
    rejected = [pk for pk, status in statements.items() if status == Moderation.REJECTED]
    return votes, texts, rejected, participation(p, created)


def analysis_run(
    *,
    actor: Any,
    consultation: Consultation,
    mode: str = "default",
    job: Job | None = None,
    report: Callable[[float, str], None] = lambda _f, _m: None,
) -> AnalysisResult:
    """Analyse now and store the aggregates (the job's body; the demo calls it directly)."""
    report(0.1, "Reading votes")
    votes, texts, rejected, days = consultation_votes(consultation)
    report(0.3, f"Analysing {len(votes)} votes")
    result = analyse(votes, mode=mode, moderated_out=rejected)
    report(0.8, "Summarising groups")
    data = result_aggregates(result, votes, texts) | {"participation": days}
    stored = services.result_create(
        actor=actor,
        consultation=consultation,
        title=f"{consultation.title}: opinion groups",
        data=data,
        job=job,
    )
    report(1.0, "Done")
    return stored


@register_job("consultations.analyse")
def analyse_job(job: Job, report: Callable[[float, str], None]) -> dict[str, Any]:
    consultation = Consultation.objects.get(pk=job.params["consultation_id"])
    stored = analysis_run(
        actor=job.created_by or "system",
        consultation=consultation,
        mode=job.params.get("mode", "default"),
        job=job,
        report=report,
    )
    url = reverse("consultation_result", args=[consultation.process_id, stored.pk])
    return {"result_id": stored.pk, "k": stored.k, "url": url}
