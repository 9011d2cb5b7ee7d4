"""Pages: sign-in with throttling, the dashboard per seat, forms with errors, htmx partials."""

from __future__ import annotations

from django.test import Client

from accord.talks.models import Position
from tests.table import PASSWORD, Table


def login(client: Client, username: str, password: str = PASSWORD):
    return client.post("/login/", {"username": username, "password": password})


def test_sign_in_then_dashboard(table: Table) -> None:
    client = Client()
    assert login(client, "ua").status_code == 302
    page = client.get(f"/p/{table.process.pk}/")
    assert page.status_code == 200
    assert b"Where the parties stand" in page.content and b"Territory" in page.content


def test_anonymous_users_are_sent_to_sign_in(table: Table) -> None:
    response = Client().get(f"/p/{table.process.pk}/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_lockout_after_failures_does_not_reveal_the_account(table: Table) -> None:
    messages = []
    for username in ("ua", "nobody-here"):
        client = Client(REMOTE_ADDR=f"10.0.0.{len(messages) + 1}")
        for _ in range(5):
            login(client, username, "wrong")
        locked = login(client, username, PASSWORD if username == "ua" else "x")
        assert locked.status_code == 200  # the form again, not a sign-in
        messages.append(locked.content.decode())
    assert all("Too many failed sign-in attempts" in m for m in messages)


def test_position_form_errors_are_shown_and_nothing_saved(table: Table) -> None:
    client = Client()
    client.force_login(table.users["ua"])
    url = f"/p/{table.process.pk}/issues/{table.issue.pk}/"
    response = client.post(url, {"stance": "", "visibility": "everyone", "flexibility": "medium"})
    assert response.status_code == 400
    assert b"This field is required" in response.content
    assert Position.objects.count() == 0


def test_position_form_records_and_htmx_gets_the_partial(table: Table) -> None:
    client = Client()
    client.force_login(table.users["ua"])
    url = f"/p/{table.process.pk}/issues/{table.issue.pk}/"
    form = {"stance": "Freeze along the line", "visibility": "own", "flexibility": "low"}
    assert client.post(url, form).status_code == 302
    partial = client.get(url, HTTP_HX_REQUEST="true")
    assert b"Freeze along the line" in partial.content
    assert b"<html" not in partial.content


def test_health_reports_the_database(db: None) -> None:
    response = Client().get("/health")
    assert response.json()["status"] == "ok"
