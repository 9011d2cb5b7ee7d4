"""Seats and services: the gate, history kept, sharing only widens, mediator-only actions."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from accord.domain.visibility import Visibility
from accord.talks import selectors, services
from accord.talks.access import access_process
from accord.talks.models import Position
from tests.table import Table


def test_outsiders_and_admins_have_no_seat(table: Table) -> None:
    for name in ("outsider", "admin"):
        with pytest.raises(Http404):
            access_process(table.users[name], table.process.pk)


def test_a_new_position_never_overwrites_the_old_one(table: Table) -> None:
    seat = table.seat("ua")
    first = services.position_submit(seat=seat, issue=table.issue, stance="Freeze now")
    services.position_submit(seat=seat, issue=table.issue, stance="Freeze with guarantees")
    first.refresh_from_db()
    assert first.stance == "Freeze now"
    assert Position.objects.filter(issue=table.issue).count() == 2


def test_sharing_widens_and_cannot_narrow(table: Table) -> None:
    seat = table.seat("ua")
    position = services.position_submit(seat=seat, issue=table.issue, stance="x")
    assert not selectors.position_list(seat=table.seat("mediator")).filter(pk=position.pk).exists()
    services.position_share(seat=seat, position=position, visibility=Visibility.MEDIATOR)
    assert selectors.position_list(seat=table.seat("mediator")).filter(pk=position.pk).exists()
    with pytest.raises(ValidationError):
        services.position_share(seat=seat, position=position, visibility=Visibility.OWN)


def test_only_the_owner_can_share(table: Table) -> None:
    position = services.position_submit(
        seat=table.seat("ua"), issue=table.issue, stance="x", visibility=Visibility.PARTIES
    )
    with pytest.raises(Http404):
        services.position_share(
            seat=table.seat("ru"), position=position, visibility=Visibility.PUBLIC
        )


def test_mediators_and_observers_do_not_submit_positions(table: Table) -> None:
    for name in ("mediator", "observer"):
        with pytest.raises(Http404):
            services.position_submit(seat=table.seat(name), issue=table.issue, stance="x")


def test_only_mediators_put_items_on_the_agenda(table: Table) -> None:
    with pytest.raises(Http404):
        services.issue_create(seat=table.seat("ua"), title="Sovereignty")
    issue = services.issue_create(seat=table.seat("mediator"), title="Sovereignty")
    assert issue.order == 2


def test_duplicate_issue_titles_are_refused_with_a_field_message(table: Table) -> None:
    with pytest.raises(ValidationError) as error:
        services.issue_create(seat=table.seat("mediator"), title="Territory")
    assert "title" in str(error.value).lower()


def test_matrix_counts_only_visible_positions(table: Table) -> None:
    services.position_submit(seat=table.seat("ru"), issue=table.issue, stance="secret")
    _parties, rows = selectors.matrix_rows(seat=table.seat("ua"))
    assert all(cell.position is None for cell in rows[0].cells)
    assert rows[0].state == "open"
