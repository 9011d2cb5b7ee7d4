"""Mediator tools on a run: baseline improvements, option constraints, weight sensitivity,
and who may see each (a party's sensitivity: that party only, never the mediators)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from django.urls import reverse

from accord.analysis import services
from accord.analysis.models import AnalysisRun, OptionConstraint, Sensitivity
from accord.audit.models import AuditEntry
from accord.domain.analysis import WeightRange, robustness_margins
from tests.table import Table
from tests.web.analysis.helpers import RAW, client_for, submit

LABELS = ("Withdrawal", "Freeze", "None", "Phased")  # RAW's score order


def own_utility(name: str, outcome: dict[str, str]) -> float:
    """A party's utility computed straight from the raw test values (independent of Accord)."""
    weights, scores, _reservation, _notes = RAW[name]
    score = dict(zip(LABELS, scores, strict=True))
    return (
        weights[0] * score[outcome["Territory"]] + weights[1] * score[outcome["Sanctions relief"]]
    ) / 100


def computed_run(table: Table, names: tuple[str, ...] = ("ua", "ru", "us")) -> AnalysisRun:
    for name in names:
        submit(table, name)
    run = services.run_create(seat=table.seat("mediator"), label="Tools")
    return services.run_compute(run=run)


def baseline_data(table: Table, territory: str, sanctions: str) -> dict[str, int]:
    sanction_issue = table.extra["sanctions"]
    return {
        f"issue_{table.issue.pk}": table.issue.options.get(label=territory).pk,
        f"issue_{sanction_issue.pk}": sanction_issue.options.get(label=sanctions).pk,
    }


@pytest.mark.parametrize("territory", ["Withdrawal", "Freeze"])
@pytest.mark.parametrize("sanctions", ["None", "Phased"])
def test_baseline_lists_exactly_the_pareto_improvements(
    table: Table, territory: str, sanctions: str
) -> None:
    run = computed_run(table, names=("ua", "us"))
    url = reverse("analysis_baseline", args=[table.process.pk, run.pk])
    response = client_for(table, "mediator").post(url, baseline_data(table, territory, sanctions))
    assert response.status_code == 200
    order = {"UA": "ua", "US": "us"}
    base = np.array([own_utility(order[c], {"Territory": territory, "Sanctions relief": sanctions})
                     for c in run.result["parties"]])  # fmt: skip
    expected = [
        number
        for number, package in enumerate(run.result["frontier"], start=1)
        if np.all(np.array(package["utilities"]) >= base - 1e-9)
        and np.any(np.array(package["utilities"]) > base + 1e-9)
    ]
    assert response.context["improvements"] is not None
    assert [row[0] for row in response.context["improvements"]] == expected
    page = response.content.decode()
    if expected:
        assert "Packages that Pareto-improve the baseline" in page
    else:
        assert "already Pareto-efficient" in page
    entry = AuditEntry.objects.filter(action="analysis.baseline.query").get()
    assert entry.actor == f"user:{table.users['mediator'].pk}"
    assert entry.object_id == str(run.pk)


def test_a_dominated_baseline_has_improvements(table: Table) -> None:
    """UA and US both prefer no sanctions relief to phased relief (RAW), so (Freeze, Phased) is
    dominated by both packages with no relief, and those two are what the page lists."""
    run = computed_run(table, names=("ua", "us"))
    url = reverse("analysis_baseline", args=[table.process.pk, run.pk])
    response = client_for(table, "mediator").post(url, baseline_data(table, "Freeze", "Phased"))
    assert response.status_code == 200
    listed = {tuple(row[1]["outcome"].values()) for row in response.context["improvements"]}
    assert listed == {("Freeze", "None"), ("Withdrawal", "None")}


def test_baseline_refuses_stale_runs_bad_input_and_other_seats(table: Table) -> None:
    run = computed_run(table)
    url = reverse("analysis_baseline", args=[table.process.pk, run.pk])
    data = baseline_data(table, "Freeze", "None")
    for name in ("ua", "ru", "observer", "outsider"):
        assert client_for(table, name).post(url, data).status_code == 404
    bad = dict(data, **{f"issue_{table.issue.pk}": table.extra["sanctions"].options.first().pk})
    response = client_for(table, "mediator").post(url, bad)
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    submit(table, "ua")  # saving again changes the preference the run was computed from
    response = client_for(table, "mediator").post(url, data)
    assert response.status_code == 400 and "changed since this run" in response.content.decode()
    assert not AuditEntry.objects.filter(action="analysis.baseline.query").exists()


