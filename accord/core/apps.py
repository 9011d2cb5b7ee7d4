from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks: confidential records, the visibility layer, the registry."""

    name = "accord.core"
    label = "core"
