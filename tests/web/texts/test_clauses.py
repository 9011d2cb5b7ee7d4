"""Editing clauses: optimistic locking (409, never a silent overwrite) and located errors."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from accord.audit.models import AuditEntry
from accord.texts import services
from accord.texts.models import ClauseRecord, Text
from tests.web.texts.helpers import draft


def _client(table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def _put(client, table, clause, source, expected):
    return client.put(
        f"/api/texts/{table.process.pk}/clauses/{clause.pk}",
        {"source": source, "expected_version": expected},
        content_type="application/json",
    )


def test_a_stale_edit_gets_409_with_the_current_text_and_a_diff(table) -> None:
    text = draft(table)
    clause = text.clauses.get(number="2.2")
    client = _client(table, "mediator")
    first = _put(client, table, clause, "Teams shall agree on the line within [14 | 30] days.", 1)
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = _put(client, table, clause, "Teams shall agree within 60 days.", 1)
    assert stale.status_code == 409
    body = stale.json()
    assert body["current"]["version"] == 2
    assert body["current"]["source"] == "Teams shall agree on the line within [14 | 30] days."
    assert "[-" in body["diff"] and "{+" in body["diff"]
    clause.refresh_from_db()
    assert clause.source.startswith("Teams shall agree on the line") and clause.version == 2


def test_clause_edit_page_answers_409_with_the_conflict(table) -> None:
    text = draft(table)
    clause = text.clauses.get(number="1.1")
    client = _client(table, "mediator")
    url = f"/p/{table.process.pk}/clauses/{clause.pk}/edit"
    ok = client.post(
        url, {"source": "The Parties shall exchange 300 prisoners.", "expected_version": 1}
    )
    assert ok.status_code == 200 and "300 prisoners" in ok.content.decode()
    conflict = client.post(url, {"source": "Exchange 500 prisoners.", "expected_version": 1})
    assert conflict.status_code == 409
    page = conflict.content.decode()
    assert "Nothing was overwritten" in page and "300 prisoners" in page and "500" in page
    assert (
        ClauseRecord.objects.get(pk=clause.pk).source == "The Parties shall exchange 300 prisoners."
    )


def test_the_edit_form_and_row_are_htmx_partials(table) -> None:
    clause = draft(table).clauses.get(number="2.1")
    client = _client(table, "mediator")
    url = f"/p/{table.process.pk}/clauses/{clause.pk}/"
    form = client.get(url + "?edit=1", HTTP_HX_REQUEST="true")
    assert form.status_code == 200
    assert 'name="expected_version" value="1"' in form.content.decode()
    assert "<html" not in form.content.decode()


def test_bad_notation_in_an_edit_is_located_and_saves_nothing(table) -> None:
    clause = draft(table).clauses.get(number="2.1")
    client = _client(table, "mediator")
    before = AuditEntry.objects.count()
    response = _put(client, table, clause, "The Parties shall [withdraw {RU} | freeze", 1)
    assert response.status_code == 400
    assert "line 1, column 19" in str(response.json()) and "never closed" in str(response.json())
    unknown = _put(client, table, clause, "The Parties shall [withdraw {XX} | freeze].", 1)
    assert unknown.status_code == 400 and "unknown proposer" in str(unknown.json())
    page = client.post(
        f"/p/{table.process.pk}/clauses/{clause.pk}/edit",
        {"source": "Shall [a | ] b.", "expected_version": 1},
    )
    assert page.status_code == 400 and "empty alternative" in page.content.decode()
    clause.refresh_from_db()
    assert clause.version == 1 and "withdraw forces from Donbas" in clause.source
    assert AuditEntry.objects.count() == before


def test_a_malformed_text_is_refused_with_line_and_column_and_nothing_saved(table) -> None:
    client = _client(table, "mediator")
    notation = "1.1 Fine clause.\n1.2 The Parties shall [withdraw {RU} | freeze\n"
    response = client.post(
        f"/p/{table.process.pk}/texts/", {"title": "Broken", "notation": notation}
    )
    assert response.status_code == 400
    assert "line 2, column 23" in response.content.decode()
    assert not Text.objects.filter(title="Broken").exists()
    assert not ClauseRecord.objects.exists()


def test_a_non_docx_upload_is_refused_cleanly(table) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _client(table, "mediator")
    upload = SimpleUploadedFile("draft.docx", b"not a zip at all")
    response = client.post(f"/p/{table.process.pk}/texts/", {"title": "Upload", "file": upload})
    assert response.status_code == 400 and "DOCX" in response.content.decode()
    assert not Text.objects.exists()


def test_a_docx_draft_imports(table) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accord.domain.text import docx_bytes, parse
    from tests.web.texts.helpers import NOTATION

    data = docx_bytes(parse(NOTATION), title="Framework")
    client = _client(table, "mediator")
    upload = SimpleUploadedFile("draft.docx", data)
    response = client.post(f"/p/{table.process.pk}/texts/", {"title": "Imported", "file": upload})
    assert response.status_code == 302
    text = Text.objects.get(title="Imported")
    assert text.clauses.get(number="2.1").source.endswith("line of contact {UA}].")


def test_delegations_cannot_edit_or_read_draft_clauses(table) -> None:
    clause = draft(table).clauses.get(number="1.1")
    client = _client(table, "ua")
    assert client.get(f"/api/texts/{table.process.pk}/clauses/{clause.pk}").status_code == 404
    assert _put(client, table, clause, "Anything.", 1).status_code == 404
    edit = client.post(
        f"/p/{table.process.pk}/clauses/{clause.pk}/edit",
        {"source": "Anything.", "expected_version": 1},
    )
    assert edit.status_code == 404
    clause.refresh_from_db()
    assert clause.version == 1


def test_service_refuses_a_stale_version(table) -> None:
    clause = draft(table).clauses.get(number="1.1")
    seat = table.seat("mediator")
    services.clause_update(seat=seat, clause=clause, source="First.", expected_version=1)
    with pytest.raises(services.StaleClause) as stale:
        services.clause_update(seat=seat, clause=clause, source="Second.", expected_version=1)
    assert stale.value.current.source == "First."
    with pytest.raises(ValidationError):
        services.clause_update(seat=seat, clause=clause, source="   ", expected_version=2)


def test_linked_brackets_are_checked_across_the_draft(table) -> None:
    text = draft(table, "1.1 Within [#days 14 | 30] days.\n1.2 Also within [#days 14 | 30] days.\n")
    clause = text.clauses.get(number="1.2")
    with pytest.raises(ValidationError, match="days"):
        services.clause_update(
            seat=table.seat("mediator"),
            clause=clause,
            source="Also within [#days 14 | 30 | 60] days.",
            expected_version=1,
        )


def test_text_page_query_count(table, django_assert_max_num_queries) -> None:
    text = draft(table)
    client = _client(table, "mediator")
    with django_assert_max_num_queries(15):
        response = client.get(f"/p/{table.process.pk}/texts/{text.pk}/")
    assert response.status_code == 200
    assert "withdraw forces from Donbas" in response.content.decode()
    article = client.get(f"/p/{table.process.pk}/texts/{text.pk}/?article=2").content.decode()
    assert "Donbas" in article and "314 prisoners" not in article
