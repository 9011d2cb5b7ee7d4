from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Sign-in, throttling and per-user API tokens."""

    name = "accord.accounts"
    label = "accounts"
