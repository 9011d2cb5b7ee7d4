"""A NUL character in any text input is refused up front, the same on SQLite and PostgreSQL.

PostgreSQL cannot store or compare a NUL in text or JSON and used to answer with a 500 in the
middle of the request; SQLite stored it. Now both refuse it before any view runs.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from accord.accounts.tokens import token_create
from accord.talks.models import Position
from tests.table import Table


@pytest.fixture
def token_client(table: Table) -> Client:
    _token, plain = token_create(user=table.users["ua"], name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plain}")


def test_a_nul_in_a_json_field_is_422_naming_the_field(token_client, table: Table) -> None:
    url = f"/api/processes/{table.process.pk}/positions"
    body = {"issue_id": table.issue.pk, "stance": "hold\x00the line", "notes": ["ok", "b\x00"]}
    response = token_client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    locations = [detail["loc"] for detail in response.json()["detail"]]
    assert locations == [["body", "stance"], ["body", "notes", 1]]
    assert Position.objects.count() == 0


def test_a_clean_body_still_goes_through(token_client, table: Table) -> None:
    url = f"/api/processes/{table.process.pk}/positions"
    body = {"issue_id": table.issue.pk, "stance": "hold the line"}
    response = token_client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code in {200, 201}
    assert Position.objects.filter(stance="hold the line").count() == 1


def test_a_nul_in_an_api_query_is_422(token_client, table: Table) -> None:
    response = token_client.get(f"/api/processes/{table.process.pk}/positions?issue=a%00b")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "issue"]


def test_a_nul_on_a_page_is_a_400_naming_the_field(table: Table) -> None:
    client = Client()
    client.force_login(table.users["ua"])
    page = f"/p/{table.process.pk}/"
    assert client.get(page).status_code == 200
    refused = client.get(page + "?q=x%00")
    assert refused.status_code == 400 and "query.q" in refused.content.decode()
    form = "application/x-www-form-urlencoded"
    posted = client.post(page, "stance=a%00", content_type=form)
    assert posted.status_code == 400 and "form.stance" in posted.content.decode()


def test_an_oversized_form_still_gets_the_apis_own_413(token_client, table: Table) -> None:
    url = f"/api/processes/{table.process.pk}/positions"
    form = "application/x-www-form-urlencoded"
    response = token_client.post(url, "stance=" + "x" * 3_000_000, content_type=form)
    assert response.status_code == 413
