from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The append-only, hash-chained audit trail."""

    name = "accord.audit"
    label = "audit"

    def ready(self) -> None:
        from accord.audit import seal

        seal.connect()
