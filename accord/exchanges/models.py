"""Prisoner exchanges: the agreement, each side's submitted list, its records, the proposed links
between the lists and the status log of each person.

Detainee data is the most sensitive data in Accord. An ExchangeList and its ListRecords are owned
by the submitting party at visibility `mediator` (that party and the mediators); CandidateLinks and
PersonStatusEvents are owned by the mediators (owner None) at visibility `own` (mediators only).
Raw submissions are never modified: `ExchangeList.content` holds the file as uploaded and
`ListRecord.raw` the cells of its row as read.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from accord.core.visibility import ConfidentialRecord


class Exchange(ConfidentialRecord):
    """An agreed exchange (e.g. of 314 prisoners); its mediators are the process's mediators."""

    process = models.ForeignKey("talks.Process", on_delete=models.CASCADE, related_name="exchanges")
    title = models.CharField(max_length=200)
    agreed_number = models.PositiveIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(1_000_000)]
    )
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class ExchangeList(ConfidentialRecord):
    """One side's submitted list, kept byte for byte; its records are read from it."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="lists")
    file_name = models.CharField(max_length=200)
    content = models.BinaryField(editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    columns = models.JSONField(default=dict, blank=True, help_text="field -> column header")
    headers = models.JSONField(default=list, blank=True)
    id_column = models.CharField(max_length=200, blank=True)
    warnings = models.JSONField(default=list, blank=True, help_text="[{row, column, message}]")
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.file_name


class Category(models.TextChoices):
    POW = "pow", "POW"
    CIVILIAN = "civilian", "Civilian"
    WOUNDED = "wounded", "Wounded"
    UNKNOWN = "", "Not given"


class ListRecord(ConfidentialRecord):
    """One row of a list: the raw cells and what the engine read from them."""

    exchange_list = models.ForeignKey(
        ExchangeList, on_delete=models.CASCADE, related_name="records"
    )
    row = models.PositiveIntegerField(help_text="Source row number as a spreadsheet shows it")
    record_key = models.CharField(max_length=200, help_text="The id the list gives the person")
    raw = models.JSONField(default=dict)
    surname = models.CharField(max_length=200, blank=True)
    given_name = models.CharField(max_length=200, blank=True)
    patronymic = models.CharField(max_length=200, blank=True)
    birth_date = models.CharField(max_length=60, blank=True)
    document = models.CharField(max_length=100, blank=True)
    military_number = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=20, blank=True)
    latin = models.CharField(max_length=400, blank=True)
    problems = models.JSONField(default=list, blank=True)
    category = models.CharField(max_length=10, choices=Category.choices, blank=True)
    duplicate_group = models.PositiveIntegerField(
        null=True, blank=True, help_text="Flagged as a possible repeat within its list"
    )

    class Meta:
        ordering = ["exchange_list_id", "row"]
        constraints = [
            models.UniqueConstraint(fields=["exchange_list", "row"], name="exchanges_record_row")
        ]

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.surname, self.given_name, self.patronymic) if p)

    def __str__(self) -> str:
        return f"{self.full_name} (row {self.row})"


class CandidateLink(ConfidentialRecord):
    """A proposed pairing of a left and a right record, its explanation and the review."""

    class Decision(models.TextChoices):
        ACCEPT = "accept", "Auto-accept"
        REVIEW = "review", "Review"
        REJECT = "reject", "Reject"

    class Review(models.TextChoices):
        NONE = "", "Not reviewed"
        ACCEPT = "accept", "Accepted"
        REJECT = "reject", "Rejected"

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="links")
    left = models.ForeignKey(ListRecord, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(ListRecord, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    weight = models.FloatField(default=0.0)
    decision = models.CharField(max_length=8, choices=Decision.choices)
    explanation = models.JSONField(default=list, blank=True, help_text="Per-field comparisons")
    note = models.CharField(max_length=400, blank=True)
    reviewer_decision = models.CharField(max_length=8, choices=Review.choices, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]

    @property
    def final(self) -> str:
        """accept, reject or review: the reviewer's word, else the engine's."""
        if self.reviewer_decision:
            return self.reviewer_decision
        return self.decision

    def clean(self) -> None:
        if self.left_id and self.left_id == self.right_id:
            raise ValidationError("A record cannot be linked to itself.")


class PersonStatusEvent(ConfidentialRecord):
    """One step in a person's exchange: the person is an accepted link or a single record."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        CONFIRMED = "confirmed", "Confirmed by holding party"
        EXCHANGED = "exchanged", "Exchanged"
        REFUSED = "refused", "Refused"
        DECEASED = "deceased", "Deceased"
        DISPUTED = "disputed", "Disputed"

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="events")
    link = models.ForeignKey(
        CandidateLink, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    record = models.ForeignKey(
        ListRecord, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    note = models.CharField(max_length=400, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]

    def clean(self) -> None:
        if (self.link_id is None) == (self.record_id is None):
            raise ValidationError("A status belongs to exactly one link or one record.")
