"""The first slice of the negotiation domain (vocabulary: see ../shared/STYLE.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.core.visibility import ConfidentialRecord
from accord.domain.visibility import Role


class Process(models.Model):
    """A negotiation: everything else hangs off one of these."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    host = models.CharField(max_length=120, blank=True, help_text="Host state or venue")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Party(models.Model):
    """A delegation's principal at the table, or a mediator, host or observer body."""

    class Kind(models.TextChoices):
        PARTY = "party", "Party"
        MEDIATOR = "mediator", "Mediator"
        HOST = "host", "Host"
        OBSERVER = "observer", "Observer"

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(max_length=120)
    code = models.CharField(max_length=8, help_text="Short code used in texts, e.g. UA")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PARTY)
    also_broker = models.BooleanField(default=False, help_text="Brokers the talks as well")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["process", "name"], name="party_unique_name"),
            models.UniqueConstraint(fields=["process", "code"], name="party_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """Someone at or around the table; public figures, so visible to every seat."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="people")
    party = models.ForeignKey(Party, null=True, blank=True, on_delete=models.SET_NULL)
    name = models.CharField(max_length=160)
    title = models.CharField(max_length=240, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["process", "name"], name="person_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's seat in one process: the role and the party it speaks for."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="memberships")
    party = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT)
    role = models.CharField(max_length=12, choices=[(r.value, r.value.capitalize()) for r in Role])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "process"], name="one_seat_per_process")
        ]


class Round(models.Model):
    """One meeting of the talks over one or more days."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    place = models.CharField(max_length=160, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["process", "number"], name="round_unique_number")
        ]

    def __str__(self) -> str:
        return self.title


class WorkingGroup(models.Model):
    """A standing group beside the plenary, e.g. the US–Russia economic working group."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="working_groups")
    name = models.CharField(max_length=160)
    mandate = models.TextField(blank=True)
    parties = models.ManyToManyField(Party, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["process", "name"], name="working_group_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    """One sitting within a round, in a given format."""

    class Format(models.TextChoices):
        TRILATERAL = "trilateral", "Trilateral consultations (plenary)"
        WORKING_GROUP = "working_group", "Group discussion / working group"
        BILATERAL = "bilateral", "Bilateral"
        JOINT_COORDINATION = "joint_coordination", "Joint coordination of positions"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200)
    format = models.CharField(max_length=20, choices=Format.choices)
    date = models.DateField(null=True, blank=True)
    working_group = models.ForeignKey(
        WorkingGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    participants = models.ManyToManyField(Party, blank=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return self.title


class Issue(models.Model):
    """An agenda item."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="issues")
    title = models.CharField(max_length=160)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["process", "title"], name="issue_unique_title")
        ]

    def __str__(self) -> str:
        return self.title


class Option(models.Model):
    """One way an issue could be settled; positions point at the option they favour."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "label"], name="option_unique_label")
        ]

    def __str__(self) -> str:
        return self.label


class Position(ConfidentialRecord):
    """A party's stance on an issue in a round. Rows are never edited: a change is a new row."""

    class Flexibility(models.TextChoices):
        NONE = "none", "None (red line)"
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="positions")
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="positions")
    round = models.ForeignKey(Round, null=True, blank=True, on_delete=models.SET_NULL)
    option = models.ForeignKey(Option, null=True, blank=True, on_delete=models.SET_NULL)
    stance = models.TextField()
    red_lines = models.TextField(blank=True)
    flexibility = models.CharField(
        max_length=8, choices=Flexibility.choices, default=Flexibility.MEDIUM
    )
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class Minutes(ConfidentialRecord):
    """A record of what was said in a session, kept by whoever wrote it."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="minutes")
    body = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "minutes"


class Note(ConfidentialRecord):
    """Context for the table: a briefing, a poll, a dispute on the record, a press line."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="notes")
    issue = models.ForeignKey(
        Issue, null=True, blank=True, on_delete=models.SET_NULL, related_name="notes"
    )
    title = models.CharField(max_length=200)
    body = models.TextField()
    source = models.CharField(max_length=300, blank=True)
    illustrative = models.BooleanField(default=False, help_text="Invented for the demo")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
