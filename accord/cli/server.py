"""Running the installation: migrate, serve, and Django's management commands."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from accord.cli._django import setup_django


def migrate() -> None:
    """Create or update the database schema (and the cache table) for DATABASE_URL."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1)
    call_command("createcachetable", verbosity=0)


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on"),
    port: int = typer.Option(8000, help="Port to listen on"),
    workers: int = typer.Option(1, help="Worker processes"),
    threads: int = typer.Option(4, help="Blocking threads per worker"),
) -> None:
    """Serve Accord with granian (WSGI) on http://HOST:PORT."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.web.settings")
    typer.echo(f"Accord is serving on http://{host}:{port}/ (Ctrl+C to stop)")
    args = [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--blocking-threads",
        str(threads),
        "accord.web.wsgi:application",
    ]
    os.execv(sys.executable, args)


def manage(
    args: Annotated[list[str] | None, typer.Argument(help="Arguments for manage.py")] = None,
) -> None:
    """Run a Django management command, e.g. `accord manage createsuperuser`."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["accord manage", *(args or [])])


def register(app: typer.Typer) -> None:
    app.command()(migrate)
    app.command()(serve)
    app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(manage)
