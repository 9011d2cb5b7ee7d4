"""A Blob is one stored file, named by its SHA-256; the bytes live on disk, not in the database.

A Blob holds no negotiation content by itself (no name, no owner): whoever references it (e.g.
an incident report's attachment) carries the user-facing file name and decides who may see it.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

SHA256_HEX = RegexValidator(r"^[0-9a-f]{64}$", "A SHA-256 is 64 lowercase hex digits.")


class Blob(models.Model):
    """One file's content, stored once however often it is uploaded."""

    sha256 = models.CharField(max_length=64, unique=True, validators=[SHA256_HEX])
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.sha256[:12]} ({self.size} bytes)"


class AttachedFile(models.Model):
    """A file attached to a confidential record (an incident report, a status entry).

    It has no confidentiality of its own: `owner_party_id` and `visibility` are those of the
    record named by `attached_to`, so sharing the record shares its files, always. The bytes
    are a Blob; the user-facing name (sanitised) lives here, never used as a path.
    """

    attached_to: ClassVar[str]  # the field naming the record whose confidentiality applies

    blob = models.ForeignKey(Blob, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=150, help_text="The file name as shown (sanitised)")
    description = models.CharField(max_length=500, blank=True)
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def owner_party_id(self) -> int | None:
        return getattr(self, self.attached_to).owner_party_id

    @property
    def visibility(self) -> str:
        return getattr(self, self.attached_to).visibility
