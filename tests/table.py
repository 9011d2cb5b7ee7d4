"""A small negotiation table for tests: three parties, a host, and one user per seat kind.

Mirrors healthchecks' owner/member/outsider pattern, per party: `ua`, `ru`, `us` delegations,
a `mediator` (no party), an `observer` (the host), an `outsider` with no seat, and an `admin`
who operates the installation but holds no seat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from accord.domain.visibility import Role
from accord.talks import services
from accord.talks.access import Seat, access_process
from accord.talks.models import Issue, Party, Process, Round, Session

PASSWORD = "correct-horse-battery-staple"


@dataclass
class Table:
    process: Process
    parties: dict[str, Party]
    users: dict[str, AbstractBaseUser]
    issue: Issue
    round: Round
    session: Session
    extra: dict[str, object] = field(default_factory=dict)

    def seat(self, name: str) -> Seat:
        return access_process(self.users[name], self.process.pk)


def _user(username: str, **extra: object) -> AbstractBaseUser:
    return get_user_model().objects.create_user(username, password=PASSWORD, **extra)


def build_table(name: str = "Test talks") -> Table:
    """Create the process, parties, seats, one round with a session and one issue."""
    process = services.process_create(actor=None, name=name)
    parties = {
        code: services.party_add(actor=None, process=process, name=label, code=code, kind=kind)
        for code, label, kind in [
            ("RU", "Russia", "party"),
            ("UA", "Ukraine", "party"),
            ("US", "United States", "party"),
            ("AE", "United Arab Emirates", "host"),
        ]
    }
    seats = {
        "ua": (Role.DELEGATION, "UA"),
        "ru": (Role.DELEGATION, "RU"),
        "us": (Role.DELEGATION, "US"),
        "mediator": (Role.MEDIATOR, None),
        "observer": (Role.OBSERVER, "AE"),
    }
    prefix = "" if name == "Test talks" else f"{process.pk}-"
    users = {}
    for username, (role, code) in seats.items():
        users[username] = _user(prefix + username)
        services.membership_grant(
            actor=None,
            process=process,
            user=users[username],
            role=role,
            party=parties[code] if code else None,
        )
    users["outsider"] = _user(prefix + "outsider")
    users["admin"] = _user(prefix + "admin", is_staff=True, is_superuser=True)
    round_ = services.round_add(
        actor=None,
        process=process,
        number=1,
        title="Round one",
        place="Abu Dhabi",
        starts_on=date(2026, 2, 4),
    )
    session = services.session_add(
        actor=None,
        round=round_,
        title="Plenary",
        format="trilateral",
        participants=list(parties.values()),
    )
    issue = services.issue_add(
        actor=None, process=process, title="Territory", options=["Withdrawal", "Freeze"]
    )
    services.person_add(
        actor=None,
        process=process,
        name="Rustem Umerov",
        title="Head of delegation",
        party=parties["UA"],
    )
    return Table(process, parties, users, issue, round_, session)
