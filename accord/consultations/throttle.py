"""Rate limits for anonymous participants, counted in the cache per fixed window."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache


class RateLimited(Exception):
    """Too many actions in the current window; the message says what and how long to wait."""


def _limits() -> dict[str, tuple[int, int, str]]:
    """Action -> (limit, window seconds, message)."""
    return {
        "vote": (
            getattr(settings, "ACCORD_CONSULT_VOTES_PER_MINUTE", 30),
            60,
            "You are voting very fast. Please take a minute to read the statements, then carry on.",
        ),
        "statement": (
            getattr(settings, "ACCORD_CONSULT_STATEMENTS_PER_HOUR", 10),
            3600,
            "You have submitted many statements this hour. Please try again later.",
        ),
        "join": (
            getattr(settings, "ACCORD_CONSULT_NEW_PARTICIPANTS_PER_HOUR", 200),
            3600,
            "Too many new participants from this network this hour. Please try again later.",
        ),
    }


def throttle(action: str, who: str) -> None:
    """Count one `action` by `who` (an opaque key); raise RateLimited past the limit."""
    limit, window, message = _limits()[action]
    key = f"consult:{action}:{who}:{int(time.time()) // window}"
    if cache.add(key, 1, window + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window + 5)
            count = 1
    if count > limit:
        raise RateLimited(message)
