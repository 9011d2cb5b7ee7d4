"""The single negotiating text as stored: draft clauses, released versions, acceptance.

The mediators' working draft is a set of `ClauseRecord`s, each holding one clause's body in the
bracket notation of `accord.domain.text` (proposers live inside the notation as `{RU}`). A
`TextVersion` is a frozen snapshot of the whole notation; it reaches delegations only once a
second mediator approves it (four eyes), and then only the recipients chosen for it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.core.visibility import ConfidentialRecord
from accord.domain.text import Mark


class Text(models.Model):
    """A negotiating text of one process. Its content is only reachable through a clause
    (mediators) or a version released to the viewer's party; see selectors.text_get."""

    process = models.ForeignKey("talks.Process", on_delete=models.CASCADE, related_name="texts")
    title = models.CharField(max_length=200)
    illustrative = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title


class ClauseRecord(ConfidentialRecord):
    """One draft clause: the mediators' working copy (owner None, visibility mediator).

    `version` counts edits; an edit names the version it started from and is applied with a
    conditional UPDATE, so a stale edit is refused rather than overwriting (optimistic locking).
    """

    text = models.ForeignKey(Text, on_delete=models.CASCADE, related_name="clauses")
    position = models.PositiveIntegerField()
    article = models.CharField(max_length=40, blank=True)
    article_title = models.CharField(max_length=200, blank=True)
    number = models.CharField(max_length=40)
    source = models.TextField(help_text="The clause body in bracket notation")
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["text", "number"], name="clause_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.source}"


class TextVersion(ConfidentialRecord):
    """A snapshot of the whole text proposed for release to chosen recipients.

    Pending (visibility mediator) until a second mediator approves; then visibility parties,
    further restricted to the `ReleaseRecipient` parties by the selectors (ConfidentialRecord
    cannot name a set of parties).
    """

    text = models.ForeignKey(Text, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    notation = models.TextField()
    note = models.CharField(max_length=500, blank=True)
    open_brackets = models.PositiveIntegerField(default=0)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)
    recipients = models.ManyToManyField("talks.Party", through="ReleaseRecipient", related_name="+")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["text", "number"], name="version_unique_number")
        ]

    @property
    def is_released(self) -> bool:
        return self.released_at is not None

    def __str__(self) -> str:
        return f"{self.text} v{self.number}"


class ReleaseRecipient(models.Model):
    """A party a version goes to (drafts go only to the recipients chosen)."""

    version = models.ForeignKey(TextVersion, on_delete=models.CASCADE, related_name="deliveries")
    party = models.ForeignKey("talks.Party", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "party"], name="recipient_once")]


MARK_CHOICES = [(m.value, m.value.replace("_", " ").capitalize()) for m in Mark]


class AcceptanceMark(ConfidentialRecord):
    """A party's mark on a clause (bracket/alternative empty) or on one alternative.

    Owned by the marking party; visible to all parties by default (the acceptance matrix is
    the table's shared state). Marks are appended, the latest per option wins.
    """

    text = models.ForeignKey(Text, on_delete=models.CASCADE, related_name="marks")
    version = models.ForeignKey(TextVersion, on_delete=models.CASCADE, related_name="marks")
    clause = models.CharField(max_length=40)
    bracket = models.PositiveSmallIntegerField(null=True, blank=True)
    alternative = models.PositiveSmallIntegerField(null=True, blank=True)
    mark = models.CharField(max_length=16, choices=MARK_CHOICES)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["marked_at", "id"]

    @property
    def option(self) -> tuple[int, int] | None:
        return (self.bracket, self.alternative) if self.bracket is not None else None


class AcceptanceNote(ConfidentialRecord):
    """A party's note on its mark (e.g. the reason for a reservation): its own by default."""

    mark = models.OneToOneField(AcceptanceMark, on_delete=models.CASCADE, related_name="note")
    body = models.TextField()


class Translation(ConfidentialRecord):
    """An equally authentic language version of a draft clause (mediators' working copy).

    `source_hash` is the engine's clause_hash of the clause when translated: when the clause
    changes afterwards, the translation is stale.
    """

    class Language(models.TextChoices):
        EN = "en", "English"
        UK = "uk", "Ukrainian"
        RU = "ru", "Russian"

    clause = models.ForeignKey(ClauseRecord, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=2, choices=Language.choices)
    body = models.TextField()
    source_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clause", "language"], name="translation_once")
        ]
