"""Mediator pages: owner/member/outsider on each, moderation, analysis as a job, release."""

from __future__ import annotations

import io
import zipfile

import pytest

from accord.consultations import services
from accord.consultations.demo import synthetic_votes
from accord.consultations.models import AnalysisResult, ConsultationStatement, Participant
from accord.jobs.models import Job
from accord.talks.models import Note
from tests.web.consultations.conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def analysed(table, consultation, settings, django_capture_on_commit_callbacks):
    """Synthetic votes analysed through the job (eager), report at mediator visibility."""
    settings.ACCORD_JOBS_EAGER = True
    synthetic_votes(consultation, participants=120)
    client = login(table, "mediator")
    url = f"/p/{table.process.pk}/consultations/{consultation.pk}/analyse"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"mode": "default"})
    job = Job.objects.get(kind="consultations.analyse")
    assert response.status_code == 302 and response.url == f"/p/{table.process.pk}/jobs/{job.pk}/"
    return AnalysisResult.objects.get()


def pages(table, consultation, result=None) -> list[str]:
    base = f"/p/{table.process.pk}/consultations/"
    urls = [f"{base}{consultation.pk}/", f"{base}import"]
    return urls + ([f"{base}results/{result.pk}/"] if result else [])


@pytest.mark.parametrize(
    ("user", "status"),
    [("mediator", 200), ("ua", 404), ("observer", 404), ("outsider", 404)],
)
def test_mediator_pages_are_mediator_only(table, analysed, user, status) -> None:
    client = login(table, user)
    for url in pages(table, analysed.consultation, analysed):
        assert client.get(url).status_code == status, url


@pytest.mark.parametrize(("user", "status"), [("mediator", 200), ("ua", 200), ("outsider", 404)])
def test_list_page_per_seat(table, consultation, user, status) -> None:
    response = login(table, user).get(f"/p/{table.process.pk}/consultations/")
    assert response.status_code == status
    if user == "ua":
        assert consultation.title not in response.content.decode()


def test_mediator_creates_a_consultation_others_cannot(table) -> None:
    url = f"/p/{table.process.pk}/consultations/"
    data = {"title": "On prisoners", "question": "Who first?", "issue": table.issue.pk}
    assert login(table, "ua").post(url, data).status_code == 404
    response = login(table, "mediator").post(url, data)
    assert response.status_code == 302
    created = table.process.consultations.get(title="On prisoners")
    assert created.issue == table.issue and created.invites.count() == 1


def test_seeding_is_all_or_nothing_with_line_numbers(table, consultation) -> None:
    client = login(table, "mediator")
    url = f"/p/{table.process.pk}/consultations/{consultation.pk}/seed"
    before = consultation.statements.count()
    response = client.post(url, {"texts": "A fine statement\nok\nAnother"}, follow=True)
    assert "Line 2: A statement needs at least 3 characters." in response.content.decode()
    assert consultation.statements.count() == before
    client.post(url, {"texts": "A fine statement\nAnother one"})
    assert consultation.statements.count() == before + 2
    assert login(table, "ru").post(url, {"texts": "Sneaky"}).status_code == 404


def test_moderation_queue(table, consultation, token) -> None:
    from django.test import Client

    Client().post(f"/c/{token}/statements", {"text": "Let displaced families return."})
    statement = ConsultationStatement.objects.get(status="pending")
    detail = login(table, "mediator").get(f"/p/{table.process.pk}/consultations/{consultation.pk}/")
    assert "Let displaced families return." in detail.content.decode()
    url = f"/p/{table.process.pk}/consultations/statements/{statement.pk}/moderate"
    assert login(table, "ua").post(url, {"status": "accepted"}).status_code == 404
    assert login(table, "mediator").post(url, {"status": "accepted"}).status_code == 302
    statement.refresh_from_db()
    assert statement.status == "accepted"
    assert "Let displaced families return." in Client().get(f"/c/{token}/").content.decode() or (
        consultation.statements.filter(status="accepted").count() > 1
    )


def test_analysis_job_stores_aggregates_and_the_report_renders(table, analysed) -> None:
    assert analysed.k >= 2 and analysed.visibility == "mediator"
    assert analysed.data["groups"] and analysed.data["consensus"]
    body = (
        login(table, "mediator")
        .get(f"/p/{table.process.pk}/consultations/results/{analysed.pk}/")
        .content.decode()
    )
    assert '<svg class="opinion-map"' in body and "<circle" in body
    assert '<svg class="participation"' in body
    assert "Prisoner exchanges should continue" in body


