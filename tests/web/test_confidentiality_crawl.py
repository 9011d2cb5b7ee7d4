"""The attacker's test: seed canaries in every confidential kind, crawl everything as everyone.

Every registered confidential model gets one record per owner seat and visibility level, each
carrying a unique canary string. Each user then fetches every page, API endpoint and admin page
with every object id; a canary may appear only where `can_see` allows, and every canary a seat
may see must appear somewhere (so the crawl really reaches the content).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from accord.core.registry import confidential_kinds
from accord.domain.visibility import Viewer, Visibility, can_see
from tests.crawl import admin_urls, api_urls, page_urls
from tests.table import Table, build_table

OWNER_SEATS = ["ua", "ru", "us", "mediator"]
CRAWLERS = ["ua", "ru", "us", "mediator", "observer", "outsider", "admin"]


@dataclass(frozen=True)
class Canary:
    text: str
    kind: str
    owner_party_id: int | None
    visibility: Visibility


def seed_canaries(table: Table, tag: str) -> list[Canary]:
    canaries = []
    for kind in confidential_kinds():
        for owner in OWNER_SEATS:
            seat = table.seat(owner)
            for visibility in Visibility:
                text = f"CANARY{tag}{len(canaries):04d}Z"
                record = kind.make(seat=seat, visibility=visibility, canary=text)
                if record is not None:
                    canaries.append(
                        Canary(text, kind.model._meta.label, record.owner_party_id, visibility)
                    )
    return canaries


def viewer_of(table: Table, username: str) -> Viewer | None:
    membership = table.users[username].memberships.filter(process=table.process).first()
    return table.seat(username).viewer if membership else None


def crawl(client: Client) -> dict[str, str]:
    bodies = {}
    for url in page_urls() + api_urls() + admin_urls():
        response = client.get(url)
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        bodies[url] = response.content.decode("utf-8", errors="replace")
    return bodies


@pytest.fixture
def seeded(db: None) -> tuple[Table, list[Canary], list[Canary]]:
    table = build_table()
    other = build_table("Other talks")  # a process none of `table`'s users sits in
    return table, seed_canaries(table, "A"), seed_canaries(other, "B")


def leaks_and_misses(
    table: Table, username: str, canaries: list[Canary], foreign: list[Canary]
) -> list[str]:
    """Crawl as `username`; describe every canary seen where it must not be, or never seen."""
    client = Client()
    client.force_login(table.users[username])
    bodies = crawl(client)
    viewer = viewer_of(table, username)
    everything = "\n".join(bodies.values())
    problems = []
    for canary in canaries + foreign:
        allowed = (
            canary in canaries
            and viewer is not None
            and can_see(viewer, canary.owner_party_id, canary.visibility)
        )
        if not allowed:
            leaks = [url for url, body in bodies.items() if canary.text in body]
            if leaks:
                problems.append(f"{username} sees {canary} at {leaks[:5]}")
        elif canary.text not in everything:
            problems.append(f"{username} never sees {canary} it may see")
    return problems


def test_no_canary_leaks_to_a_seat_that_may_not_see_it(seeded) -> None:
    """Seeded once, crawled as every seat (one test: seeding is the expensive part)."""
    table, canaries, foreign = seeded
    registered = {k.model._meta.label for k in confidential_kinds()}
    assert canaries and {c.kind for c in canaries} == registered
    problems = [p for name in CRAWLERS for p in leaks_and_misses(table, name, canaries, foreign)]
    assert not problems, "\n".join(problems[:40])


def test_outsider_gets_404_for_every_process_page(seeded) -> None:
    table, _canaries, _foreign = seeded
    client = Client()
    client.force_login(table.users["outsider"])
    process_urls = [u for u in page_urls() + api_urls() if "/p/" in u or "/processes/" in u]
    assert process_urls
    for url in process_urls:
        if url.rstrip("/").endswith("/api/processes"):
            continue  # the list itself: empty for an outsider
        status = client.get(url).status_code
        assert status in (404, 405), f"{url} answered {status} to an outsider"
