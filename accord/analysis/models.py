"""Preferences (each delegation's private utilities), analysis runs and released packages.

Confidentiality, decided here and enforced by the services:
- a Preference is owned by its party at visibility `own`, always: nobody else reads it, not
  even the mediators ("never compared by anybody"); only the analysis job combines them;
- an AnalysisRun (its frontier and bargaining points carry utilities derived from every party's
  preferences) is owned by the mediators at `own`: mediators only;
- a ReleasedPackage is owned by the mediators at `parties`: the options of one package and the
  mediator's note; each delegation sees its own utility for it, computed from its own preference.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.core.visibility import ConfidentialRecord
from accord.talks.models import Issue, Option, Process


class Preference(ConfidentialRecord):
    """One party's utility model for the process's agenda: weights, scores and reservation."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="preferences")
    reservation = models.FloatField(help_text="Utility of no agreement, in [0, 1]")
    notes = models.TextField(blank=True, help_text="The delegation's own reasoning")
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["process", "owner_party"], name="preference_one_per_party"
            )
        ]


class PreferenceWeight(models.Model):
    """How much an issue matters to the party (weights of a preference sum to one)."""

    preference = models.ForeignKey(Preference, on_delete=models.CASCADE, related_name="weights")
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="+")
    weight = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["preference", "issue"], name="weight_one_per_issue")
        ]


class PreferenceScore(models.Model):
    """How good one option is for the party, in [0, 1]."""

    preference = models.ForeignKey(Preference, on_delete=models.CASCADE, related_name="scores")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["preference", "option"], name="score_one_per_option")
        ]


class AnalysisRun(ConfidentialRecord):
    """One computation of the frontier over the submitted preferences (mediators only)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="analysis_runs")
    label = models.CharField(max_length=200, blank=True)
    job = models.ForeignKey(
        "jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    result = models.JSONField(default=dict, blank=True)
    basis = models.JSONField(
        default=dict, blank=True,
        help_text="Preference id -> last change, at compute time (never shown; checks staleness)",
    )  # fmt: skip
    error = models.TextField(blank=True)
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def done(self) -> bool:
        return bool(self.result)


class ReleasedPackage(ConfidentialRecord):
    """A package the mediator puts before the parties: one option per issue, and a note."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="released_packages")
    run = models.ForeignKey(
        AnalysisRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    options = models.ManyToManyField(Option, related_name="+")
    note = models.TextField(blank=True)
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class OptionConstraint(ConfidentialRecord):
    """A hard rule the mediators set between options of two issues, used by every later run.

    `requires`: a package choosing `option` must choose `other_option`; `excludes`: a package
    may not choose both. Owned by the mediators at `own` (their working assumption, not a
    proposal); the run result records the rules it used.
    """

    class Kind(models.TextChoices):
        REQUIRES = "requires", "requires"
        EXCLUDES = "excludes", "excludes"

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="analysis_constraints"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+")
    other_option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "kind", "option", "other_option"], name="constraint_once"
            )
        ]


class Sensitivity(ConfidentialRecord):
    """One party's weight sensitivity for one run: per issue, the interval of its own weight in
    which the run's Nash package stays the recommendation.

    Owned by that party at `own`, always: it is derived from the party's own weights (each
    interval contains the weight), so nobody else, not even the mediators, reads it. The party
    sees it only once the mediators release that run's Nash package (`package` is set then), so
    that it knows which package the intervals are about and unreleased results stay unreleased.
    """

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="+")
    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="sensitivities")
    package = models.ForeignKey(
        ReleasedPackage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ranges = models.JSONField(default=list, help_text="[{issue, weight, lower, upper}] per issue")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "owner_party"], name="sensitivity_once")
        ]
