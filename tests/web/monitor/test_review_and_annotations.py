"""Review queue (mediators) and private annotations (owner / other party / outsider)."""

from __future__ import annotations

from django.test import Client

from accord.audit.models import AuditEntry
from accord.monitor.models import Annotation, ProposedPerson, Statement
from accord.talks.models import Person
from tests.table import Table
from tests.web.monitor.helpers import ingest, statement_by


def _client(table: Table, user: str) -> Client:
    client = Client()
    client.force_login(table.users[user])
    return client


def _proposal(table: Table) -> ProposedPerson:
    ingest(table)
    return ProposedPerson.objects.get(process=table.process, name="Dmitry Peskov")


def test_accepting_a_proposed_speaker_creates_an_audited_person(table: Table) -> None:
    proposal = _proposal(table)
    url = f"/p/{table.process.pk}/monitor/review/{proposal.pk}/accept"
    data = {"name": "Dmitry Peskov", "title": "Kremlin spokesman", "party": table.parties["RU"].pk}
    response = _client(table, "mediator").post(url, data)
    assert response.status_code == 302
    person = Person.objects.get(process=table.process, name="Dmitry Peskov")
    assert (person.title, person.party.code) == ("Kremlin spokesman", "RU")
    assert list(Statement.objects.filter(proposal=proposal).values_list("speaker", flat=True)) == [
        person.pk
    ]
    proposal.refresh_from_db()
    assert (proposal.status, proposal.person_id) == ("accepted", person.pk)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"person.add", "monitor.proposal.accept"} <= actions
    # a second decision on the same proposal is refused
    assert _client(table, "mediator").post(url, data).status_code == 400
    page = _client(table, "ua").get(f"/p/{table.process.pk}/monitor/people/{person.pk}/")
    assert "fighting would persist" in page.content.decode()


def test_dismissing_keeps_the_statements_unlinked(table: Table) -> None:
    proposal = _proposal(table)
    url = f"/p/{table.process.pk}/monitor/review/{proposal.pk}/dismiss"
    assert _client(table, "mediator").post(url).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "dismissed"
    assert not Person.objects.filter(name="Dmitry Peskov").exists()
    assert AuditEntry.objects.filter(action="monitor.proposal.dismiss").count() == 1


def test_only_mediators_review(table: Table) -> None:
    proposal = _proposal(table)
    pid = table.process.pk
    for user in ("ua", "ru", "observer", "outsider"):
        client = _client(table, user)
        assert client.get(f"/p/{pid}/monitor/review/").status_code == 404
        accept = f"/p/{pid}/monitor/review/{proposal.pk}/accept"
        assert client.post(accept, {"name": "X"}).status_code == 404
    assert _client(table, "mediator").get(f"/p/{pid}/monitor/review/").status_code == 200
    assert not Person.objects.filter(name="X").exists()


def _annotate(table: Table, user: str, body: str, visibility: str = "own"):
    statement = statement_by(table, "Rustem Umerov")
    url = f"/p/{table.process.pk}/monitor/statements/{statement.pk}/annotate"
    return _client(table, user).post(url, {"body": body, "visibility": visibility})


def _sees(table: Table, user: str, text: str) -> bool:
    statement = statement_by(table, "Rustem Umerov")
    pid = table.process.pk
    client = _client(table, user)
    page = client.get(f"/p/{pid}/monitor/statements/{statement.pk}/").content.decode()
    api = client.get(f"/api/monitor/{pid}/annotations").content.decode()
    detail = client.get(f"/api/monitor/{pid}/statements/{statement.pk}").content.decode()
    return text in page or text in api or text in detail


def test_an_annotation_is_its_owners_own(table: Table) -> None:
    ingest(table)
    assert _annotate(table, "ua", "UA-PRIVATE-NOTE").status_code == 302
    annotation = Annotation.objects.get()
    assert (annotation.owner_party.code, annotation.visibility) == ("UA", "own")
    assert _sees(table, "ua", "UA-PRIVATE-NOTE")
    for user in ("ru", "us", "mediator", "observer", "outsider"):
        assert not _sees(table, user, "UA-PRIVATE-NOTE"), user


def test_a_shared_annotation_reaches_the_seats_of_its_level(table: Table) -> None:
    ingest(table)
    _annotate(table, "ru", "RU-TO-MEDIATOR", "mediator")
    assert _sees(table, "ru", "RU-TO-MEDIATOR") and _sees(table, "mediator", "RU-TO-MEDIATOR")
    assert not _sees(table, "ua", "RU-TO-MEDIATOR")


def test_observers_and_outsiders_cannot_annotate(table: Table) -> None:
    ingest(table)
    assert _annotate(table, "observer", "x").status_code == 404
    assert _annotate(table, "outsider", "x").status_code == 404
    assert not Annotation.objects.exists()


def test_an_empty_annotation_is_refused(table: Table) -> None:
    ingest(table)
    assert _annotate(table, "ua", "").status_code == 400
    assert not Annotation.objects.exists()


def test_api_annotation_create_is_own_and_audited(table: Table) -> None:
    ingest(table)
    statement = statement_by(table, "Rustem Umerov")
    pid = table.process.pk
    client = _client(table, "us")
    response = client.post(
        f"/api/monitor/{pid}/annotations",
        {"statement_id": statement.pk, "body": "US note"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["visibility"] == "own"
    assert response.json()["party_id"] == table.parties["US"].pk
    assert AuditEntry.objects.filter(action="monitor.annotation.add").count() == 1
    missing = client.post(
        f"/api/monitor/{pid}/annotations",
        {"statement_id": 999999, "body": "x"},
        content_type="application/json",
    )
    assert missing.status_code == 404
    outsider = _client(table, "outsider").post(
        f"/api/monitor/{pid}/annotations",
        {"statement_id": statement.pk, "body": "x"},
        content_type="application/json",
    )
    assert outsider.status_code == 404


def test_api_statements_and_documents(table: Table) -> None:
    document = ingest(table)
    pid = table.process.pk
    client = _client(table, "observer")
    rows = client.get(f"/api/monitor/{pid}/statements").json()
    assert {r["speaker"] for r in rows} == {"Rustem Umerov", "Dmitry Peskov"}
    assert all(document.text[r["start"] : r["end"]] == r["quote"] for r in rows)
    ua = client.get(f"/api/monitor/{pid}/statements", {"party_id": table.parties["UA"].pk}).json()
    assert {r["speaker"] for r in ua} == {"Rustem Umerov"}
    detail = client.get(f"/api/monitor/{pid}/documents/{document.pk}").json()
    assert detail["text"] == document.text
    assert len(client.get(f"/api/monitor/{pid}/documents").json()) == 1
    outsider = _client(table, "outsider")
    assert outsider.get(f"/api/monitor/{pid}/statements").status_code == 404
    assert outsider.get(f"/api/monitor/{pid}/documents/{document.pk}").status_code == 404
