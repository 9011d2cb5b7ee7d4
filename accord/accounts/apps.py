from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Sign-in, two-factor, sessions, throttling and per-user API tokens."""

    name = "accord.accounts"
    label = "accounts"

    def ready(self) -> None:
        from accord.accounts import sessions

        sessions.connect()
