"""The agreement register: agreements, their provisions, and implementation status over time.

Provisions carry no visibility of their own: they are read only through their agreement. Status
entries are ConfidentialRecords, so a party can keep its own assessment to itself.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.core.visibility import ConfidentialRecord
from accord.domain.register import LEVELS
from accord.files.models import AttachedFile


class Agreement(ConfidentialRecord):
    """What the table agreed (or drafted): a title, a summary and where the text lives."""

    process = models.ForeignKey(
        "talks.Process", on_delete=models.CASCADE, related_name="agreements"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    source_reference = models.CharField(
        max_length=300, blank=True, help_text="The released text or document it comes from"
    )
    concluded_on = models.DateField(null=True, blank=True)
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class Provision(models.Model):
    """A commitment: who must do what by when, and who verifies it."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="provisions")
    number = models.PositiveSmallIntegerField()
    obligor = models.ForeignKey(
        "talks.Party",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The party that must act; empty means all parties jointly",
    )
    action = models.TextField()
    due_on = models.DateField(null=True, blank=True)
    verifier = models.CharField(max_length=200, blank=True, help_text="Who verifies it")
    clause_reference = models.CharField(max_length=200, blank=True)
    # Where the commitment comes from and what shows it is kept. Each link is shown only to a
    # seat that may read the linked record through its own app's selectors.
    text_version = models.ForeignKey(
        "texts.TextVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The released version of the negotiating text the clause is read from",
    )
    clause_number = models.CharField(max_length=40, blank=True)
    exchange = models.ForeignKey(
        "exchanges.Exchange", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    truce = models.ForeignKey(
        "truces.Truce", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="provision_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.action[:60]}"


class ImplementationStatus(ConfidentialRecord):
    """One assessment of a provision on the Peace Accords Matrix scale, with its evidence."""

    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="statuses")
    level = models.PositiveSmallIntegerField(choices=list(LEVELS.items()))
    as_of = models.DateField()
    evidence = models.TextField()
    links = models.TextField(blank=True, help_text="One link or document reference per line")
    statements = models.ManyToManyField(
        "monitor.Statement",
        blank=True,
        related_name="+",
        help_text="Public statements (from the monitor) cited as evidence",
    )
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["as_of", "id"]
        verbose_name_plural = "implementation statuses"

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class StatusDocument(AttachedFile):
    """A document attached to a status entry as evidence (a report, a photo, a signed record);
    who sees it follows its status entry, always."""

    attached_to = "status"
    status = models.ForeignKey(
        ImplementationStatus, on_delete=models.CASCADE, related_name="documents"
    )
