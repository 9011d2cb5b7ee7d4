"""Bad input: oversized bodies are refused, script in text fields is rendered escaped."""

from __future__ import annotations

import json

from django.test import Client

from accord.accounts.tokens import token_create
from tests.table import Table

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_an_oversized_api_body_is_refused(table: Table, settings) -> None:
    _token, plain = token_create(user=table.users["ua"], name="t")
    body = json.dumps({"issue_id": table.issue.pk, "stance": "x" * (3 * 1024 * 1024)})
    response = Client().post(
        f"/api/processes/{table.process.pk}/positions",
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plain}",
    )
    assert response.status_code in {400, 413}
    assert not table.issue.positions.filter(stance__startswith="xxxx").exists()


def test_an_oversized_form_post_is_refused(table: Table) -> None:
    client = Client()
    client.force_login(table.users["ua"])
    response = client.post(f"/p/{table.process.pk}/notes/add", {"body": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 400


def test_script_in_text_is_escaped_on_pages_and_api(table: Table) -> None:
    _token, plain = token_create(user=table.users["ua"], name="t")
    created = Client().post(
        f"/api/processes/{table.process.pk}/positions",
        data=json.dumps({"issue_id": table.issue.pk, "stance": SCRIPT, "visibility": "own"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plain}",
    )
    assert created.status_code == 201 and created.json()["stance"] == SCRIPT
    assert created.headers["Content-Type"] == "application/json; charset=utf-8"
    client = Client()
    client.force_login(table.users["ua"])
    html = client.get(f"/p/{table.process.pk}/issues/{table.issue.pk}/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert SCRIPT not in html and "<img src=x" not in html
