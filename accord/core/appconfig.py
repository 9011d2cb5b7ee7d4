"""The base of every Accord app: on start, an app's `confidential.py` registers with the crawl."""

from __future__ import annotations

import importlib
import importlib.util

from django.apps import AppConfig


class AccordAppConfig(AppConfig):
    """Imports `<app>.confidential` when it exists (it registers models and URL parameters)."""

    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        module = f"{self.name}.confidential"
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)