def test_constraint_editor_and_runs_respect_constraints(table: Table) -> None:
    computed_run(table)
    pid = table.process.pk
    freeze = table.issue.options.get(label="Freeze")
    phased = table.extra["sanctions"].options.get(label="Phased")
    withdrawal = table.issue.options.get(label="Withdrawal")
    add = reverse("analysis_constraint_add", args=[pid])
    data = {"option": freeze.pk, "kind": "excludes", "other_option": phased.pk, "note": "NOTE-X"}
    assert client_for(table, "ua").post(add, data).status_code == 404
    same_issue = dict(data, other_option=withdrawal.pk)
    response = client_for(table, "mediator").post(add, same_issue)
    assert response.status_code == 400 and "two different issues" in response.content.decode()
    assert client_for(table, "mediator").post(add, data).status_code == 302
    response = client_for(table, "mediator").post(add, data)
    assert response.status_code == 400 and "exists already" in response.content.decode()
    constraint = OptionConstraint.objects.get()
    assert constraint.visibility == "own" and constraint.owner_party is None
    home = reverse("analysis", args=[pid])
    assert "NOTE-X" in client_for(table, "mediator").get(home).content.decode()
    for name in ("ua", "ru", "us", "observer"):
        assert "NOTE-X" not in client_for(table, name).get(home).content.decode()
    run = services.run_compute(run=services.run_create(seat=table.seat("mediator")))
    outcomes = [p["outcome"] for p in run.result["frontier"]]
    assert outcomes and not any(
        o["Territory"] == "Freeze" and o["Sanctions relief"] == "Phased" for o in outcomes
    )
    assert run.result["constraints"][0]["kind"] == "excludes"
    remove = reverse("analysis_constraint_remove", args=[pid, constraint.pk])
    assert client_for(table, "us").post(remove).status_code == 404
    assert client_for(table, "mediator").post(remove).status_code == 302
    assert not OptionConstraint.objects.exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"analysis.constraint.add", "analysis.constraint.remove"} <= actions


def test_contradictory_constraints_fail_the_run_with_a_clear_error(table: Table) -> None:
    computed_run(table)
    seat = table.seat("mediator")
    sanctions = table.extra["sanctions"]
    for option in table.issue.options.all():
        services.constraint_add(
            seat=seat, kind="requires", option=option,
            other_option=sanctions.options.get(label="Phased"),
        )  # fmt: skip
        services.constraint_add(
            seat=seat, kind="excludes", option=option,
            other_option=sanctions.options.get(label="Phased"),
        )  # fmt: skip
    run = services.run_compute(run=services.run_create(seat=seat))
    assert not run.result and "no feasible combination" in run.error


def _ranges_text(ranges: list[dict]) -> list[str]:
    return [f"{r['lower']:.3f}" for r in ranges if 0 < r["lower"] < r["weight"]] + [
        f"{r['weight']:.3f}" for r in ranges
    ]


def test_each_party_sees_only_its_own_sensitivity_once_nash_is_released(table: Table) -> None:
    run = computed_run(table)
    pid = table.process.pk
    records = {s.owner_party.code: s for s in Sensitivity.objects.filter(run=run)}
    assert set(records) == {"RU", "UA", "US"}
    assert all(s.visibility == "own" and s.package_id is None for s in records.values())
    ua_weights = [r["weight"] for r in records["UA"].ranges]
    assert ua_weights == pytest.approx([0.6173, 0.3827])
    for r in records["UA"].ranges:
        assert r["lower"] <= r["weight"] <= r["upper"]
    packages = reverse("analysis_packages", args=[pid])
    # Another package released first: no sensitivity shows anywhere.
    services.package_release(seat=table.seat("mediator"), options=[table.issue.options.first()])
    assert "How firmly" not in client_for(table, "ua").get(packages).content.decode()
    release = reverse("analysis_release", args=[pid, run.pk])
    assert client_for(table, "mediator").post(release, {"package": "nash"}).status_code == 302
    pages = {name: client_for(table, name).get(packages).content.decode() for name in RAW}
    pages["mediator"] = client_for(table, "mediator").get(packages).content.decode()
    code = {"ua": "UA", "ru": "RU", "us": "US"}
    for name in RAW:
        assert "How firmly" in pages[name]
        api = client_for(table, name).get(f"/api/analysis/{pid}/packages").json()
        nash = next(p for p in api if p["own_sensitivity"])
        assert nash["own_sensitivity"] == records[code[name]].ranges
    assert "How firmly" not in pages["mediator"]
    api = client_for(table, "mediator").get(f"/api/analysis/{pid}/packages").json()
    assert all(p["own_sensitivity"] is None for p in api)
    # UA's weights (shown with 3 decimals to UA) appear on no other seat's pages.
    ua_only = {f"{w:.3f}" for w in ua_weights}
    for name in ("ru", "us", "mediator"):
        assert not any(text in pages[name] for text in ua_only), name
        run_page = client_for(table, name).get(reverse("analysis_run", args=[pid, run.pk]))
        if name == "mediator":
            body = run_page.content.decode()
            assert "How firm is the Nash package" in body
            assert not any(text in body for text in ua_only)


def test_mediators_see_only_the_aggregate_margin(table: Table) -> None:
    run = computed_run(table)
    stored = [
        [WeightRange(s.owner_party.code, **r) for r in s.ranges]
        for s in Sensitivity.objects.filter(run=run).select_related("owner_party")
    ]
    expected = {
        issue: None if m is None else round(m, 2) for issue, m in robustness_margins(stored).items()
    }
    assert {r["issue"]: r["margin"] for r in run.result["robustness"]} == expected
    detail = client_for(table, "mediator").get(f"/api/analysis/{table.process.pk}/runs/{run.pk}")
    body = json.dumps(detail.json())
    assert "lower" not in body and "upper" not in body and "0.6173" not in body


def test_sensitivity_is_private_in_the_crawl_sense(table: Table) -> None:
    """Each sensitivity record is visible through the query layer to its own party only."""
    computed_run(table)
    for name in ("ua", "ru", "us", "mediator", "observer"):
        seat = table.seat(name)
        seen = {s.owner_party_id for s in Sensitivity.objects.visible_to(seat.viewer)}
        assert seen == ({seat.party.pk} if name in RAW else set()), name
