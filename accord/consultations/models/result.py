"""A stored analysis: aggregates only, released to the table by widening its visibility."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.core.visibility import ConfidentialRecord


class AnalysisResult(ConfidentialRecord):
    """One analysis of a consultation (a snapshot). The mediators own it (owner_party None);
    at "mediator" visibility only they see it, and releasing widens the visibility.

    `data` holds aggregates only: group sizes, per-group shares, consensus and divisive
    statements, map points without identifiers. Never participant ids or single votes.
    """

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="results"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, max_length=20000)
    algorithm_version = models.CharField(max_length=80, blank=True)
    mode = models.CharField(max_length=12, default="default")
    n_participants = models.PositiveIntegerField(default=0)
    n_votes = models.PositiveIntegerField(default=0)
    k = models.PositiveSmallIntegerField(default=0)
    data = models.JSONField(default=dict)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL)
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title
