"""The visibility rule, exhaustively: every role, owner relation and level."""

from __future__ import annotations

import itertools

import pytest

from accord.domain.visibility import Role, Viewer, Visibility, can_see, owns

ME, OTHER = 1, 2


@pytest.mark.parametrize(("role", "visibility"), list(itertools.product(Role, Visibility)))
def test_owners_always_see_their_own(role: Role, visibility: Visibility) -> None:
    assert can_see(Viewer(role, ME), ME, visibility)


EXPECTED_FOR_OTHERS = {
    Role.MEDIATOR: {"mediator", "parties", "observers", "public"},
    Role.DELEGATION: {"parties", "observers", "public"},
    Role.OBSERVER: {"observers", "public"},
}


@pytest.mark.parametrize(("role", "visibility"), list(itertools.product(Role, Visibility)))
def test_others_see_only_what_reaches_their_role(role: Role, visibility: Visibility) -> None:
    expected = visibility.value in EXPECTED_FOR_OTHERS[role]
    assert can_see(Viewer(role, ME), OTHER, visibility) is expected


@pytest.mark.parametrize("visibility", Visibility)
def test_mediators_see_every_record_the_mediation_owns(visibility: Visibility) -> None:
    assert can_see(Viewer(Role.MEDIATOR, None), None, visibility)
    assert can_see(Viewer(Role.DELEGATION, ME), None, visibility) is (
        visibility.value in EXPECTED_FOR_OTHERS[Role.DELEGATION]
    )


def test_a_seat_without_party_never_owns_a_party_record() -> None:
    assert not can_see(Viewer(Role.OBSERVER, None), ME, Visibility.PARTIES)


def test_owns_is_the_delegations_party_or_the_mediation_for_mediators() -> None:
    ua = Viewer(role=Role.DELEGATION, party_id=2)
    mediator = Viewer(role=Role.MEDIATOR, party_id=None)
    observer = Viewer(role=Role.OBSERVER, party_id=None)
    assert owns(ua, 2) and not owns(ua, 3) and not owns(ua, None)
    assert owns(mediator, None) and not owns(mediator, 2)
    assert not owns(observer, None) and not owns(observer, 2)
