"""Saving a new record the one way every service does: validated, saved, audited, owned."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from accord.audit.services import audit_append
from accord.domain.visibility import ORDER, Visibility, owns
from accord.talks.access import Seat
from accord.talks.models import Party


def record_save(obj: models.Model, *, actor: Any, action: str, process_id: int | None) -> Any:
    """Validate and save `obj`, then audit it; call inside the service's transaction."""
    obj.full_clean()
    obj.save()
    change = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    audit_append(actor=actor, action=action, obj=obj, change=change, process_id=process_id)
    return obj


def seat_save(obj: models.Model, *, seat: Seat, action: str) -> Any:
    """`record_save` on behalf of a seat of the process."""
    return record_save(obj, actor=seat.membership.user, action=action, process_id=seat.process.pk)


def seat_owner(seat: Seat) -> Party | None:
    """Mediators write for the mediation (None); every other seat for its own party."""
    if seat.is_mediator:
        return None
    if seat.party is None:
        raise ValidationError("This seat speaks for no party, so it cannot own a record.")
    return seat.party


def seat_owns(seat: Seat, record: Any) -> bool:
    """The record is the seat's own (its party's, or the mediation's for a mediator)."""
    return owns(seat.viewer, record.owner_party_id)


def record_widen(record: Any, *, seat: Seat, visibility: str, action: str, noun: str) -> Any:
    """Widen who sees a confidential record (locked, re-read); sharing is never undone."""
    record = type(record).objects.select_for_update().get(pk=record.pk)
    if ORDER.index(Visibility(visibility)) < ORDER.index(Visibility(record.visibility)):
        raise ValidationError({"visibility": f"A shared {noun} cannot be made narrower."})
    record.visibility = Visibility(visibility).value
    record.save(update_fields=["visibility"])
    audit_append(
        actor=seat.membership.user,
        action=action,
        obj=record,
        change={"visibility": record.visibility},
        process_id=seat.process.pk,
    )
    return record
