"""Option constraints and analysis runs through the JSON API (`/api/analysis/`).

Constraints are the mediators' working assumption: the API shows and edits them for mediators
only, exactly as the analysis page does, and a run started through the API honours them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accord.accounts.tokens import token_create
from accord.analysis import services
from accord.analysis.models import AnalysisRun, OptionConstraint
from accord.audit.models import AuditEntry
from accord.jobs.models import Job
from accord.talks.models import Issue, Option
from tests.table import Table, build_table
from tests.web.analysis.helpers import client_for, second_issue, submit, submit_all

SEATS = ["ua", "ru", "us", "mediator", "observer", "outsider"]
NOT_MEDIATORS = ["ua", "ru", "us", "observer", "outsider"]
NOTE = "CONSTRAINT-NOTE-7f3a"


def token_client(table: Table, name: str) -> Client:
    _token, plain = token_create(user=table.users[name], name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plain}")


def post(client: Client, url: str, body: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def base(table: Table) -> str:
    return f"/api/analysis/{table.process.pk}"


def sanctions(table: Table) -> Issue:
    if "sanctions" not in table.extra:
        table.extra["sanctions"] = second_issue(table)
    return table.extra["sanctions"]  # type: ignore[return-value]


def option(table: Table, label: str) -> Option:
    return Option.objects.get(issue__process=table.process, label=label)


def rule(
    table: Table, kind: str = "excludes", first: str = "Freeze", second: str = "Phased"
) -> dict[str, Any]:
    sanctions(table)
    return {
        "option_id": option(table, first).pk, "kind": kind,
        "other_option_id": option(table, second).pk, "note": NOTE,
    }  # fmt: skip


def fields(response: Any) -> set[str]:
    return {detail["loc"][-1] for detail in response.json()["detail"]}


def audited(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action))


# Reading: the page's rule, mirrored


def add(table: Table, kind: str, first: str, second: str) -> OptionConstraint:
    """A constraint added the page's way (the service), with the NOTE canary."""
    sanctions(table)
    return services.constraint_add(
        seat=table.seat("mediator"), kind=kind, option=option(table, first),
        other_option=option(table, second), note=NOTE,
    )  # fmt: skip


def test_api_shows_constraints_to_exactly_the_seats_the_page_shows_them_to(table: Table) -> None:
    add(table, "excludes", "Freeze", "Phased")
    home = reverse("analysis", args=[table.process.pk])
    for name in SEATS:
        client = client_for(table, name)
        on_page = NOTE in client.get(home).content.decode()
        response = client.get(f"{base(table)}/constraints")
        assert (response.status_code == 200) == on_page, name
        if not on_page:
            assert response.status_code == 404 and NOTE not in response.content.decode(), name
    assert NOTE in client_for(table, "mediator").get(home).content.decode()  # not vacuous


def test_mediator_reads_the_constraints_with_a_token(table: Table) -> None:
    constraint = add(table, "requires", "Withdrawal", "None")
    response = token_client(table, "mediator").get(f"{base(table)}/constraints")
    assert response.status_code == 200
    (row,) = response.json()
    assert row["id"] == constraint.pk and row["kind"] == "requires" and row["note"] == NOTE
    assert (row["issue"], row["option"]) == ("Territory", "Withdrawal")
    assert row["option_id"] == constraint.option_id
    assert row["other_option_id"] == constraint.other_option_id
    assert (row["other_issue"], row["other_option"]) == ("Sanctions relief", "None")
    assert row["issue_id"] == table.issue.pk and row["other_issue_id"] == sanctions(table).pk
    assert token_client(table, "ua").get(f"{base(table)}/constraints").status_code == 404
    assert Client().get(f"{base(table)}/constraints").status_code == 401


# Writing: mediators only, audited


def test_mediator_adds_and_removes_a_constraint_with_a_token(table: Table) -> None:
    client = token_client(table, "mediator")
    response = post(client, f"{base(table)}/constraints", rule(table))
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["option"], body["kind"], body["other_option"]) == ("Freeze", "excludes", "Phased")
    constraint = OptionConstraint.objects.get()
    assert body["id"] == constraint.pk and constraint.note == NOTE
    assert constraint.visibility == "own" and constraint.owner_party is None
    assert constraint.created_by == table.users["mediator"]
    (entry,) = audited("analysis.constraint.add")
    assert entry.actor == f"user:{table.users['mediator'].pk}"
    assert entry.object_id == str(constraint.pk) and entry.process_id == table.process.pk
    assert [c["id"] for c in client.get(f"{base(table)}/constraints").json()] == [constraint.pk]

    url = f"{base(table)}/constraints/{constraint.pk}"
    response = client.delete(url)
    assert response.status_code == 204 and not response.content
    assert not OptionConstraint.objects.exists()
    (entry,) = audited("analysis.constraint.remove")
    assert entry.actor == f"user:{table.users['mediator'].pk}"
    assert entry.object_id == str(constraint.pk)
    assert client.delete(url).status_code == 404
    assert client.get(f"{base(table)}/constraints").json() == []


