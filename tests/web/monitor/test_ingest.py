"""Ingest: by upload as a background job, idempotent, one clear message per bad file."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accord.audit.models import AuditEntry
from accord.jobs.models import Job
from accord.monitor.agenda import builtin_for, engine_issues
from accord.monitor.jobs import staging_root
from accord.monitor.models import ProposedPerson, SourceDocument, Statement
from accord.talks.models import Person
from tests.table import Table
from tests.web.monitor.helpers import ARTICLE


@pytest.fixture(autouse=True)
def _media(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path  # uploads are staged under the data directory


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><pubDate>Thu, 05 Feb 2026 10:00:00 GMT</pubDate>
<description>Rustem Umerov said the talks on territory were productive.</description></item>
<item><title>Two</title><pubDate>Fri, 06 Feb 2026 10:00:00 GMT</pubDate>
<description>Dmitry Peskov said the prisoner exchange would go ahead.</description></item>
</channel></rss>"""


def _upload(table: Table, files: list[tuple[str, bytes]], *, user: str = "ua"):
    client = Client()
    client.force_login(table.users[user])
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(f"/p/{table.process.pk}/monitor/documents/", {"files": uploads})


def _run(table, files, settings, capture, user="ua") -> Job:
    settings.ACCORD_JOBS_EAGER = True
    with capture(execute=True):
        response = _upload(table, files, user=user)
    assert response.status_code == 302, response.content
    job = Job.objects.get(kind="monitor.ingest")
    assert response["Location"] == f"/p/{table.process.pk}/jobs/{job.pk}/"
    return job


def test_upload_runs_the_ingest_job_and_links_people_parties_issues(
    table: Table, settings, django_capture_on_commit_callbacks
) -> None:
    job = _run(
        table, [("article.txt", ARTICLE.encode())], settings, django_capture_on_commit_callbacks
    )
    assert job.status == "done", job.error
    assert job.result["files"] == [
        {
            "name": "article.txt",
            "ok": True,
            "message": "1 document(s), 3 statement(s) added",
            "documents": 1,
            "statements": 3,
        }
    ]
    umerov = Person.objects.get(process=table.process, name="Rustem Umerov")
    said = Statement.objects.filter(speaker=umerov)
    assert said.count() == 2
    assert {s.party.code for s in said} == {"UA"}
    assert set(said.first().issues.values_list("title", flat=True)) == {"Territory"}
    assert ProposedPerson.objects.filter(process=table.process, name="Dmitry Peskov").exists()
    assert not any(staging_root().iterdir())  # staged uploads are removed
    assert AuditEntry.objects.filter(action="monitor.document.ingest").count() == 1
    # the job's result page lists each file's message
    client = Client()
    client.force_login(table.users["ua"])
    page = client.get(job.result["url"]).content.decode()
    assert "1 document(s), 3 statement(s) added" in page


def test_the_same_document_twice_adds_nothing(
    table: Table, settings, django_capture_on_commit_callbacks
) -> None:
    files = [("a.txt", ARTICLE.encode()), ("copy-of-a.txt", ARTICLE.encode())]
    job = _run(table, files, settings, django_capture_on_commit_callbacks)
    assert [f["message"] for f in job.result["files"]] == [
        "1 document(s), 3 statement(s) added",
        "already ingested: nothing added",
    ]
    assert SourceDocument.objects.count() == 1
    assert Statement.objects.count() == 3
    assert ProposedPerson.objects.count() == 1


def test_bad_files_get_a_message_each_and_the_batch_goes_on(
    table: Table, settings, django_capture_on_commit_callbacks
) -> None:
    files = [
        ("binary.bin", b"\x00\x01\x02\x03PK\x00garbage"),
        ("empty.txt", b"   \n"),
        ("broken.rss", b"<rss><channel><item><title>unclosed"),
        ("latin1.txt", "Rustem Umerov said the café talks were productive.".encode("cp1252")),
        ("feed.rss", FEED.encode()),
    ]
    job = _run(table, files, settings, django_capture_on_commit_callbacks)
    results = {f["name"]: f for f in job.result["files"]}
    assert [results[n]["ok"] for n in ("binary.bin", "empty.txt", "broken.rss")] == [False] * 3
    assert "binary" in results["binary.bin"]["message"]
    assert "empty" in results["empty.txt"]["message"]
    assert results["latin1.txt"]["ok"] and results["latin1.txt"]["statements"] == 1
    assert results["feed.rss"]["documents"] == 2
    dates = set(Statement.objects.values_list("date", flat=True))
    assert {str(d) for d in dates if d} >= {"2026-02-05", "2026-02-06"}


def test_observers_and_outsiders_cannot_upload(table: Table) -> None:
    assert _upload(table, [("a.txt", b"text")], user="observer").status_code == 404
    assert _upload(table, [("a.txt", b"text")], user="outsider").status_code == 404
    assert not Job.objects.exists()


def test_an_upload_without_files_is_a_form_error(table: Table) -> None:
    client = Client()
    client.force_login(table.users["mediator"])
    response = client.post(f"/p/{table.process.pk}/monitor/documents/", {})
    assert response.status_code == 400
    assert "Choose at least one file" in response.content.decode() or "required" in (
        response.content.decode()
    )


def test_agenda_titles_map_to_builtin_issues() -> None:
    assert builtin_for("Sanctions and economic pressure").name == "sanctions"
    assert builtin_for("US–Russia economic relations").name == "economy"
    assert builtin_for("Prisoner exchange").name == "prisoner exchange"
    assert builtin_for("Water rights") is None

    class Item:
        title = "Water rights"

    (issue,) = engine_issues([Item()])
    assert issue.keywords == ("water rights",)
