"""The one query layer that decides who sees what (see accord.domain.visibility for the rule).

Every model holding negotiation content inherits `ConfidentialRecord`; every read goes through
`Model.objects.visible_to(viewer)`. Templates, views and API handlers never decide.
"""

from __future__ import annotations

from typing import Self

from django.db import models
from django.db.models import Q

from accord.domain.visibility import Role, Viewer, Visibility, levels_seen_by

VISIBILITY_CHOICES = [(level.value, level.value.capitalize()) for level in Visibility]


def visibility_q(viewer: Viewer, *, prefix: str = "") -> Q:
    """The filter equivalent of `can_see` for records (or related records via `prefix`)."""
    owner = f"{prefix}owner_party"
    seen = Q(**{f"{prefix}visibility__in": [v.value for v in levels_seen_by(viewer.role)]})
    if viewer.party_id is not None:
        seen |= Q(**{f"{owner}_id": viewer.party_id})
    if viewer.role is Role.MEDIATOR:
        seen |= Q(**{f"{owner}__isnull": True})
    return seen


class ConfidentialQuerySet(models.QuerySet):
    """Querysets of confidential records filter by viewer, and only that way."""

    def visible_to(self, viewer: Viewer) -> Self:
        return self.filter(visibility_q(viewer))


class ConfidentialRecord(models.Model):
    """Base for every record with negotiation content: an owning party and a visibility."""

    owner_party = models.ForeignKey(
        "talks.Party",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The party whose material this is; empty means the mediators'.",
    )
    visibility = models.CharField(
        max_length=12, choices=VISIBILITY_CHOICES, default=Visibility.OWN.value
    )

    objects = ConfidentialQuerySet.as_manager()

    class Meta:
        abstract = True
