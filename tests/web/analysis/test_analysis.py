"""Analysis workspace: private preferences, mediator-only runs, released packages."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from accord.analysis import services
from accord.analysis.models import AnalysisRun, Preference, ReleasedPackage, Sensitivity
from accord.demo.load import load_demo
from accord.jobs.models import Job
from tests.table import Table
from tests.web.analysis.helpers import RAW, client_for, submit, submit_all

SEATS = ["ua", "ru", "us", "mediator", "observer", "outsider"]


def computed_run(table: Table) -> AnalysisRun:
    submit_all(table)
    run = services.run_create(seat=table.seat("mediator"), label="Test run")
    return services.run_compute(run=run)


def released(table: Table) -> ReleasedPackage:
    run = computed_run(table)
    return services.package_release(
        seat=table.seat("mediator"),
        options=[table.issue.options.get(label="Freeze"),
                 table.extra["sanctions"].options.get(label="Phased")],
        note="For discussion", run=run,
    )  # fmt: skip


def _urls(table: Table) -> dict[str, tuple[str, set[str]]]:
    """Page -> (url, seats answered 200); every other seat gets 404."""
    package = released(table)
    run = AnalysisRun.objects.get()
    pid = table.process.pk
    everyone = {"ua", "ru", "us", "mediator", "observer"}
    return {
        "home": (reverse("analysis", args=[pid]), everyone),
        "preference": (reverse("analysis_preference", args=[pid]), {"ua", "ru", "us"}),
        "run": (reverse("analysis_run", args=[pid, run.pk]), {"mediator"}),
        "packages": (reverse("analysis_packages", args=[pid]), {"ua", "ru", "us", "mediator"}),
        "package": (
            reverse("analysis_package", args=[pid, package.pk]),
            {"ua", "ru", "us", "mediator"},
        ),
        "api_preference": (f"/api/analysis/{pid}/preference", {"ua", "ru", "us"}),
        "api_runs": (f"/api/analysis/{pid}/runs", {"mediator"}),
        "api_run": (f"/api/analysis/{pid}/runs/{run.pk}", {"mediator"}),
        "api_packages": (f"/api/analysis/{pid}/packages", everyone),
        "api_package": (
            f"/api/analysis/{pid}/packages/{package.pk}",
            {"ua", "ru", "us", "mediator"},
        ),
    }


@pytest.mark.parametrize("name", SEATS)
def test_it_validates_ownership_on_every_page(table: Table, name: str) -> None:
    client = client_for(table, name)
    for page, (url, allowed) in _urls(table).items():
        status = client.get(url).status_code
        assert status == (200 if name in allowed else 404), f"{name} got {status} on {page}"


def test_owner_sees_own_values_and_nobody_else_does(table: Table) -> None:
    submit_all(table)
    url = reverse("analysis_preference", args=[table.process.pk])
    page = client_for(table, "ua").get(url).content.decode()
    assert "UA-PRIVATE-REASONING" in page and "0.62" in page  # 61.73 / 100, normalised
    assert "RU-PRIVATE-REASONING" not in page and "US-PRIVATE-REASONING" not in page
    api = client_for(table, "ru").get(f"/api/analysis/{table.process.pk}/preference").json()
    assert api["notes"] == "RU-PRIVATE-REASONING"
    assert sum(w["weight"] for w in api["weights"]) == pytest.approx(1.0)


def test_preference_form_saves_normalised_weights(table: Table) -> None:
    url = reverse("analysis_preference", args=[table.process.pk])
    withdrawal, freeze = table.issue.options.all()
    data = {
        f"weight_{table.issue.pk}": 40, f"score_{withdrawal.pk}": 0.1,
        f"score_{freeze.pk}": 0.9, "reservation": 0.3, "notes": "ours",
    }  # fmt: skip
    response = client_for(table, "ua").post(url, data)
    assert response.status_code == 302
    preference = Preference.objects.get()
    assert preference.visibility == "own" and preference.owner_party == table.parties["UA"]
    assert [w.weight for w in preference.weights.all()] == [1.0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"score": 1.5}, "less than or equal to 1"),
        ({"score": -0.1}, "greater than or equal to 0"),
        ({"weight": 0}, "weight above zero"),
        ({"weight": 101}, "less than or equal to 100"),
        ({"reservation": 2}, "less than or equal to 1"),
        ({"reservation": ""}, "required"),
    ],
)
def test_preference_form_rejects_bad_values(table: Table, change: dict, message: str) -> None:
    url = reverse("analysis_preference", args=[table.process.pk])
    withdrawal, freeze = table.issue.options.all()
    data = {
        f"weight_{table.issue.pk}": change.get("weight", 40),
        f"score_{withdrawal.pk}": change.get("score", 0.5),
        f"score_{freeze.pk}": 0.5,
        "reservation": change.get("reservation", 0.3),
    }
    response = client_for(table, "ua").post(url, data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Preference.objects.exists()


def test_service_refuses_missing_scores_and_non_delegations(table: Table) -> None:
    from django.core.exceptions import ValidationError
    from django.http import Http404

    with pytest.raises(ValidationError, match="score every option"):
        services.preference_save(
            seat=table.seat("ua"), weights={table.issue: 1.0}, scores={}, reservation=0.2
        )
    with pytest.raises(Http404):
        services.preference_save(
            seat=table.seat("mediator"), weights={table.issue: 1.0}, scores={}, reservation=0.2
        )
    assert not Preference.objects.exists()


def test_api_put_preference_and_bad_input(table: Table) -> None:
    url = f"/api/analysis/{table.process.pk}/preference"
    withdrawal, freeze = table.issue.options.all()
    body = {
        "weights": [{"issue_id": table.issue.pk, "weight": 3}],
        "scores": [{"option_id": withdrawal.pk, "score": 0.2},
                   {"option_id": freeze.pk, "score": 1}],
        "reservation": 0.25, "notes": "api notes",
    }  # fmt: skip
    client = client_for(table, "us")
    assert client.get(url).status_code == 404  # nothing submitted yet
    response = client.put(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 200 and response.json()["weights"][0]["weight"] == 1.0
    bad = dict(body, scores=[{"option_id": withdrawal.pk, "score": 0.2}])
    response = client.put(url, json.dumps(bad), content_type="application/json")
    assert response.status_code == 400 and "score every option" in response.content.decode()
    bad = dict(body, weights=[{"issue_id": 999999, "weight": 1}])
    assert client.put(url, json.dumps(bad), content_type="application/json").status_code == 400
    bad = dict(body, reservation=1.5)
    assert client.put(url, json.dumps(bad), content_type="application/json").status_code == 422
    assert client_for(table, "mediator").put(
        url, json.dumps(body), content_type="application/json"
    ).status_code == 404  # fmt: skip
    assert Preference.objects.get().notes == "api notes"


def test_mediator_never_sees_raw_preferences(table: Table) -> None:
    package = released(table)
    run = AnalysisRun.objects.get()
    pid = table.process.pk
    client = client_for(table, "mediator")
    urls = [
        reverse("analysis", args=[pid]),
        reverse("analysis_run", args=[pid, run.pk]),
        reverse("analysis_run", args=[pid, run.pk]) + "?x=US&y=RU&colour=UA",
        reverse("analysis_packages", args=[pid]),
        reverse("analysis_package", args=[pid, package.pk]),
        f"/api/analysis/{pid}/runs",
        f"/api/analysis/{pid}/runs/{run.pk}",
        f"/api/analysis/{pid}/packages",
        f"/api/analysis/{pid}/preference",
    ]
    bodies = "\n".join(client.get(url).content.decode() for url in urls)
    assert "Ukraine" in bodies and "Phased" in bodies  # the pages did render
    for weights, scores, reservation, notes in RAW.values():
        assert notes not in bodies
        for value in (*[w / 100 for w in weights], *scores, reservation):
            assert str(round(value, 4)) not in bodies and f"{value:.3f}" not in bodies


def test_status_shows_only_yes_or_no(table: Table) -> None:
    submit(table, "ua")
    page = client_for(table, "mediator").get(reverse("analysis", args=[table.process.pk]))
    text = page.content.decode()
    assert "<td>Ukraine</td><td>yes</td>" in text and "<td>Russia</td><td>no</td>" in text


def test_run_is_an_eager_job_with_a_frontier(
    table: Table, settings, django_capture_on_commit_callbacks
) -> None:
    settings.ACCORD_JOBS_EAGER = True
    url = reverse("analysis_run_start", args=[table.process.pk])
    submit(table, "ua")
    assert client_for(table, "mediator").post(url).status_code == 400  # one party only
    submit_all(table)
    assert client_for(table, "ua").post(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(table, "mediator").post(url, {"label": "first"})
    assert response.status_code == 302 and "/jobs/" in response.url
    run = AnalysisRun.objects.get()
    assert run.job.status == Job.Status.DONE and run.result["frontier"]
    assert run.result["parties"] == ["RU", "UA", "US"]
    assert set(run.result["frontier"][0]["outcome"]) == {"Territory", "Sanctions relief"}
    job_page = client_for(table, "mediator").get(response.url).content.decode()
    assert reverse("analysis_run", args=[table.process.pk, run.pk]) in job_page
    page = client_for(table, "mediator").get(
        reverse("analysis_run", args=[table.process.pk, run.pk])
    )
    assert b"<svg" in page.content and b"Release this package" in page.content


def test_release_makes_the_package_visible_to_delegations(table: Table) -> None:
    run = computed_run(table)
    pid = table.process.pk
    url = reverse("analysis_release", args=[pid, run.pk])
    assert client_for(table, "ua").post(url, {"package": "1"}).status_code == 404
    packages = reverse("analysis_packages", args=[pid])
    assert b"Package #" not in client_for(table, "ua").get(packages).content
    assert client_for(table, "mediator").post(url, {"package": "99"}).status_code == 400
    response = client_for(table, "mediator").post(url, {"package": "1", "note": "Consider it"})
    assert response.status_code == 302
    package = ReleasedPackage.objects.get()
    assert package.visibility == "parties" and package.owner_party is None
    outcome = run.result["frontier"][0]["outcome"]
    for name in ["ua", "ru", "us"]:
        page = client_for(table, name).get(packages).content.decode()
        assert "Consider it" in page and all(label in page for label in outcome.values())
        assert "Your utility" in page
    assert client_for(table, "observer").get(packages).status_code == 404
    api = client_for(table, "ua").get(f"/api/analysis/{pid}/packages").json()
    assert api[0]["own_utility"] == pytest.approx(run.result["frontier"][0]["utilities"][1])


@pytest.mark.parametrize("count", [1, 8])
def test_list_pages_query_count(table: Table, count: int, django_assert_max_num_queries) -> None:
    run = computed_run(table)
    for _ in range(count):
        services.package_release(seat=table.seat("mediator"), options=[table.issue.options.first()])
        services.run_create(seat=table.seat("mediator"))
    pid = table.process.pk
    for name, url in [
        ("ua", reverse("analysis_packages", args=[pid])),
        ("mediator", reverse("analysis_packages", args=[pid])),
        ("mediator", reverse("analysis", args=[pid])),
        ("ua", f"/api/analysis/{pid}/packages"),
        ("mediator", f"/api/analysis/{pid}/runs"),
        ("mediator", reverse("analysis_run", args=[pid, run.pk])),
    ]:
        client = client_for(table, name)
        with django_assert_max_num_queries(16):
            assert client.get(url).status_code == 200


def test_demo_extras_compute_a_run_and_release_a_package(db: None) -> None:
    process, created = load_demo()
    assert created
    assert Preference.objects.filter(process=process).count() == 3
    run = AnalysisRun.objects.get(process=process)
    assert run.illustrative and run.result["frontier"] and not run.error
    package = ReleasedPackage.objects.get(process=process)
    assert package.options.count() == 6
    # The released package is the run's Nash package, so each party's sensitivity is linked.
    linked = Sensitivity.objects.filter(run=run, package=package)
    assert sorted(s.owner_party.code for s in linked) == ["RU", "UA", "US"]
    assert {r["issue"] for r in run.result["robustness"]} == set(run.result["issues"])
