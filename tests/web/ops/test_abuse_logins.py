"""Thousands of failed sign-ins: locked out, cheaply, and nothing tells whether an account exists.

The throttle (accord/accounts/throttle.py) counts failures per account name and per client
address; either reaching ACCORD_LOGIN_FAILURE_LIMIT locks sign-in for that name or address.
"""

from __future__ import annotations

import re
from typing import ClassVar

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client

from accord.accounts.throttle import LOCKOUT_MESSAGE
from tests.table import PASSWORD, Table

ATTEMPTS = 1000  # per account name: 2000 failed sign-ins in the first test
GENERIC_FAILURE = "Please enter a correct username and password"


class CountingHasher(MD5PasswordHasher):
    """MD5 (as in every test) that counts how often a password is hashed or checked."""

    algorithm = "md5"  # reads the test users' MD5 hashes
    calls: ClassVar[list[str]] = []

    def encode(self, password: str, salt: str) -> str:
        self.calls.append("encode")
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings) -> type[CountingHasher]:
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.calls.clear()
    return CountingHasher


def sign_in(client: Client, username: str, password: str):
    return client.post("/login/", {"username": username, "password": password})


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def normalised(html: bytes, username: str) -> str:
    """The page minus what differs by design: the (masked, 64-character) CSRF tokens and the
    echoed username."""
    text = re.sub(r"\b[A-Za-z0-9]{64}\b", "CSRF", html.decode())
    return text.replace(username, "USERNAME")


def test_two_thousand_failures_lock_out_and_never_reveal_whether_the_account_exists(
    table: Table,
) -> None:
    existing, unknown = "ua", "nobody-here"
    clients = {existing: Client(REMOTE_ADDR="10.1.0.1"), unknown: Client(REMOTE_ADDR="10.1.0.2")}
    for attempt in range(1, ATTEMPTS + 1):
        # The last attempt on the real account uses the right password: still refused.
        password = PASSWORD if attempt == ATTEMPTS else f"wrong-{attempt}"
        pages = {}
        for username, client in clients.items():
            response = sign_in(client, username, password)
            assert response.status_code == 200, (username, attempt)  # the form again
            assert not signed_in(client), (username, attempt)
            pages[username] = normalised(response.content, username)
        assert pages[existing] == pages[unknown], f"attempt {attempt} differs by account"
        expected = GENERIC_FAILURE if attempt <= 5 else "Too many failed sign-in attempts"
        assert expected in pages[existing], attempt
    assert LOCKOUT_MESSAGE.split(".")[0] in pages[existing]


def test_a_locked_out_attempt_costs_no_password_hash(
    table: Table, counting_hasher: type[CountingHasher]
) -> None:
    """With argon2 in production, hashing on every refused attempt would be a CPU lever."""
    client = Client(REMOTE_ADDR="10.2.0.1")
    for _ in range(5):
        sign_in(client, "ua", "wrong")
    assert len(counting_hasher.calls) == 5  # each ordinary failure checks one password
    counting_hasher.calls.clear()
    for _ in range(200):
        assert sign_in(client, "ua", "wrong").status_code == 200
    for _ in range(200):
        sign_in(client, "nobody-here", "wrong")
    assert counting_hasher.calls == []


def test_an_unknown_account_costs_the_same_hash_as_a_known_one(
    table: Table, counting_hasher: type[CountingHasher]
) -> None:
    """Django hashes once for a missing user too, so the work done does not tell them apart."""
    sign_in(Client(REMOTE_ADDR="10.3.0.1"), "ua", "wrong")
    known = len(counting_hasher.calls)
    counting_hasher.calls.clear()
    sign_in(Client(REMOTE_ADDR="10.3.0.2"), "nobody-here", "wrong")
    assert known == len(counting_hasher.calls) == 1


def test_failures_on_one_account_lock_that_account_from_every_address(table: Table) -> None:
    for _ in range(5):
        sign_in(Client(REMOTE_ADDR="10.4.0.1"), "ua", "wrong")
    elsewhere = Client(REMOTE_ADDR="10.4.0.2")
    refused = sign_in(elsewhere, "ua", PASSWORD)
    assert not signed_in(elsewhere) and b"Too many failed sign-in attempts" in refused.content
    other_account = Client(REMOTE_ADDR="10.4.0.3")
    assert sign_in(other_account, "ru", PASSWORD).status_code == 302
    assert signed_in(other_account)


def test_failures_from_one_address_lock_that_address_for_every_account(table: Table) -> None:
    """Password spraying: one try on each of many names from one address."""
    sprayer = Client(REMOTE_ADDR="10.5.0.1")
    for n in range(5):
        sign_in(sprayer, f"guess-{n}", "Summer2026!")
    refused = sign_in(sprayer, "us", PASSWORD)
    assert not signed_in(sprayer) and b"Too many failed sign-in attempts" in refused.content
    other_address = Client(REMOTE_ADDR="10.5.0.2")
    assert sign_in(other_address, "us", PASSWORD).status_code == 302


def test_below_the_limit_the_right_password_signs_in_and_resets_the_count(table: Table) -> None:
    client = Client(REMOTE_ADDR="10.6.0.1")
    for _ in range(4):
        sign_in(client, "mediator", "wrong")
    assert sign_in(client, "mediator", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):  # a fresh count: four more failures do not lock
        sign_in(client, "mediator", "wrong")
    assert sign_in(client, "mediator", PASSWORD).status_code == 302


def behind_proxy(client_address: str) -> Client:
    """A browser as the app sees it behind nginx: from the proxy, named in X-Forwarded-For."""
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=client_address)


def test_behind_the_proxy_each_client_address_has_its_own_count(table: Table, settings) -> None:
    """Every request comes from the proxy: counting its address would lock everybody out."""
    settings.BEHIND_TLS = True
    sprayer = behind_proxy("203.0.113.7")
    for n in range(5):
        sign_in(sprayer, f"guess-{n}", "Summer2026!")
    assert not signed_in(sprayer) and sign_in(sprayer, "us", PASSWORD).status_code == 200
    colleague = behind_proxy("198.51.100.20")
    assert sign_in(colleague, "us", PASSWORD).status_code == 302 and signed_in(colleague)


def test_without_a_proxy_a_forged_forwarded_header_does_not_escape_the_count(
    table: Table,
) -> None:
    for n in range(5):
        sign_in(Client(REMOTE_ADDR="10.7.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"), f"g{n}", "x")
    forger = Client(REMOTE_ADDR="10.7.0.1", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert sign_in(forger, "us", PASSWORD).status_code == 200 and not signed_in(forger)
