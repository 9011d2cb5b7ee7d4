"""Sessions stay alive while used, without a database write on every page view."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accord.web.session_store import REFRESH_SECONDS, SessionStore
from tests.table import Table


def signed_in(table: Table) -> tuple[Client, str]:
    client = Client()
    client.force_login(table.users["ua"])
    return client, client.cookies["sessionid"].value


def session_writes(client: Client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries if 'UPDATE "django_session"' in q["sql"]]


def test_a_page_view_within_the_minute_writes_no_session(table: Table) -> None:
    client, _key = signed_in(table)
    client.get("/")  # the first request after sign-in refreshes
    assert session_writes(client, "/") == []


def test_an_older_refresh_is_pushed_forward_so_inactivity_expiry_holds(table: Table) -> None:
    client, key = signed_in(table)
    stale = Session.objects.get(session_key=key).expire_date - timedelta(
        seconds=REFRESH_SECONDS + 5
    )
    Session.objects.filter(session_key=key).update(expire_date=stale)
    assert len(session_writes(client, "/")) == 1
    assert Session.objects.get(session_key=key).expire_date > stale + timedelta(seconds=60)


def test_an_expired_session_is_signed_out(table: Table) -> None:
    client, key = signed_in(table)
    expired = Session.objects.get(session_key=key).expire_date - timedelta(days=1)
    Session.objects.filter(session_key=key).update(expire_date=expired)
    assert client.get(f"/p/{table.process.pk}/").status_code == 302  # to the sign-in page


def test_a_change_to_the_session_is_saved_at_once(table: Table) -> None:
    _client, key = signed_in(table)
    store = SessionStore(key)
    store["seen"] = "yes"
    store.save()
    assert SessionStore(key)["seen"] == "yes"
