"""Polis CSV import (checked first, nothing half-imported), the API, and the public page's
isolation from the rest of the process."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accord.consultations import services
from accord.consultations.models import AnalysisResult, Consultation, Vote
from accord.domain.visibility import Visibility
from accord.talks import services as talks_services
from tests.web.consultations.conftest import login

pytestmark = pytest.mark.django_db

COMMENTS = "comment-id,moderated,comment-body\n1,1,Freeze the line\n2,1,No concessions\n3,-1,Spam\n"
VOTES = (
    "timestamp,datetime,comment-id,voter-id,vote\n"
    "1000,,1,10,1\n1001,,2,10,-1\n1002,,1,11,-1\n1003,,1,11,1\n1004,,3,12,0\n"
)


def zipped(**files: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name.replace("_", "-") + ".csv", text)
    return SimpleUploadedFile("export.zip", buffer.getvalue(), content_type="application/zip")


def post_import(table, client, upload, settings, capture):
    settings.ACCORD_JOBS_EAGER = True
    data = {"title": "Imported", "question": "What now?", "files": upload}
    with capture(execute=True):
        return client.post(f"/p/{table.process.pk}/consultations/import", data)


def test_import_a_zip_through_a_job(table, settings, django_capture_on_commit_callbacks) -> None:
    response = post_import(
        table,
        login(table, "mediator"),
        zipped(comments=COMMENTS, votes=VOTES),
        settings,
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get(title="Imported")
    assert consultation.statements.count() == 3
    assert consultation.statements.get(text="Spam").status == "rejected"
    assert Vote.objects.count() == 4  # voter 11's two votes on comment 1: the later counts once
    assert (
        Vote.objects.get(
            participant__votes__statement__text="No concessions", statement__text="Freeze the line"
        ).value
        == 1
    )


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"comments": COMMENTS, "votes": VOTES.replace("1004,,3,12,0", "1004,,9,12,0")},
            "votes.csv row 6: vote for unknown statement 9",
        ),
        (
            {"comments": COMMENTS, "votes": VOTES.replace("1004,,3,12,0", "1004,,3,12,5")},
            "votes.csv row 6: vote 5 is not -1, 0 or 1",
        ),
        ({"comments": COMMENTS}, "neither votes.csv nor participants-votes.csv found"),
        ({"votes": VOTES}, "comments.csv: file not found"),
        (
            {"comments": COMMENTS, "votes": "timestamp,datetime,comment-id,voter-id,vote\n"},
            "the conversation has no votes",
        ),
        ({"comments": "comment-id\n1\n", "votes": VOTES}, "missing column(s) moderated"),
    ],
)
def test_bad_polis_input_is_refused_and_nothing_is_written(
    table, settings, django_capture_on_commit_callbacks, files, message, tmp_path
) -> None:
    # A data directory of its own: another worker's import may be staged in the shared one.
    settings.MEDIA_ROOT = str(tmp_path)
    response = post_import(
        table,
        login(table, "mediator"),
        zipped(**files),
        settings,
        django_capture_on_commit_callbacks,
    )
    body = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 400
    assert message in body
    assert not Consultation.objects.exists() and not Vote.objects.exists()
    imports = Path(settings.MEDIA_ROOT) / "staging" / "consultation-imports"
    assert not imports.exists() or not any(imports.iterdir())


def test_not_a_zip_and_wrong_file_names(table, settings, django_capture_on_commit_callbacks):
    client = login(table, "mediator")
    for upload, message in [
        (SimpleUploadedFile("export.zip", b"not a zip"), "cannot be read"),
        (SimpleUploadedFile("notes.txt", b"hello"), "expected a .zip"),
    ]:
        response = post_import(table, client, upload, settings, django_capture_on_commit_callbacks)
        assert response.status_code == 400 and message in response.content.decode()
    assert not Consultation.objects.exists()


def test_import_page_is_mediator_only(table) -> None:
    url = f"/p/{table.process.pk}/consultations/import"
    assert login(table, "mediator").get(url).status_code == 200
    for user in ("ua", "observer", "outsider"):
        assert login(table, user).get(url).status_code == 404


def test_api_results_follow_release(table, consultation) -> None:
    result = services.result_create(
        actor=None,
        consultation=consultation,
        title="Snapshot",
        data={
            "k": 2,
            "groups": [{"id": 0, "size": 9, "withheld": False, "repness": []}],
            "consensus": [],
            "divisive": [],
            "statements": [],
            "points": [[0.1, 0.2, 0]],
            "participation": [],
            "notes": [],
        },
    )
    base = f"/api/consultations/{table.process.pk}"
    assert login(table, "mediator").get(f"{base}/results/{result.pk}").json()["k"] == 2
    assert login(table, "ua").get(f"{base}/results/{result.pk}").status_code == 404
    assert login(table, "ua").get(f"{base}/results").json() == []
    assert login(table, "ua").get(f"{base}/consultations").json() == []
    services.result_release(
        seat=table.seat("mediator"), result=result, visibility=Visibility.PARTIES
    )
    detail = login(table, "ua").get(f"{base}/results/{result.pk}").json()
    assert detail["points"] == [[0.1, 0.2, 0.0]] and detail["groups"][0]["size"] == 9
    assert login(table, "ua").get(f"{base}/consultations").json()[0]["id"] == consultation.pk
    assert login(table, "observer").get(f"{base}/results/{result.pk}").status_code == 404
    assert login(table, "outsider").get(f"{base}/results").status_code == 404


def test_api_mediator_writes(table, consultation, settings, django_capture_on_commit_callbacks):
    base = f"/api/consultations/{table.process.pk}/consultations"
    body = {"title": "API one", "question": "Q?"}
    assert login(table, "ua").post(base, body, content_type="application/json").status_code == 404
    assert (
        login(table, "mediator").post(base, body, content_type="application/json").status_code
        == 201
    )
    seed = f"{base}/{consultation.pk}/statements"
    assert login(table, "ua").get(seed).status_code == 404
    response = login(table, "mediator").post(
        seed, {"texts": ["x"]}, content_type="application/json"
    )
    assert response.status_code == 400 and "Line 1" in response.content.decode()
    response = login(table, "mediator").post(
        f"{base}/{consultation.pk}/analyses",
        {"mode": "default"},
        content_type="application/json",
    )
    assert response.status_code == 400  # no votes yet


def test_public_page_shows_nothing_but_question_and_accepted_statements(
    table, consultation, token
) -> None:
    """Canaries everywhere else in the process: on notes, positions, reports and in the
    moderation queue. None may reach the participant's page."""
    canary = "CANARYPUBLIC"
    mediator = table.seat("mediator")
    talks_services.note_add(
        seat=mediator,
        title=f"{canary}1",
        body=f"{canary}2",
        issue=table.issue,
        visibility=Visibility.PUBLIC,
    )
    talks_services.position_submit(
        seat=table.seat("ua"), issue=table.issue, stance=f"{canary}3", visibility=Visibility.PUBLIC
    )
    services.result_create(
        actor=None,
        consultation=consultation,
        title=f"{canary}4",
        summary=f"{canary}5",
        data={"k": 0},
        visibility=Visibility.PUBLIC,
    )
    pending = services.statement_submit(
        invite=consultation.invites.get(), key="k" * 40, text=f"{canary}6 pending"
    )
    rejected = services.statement_seed(
        seat=mediator, consultation=consultation, texts=[f"{canary}7 rejected"]
    )[0]
    services.statement_moderate(seat=mediator, statement=rejected, status="rejected")
    client = Client()
    pages = [client.get(f"/c/{token}/").content.decode()]
    for statement in consultation.statements.filter(status="accepted"):
        pages.append(
            client.post(
                f"/c/{token}/vote",
                {"statement": statement.pk, "value": "1"},
                HTTP_HX_REQUEST="true",
            ).content.decode()
        )
    text = "\n".join(pages)
    assert canary not in text
    assert table.issue.title not in text and table.process.name not in text
    assert "All 14 statements" in text or "all 14 statements" in text
    assert pending.status == "pending"
    assert AnalysisResult.objects.count() == 1
