"""The watermark key: ACCORD_WATERMARK_KEY when set (share it with `accord trace`), otherwise
one derived from the installation's SECRET_KEY, so no two installations mark alike."""

from __future__ import annotations

import hashlib
import os

from django.conf import settings


def watermark_key() -> str:
    configured = os.environ.get("ACCORD_WATERMARK_KEY") or getattr(
        settings, "ACCORD_WATERMARK_KEY", ""
    )
    if configured:
        return configured
    return hashlib.sha256(f"accord-watermark\x00{settings.SECRET_KEY}".encode()).hexdigest()


def recipient_name(seat) -> str:
    """Whom a copy is marked for: the party and the person who downloaded it."""
    who = seat.membership.user.get_username()
    party = seat.party.code if seat.party is not None else "mediators"
    return f"{party} {who}"[:120]
