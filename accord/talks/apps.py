from django.apps import AppConfig


class TalksConfig(AppConfig):
    """The negotiation table: process, parties, people, rounds, sessions, issues, positions."""

    name = "accord.talks"
    label = "talks"

    def ready(self) -> None:
        from accord.talks import confidential  # noqa: F401  (registers with the crawl)
