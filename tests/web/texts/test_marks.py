"""Acceptance marks per clause and option; a party's reservation notes stay its own."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from accord.domain.text import Mark
from accord.domain.visibility import Visibility
from accord.texts import selectors, services
from tests.web.texts.helpers import draft, release


def _client(table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def _mark(table, who, version, clause, mark, option=(None, None), **extra):
    return services.mark_set(
        seat=table.seat(who),
        version=version,
        clause=clause,
        bracket=option[0],
        alternative=option[1],
        mark=mark,
        **extra,
    )


def test_marks_agree_a_clause_when_every_party_accepts(table) -> None:
    text = draft(table)
    version = release(table, text)
    for who in ("ua", "ru", "us"):
        _mark(table, who, version, "1.1", Mark.ACCEPT)
    _mark(table, "ua", version, "2.1", Mark.ACCEPT, (1, 2))
    _mark(table, "ru", version, "2.1", Mark.REJECT, (1, 2))
    acc = selectors.acceptance(seat=table.seat("mediator"), text=text)
    assert acc.mark("1.1", "RU") is Mark.ACCEPT
    page = _client(table, "mediator").get(f"/p/{table.process.pk}/texts/{text.pk}/heatmap/")
    body = page.content.decode()
    assert page.status_code == 200 and "<svg" in body
    assert 'class="v-accept" title="RU: accept"' in body
    assert 'class="v-reject" title="RU: reject"' in body
    assert "1 of 3 clauses agreed" in body


def test_the_latest_mark_wins(table) -> None:
    version = release(table, draft(table))
    _mark(table, "ua", version, "1.1", Mark.RESERVE)
    _mark(table, "ua", version, "1.1", Mark.ACCEPT)
    acc = selectors.acceptance(seat=table.seat("ua"), text=version.text)
    assert acc.mark("1.1", "UA") is Mark.ACCEPT


def test_a_mark_must_name_a_clause_and_option_of_the_release(table) -> None:
    version = release(table, draft(table))
    with pytest.raises(ValidationError):
        _mark(table, "ua", version, "9.9", Mark.ACCEPT)
    with pytest.raises(ValidationError):
        _mark(table, "ua", version, "2.1", Mark.ACCEPT, (1, 3))
    with pytest.raises(ValidationError):
        _mark(table, "ua", version, "2.1", Mark.ACCEPT, (2, 1))
    with pytest.raises(ValidationError):
        _mark(table, "ua", version, "2.1", Mark.ACCEPT, (1, None))


def test_mediators_and_observers_do_not_mark(table) -> None:
    text = draft(table)
    release(table, text)
    for who in ("mediator", "observer"):
        response = _client(table, who).post(
            f"/api/texts/{table.process.pk}/texts/{text.pk}/marks",
            {"clause": "1.1", "mark": "accept"},
            content_type="application/json",
        )
        assert response.status_code == 404, who


def test_a_party_outside_the_release_cannot_mark(table) -> None:
    text = draft(table)
    release(table, text, codes=("UA", "US"))
    response = _client(table, "ru").post(
        f"/api/texts/{table.process.pk}/texts/{text.pk}/marks",
        {"clause": "1.1", "mark": "accept"},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_marking_through_htmx_returns_the_clause(table) -> None:
    text = draft(table)
    release(table, text)
    client = _client(table, "ua")
    response = client.post(
        f"/p/{table.process.pk}/texts/{text.pk}/mark",
        {"clause": "2.1", "bracket": "1", "alternative": "2", "mark": "accept"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="clause-21"' in body and "UA: accept" in body and "<html" not in body
    bad = client.post(
        f"/p/{table.process.pk}/texts/{text.pk}/mark", {"clause": "2.1", "mark": "maybe"}
    )
    assert bad.status_code == 400


def test_api_marks_and_bad_input(table) -> None:
    text = draft(table)
    release(table, text)
    client = _client(table, "us")
    url = f"/api/texts/{table.process.pk}/texts/{text.pk}/marks"
    ok = client.post(
        url,
        {"clause": "2.2", "bracket": 1, "alternative": 1, "mark": "ad_referendum"},
        content_type="application/json",
    )
    assert ok.status_code == 201 and ok.json()["mark"] == "ad_referendum"
    bad = client.post(url, {"clause": "7.7", "mark": "accept"}, content_type="application/json")
    assert bad.status_code == 400 and "no clause 7.7" in str(bad.json())
    listed = _client(table, "ua").get(url).json()
    assert [m["clause"] for m in listed] == ["2.2"]


def test_a_reservation_note_is_the_partys_own(table) -> None:
    text = draft(table)
    version = release(table, text)
    _mark(
        table,
        "ua",
        version,
        "2.1",
        Mark.RESERVE,
        (1, 2),
        note="Capital must confirm the line SECRET-NOTE",
    )
    pid = table.process.pk
    for who, sees in [("ua", True), ("ru", False), ("us", False), ("mediator", False)]:
        client = _client(table, who)
        pages = [
            client.get(f"/p/{pid}/texts/{text.pk}/").content.decode(),
            client.get(f"/api/texts/{pid}/notes").content.decode(),
            client.get(f"/p/{pid}/texts/{text.pk}/heatmap/").content.decode(),
        ]
        assert any("SECRET-NOTE" in p for p in pages) is sees, who
    # The mark itself is shared with the table; the note is not.
    assert "UA: reserve" in _client(table, "ru").get(f"/p/{pid}/texts/{text.pk}/").content.decode()


def test_a_note_shared_with_the_mediator_reaches_only_the_mediator(table) -> None:
    text = draft(table)
    version = release(table, text)
    _mark(
        table,
        "ru",
        version,
        "1.1",
        Mark.RESERVE,
        note="Ask about the 314 list MEDIATOR-ONLY",
        note_visibility=Visibility.MEDIATOR,
    )
    pid = table.process.pk
    assert (
        "MEDIATOR-ONLY"
        in _client(table, "mediator").get(f"/api/texts/{pid}/notes").content.decode()
    )
    assert (
        "MEDIATOR-ONLY" not in _client(table, "ua").get(f"/api/texts/{pid}/notes").content.decode()
    )


def test_a_mark_kept_from_other_parties_is_not_counted_for_them(table) -> None:
    text = draft(table)
    version = release(table, text)
    _mark(table, "ua", version, "1.1", Mark.REJECT, visibility=Visibility.MEDIATOR)
    assert selectors.acceptance(seat=table.seat("ru"), text=text).marks == {}
    assert (
        selectors.acceptance(seat=table.seat("mediator"), text=text).mark("1.1", "UA")
        is Mark.REJECT
    )
