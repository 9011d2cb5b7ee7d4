"""Shared set-up for the analysis tests: two issues with options and three preferences."""

from __future__ import annotations

from django.test import Client

from accord.analysis import services
from accord.analysis.models import Preference
from accord.talks.services import issue_add
from tests.table import Table

# Distinctive raw values: none of them may ever reach a seat other than the owner's.
RAW = {
    "ua": ((61.73, 38.27), (0.9137, 0.1234, 0.8642, 0.0471), 0.3123, "UA-PRIVATE-REASONING"),
    "ru": ((71.11, 28.89), (0.0912, 0.9723, 0.2218, 0.9359), 0.2987, "RU-PRIVATE-REASONING"),
    "us": ((44.44, 55.56), (0.5151, 0.6262, 0.7373, 0.1818), 0.2525, "US-PRIVATE-REASONING"),
}


def client_for(table: Table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def second_issue(table: Table):
    return issue_add(
        actor=None, process=table.process, title="Sanctions relief", order=2,
        options=["None", "Phased"],
    )  # fmt: skip


def submit(table: Table, name: str) -> Preference:
    issues = [table.issue, table.extra.get("sanctions") or table.extra.setdefault(
        "sanctions", second_issue(table))]  # fmt: skip
    weights, scores, reservation, notes = RAW[name]
    options = [o for issue in issues for o in issue.options.all()]
    return services.preference_save(
        seat=table.seat(name),
        weights=dict(zip(issues, weights, strict=True)),
        scores=dict(zip(options, scores, strict=True)),
        reservation=reservation,
        notes=notes,
    )


def submit_all(table: Table) -> None:
    for name in RAW:
        submit(table, name)
