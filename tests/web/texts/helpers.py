"""A small text on the test table, a second mediator, and a released version."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from accord.domain.visibility import Role
from accord.talks import services as talks_services
from accord.talks.access import Seat, access_process
from accord.texts import selectors, services
from accord.texts.models import Text, TextVersion
from tests.table import PASSWORD, Table

NOTATION = """Article 1 Exchange of prisoners
1.1 The Parties shall exchange 314 prisoners of war, all for all.

Article 2 Territory
2.1 The Parties shall [withdraw forces from Donbas {RU} | freeze hostilities along the \
current line of contact {UA}].
2.2 Military technical teams shall agree on the line within [14 | 30] days.
"""


def second_mediator(table: Table) -> Seat:
    if "mediator2" not in table.users:
        user = get_user_model().objects.create_user("mediator2", password=PASSWORD)
        talks_services.membership_grant(
            actor=None, process=table.process, user=user, role=Role.MEDIATOR, party=None
        )
        table.users["mediator2"] = user
    return access_process(table.users["mediator2"], table.process.pk)


def draft(table: Table, notation: str = NOTATION) -> Text:
    return services.text_create(seat=table.seat("mediator"), title="Framework", notation=notation)


def release(table: Table, text: Text, codes=("RU", "UA", "US"), approve=True) -> TextVersion:
    seat = table.seat("mediator")
    version = services.release_propose(
        seat=seat, text=text, recipients=[table.parties[c] for c in codes]
    )
    if approve:
        version = services.release_approve(seat=second_mediator(table), version=version)
    return version


def delegations(table: Table):
    return selectors.delegations(seat=table.seat("mediator"))
