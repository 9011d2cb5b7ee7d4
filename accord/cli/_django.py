"""Start Django for the commands that need the database (DATABASE_URL decides which one)."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Configure settings from the environment and initialise the app registry once."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.web.settings")
    import django

    django.setup()
