"""The demo's negotiating text: a draft framework built from the seed article (illustrative).

The article gives the facts (314 prisoners exchanged; Donbas withdrawal demanded by Moscow vs a
freeze along the current line proposed by Kyiv; a disputed energy truce; a US–Russia economic
working group); the wording of every clause is invented. Two versions are released, each
approved by a second mediator ("mediator2"), so the open-bracket count falls between them.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from accord.demo.load import demo_seat
from accord.domain.text import Mark
from accord.domain.visibility import Role, Visibility
from accord.talks import services as talks_services
from accord.talks.access import Seat, access_process
from accord.talks.models import Process
from accord.texts import selectors, services

TITLE = "Framework for a settlement (draft)"
SECOND_MEDIATOR = ("mediator2", "mediator2-demo")

NOTATION = """\
Article 1 Exchange of prisoners
1.1 The Parties shall exchange 314 prisoners of war, all for all, within [14 {UA} | 30 {RU}] days of signature.
1.2 The exchange shall take place in Abu Dhabi under the observation of the United Arab Emirates.

Article 2 Territory
2.1 The Parties shall agree on [the withdrawal of forces from Donbas {RU} | a freeze along the current line of contact {UA}].
2.2 Military technical teams shall agree on the line within [30 {UA} | 60 {RU}] days.

Article 3 Energy truce
3.1 The Parties shall refrain from strikes on energy infrastructure [for the duration of the talks {US} | until a ceasefire enters into force {UA}].
3.2 Alleged violations shall be reported to [a joint monitoring group {US} | the mediator {RU}], which shall verify them within [72 hours {US} | seven days {RU}].

Article 4 Economic working group
4.1 A working group on economic relations between the United States and the Russian Federation shall meet [monthly {US} | as agreed by its members {RU}] and report to the trilateral consultations.
"""  # noqa: E501 (one clause per line is the notation)

AGREED_1_1 = (
    "The Parties shall exchange 314 prisoners of war, all for all, within 14 days of signature."
)

# (party, clause, (bracket, alternative) or None, mark, note, note visibility)
MARKS = [
    *[(code, "1.1", None, Mark.ACCEPT, "", "own") for code in ("RU", "UA", "US")],
    *[(code, "1.2", None, Mark.ACCEPT, "", "own") for code in ("RU", "UA", "US")],
    ("RU", "2.1", (1, 1), Mark.ACCEPT, "", "own"),
    ("RU", "2.1", (1, 2), Mark.REJECT, "", "own"),
    ("UA", "2.1", (1, 1), Mark.REJECT, "(Illustrative) Most Ukrainians oppose ceding land.", "own"),
    ("UA", "2.1", (1, 2), Mark.ACCEPT, "", "own"),
    ("US", "2.1", (1, 2), Mark.AD_REFERENDUM, "", "own"),
    ("US", "3.1", (1, 1), Mark.ACCEPT, "", "own"),
    ("UA", "3.1", (1, 2), Mark.ACCEPT, "", "own"),
    ("RU", "3.1", (1, 1), Mark.RESERVE, "(Illustrative) Monitoring first.", "mediator"),
    ("US", "3.2", (1, 1), Mark.ACCEPT, "", "own"),
    ("UA", "3.2", (1, 1), Mark.ACCEPT, "", "own"),
    ("RU", "3.2", (1, 2), Mark.ACCEPT, "", "own"),
    ("US", "4.1", (1, 1), Mark.ACCEPT, "", "own"),
    ("RU", "4.1", (1, 2), Mark.ACCEPT, "", "own"),
]

TRANSLATIONS_BEFORE = [("1.1", "uk", "(Illustrative) Сторони обміняються 314 військовополоненими.")]
TRANSLATIONS_AFTER = [("1.1", "ru", "(Illustrative) Стороны обменяют 314 военнопленных.")]


def second_mediator(process: Process) -> Seat:
    """The demo's second mediator login: releases need two mediators (four eyes)."""
    users = get_user_model().objects
    username, password = SECOND_MEDIATOR
    user = users.filter(username=username).first() or users.create_user(username, password=password)
    if not user.memberships.filter(process=process).exists():
        talks_services.membership_grant(
            actor=None, process=process, user=user, role=Role.MEDIATOR, party=None
        )
    return access_process(user, process.pk)


def _release(mediator: Seat, approver: Seat, text, note: str):
    version = services.release_propose(
        seat=mediator, text=text, recipients=selectors.delegations(seat=mediator), note=note
    )
    return services.release_approve(seat=approver, version=version)


def _translate(mediator: Seat, text, rows) -> None:
    for number, language, body in rows:
        clause = text.clauses.get(number=number)
        services.translation_set(seat=mediator, clause=clause, language=language, body=body)


def load_demo_extras(process: Process) -> None:
    mediator = demo_seat(process, None)
    approver = second_mediator(process)
    text = services.text_create(seat=mediator, title=TITLE, notation=NOTATION, illustrative=True)
    _translate(mediator, text, TRANSLATIONS_BEFORE)
    _release(mediator, approver, text, "First compilation after round one (illustrative).")
    clause = text.clauses.get(number="1.1")
    services.clause_update(
        seat=mediator, clause=clause, source=AGREED_1_1, expected_version=clause.version
    )
    _translate(mediator, text, TRANSLATIONS_AFTER)
    version = _release(mediator, approver, text, "Exchange of 314 agreed in round two.")
    for code, number, option, mark, note, level in MARKS:
        services.mark_set(
            seat=demo_seat(process, code),
            version=version,
            clause=number,
            bracket=option[0] if option else None,
            alternative=option[1] if option else None,
            mark=mark,
            note=note,
            note_visibility=Visibility(level),
        )
