"""The attacker's test: seed canaries in every confidential kind, crawl everything as everyone.

Every registered confidential model gets one record per owner seat and visibility level, each
carrying a unique canary string. Each user then fetches every page, API endpoint and admin page
with every object id; a canary may appear only where `can_see` allows, and every canary a seat
may see must appear somewhere (so the crawl really reaches the content).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from accord.audit.seal import unsealed_for_test_maintenance
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


@pytest.fixture(scope="module")
def seeded(
    django_db_setup, django_db_blocker
) -> Iterator[tuple[Table, list[Canary], list[Canary]]]:
    """Seeded once per worker and module, committed, flushed afterwards (seeding is costly).

    The crawl tests only read (their own writes, such as sign-in sessions, roll back), so every
    seat's test shares one seeding; `db` is still requested so each runs in a transaction.
    """
    with (
        django_db_blocker.unblock(),
        unsealed_for_test_maintenance(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        table = build_table()
        other = build_table("Other talks")  # a process none of `table`'s users sits in
        yield table, seed_canaries(table, "A"), seed_canaries(other, "B")
        call_command("flush", interactive=False, verbosity=0)


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


# Two groups, so pytest-xdist can crawl them on two workers (each worker seeds once).
CRAWL_GROUPS = {"ua": "crawl-a", "ru": "crawl-a", "us": "crawl-a", "observer": "crawl-a"}


@pytest.mark.parametrize(
    "username",
    [
        pytest.param(n, marks=pytest.mark.xdist_group(CRAWL_GROUPS.get(n, "crawl-b")))
        for n in CRAWLERS
    ],
)
def test_no_canary_leaks_to_a_seat_that_may_not_see_it(seeded, db: None, username: str) -> None:
    """Every page, API and admin page as one seat: no leak, and nothing it may see is missed."""
    table, canaries, foreign = seeded
    registered = {k.model._meta.label for k in confidential_kinds()}
    assert canaries and {c.kind for c in canaries} == registered
    problems = leaks_and_misses(table, username, canaries, foreign)
    assert not problems, "\n".join(problems[:40])


@pytest.mark.xdist_group("crawl-b")
def test_outsider_gets_404_for_every_process_page(seeded, db: None) -> None:
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
