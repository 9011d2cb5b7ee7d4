"""Login throttling: after N failures for one username or one address, wait.

The lockout message is the same whether the account exists or not, so it reveals nothing.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

LOCKOUT_MESSAGE = "Too many failed sign-in attempts. Wait a few minutes before you try again."


def client_address(request: HttpRequest | None) -> str:
    """The address that failures are counted against.

    Behind the reverse proxy (ACCORD_BEHIND_TLS=1, docs/deploy.md) every request arrives from
    the proxy's own address, so REMOTE_ADDR would be one counter shared by everybody: five
    failures by anyone would lock every address out. There the last X-Forwarded-For entry, the
    one the proxy itself wrote, is the client. Without a proxy a client could forge that
    header to escape its own count, so it is ignored.
    """
    if request is None:
        return ""
    if settings.BEHIND_TLS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded[:45]
    return request.META.get("REMOTE_ADDR", "")[:45]


def _keys(username: str, address: str) -> list[str]:
    name = hashlib.sha256(username.strip().lower().encode("utf-8")).hexdigest()[:32]
    return [f"login-fail:user:{name}", f"login-fail:addr:{address}"]


def is_locked(username: str, address: str) -> bool:
    return any(
        (cache.get(key) or 0) >= settings.LOGIN_FAILURE_LIMIT for key in _keys(username, address)
    )


def record_failure(username: str, address: str) -> None:
    for key in _keys(username, address):
        count = (cache.get(key) or 0) + 1
        cache.set(key, count, settings.LOGIN_LOCKOUT_SECONDS)


def clear(username: str, address: str) -> None:
    for key in _keys(username, address):
        cache.delete(key)
