"""The single gate into a process: a user either has a seat in it or gets a 404.

404 rather than 403, so that a user outside a process cannot learn that it exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import Http404

from accord.domain.visibility import Role, Viewer
from accord.talks.models import Membership, Party, Process


@dataclass(frozen=True)
class Seat:
    """A user's place at one table: the process, the role and the party it speaks for."""

    process: Process
    membership: Membership

    @property
    def role(self) -> Role:
        return Role(self.membership.role)

    @property
    def party(self) -> Party | None:
        return self.membership.party

    @property
    def viewer(self) -> Viewer:
        return Viewer(role=self.role, party_id=self.membership.party_id)

    @property
    def is_mediator(self) -> bool:
        return self.role is Role.MEDIATOR

    @property
    def is_delegation(self) -> bool:
        return self.role is Role.DELEGATION


def access_process(user: AbstractBaseUser | AnonymousUser, process_id: int) -> Seat:
    """The user's seat in `process_id`, or Http404 if there is none."""
    if not user.is_authenticated:
        raise Http404("No such process")
    membership = (
        Membership.objects.select_related("process", "party")
        .filter(user=user, process_id=process_id)
        .first()
    )
    if membership is None:
        raise Http404("No such process")
    return Seat(process=membership.process, membership=membership)


def require_mediator(seat: Seat) -> None:
    """Mediator-only actions: others get a 404 too (the action does not exist for them)."""
    if not seat.is_mediator:
        raise Http404("Not available")
