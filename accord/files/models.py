"""A Blob is one stored file, named by its SHA-256; the bytes live on disk, not in the database.

A Blob holds no negotiation content by itself (no name, no owner): whoever references it (e.g.
an incident report's attachment) carries the user-facing file name and decides who may see it.
"""

from __future__ import annotations

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
