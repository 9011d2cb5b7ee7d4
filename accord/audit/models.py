"""The audit trail: one append-only row per write, chained by hashes (see accord.domain.audit)."""

from __future__ import annotations

from django.db import models

from accord.domain.audit import ChainLink


class AuditEntry(models.Model):
    """Who did what to which object and when; the change itself is kept only as a digest."""

    seq = models.PositiveBigIntegerField(unique=True)
    actor = models.CharField(max_length=150)
    action = models.CharField(max_length=80)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=64)
    process_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    change_digest = models.CharField(max_length=64)
    created_at = models.CharField(max_length=40, help_text="ISO 8601 UTC, as hashed")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"#{self.seq} {self.actor} {self.action} {self.object_type}:{self.object_id}"

    def as_link(self) -> ChainLink:
        return ChainLink(
            seq=self.seq,
            actor=self.actor,
            action=self.action,
            object_type=self.object_type,
            object_id=self.object_id,
            change_digest=self.change_digest,
            created_at=self.created_at,
            prev_hash=self.prev_hash,
        )
