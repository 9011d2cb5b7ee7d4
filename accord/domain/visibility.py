"""Who may see a confidential record: the rule every query in Accord applies.

A record has an owning party (None: the mediators own it) and a visibility level. A viewer is a
seat in one process: a role and the party the seat belongs to. The rule is deliberately small so
that it can be proven exhaustively; `accord.core.visibility` turns it into database filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Visibility(StrEnum):
    """How far a record travels, narrowest first."""

    OWN = "own"  # the owning delegation only
    MEDIATOR = "mediator"  # the owner and the mediators
    PARTIES = "parties"  # every delegation and the mediators
    OBSERVERS = "observers"  # also observers
    PUBLIC = "public"  # anyone with a seat in the process


class Role(StrEnum):
    """What a seat at the table does."""

    MEDIATOR = "mediator"
    DELEGATION = "delegation"
    OBSERVER = "observer"


#: The lowest visibility at which each role sees records it does not own.
THRESHOLD: dict[Role, Visibility] = {
    Role.MEDIATOR: Visibility.MEDIATOR,
    Role.DELEGATION: Visibility.PARTIES,
    Role.OBSERVER: Visibility.OBSERVERS,
}

ORDER: list[Visibility] = list(Visibility)


@dataclass(frozen=True)
class Viewer:
    """A seat: who looks, in which role, on behalf of which party (None for none)."""

    role: Role
    party_id: int | None


def levels_seen_by(role: Role) -> list[Visibility]:
    """Visibility levels a role sees on records it does not own."""
    return ORDER[ORDER.index(THRESHOLD[role]) :]


def can_see(viewer: Viewer, owner_party_id: int | None, visibility: Visibility) -> bool:
    """True when `viewer` may see a record owned by `owner_party_id` at `visibility`.

    Owners always see their own records; a record the mediators own (owner None) is seen by
    mediators at any level.
    """
    if viewer.party_id is not None and viewer.party_id == owner_party_id:
        return True
    if owner_party_id is None and viewer.role is Role.MEDIATOR:
        return True
    return visibility in levels_seen_by(viewer.role)


def owns(viewer: Viewer, owner_party_id: int | None) -> bool:
    """True when the record is the viewer's own to amend or share: a delegation owns its
    party's records, the mediators own the mediation's (owner None); nobody else owns any."""
    if viewer.role is Role.MEDIATOR:
        return owner_party_id is None
    return viewer.party_id is not None and viewer.party_id == owner_party_id
