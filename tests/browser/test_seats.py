"""Switching seats in a real browser: each delegation sees its own, the mediator what was shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from accord.demo.load import load_demo
from accord.talks.models import Issue, Position

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# `make screenshot` sets this to docs/screenshot.png (the README's picture); a plain test run
# writes the picture to its own temporary folder and leaves the checkout clean.
SCREENSHOT_ENV = "ACCORD_SCREENSHOT"
UA_OWN = "Internal assessment: a freeze is acceptable only with binding security guarantees"
UA_SHARED = "Ukraine could discuss a demilitarised strip"
RU_OWN = "Internal line: withdrawal from the remaining parts of Donetsk oblast"
RU_SHARED = "a phased withdrawal schedule could be discussed"


def sign_in(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def territory_page(page, base: str, process_id: int) -> str:
    page.goto(f"{base}/p/{process_id}/")
    page.click("table.matrix >> text=Territory")
    page.wait_for_selector("#positions")
    return page.content()


def test_ukraine_sees_its_own_and_cannot_reach_russias(live_server, page, tmp_path) -> None:
    process, _ = load_demo()
    base = live_server.url
    sign_in(page, base, "ukraine", "ukraine-demo")
    page.goto(f"{base}/p/{process.pk}/")
    screenshot = Path(os.environ.get(SCREENSHOT_ENV) or tmp_path / "screenshot.png")
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    html = territory_page(page, base, process.pk)
    assert UA_OWN in html and UA_SHARED in html
    assert RU_OWN not in html and RU_SHARED not in html
    russian = Position.objects.get(stance__startswith="Internal line")
    response = page.goto(f"{base}/api/processes/{process.pk}/positions/{russian.pk}")
    assert response.status == 404


def test_mediator_sees_exactly_what_was_shared(live_server, page) -> None:
    process, _ = load_demo()
    base = live_server.url
    sign_in(page, base, "mediator", "mediator-demo")
    html = territory_page(page, base, process.pk)
    assert UA_SHARED in html and RU_SHARED in html
    assert UA_OWN not in html and RU_OWN not in html


def test_a_delegation_records_a_confidential_position(live_server, page) -> None:
    process, _ = load_demo()
    base = live_server.url
    sign_in(page, base, "russia", "russia-demo")
    issue = Issue.objects.get(process=process, title="Sovereignty")
    page.goto(f"{base}/p/{process.pk}/issues/{issue.pk}/")
    page.fill("#id_stance", "Browser-entered stance on sovereignty")
    page.select_option("#id_visibility", "own")
    page.click("text=Record position")
    page.wait_for_selector("text=Browser-entered stance on sovereignty")
    page.click("text=Sign out")
    page.wait_for_url(f"{base}/login/")
    sign_in(page, base, "ukraine", "ukraine-demo")
    page.goto(f"{base}/p/{process.pk}/issues/{issue.pk}/")
    assert "Browser-entered stance" not in page.content()
