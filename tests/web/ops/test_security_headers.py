"""Security headers on pages and the API, CSP-clean HTML, and a clean `check --deploy`."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accord.demo.load import load_demo
from accord.demo.scenario import ADMIN_LOGIN, LOGINS
from tests.crawl import page_urls
from tests.durability.install import REPO
from tests.table import Table

DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
}
# An executable inline script (no src, not a JSON data block) or a style attribute.
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*type=[\"']application/(?:ld\+)?json)[^>]*>", re.I
)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def policy(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.parametrize("url", ["/login/", "/health", "/api/processes", "/api/docs"])
def test_security_headers_on_pages_and_api(table: Table, url: str) -> None:
    client = Client()
    if url != "/login/":
        client.force_login(table.users["observer"])
    response = client.get(url)
    assert response.status_code == 200, url
    assert policy(response) == {**policy(response), **DIRECTIVES}
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_api_docs_load_their_code_from_static_only(table: Table) -> None:
    client = Client()
    client.force_login(table.users["observer"])
    html = client.get("/api/docs").content.decode()
    assert not INLINE_SCRIPT.search(html) and not STYLE_ATTRIBUTE.search(html)
    assert "/static/ninja/swagger-ui-bundle.js" in html


def inline_offenders(client: Client, urls: list[str]) -> dict[str, str]:
    found = {}
    for url in urls:
        response = client.get(url)
        if "text/html" not in response.headers.get("Content-Type", ""):
            continue
        html = response.content.decode(errors="replace")
        for name, pattern in [
            ("inline script", INLINE_SCRIPT),
            ("style attribute", STYLE_ATTRIBUTE),
        ]:
            match = pattern.search(html)
            if match:
                found[url] = f"{name}: {html[match.start() : match.start() + 90]!r}"
    return found


@pytest.mark.slow
def test_demo_pages_have_no_inline_script_or_style_for_any_seat(db: None) -> None:
    """The CSP forbids inline code: any page of any app that has some would break."""
    load_demo()
    urls = page_urls()
    offenders: dict[str, str] = {}
    for username in [*LOGINS, ADMIN_LOGIN[0]]:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        offenders.update(inline_offenders(client, urls))
    offenders.update(inline_offenders(Client(), ["/login/"]))
    assert not offenders, "\n".join(f"{url}: {what}" for url, what in sorted(offenders.items()))


DEPLOY_PROBE = """
import json
from accord.cli._django import setup_django
setup_django()
from django.core.checks import run_checks
from django.test import Client
messages = [f"{m.id}: {m.msg}" for m in run_checks(include_deployment_checks=True)
            if not m.is_silenced()]
response = Client().get("/health", secure=True, HTTP_HOST="accord.example.org")
print(json.dumps({"messages": messages, "headers": dict(response.headers)}))
"""


def test_check_deploy_is_clean_with_production_settings(tmp_path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "ACCORD_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "x7#Kq" * 12,
        "DEBUG": "0",
        "ACCORD_BEHIND_TLS": "1",
        "ALLOWED_HOSTS": "accord.example.org",
        "PYTHONPATH": str(REPO),
    }
    result = subprocess.run(
        [sys.executable, "-c", DEPLOY_PROBE], env=env, cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["messages"] == []
    assert probe["headers"]["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "frame-ancestors 'none'" in probe["headers"]["Content-Security-Policy"]
