"""Anonymous participants and their votes. Never shown one by one, to anyone."""

from __future__ import annotations

from django.db import models


class Participant(models.Model):
    """One anonymous voter: a device cookie (stored only as a keyed hash) or an imported id.

    No name, no account, no address. The same device is a different participant in each
    consultation, so participation cannot be linked across consultations.
    """

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="participants"
    )
    invite = models.ForeignKey(
        "consultations.Invite", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    key_hash = models.CharField(max_length=64, null=True, blank=True, editable=False)
    imported = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "key_hash"], name="participant_unique_key"
            )
        ]


class Vote(models.Model):
    """A participant's current vote on a statement: a new vote replaces it (counted once)."""

    class Value(models.IntegerChoices):
        AGREE = 1, "Agree"
        PASS = 0, "Pass"
        DISAGREE = -1, "Disagree"

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(
        "consultations.ConsultationStatement", on_delete=models.CASCADE, related_name="votes"
    )
    value = models.SmallIntegerField(choices=Value.choices)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "statement"], name="one_vote_each"),
            models.CheckConstraint(
                condition=models.Q(value__in=[-1, 0, 1]), name="vote_value_valid"
            ),
        ]
