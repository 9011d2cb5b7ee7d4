"""`accord token create USER NAME`: an API token for scripts (shown once)."""

from __future__ import annotations

import typer

from accord.cli._django import setup_django

token_app = typer.Typer(help="API tokens for scripts.", no_args_is_help=True)


@token_app.command("create")
def create(username: str, name: str = typer.Argument("cli", help="What the token is for")) -> None:
    """Create a token for USERNAME and print it once."""
    setup_django()
    from django.contrib.auth import get_user_model

    from accord.accounts.tokens import token_create

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        typer.echo(f"No user called {username!r}.", err=True)
        raise typer.Exit(code=1)
    _token, plain = token_create(user=user, name=name)
    typer.echo(plain)


def register(app: typer.Typer) -> None:
    app.add_typer(token_app, name="token")