def test_analysis_with_no_votes_is_refused(table, consultation) -> None:
    response = login(table, "mediator").post(
        f"/p/{table.process.pk}/consultations/{consultation.pk}/analyse",
        {"mode": "default"},
        follow=True,
    )
    assert "Nobody has voted yet" in response.content.decode()
    assert not Job.objects.exists()


def test_release_widens_who_sees_the_report_and_never_narrows(table, analysed) -> None:
    url = f"/p/{table.process.pk}/consultations/results/{analysed.pk}/"
    assert login(table, "ua").get(url).status_code == 404
    release = {"title": "For the table", "summary": "Read this", "visibility": "parties"}
    assert login(table, "ua").post(url + "release", release).status_code == 404
    login(table, "mediator").post(url + "release", release)
    assert login(table, "ua").get(url).status_code == 200
    assert login(table, "observer").get(url).status_code == 404
    narrower = release | {"visibility": "mediator"}
    login(table, "mediator").post(url + "release", narrower)
    analysed.refresh_from_db()
    assert analysed.visibility == "parties"
    assert (
        "For the table"
        in login(table, "ru").get(f"/p/{table.process.pk}/consultations/").content.decode()
    )


def test_attach_a_consensus_statement_to_an_agenda_issue(table, analysed) -> None:
    entry = analysed.data["consensus"][0]
    url = f"/p/{table.process.pk}/consultations/results/{analysed.pk}/attach"
    data = {"statement_id": entry["statement_id"], "issue": table.issue.pk, "visibility": "parties"}
    assert login(table, "ua").post(url, data).status_code == 404
    response = login(table, "mediator").post(url, data)
    assert response.status_code == 302
    note = Note.objects.get(issue=table.issue)
    assert entry["text"] in note.body and note.owner_party is None
    assert note.visibility == "parties"
    bad = data | {"statement_id": 999999}
    login(table, "mediator").post(url, bad)
    assert Note.objects.count() == 1


def test_no_participant_id_ever_appears(table, analysed, token) -> None:
    """Participants get distinctive ids; no page or API body for any seat contains one."""
    from django.test import Client

    marker_ids = []
    for offset in range(3):
        person = Participant.objects.create(
            pk=987_650_000 + offset, consultation=analysed.consultation, imported=True
        )
        marker_ids.append(str(person.pk))
    ids = [str(p) for p in Participant.objects.values_list("pk", flat=True)]
    services.result_release(seat=table.seat("mediator"), result=analysed, visibility="public")
    p, c, r = table.process.pk, analysed.consultation.pk, analysed.pk
    urls = [
        f"/p/{p}/consultations/",
        f"/p/{p}/consultations/{c}/",
        f"/p/{p}/consultations/results/{r}/",
        f"/api/consultations/{p}/results",
        f"/api/consultations/{p}/results/{r}",
        f"/api/consultations/{p}/consultations",
        f"/api/consultations/{p}/consultations/{c}/statements",
    ]
    for user in ("mediator", "ua", "observer"):
        client = login(table, user)
        for url in urls:
            body = client.get(url).content.decode()
            for marker in marker_ids:
                assert marker not in body, (user, url)
    for url in urls[3:]:
        body = login(table, "mediator").get(url).content.decode()
        assert '"participant_id' not in body and '"members"' not in body
    public = Client().get(f"/c/{token}/").content.decode()
    assert not any(f">{i}<" in public or f'"{i}"' in public for i in ids if len(i) > 3)


def test_export_is_pseudonymous_and_mediator_only(table, analysed) -> None:
    url = f"/p/{table.process.pk}/consultations/{analysed.consultation.pk}/export"
    assert login(table, "ua").post(url).status_code == 404
    response = login(table, "mediator").post(url)
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["comments.csv", "participants-votes.csv", "votes.csv"]
    votes = archive.read("votes.csv").decode().splitlines()[1:]
    voter_ids = {int(line.split(",")[3]) for line in votes}
    assert voter_ids == set(range(len(voter_ids)))  # fresh pseudonyms 0..n-1
    stamps = {int(line.split(",")[0]) for line in votes}
    assert all(s % 86_400_000 == 0 for s in stamps)


def test_list_page_query_count(table, analysed, django_assert_max_num_queries) -> None:
    client = login(table, "mediator")
    with django_assert_max_num_queries(12):
        client.get(f"/p/{table.process.pk}/consultations/")
