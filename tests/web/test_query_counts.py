"""No N+1 anywhere: every page and API endpoint costs the same queries with k or 3k records.

Generic, like the confidentiality crawl: routes come from Django's resolver and the OpenAPI
schema (tests/crawl.py), records from every registered confidential factory
(accord.core.registry). The table is seeded with one round of records (every owner seat at
every visibility, for every kind), one URL per route is chosen that answers 200 to the seat, its
queries are counted, two more rounds are seeded (3k), and the same URL is counted again. A page
that loops over its rows with a query per row (an N+1) costs more the second time and fails
here, naming the route and the query that repeats. New pages and models join by existing.
Every GET route must be reached by one of the seats (or be listed in NOT_SEEDED with a reason),
so a page cannot escape the count by being unreachable. Checked to fail: with
QuerySet.select_related or .prefetch_related patched into no-ops, list pages of agreements,
analysis, texts, truces, consultations and talks are reported.
"""

from __future__ import annotations

import re
from collections import Counter

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver

from accord.core.registry import confidential_kinds
from accord.domain.visibility import Visibility
from tests.crawl import PARAM, SKIPPED_PREFIXES, _combinations, _walk
from tests.table import Table, build_table

OWNER_SEATS = ["ua", "ru", "us", "mediator"]
SEATS = ["mediator", "ua"]  # the mediation team and a delegation: they see different rows
BRACE = re.compile(r"\{(?P<name>[^}]+)\}")
TRIES_PER_ROUTE = 40  # id combinations tried before a route counts as unreachable for a seat

# GET routes no registered factory seeds an object for, and why they are not counted here.
NOT_SEEDED: dict[str, str] = {
    "login/": "signed-in clients are redirected away from the sign-in page",
    "p/<id:process_id>/jobs/<id:job_id>/": "one job's progress, no list; no factory makes jobs",
}

# Routes whose query count may grow with the number of records, and why. Keep this empty
# unless the growth is bounded by something other than the data (none are today).
ALLOWED_GROWTH: dict[str, str] = {}


def seed_round(table: Table, tag: str) -> int:
    """One record of every registered kind per owner seat and visibility; how many made."""
    made = 0
    for kind in confidential_kinds():
        for owner in OWNER_SEATS:
            for visibility in Visibility:
                text = f"QC{tag}{made:04d}"
                if kind.make(seat=table.seat(owner), visibility=visibility, canary=text):
                    made += 1
    return made


def routes() -> list[tuple[str, re.Pattern[str]]]:
    """Every HTML route (Django's resolver) and API GET path (OpenAPI), with its parameter
    syntax."""
    from accord.web.api import api

    pages = [
        (r, PARAM) for r in _walk(get_resolver().url_patterns) if not r.startswith(SKIPPED_PREFIXES)
    ]
    paths = api.get_openapi_schema()["paths"]
    endpoints = [(p.lstrip("/"), BRACE) for p, ops in paths.items() if "get" in ops]
    return sorted(pages + endpoints)


POST_ONLY = "POST only"


def first_ok(client: Client, route: str, syntax: re.Pattern[str]) -> str | None:
    """The first URL of `route` (existing ids filled in) that answers 200; POST_ONLY for a
    form's target; None when none of the ids tried answers."""
    names = [m.group("name") for m in syntax.finditer(route)]
    for count, combo in enumerate(_combinations(names)):
        if count >= TRIES_PER_ROUTE:
            return None
        values = iter(combo)
        url = "/" + syntax.sub(lambda _m, v=values: str(next(v)), route)
        status = client.get(url).status_code
        if status == 200:
            return url
        if status == 405:
            return POST_ONLY  # a form's target: nothing to list
    return None


def count_queries(client: Client, url: str) -> list[str]:
    client.get(url)  # warm: sessions, caches and lazy settings settle on the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return [q["sql"] for q in captured.captured_queries]


def _shape(sql: str) -> str:
    """A statement with its literals blanked, so repeats of one query count as one shape."""
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)[:200]


def growth(before: list[str], after: list[str]) -> str:
    """Which query shapes ran more often with more records (the N in N+1)."""
    extra = Counter(map(_shape, after)) - Counter(map(_shape, before))
    worst = "; ".join(f"{n} more x {shape}" for shape, n in extra.most_common(2))
    return f"{len(before)} -> {len(after)} queries; {worst}"


def reachable_urls(table: Table, username: str) -> tuple[Client, dict[str, str]]:
    """A signed-in client for `username` and, per route, one URL that answers it 200."""
    client = Client()
    client.force_login(table.users[username])
    urls = {route: first_ok(client, route, syntax) for route, syntax in routes()}
    return client, {route: url for route, url in urls.items() if url is not None}


def test_query_count_does_not_grow_with_the_records(db: None) -> None:
    """Seeded once; the mediation team and a delegation each count every route they reach."""
    table = build_table()
    assert seed_round(table, "a") > len(confidential_kinds())
    seats = {name: reachable_urls(table, name) for name in SEATS}
    reached = {route for _client, urls in seats.values() for route in urls}
    unreached = {route for route, _syntax in routes()} - reached - set(NOT_SEEDED)
    assert not unreached, f"no seat reached {sorted(unreached)}: seed them or say why not"
    before = {
        (name, route): count_queries(client, url)
        for name, (client, urls) in seats.items()
        for route, url in urls.items()
        if url != POST_ONLY
    }
    seed_round(table, "b")
    seed_round(table, "c")
    problems = []
    for (name, route), queries in before.items():
        client, urls = seats[name]
        after = count_queries(client, urls[route])
        if len(after) != len(queries) and route not in ALLOWED_GROWTH:
            problems.append(f"{name} {urls[route]}: {growth(queries, after)}")
    assert not problems, "N+1 (queries grow with the records):\n" + "\n".join(problems)