@pytest.mark.parametrize("name", NOT_MEDIATORS)
def test_other_seats_can_neither_add_nor_remove(table: Table, name: str) -> None:
    kept = add(table, "requires", "Withdrawal", "None")
    for client in (client_for(table, name), token_client(table, name)):
        response = post(client, f"{base(table)}/constraints", rule(table))
        assert response.status_code == 404 and NOTE not in response.content.decode()
        assert client.delete(f"{base(table)}/constraints/{kept.pk}").status_code == 404
    assert list(OptionConstraint.objects.all()) == [kept]
    assert len(audited("analysis.constraint.add")) == 1
    assert not audited("analysis.constraint.remove")


def test_another_process_constraint_cannot_be_removed(table: Table) -> None:
    other = build_table("Other talks")  # a process none of `table`'s users sits in
    foreign = add(other, "excludes", "Freeze", "Phased")
    client = token_client(table, "mediator")
    assert client.delete(f"{base(table)}/constraints/{foreign.pk}").status_code == 404
    assert client.delete(f"{base(other)}/constraints/{foreign.pk}").status_code == 404
    assert client.get(f"{base(other)}/constraints").status_code == 404
    assert OptionConstraint.objects.filter(pk=foreign.pk).exists()
    assert not audited("analysis.constraint.remove")


# Bad input: 400 naming the field, nothing written


def _foreign_option(table: Table) -> int:
    other = build_table("Other talks")
    return option(other, "Freeze").pk


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"option_id": 999_999}, "option_id", "is not an option of this process"),
        ({"other_option_id": 999_999}, "other_option_id", "is not an option of this process"),
        ({"option_id": "foreign"}, "option_id", "is not an option of this process"),
        ({"other_option_id": "self"}, "other_option_id", "two different issues"),
        ({"other_option_id": "Withdrawal"}, "other_option_id", "two different issues"),
    ],
)
def test_bad_options_are_400_naming_the_field(
    table: Table, change: dict[str, Any], field: str, message: str
) -> None:
    data = rule(table)
    for key, value in change.items():
        if value == "foreign":
            data[key] = _foreign_option(table)
        elif value == "self":
            data[key] = data["option_id"]
        elif isinstance(value, str):
            data[key] = option(table, value).pk
        else:
            data[key] = value
    response = post(token_client(table, "mediator"), f"{base(table)}/constraints", data)
    assert response.status_code == 400, response.content
    assert fields(response) == {field}
    assert message in response.content.decode()
    assert not OptionConstraint.objects.exists()
    assert not audited("analysis.constraint.add")


def test_foreign_and_unknown_options_get_the_same_answer(table: Table) -> None:
    """The answer must not tell another process's option apart from an id that is nobody's."""
    client = token_client(table, "mediator")
    foreign = _foreign_option(table)
    unknown = Option.objects.order_by("-pk")[0].pk + 1000
    messages = []
    for option_id in (foreign, unknown):
        body = dict(rule(table), option_id=option_id)
        response = post(client, f"{base(table)}/constraints", body)
        assert response.status_code == 400
        messages.append(response.json()["detail"][0]["msg"].replace(str(option_id), "N"))
    assert messages == ["Option N is not an option of this process."] * 2


@pytest.mark.parametrize(
    ("kind", "first", "second"),
    [
        ("excludes", "Freeze", "Phased"),  # the same rule again
        ("excludes", "Phased", "Freeze"),  # "B excludes A" is "A excludes B"
        ("requires", "Freeze", "Phased"),
    ],
)
def test_duplicates_are_400_naming_the_field(
    table: Table, kind: str, first: str, second: str
) -> None:
    client = token_client(table, "mediator")
    original = rule(table, kind=kind)
    assert post(client, f"{base(table)}/constraints", original).status_code == 201
    response = post(client, f"{base(table)}/constraints", rule(table, kind, first, second))
    assert response.status_code == 400, response.content
    assert fields(response) == {"option_id"} and "exists already" in response.content.decode()
    assert OptionConstraint.objects.count() == 1
    assert len(audited("analysis.constraint.add")) == 1


