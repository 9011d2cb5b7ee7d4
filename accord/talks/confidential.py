"""Register the talks' confidential models with the confidentiality crawl."""

from __future__ import annotations

from accord.core.registry import register_confidential, register_url_parameter
from accord.domain.visibility import Visibility
from accord.talks import services
from accord.talks.access import Seat
from accord.talks.models import Issue, Minutes, Note, Position, Session


def _make_position(*, seat: Seat, visibility: Visibility, canary: str) -> Position | None:
    if not seat.is_delegation:
        return None  # only delegations hold positions
    issue = Issue.objects.filter(process=seat.process).first()
    return services.position_submit(
        seat=seat,
        issue=issue,
        stance=f"Stance {canary}",
        red_lines=f"Red line {canary}",
        visibility=visibility,
    )


def _make_minutes(*, seat: Seat, visibility: Visibility, canary: str) -> Minutes | None:
    session = Session.objects.filter(round__process=seat.process).first()
    return services.minutes_add(
        seat=seat, session=session, body=f"Minutes {canary}", visibility=visibility
    )


def _make_note(*, seat: Seat, visibility: Visibility, canary: str) -> Note | None:
    issue = Issue.objects.filter(process=seat.process).first()
    return services.note_add(
        seat=seat,
        title=f"Note {canary}",
        body=f"Body {canary}",
        issue=issue,
        visibility=visibility,
    )


register_confidential(Position, _make_position)
register_confidential(Minutes, _make_minutes)
register_confidential(Note, _make_note)

for parameter, label in {
    "process_id": "talks.Process",
    "issue_id": "talks.Issue",
    "party_id": "talks.Party",
    "person_id": "talks.Person",
    "round_id": "talks.Round",
    "position_id": "talks.Position",
}.items():
    register_url_parameter(parameter, label)
