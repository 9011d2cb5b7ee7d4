"""Public statements from the press, their source documents, and what each party notes on them.

Source documents and statements come from published news, so they are public within the process
(every seat sees them) and carry no owner. A party's annotation on a statement is confidential
(`ConfidentialRecord`, own by default).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.core.visibility import ConfidentialRecord


class SourceDocument(models.Model):
    """One article (a text or HTML file, or one entry of a feed) as it was ingested."""

    process = models.ForeignKey(
        "talks.Process", on_delete=models.CASCADE, related_name="monitor_documents"
    )
    doc_key = models.CharField(max_length=200, help_text="File stem, or stem#n for feed entries")
    title = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=500, blank=True, help_text="Source name or URL")
    published = models.DateField(null=True, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the text")
    illustrative = models.BooleanField(default=False, help_text="Dated or labelled for the demo")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "content_hash"], name="monitor_document_unique_hash"
            )
        ]

    def __str__(self) -> str:
        return self.title or self.doc_key


class ProposedPerson(models.Model):
    """A speaker the engine found who is no Person of the process yet, waiting for review."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    process = models.ForeignKey(
        "talks.Process", on_delete=models.CASCADE, related_name="monitor_proposals"
    )
    name = models.CharField(max_length=160)
    role = models.CharField(max_length=240, blank=True)
    party = models.ForeignKey("talks.Party", null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    person = models.ForeignKey(
        "talks.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "name"]
        constraints = [
            models.UniqueConstraint(fields=["process", "name"], name="monitor_proposal_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Statement(models.Model):
    """Who said what: a verbatim span `document.text[start:end]` and what it is about."""

    process = models.ForeignKey(
        "talks.Process", on_delete=models.CASCADE, related_name="monitor_statements"
    )
    document = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, related_name="statements"
    )
    speaker = models.ForeignKey(
        "talks.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monitor_statements",
    )
    proposal = models.ForeignKey(
        ProposedPerson,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    speaker_name = models.CharField(max_length=300, help_text="The speaker as resolved")
    speaker_mention = models.CharField(max_length=300, help_text="The speaker as written")
    speaker_type = models.CharField(max_length=10, default="person")
    role = models.CharField(max_length=300, blank=True)
    party = models.ForeignKey(
        "talks.Party",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monitor_statements",
    )
    quote = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=10)
    cue = models.CharField(max_length=40, blank=True)
    tone = models.CharField(max_length=10, default="neutral")
    claim = models.CharField(max_length=12, blank=True, help_text="agreed / not agreed / empty")
    issues = models.ManyToManyField("talks.Issue", blank=True, related_name="monitor_statements")
    date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["date", "document_id", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "start", "end", "speaker_name"],
                name="monitor_statement_unique_span",
            )
        ]

    def __str__(self) -> str:
        return f"{self.speaker_name}: {self.quote[:60]}"


class Annotation(ConfidentialRecord):
    """A party's note on a public statement; its own unless it shares it."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="annotations")
    body = models.TextField()
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
