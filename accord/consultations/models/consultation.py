"""A consultation, its invite links and its statements.

The question and the accepted statements are public by nature: anyone holding an invite link
reads them. Everything else (pending and rejected statements, who wrote what) is the mediators'.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models


class Consultation(models.Model):
    """A public consultation run by the mediators, optionally on one agenda issue."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    process = models.ForeignKey(
        "talks.Process", on_delete=models.CASCADE, related_name="consultations"
    )
    issue = models.ForeignKey(
        "talks.Issue", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=200)
    question = models.TextField(max_length=2000)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    accepts_statements = models.BooleanField(
        default=True, help_text="Participants may submit statements for moderation"
    )
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


def new_token() -> str:
    """An unguessable invite token (192 random bits, URL-safe)."""
    return secrets.token_urlsafe(24)


class Invite(models.Model):
    """A shareable link to a consultation; the token is the key, so links cannot be guessed."""

    token = models.CharField(primary_key=True, max_length=64, default=new_token, editable=False)
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="invites")
    label = models.CharField(max_length=120, blank=True, help_text="e.g. 'radio', 'SMS'")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "token"]


class ConsultationStatement(models.Model):
    """One statement to vote on: seeded by the mediators or submitted by a participant."""

    class Moderation(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="statements"
    )
    text = models.TextField(max_length=1000)
    author = models.ForeignKey(
        "consultations.Participant",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty: written by the mediators",
    )
    seeded = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=Moderation.choices, default=Moderation.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self) -> str:
        return self.text[:60]
