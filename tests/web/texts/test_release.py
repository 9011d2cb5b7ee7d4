"""Four eyes, recipients-only release, drafts invisible to delegations."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from accord.texts import selectors, services
from tests.web.texts.helpers import draft, release, second_mediator


def _client(table, name: str) -> Client:
    client = Client()
    client.force_login(table.users[name])
    return client


def test_the_same_mediator_cannot_approve_their_own_release(table) -> None:
    text = draft(table)
    version = release(table, text, approve=False)
    with pytest.raises(ValidationError, match="second, different mediator"):
        services.release_approve(seat=table.seat("mediator"), version=version)
    version.refresh_from_db()
    assert not version.is_released and version.visibility == "mediator"


def test_a_second_mediator_releases_and_cannot_release_twice(table) -> None:
    version = release(table, draft(table))
    assert version.is_released and version.visibility == "parties"
    assert version.approved_by == table.users["mediator2"]
    with pytest.raises(ValidationError, match="already been released"):
        services.release_approve(seat=second_mediator(table), version=version)


def test_api_refuses_self_approval_with_400(table) -> None:
    text = draft(table)
    client = _client(table, "mediator")
    ids = [table.parties[c].pk for c in ("UA", "RU")]
    created = client.post(
        f"/api/texts/{table.process.pk}/texts/{text.pk}/releases",
        {"recipient_ids": ids},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    version_id = created.json()["id"]
    assert created.json()["released"] is False
    refused = client.post(f"/api/texts/{table.process.pk}/versions/{version_id}/approve")
    assert refused.status_code == 400
    second_mediator(table)
    approved = _client(table, "mediator2").post(
        f"/api/texts/{table.process.pk}/versions/{version_id}/approve"
    )
    assert approved.status_code == 200 and approved.json()["released"] is True


def test_delegations_cannot_release_or_approve(table) -> None:
    text = draft(table)
    version = release(table, text, approve=False)
    client = _client(table, "ua")
    pid = table.process.pk
    assert (
        client.post(
            f"/api/texts/{pid}/texts/{text.pk}/releases",
            {"recipient_ids": [table.parties["UA"].pk]},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert client.post(f"/api/texts/{pid}/versions/{version.pk}/approve").status_code == 404


@pytest.mark.parametrize("username", ["ua", "ru", "us", "observer"])
def test_an_unreleased_draft_is_invisible_to_delegations(table, username) -> None:
    text = draft(table)
    version = release(table, text, approve=False)
    client = _client(table, username)
    pid = table.process.pk
    for url in [
        f"/p/{pid}/texts/{text.pk}/",
        f"/p/{pid}/texts/{text.pk}/heatmap/",
        f"/p/{pid}/texts/{text.pk}/versions/",
        f"/p/{pid}/text-versions/{version.pk}/",
        f"/p/{pid}/text-versions/{version.pk}/docx",
        f"/p/{pid}/clauses/{text.clauses.first().pk}/",
        f"/api/texts/{pid}/texts/{text.pk}",
        f"/api/texts/{pid}/versions/{version.pk}",
        f"/api/texts/{pid}/clauses/{text.clauses.first().pk}",
    ]:
        assert client.get(url).status_code == 404, url
    listing = client.get(f"/p/{pid}/texts/").content.decode()
    assert "Framework" not in listing and "Donbas" not in listing
    assert client.get(f"/api/texts/{pid}/texts").json() == []


def test_a_release_reaches_only_its_recipients(table) -> None:
    text = draft(table)
    version = release(table, text, codes=("UA", "US"))
    pid = table.process.pk
    for username, seen in [("ua", True), ("us", True), ("ru", False), ("observer", False)]:
        client = _client(table, username)
        status = client.get(f"/p/{pid}/text-versions/{version.pk}/").status_code
        assert status == (200 if seen else 404), username
        body = client.get(f"/p/{pid}/texts/").content.decode()
        assert ("Framework" in body) is seen, username
        seat = table.seat(username)
        assert selectors.version_list(seat=seat).filter(pk=version.pk).exists() is seen


def test_delegations_read_the_release_not_the_live_draft(table) -> None:
    text = draft(table)
    release(table, text)
    clause = text.clauses.get(number="1.1")
    services.clause_update(
        seat=table.seat("mediator"),
        clause=clause,
        source="The Parties shall exchange 400 prisoners.",
        expected_version=1,
    )
    body = _client(table, "ua").get(f"/p/{table.process.pk}/texts/{text.pk}/").content.decode()
    assert "314 prisoners" in body and "400 prisoners" not in body
    mediator = _client(table, "mediator").get(f"/p/{table.process.pk}/texts/{text.pk}/")
    assert "400 prisoners" in mediator.content.decode()


def test_release_needs_recipients_from_this_table(table) -> None:
    text = draft(table)
    seat = table.seat("mediator")
    with pytest.raises(ValidationError):
        services.release_propose(seat=seat, text=text, recipients=[])
    with pytest.raises(ValidationError):
        services.release_propose(seat=seat, text=text, recipients=[table.parties["AE"]])
    assert not text.versions.exists()


def test_version_pages_for_mediators_and_recipients(table, django_assert_max_num_queries):
    text = draft(table)
    release(table, text)
    release(table, text)
    client = _client(table, "mediator")
    pid = table.process.pk
    with django_assert_max_num_queries(15):
        page = client.get(f"/p/{pid}/texts/{text.pk}/versions/")
    assert page.status_code == 200 and "v2" in page.content.decode()
    diff = _client(table, "ua").get(f"/p/{pid}/texts/{text.pk}/diff/")
    assert diff.status_code == 200
    api = _client(table, "ua").get(f"/api/texts/{pid}/texts/{text.pk}/versions").json()
    assert [v["number"] for v in api] == [1, 2] and all(v["recipients"] == [] for v in api)


def test_outsider_gets_404_everywhere(table) -> None:
    text = draft(table)
    version = release(table, text)
    client = _client(table, "outsider")
    pid = table.process.pk
    for url in [
        f"/p/{pid}/texts/",
        f"/p/{pid}/texts/{text.pk}/",
        f"/p/{pid}/text-versions/{version.pk}/",
        f"/p/{pid}/texts/trace/",
        f"/api/texts/{pid}/texts",
        f"/api/texts/{pid}/notes",
    ]:
        assert client.get(url).status_code == 404, url
