"""Running the installation: migrate, serve, and Django's management commands."""

from __future__ import annotations

import os
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
    """Serve Accord with granian (WSGI) on http://HOST:PORT.

    Django and the app are loaded once here, before granian forks its workers, so a worker that
    dies (even by SIGKILL) is respawned in well under a second; jobs a previous server left
    running are marked interrupted first.
    """
    setup_django()
    from django.db import connections
    from granian import Granian
    from granian.constants import Interfaces

    import accord.web.wsgi  # noqa: F401  (preload: forked workers inherit the loaded app)
    from accord.jobs.runner import recover_interrupted_jobs

    interrupted = recover_interrupted_jobs()
    connections.close_all()  # never share a database connection across fork
    if interrupted:
        typer.echo(f"Marked {interrupted} interrupted job(s) as failed.")
    typer.echo(f"Accord is serving on http://{host}:{port}/ (Ctrl+C to stop)")
    Granian(
        "accord.web.wsgi:application",
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        respawn_failed_workers=True,
        respawn_interval=float(os.environ.get("ACCORD_RESPAWN_SECONDS", "0.5")),
    ).serve()


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