def test_the_reverse_of_a_requires_rule_is_a_different_rule(table: Table) -> None:
    client = token_client(table, "mediator")
    assert post(client, f"{base(table)}/constraints", rule(table, "requires")).status_code == 201
    reverse_rule = rule(table, "requires", "Phased", "Freeze")
    assert post(client, f"{base(table)}/constraints", reverse_rule).status_code == 201


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "forbids"}, "kind"),
        ({"kind": None}, "kind"),
        ({"option_id": 0}, "option_id"),
        ({"other_option_id": "seven"}, "other_option_id"),
        ({"note": "x" * 501}, "note"),
    ],
)
def test_schema_violations_are_422_naming_the_field(
    table: Table, change: dict[str, Any], field: str
) -> None:
    data = {k: v for k, v in (rule(table) | change).items() if v is not None}
    response = post(token_client(table, "mediator"), f"{base(table)}/constraints", data)
    assert response.status_code == 422
    assert field in fields(response)
    assert not OptionConstraint.objects.exists()


# Runs started through the API


@pytest.fixture
def eager(settings) -> None:
    settings.ACCORD_JOBS_EAGER = True


def start_run(client: Client, table: Table, capture: Any, label: str) -> dict[str, Any]:
    """Start a run as the page does (a background job, run eagerly here); the finished run."""
    with capture(execute=True):
        response = post(client, f"{base(table)}/runs", {"label": label})
    assert response.status_code == 201, response.content
    started = response.json()
    assert started["label"] == label and started["job_id"] and not started["done"]
    finished = client.get(f"{base(table)}/runs/{started['id']}")
    assert finished.status_code == 200
    return finished.json()


def test_only_mediators_start_runs_as_on_the_page(
    table: Table, eager: None, django_capture_on_commit_callbacks
) -> None:
    page = reverse("analysis_run_start", args=[table.process.pk])
    submit(table, "ua")
    client = token_client(table, "mediator")
    response = post(client, f"{base(table)}/runs", {"label": "too early"})
    assert response.status_code == 400 and fields(response) == {"run"}
    assert "two parties" in response.content.decode()
    assert client_for(table, "mediator").post(page).status_code == 400  # the page agrees
    submit_all(table)
    for name in NOT_MEDIATORS:
        assert post(client_for(table, name), f"{base(table)}/runs", {}).status_code == 404
        assert post(token_client(table, name), f"{base(table)}/runs", {}).status_code == 404
        assert client_for(table, name).post(page).status_code == 404  # the page agrees
    too_long = post(client, f"{base(table)}/runs", {"label": "x" * 201})
    assert too_long.status_code == 422 and "label" in fields(too_long)
    assert not AnalysisRun.objects.exists() and not Job.objects.exists()

    run = start_run(client, table, django_capture_on_commit_callbacks, "via API")
    assert run["done"] and run["result"]["frontier"] and not run["error"]
    assert run["result"]["parties"] == ["RU", "UA", "US"]
    stored = AnalysisRun.objects.get()
    assert stored.started_by == table.users["mediator"]
    assert stored.job.status == Job.Status.DONE and stored.job.kind == "analysis.run"
    (entry,) = audited("analysis.run.create")
    assert entry.actor == f"user:{table.users['mediator'].pk}"
    assert entry.object_id == str(stored.pk)
    assert len(audited("job.start")) == 1


def _violates(outcome: dict[str, str], kind: str, first: str, second: str) -> bool:
    chosen = set(outcome.values())
    if kind == "excludes":
        return first in chosen and second in chosen
    return first in chosen and second not in chosen


@pytest.mark.parametrize("kind", ["excludes", "requires"])
def test_a_run_started_through_the_api_honours_the_constraint(
    table: Table, eager: None, django_capture_on_commit_callbacks, kind: str
) -> None:
    """Rule out a package the unconstrained run puts on the frontier; the next run never
    shows it (nor any other package breaking the rule) on its frontier or as a point."""
    submit_all(table)
    client = token_client(table, "mediator")
    free = start_run(client, table, django_capture_on_commit_callbacks, "free")
    target = free["result"]["frontier"][0]["outcome"]
    territory, relief = target["Territory"], target["Sanctions relief"]
    other_relief = next(label for label in ("None", "Phased") if label != relief)
    first, second = (territory, relief) if kind == "excludes" else (territory, other_relief)
    assert _violates(target, kind, first, second)  # the rule does bite the free run

    added = post(client, f"{base(table)}/constraints", rule(table, kind, first, second))
    assert added.status_code == 201, added.content
    bound = start_run(client, table, django_capture_on_commit_callbacks, "bound")
    result = bound["result"]
    assert result["frontier"], "the rule leaves feasible packages"
    packages = [p["outcome"] for p in result["frontier"]] + [
        result[key]["outcome"]
        for key in ("nash", "kalai", "egalitarian", "utilitarian")
        if result.get(key)
    ]
    assert not [p for p in packages if _violates(p, kind, first, second)]
    assert result["constraints"] == [
        {"kind": kind, "issue": "Territory", "option": first,
         "other_issue": "Sanctions relief", "other_option": second},
    ]  # fmt: skip
    assert free["result"].get("constraints") == []  # the earlier run keeps its own rules
