"""`accord demo load` and `accord demo logins`: the Abu Dhabi talks as a built-in demo."""

from __future__ import annotations

import typer

from accord.cli._django import setup_django

demo_app = typer.Typer(
    help="The built-in demo scenario (the Abu Dhabi talks).", no_args_is_help=True
)


@demo_app.command("load")
def load() -> None:
    """Load the demo scenario once (a second run keeps the data as it is)."""
    setup_django()
    from accord.demo.load import load_demo

    process, created = load_demo()
    verb = "Loaded" if created else "Already loaded:"
    typer.echo(f"{verb} demo scenario '{process.name}'.")


@demo_app.command("logins")
def logins() -> None:
    """Print the demo logins, one per seat, so you can switch seats and compare."""
    from accord.demo.scenario import ADMIN_LOGIN, EXTRA_LOGINS, LOGINS

    typer.echo("Demo logins (http://127.0.0.1:8000/login/):")
    for username, (password, _role, _code, label) in LOGINS.items():
        typer.echo(f"  {username:<10} password {password:<15} {label}")
    for username, (password, label) in EXTRA_LOGINS.items():
        typer.echo(f"  {username:<10} password {password:<15} {label}")
    admin_name, admin_password = ADMIN_LOGIN
    typer.echo(
        f"  {admin_name:<10} password {admin_password:<15} operator (accounts only, /admin/)"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(demo_app, name="demo")
