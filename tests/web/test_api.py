"""The JSON API: tokens, seats, and clear 4xx answers to bad input (never a 500)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from accord.accounts.tokens import token_create, token_revoke
from accord.talks.models import Issue, Position
from tests.table import Table


@pytest.fixture
def api(table: Table):
    _token, plain = token_create(user=table.users["ua"], name="tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {plain}")
    base = f"/api/processes/{table.process.pk}"

    def post(path: str, body: object, **extra: object):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return client.post(base + path, data=data, content_type="application/json", **extra)

    return client, base, post


def test_token_reads_the_seat(api, table: Table) -> None:
    client, base, _post = api
    response = client.get(base)
    assert response.status_code == 200
    assert response.json()["seat"] == {"role": "delegation", "party_id": table.parties["UA"].pk}


def test_no_token_means_401_and_a_revoked_token_stops_working(table: Table) -> None:
    assert Client().get("/api/processes").status_code == 401
    token, plain = token_create(user=table.users["ua"], name="x")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert client.get("/api/processes").status_code == 200
    token_revoke(user=table.users["ua"], token=token)
    assert client.get("/api/processes").status_code == 401


def test_submit_position_then_read_it(api, table: Table) -> None:
    client, base, post = api
    response = post("/positions", {"issue_id": table.issue.pk, "stance": "Freeze"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["visibility"] == "own" and body["party_id"] == table.parties["UA"].pk
    assert client.get(f"{base}/positions/{body['id']}").status_code == 200


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"stance": "x"}, "issue_id"),
        ({"issue_id": "seven", "stance": "x"}, "issue_id"),
        ({"issue_id": 1, "stance": ""}, "stance"),
        ({"issue_id": 1, "stance": "x", "visibility": "everyone"}, "visibility"),
        ({"issue_id": 1, "stance": "x", "flexibility": "total"}, "flexibility"),
    ],
)
def test_wrong_fields_get_422_naming_the_field(api, table: Table, payload, field) -> None:
    _client, _base, post = api
    response = post("/positions", payload)
    assert response.status_code == 422
    assert any(field in detail["loc"] for detail in response.json()["detail"])
    assert Position.objects.count() == 0


def test_malformed_json_is_a_4xx(api) -> None:
    _client, _base, post = api
    response = post("/positions", "{not json")
    assert 400 <= response.status_code < 500


def test_unknown_ids_are_404_and_nothing_is_written(api, table: Table) -> None:
    _client, _base, post = api
    assert post("/positions", {"issue_id": 999999, "stance": "x"}).status_code == 404
    response = post("/positions", {"issue_id": table.issue.pk, "stance": "x", "option_id": 999999})
    assert response.status_code == 400
    assert "option_id" in json.dumps(response.json())
    assert Position.objects.count() == 0


def test_oversize_payload_is_413(api, table: Table) -> None:
    _client, _base, post = api
    response = post("/positions", {"issue_id": table.issue.pk, "stance": "x" * 3_000_000})
    assert response.status_code == 413
    assert Position.objects.count() == 0


def test_duplicate_issue_title_is_400_with_field_message(table: Table) -> None:
    _token, plain = token_create(user=table.users["mediator"], name="t")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {plain}")
    url = f"/api/processes/{table.process.pk}/issues"
    response = client.post(url, {"title": "Territory"}, content_type="application/json")
    assert response.status_code == 400
    assert "title" in json.dumps(response.json()).lower()
    assert Issue.objects.filter(title="Territory").count() == 1


def test_session_posts_need_csrf(table: Table) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(table.users["ua"])
    url = f"/api/processes/{table.process.pk}/positions"
    body = json.dumps({"issue_id": table.issue.pk, "stance": "x"})
    assert client.post(url, body, content_type="application/json").status_code == 403


def test_another_process_is_404_through_the_api(api, table: Table) -> None:
    client, _base, _post = api
    assert client.get("/api/processes/999999").status_code == 404
