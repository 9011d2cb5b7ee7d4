from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks: confidential records, the visibility layer, the registry."""

    name = "accord.core"
    label = "core"

    def ready(self) -> None:
        from django.urls import register_converter

        from accord.core.ids import IdConverter

        register_converter(IdConverter, "id")
