"""Register the text's confidential models and route parameters with the confidentiality crawl.

A draft (clause, translation) is the mediators' own: only a mediator seat makes one, at `own`
or `mediator`. A version is mediator-only until a second mediator approves it, then goes to its
recipients; the factory releases to every delegation, which is what `parties` means to
`can_see` (a narrower release is narrowed further by the selectors and tested separately).
Wider levels (observers, public) are not offered for texts, so those factories return None.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from accord.core.registry import register_confidential, register_url_parameter
from accord.domain.text import Mark
from accord.domain.visibility import Role, Visibility
from accord.talks import services as talks_services
from accord.talks.access import Seat, access_process
from accord.talks.models import Membership, Process
from accord.texts import selectors, services
from accord.texts.models import AcceptanceNote, ClauseRecord, Text, TextVersion, Translation

DRAFT_LEVELS = (Visibility.OWN, Visibility.MEDIATOR)


def _mediator(process: Process) -> Seat:
    membership = Membership.objects.filter(process=process, role=Role.MEDIATOR.value).first()
    return access_process(membership.user, process.pk)


def _second_mediator(process: Process, first: Seat) -> Seat:
    """Four eyes need two mediators; the crawl's table has one, so add a second seat."""
    for membership in Membership.objects.filter(process=process, role=Role.MEDIATOR.value):
        if membership.user_id != first.membership.user_id:
            return access_process(membership.user, process.pk)
    user = get_user_model().objects.create_user(f"second-mediator-{process.pk}")
    talks_services.membership_grant(
        actor=None, process=process, user=user, role=Role.MEDIATOR, party=None
    )
    return access_process(user, process.pk)


def _release_to_all(seat: Seat, text: Text, *, approve: bool) -> TextVersion:
    version = services.release_propose(
        seat=seat, text=text, recipients=selectors.delegations(seat=seat)
    )
    if approve:
        version = services.release_approve(
            seat=_second_mediator(seat.process, seat), version=version
        )
    return version


def _make_clause(*, seat: Seat, visibility: Visibility, canary: str) -> ClauseRecord | None:
    if not seat.is_mediator or visibility not in DRAFT_LEVELS:
        return None
    text = services.text_create(
        seat=seat, title="Draft", notation=f"1.1 Draft wording {canary}.", visibility=visibility
    )
    return text.clauses.get()


def _make_translation(*, seat: Seat, visibility: Visibility, canary: str) -> Translation | None:
    if not seat.is_mediator or visibility not in DRAFT_LEVELS:
        return None
    text = services.text_create(seat=seat, title="Draft", notation="1.1 Plain wording.")
    return services.translation_set(
        seat=seat,
        clause=text.clauses.get(),
        language="uk",
        body=f"Переклад {canary}",
        visibility=visibility,
    )


def _make_version(*, seat: Seat, visibility: Visibility, canary: str) -> TextVersion | None:
    if not seat.is_mediator or visibility not in (Visibility.MEDIATOR, Visibility.PARTIES):
        return None
    text = services.text_create(
        seat=seat, title="Release", notation=f"1.1 Released wording {canary} [a {{RU}} | b]."
    )
    return _release_to_all(seat, text, approve=visibility is Visibility.PARTIES)


def _shared_version(process: Process) -> TextVersion:
    mediator = _mediator(process)
    text = Text.objects.filter(process=process, title="Shared text").first()
    if text is None:
        text = services.text_create(
            seat=mediator, title="Shared text", notation="1.1 The Parties agree [a | b]."
        )
        return _release_to_all(mediator, text, approve=True)
    return text.versions.get()


def _make_note(*, seat: Seat, visibility: Visibility, canary: str) -> AcceptanceNote | None:
    if not seat.is_delegation:
        return None  # only delegations mark acceptance
    mark = services.mark_set(
        seat=seat,
        version=_shared_version(seat.process),
        clause="1.1",
        bracket=1,
        alternative=1,
        mark=Mark.RESERVE,
        note=f"Reservation {canary}",
        note_visibility=visibility,
    )
    return mark.note


register_confidential(ClauseRecord, _make_clause)
register_confidential(Translation, _make_translation)
register_confidential(TextVersion, _make_version)
register_confidential(AcceptanceNote, _make_note)

register_url_parameter("text_id", "texts.Text")
register_url_parameter("text_clause_id", "texts.ClauseRecord")
register_url_parameter("text_version_id", "texts.TextVersion")
