"""Load the demo scenario through the same services a user's actions go through (so audited)."""

from __future__ import annotations

import importlib
import importlib.util

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction

from accord.demo import positions as demo_positions
from accord.demo import scenario
from accord.domain.visibility import Role, Visibility
from accord.talks import services
from accord.talks.access import Seat, access_process
from accord.talks.models import Issue, Party, Process, Round, Session, WorkingGroup


def demo_process() -> Process | None:
    return Process.objects.filter(name=scenario.PROCESS["name"]).first()


@transaction.atomic
def load_demo() -> tuple[Process, bool]:
    """Create the demo once; return it and whether it was created now."""
    existing = demo_process()
    if existing is not None:
        return existing, False
    process = services.process_create(actor=None, **scenario.PROCESS)
    parties = _parties(process)
    _people(process, parties)
    _logins(process, parties)
    rounds = _rounds(process)
    groups = _working_groups(process, parties)
    _sessions(rounds, groups, parties)
    _issues(process)
    _positions(process, rounds)
    _notes(process)
    _minutes(process)
    _load_app_extras(process)
    return process, True


def _load_app_extras(process: Process) -> None:
    """Let each installed app add its part of the demo (a `demo.py` with `load_demo_extras`)."""
    for app_config in apps.get_app_configs():
        if not app_config.name.startswith("accord.") or app_config.name == "accord.demo":
            continue
        if importlib.util.find_spec(f"{app_config.name}.demo") is None:
            continue
        module = importlib.import_module(f"{app_config.name}.demo")
        module.load_demo_extras(process)


def _parties(process: Process) -> dict[str, Party]:
    return {
        code: services.party_add(
            actor=None, process=process, name=name, code=code, kind=kind, also_broker=broker
        )
        for code, (name, kind, broker) in scenario.PARTIES.items()
    }


def _people(process: Process, parties: dict[str, Party]) -> None:
    for name, title, code in scenario.PEOPLE:
        services.person_add(
            actor=None, process=process, name=name, title=title, party=parties[code]
        )


def _logins(process: Process, parties: dict[str, Party]) -> None:
    users = get_user_model().objects
    for username, (password, role, code, _label) in scenario.LOGINS.items():
        user = users.filter(username=username).first() or users.create_user(
            username, password=password
        )
        services.membership_grant(
            actor=None,
            process=process,
            user=user,
            role=Role(role),
            party=parties[code] if code else None,
        )
    admin_name, admin_password = scenario.ADMIN_LOGIN
    if not users.filter(username=admin_name).exists():
        users.create_superuser(admin_name, password=admin_password)


def _rounds(process: Process) -> dict[int, Round]:
    return {
        spec["number"]: services.round_add(actor=None, process=process, **spec)
        for spec in scenario.ROUNDS
    }


def _working_groups(process: Process, parties: dict[str, Party]) -> dict[str, WorkingGroup]:
    return {
        name: services.working_group_add(
            actor=None,
            process=process,
            name=name,
            mandate=mandate,
            parties=[parties[c] for c in codes],
        )
        for name, mandate, codes in scenario.WORKING_GROUPS
    }


def _sessions(
    rounds: dict[int, Round], groups: dict[str, WorkingGroup], parties: dict[str, Party]
) -> None:
    for number, title, format_, day, group, codes in scenario.SESSIONS:
        services.session_add(
            actor=None,
            round=rounds[number],
            title=title,
            format=format_,
            date=day,
            working_group=groups.get(group) if group else None,
            participants=[parties[c] for c in codes],
        )


def _issues(process: Process) -> None:
    for order, (title, description, options) in enumerate(scenario.ISSUES, start=1):
        services.issue_add(
            actor=None,
            process=process,
            title=title,
            description=description,
            order=order,
            options=options,
        )


def demo_seat(process: Process, party_code: str | None) -> Seat:
    """The demo login that speaks for `party_code` (None: the mediator)."""
    username = next(
        name for name, (_pw, _role, code, _label) in scenario.LOGINS.items() if code == party_code
    )
    return access_process(get_user_model().objects.get(username=username), process.pk)


def _positions(process: Process, rounds: dict[int, Round]) -> None:
    for (
        code,
        issue_title,
        option_label,
        number,
        stance,
        red_lines,
        visibility,
        invented,
    ) in demo_positions.POSITIONS:
        issue = Issue.objects.get(process=process, title=issue_title)
        services.position_submit(
            seat=demo_seat(process, code),
            issue=issue,
            stance=stance,
            option=issue.options.get(label=option_label) if option_label else None,
            round=rounds[number],
            red_lines=red_lines,
            visibility=Visibility(visibility),
            illustrative=invented,
        )


def _notes(process: Process) -> None:
    for code, issue_title, title, body, source, visibility, invented in demo_positions.NOTES:
        issue = Issue.objects.get(process=process, title=issue_title) if issue_title else None
        services.note_add(
            seat=demo_seat(process, code),
            title=title,
            body=body,
            issue=issue,
            source=source,
            visibility=Visibility(visibility),
            illustrative=invented,
        )


def _minutes(process: Process) -> None:
    plenary = Session.objects.get(round__process=process, title="Trilateral consultations, day two")
    services.minutes_add(
        seat=demo_seat(process, None),
        session=plenary,
        visibility=Visibility.PARTIES,
        body="(Illustrative) Agreed: exchange of 314 prisoners. Territory: positions unchanged; "
        "parties to continue in the military technical format.",
    )
    services.minutes_add(
        seat=demo_seat(process, "UA"),
        session=plenary,
        visibility=Visibility.OWN,
        body="(Illustrative) Delegation notes: Russian side repeated Donbas demand; hold line.",
    )
