"""The truce register: terms, each party's claimed dates, and one shared register of incidents.

An Incident holds no content of its own: what it is (date, place, category, who is alleged) comes
from its reports, each a ConfidentialRecord, so a seat sees an incident only through the reports
it may see. Merging duplicates moves reports onto one incident; every report and source is kept.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from accord.core.visibility import ConfidentialRecord
from accord.domain.register import category_errors, coordinate_errors, event_type_choices
from accord.files.models import AttachedFile


class Truce(ConfidentialRecord):
    """A truce or ceasefire and its terms (who brokered it, what and where it covers)."""

    process = models.ForeignKey("talks.Process", on_delete=models.CASCADE, related_name="truces")
    name = models.CharField(max_length=200)
    scope = models.CharField(max_length=200, help_text="What it covers, e.g. energy infrastructure")
    geographic_scope = models.CharField(max_length=300, blank=True)
    terms = models.TextField(blank=True)
    brokered_by = models.ForeignKey(
        "talks.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class TruceClaim(ConfidentialRecord):
    """When one party says the truce started (and ended): one row per claim, never reconciled."""

    truce = models.ForeignKey(Truce, on_delete=models.CASCADE, related_name="claims")
    party = models.ForeignKey("talks.Party", on_delete=models.PROTECT, related_name="+")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "A claimed end cannot precede the claimed start."})


class Incident(models.Model):
    """One event in the shared register; its facts live in its reports."""

    truce = models.ForeignKey(Truce, on_delete=models.CASCADE, related_name="incidents")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]


class IncidentReport(ConfidentialRecord):
    """One account of an incident by a party, the mediator or an observer mission."""

    class Reporter(models.TextChoices):
        PARTY = "party", "Party"
        MEDIATOR = "mediator", "Mediator"
        OBSERVER = "observer", "Observer mission"

    class Precision(models.IntegerChoices):  # ACLED time_precision
        DAY = 1, "Day"
        WEEK = 2, "Week"
        MONTH = 3, "Month"

    class Target(models.TextChoices):
        ENERGY = "energy", "Energy infrastructure"
        CIVILIAN = "civilian", "Civilians / civilian objects"
        MILITARY = "military", "Military"
        INFRASTRUCTURE = "infrastructure", "Other infrastructure"
        OTHER = "other", "Other"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="reports")
    reporter_kind = models.CharField(max_length=10, choices=Reporter.choices)
    event_date = models.DateField()
    event_time = models.TimeField(null=True, blank=True, help_text="Local time, when known")
    time_precision = models.PositiveSmallIntegerField(
        choices=Precision.choices, default=Precision.DAY
    )
    admin1 = models.CharField("oblast", max_length=120, blank=True)
    location = models.CharField("settlement", max_length=160, blank=True)
    latitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    event_type = models.CharField(max_length=40, choices=event_type_choices())
    sub_event_type = models.CharField(max_length=60)
    alleged_party = models.ForeignKey(
        "talks.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alleged_actor = models.CharField(max_length=200, blank=True, help_text="As reported (actor1)")
    target_type = models.CharField(max_length=16, choices=Target.choices, blank=True)
    fatalities = models.PositiveIntegerField(default=0, validators=[MaxValueValidator(1_000_000)])
    injuries = models.PositiveIntegerField(default=0, validators=[MaxValueValidator(1_000_000)])
    sources = models.TextField(blank=True, help_text="One source or link per line")
    notes = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event_date", "id"]

    def clean(self) -> None:
        errors = category_errors(self.event_type or "", self.sub_event_type or "")
        errors.update(coordinate_errors(self.latitude, self.longitude))
        if errors:
            raise ValidationError(errors)

    @property
    def source_list(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


class Verification(ConfidentialRecord):
    """The mediator's verification status of an incident, with its reasoning."""

    class Status(models.TextChoices):
        REPORTED = "reported", "Reported"
        UNDER_REVIEW = "under_review", "Under review"
        VERIFIED = "verified", "Verified"
        UNVERIFIED = "unverified", "Unverified"
        DISPUTED = "disputed", "Disputed"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="verifications")
    status = models.CharField(max_length=12, choices=Status.choices)
    reasoning = models.TextField()
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class IncidentAttachment(AttachedFile):
    """A file attached to an incident report (a photo, a statement, a log); who sees it follows
    its report (owner and visibility), always."""

    attached_to = "report"
    report = models.ForeignKey(IncidentReport, on_delete=models.CASCADE, related_name="attachments")
