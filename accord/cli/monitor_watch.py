"""`accord monitor watch DIR --process ID [--once]`: the monitor's folder watch.

Ingests every new file dropped into DIR into the process (the same ingest as an upload: a bad
file gets its message, the rest go on; a text already stored adds nothing). Without --once it
polls the folder every --interval seconds until interrupted.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from accord.cli._django import setup_django
from accord.cli.monitor import monitor_app

ACTOR = "cli:monitor-watch"


def _new_files(folder: Path, seen: dict[str, tuple[int, int]]) -> list[Path]:
    """Regular, non-hidden files whose (size, mtime) changed since the last look."""
    found = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        stat = path.stat()
        signature = (stat.st_size, stat.st_mtime_ns)
        if seen.get(path.name) != signature:
            seen[path.name] = signature
            found.append(path)
    return found


def _ingest(process, paths: list[Path]) -> int:
    from accord.monitor.services import files_ingest

    outcomes = files_ingest(
        actor=ACTOR, process=process, files=[(path.name, path) for path in paths]
    )
    for outcome in outcomes:
        typer.echo(f"{outcome.name}: {outcome.message}", err=not outcome.ok)
    return sum(1 for outcome in outcomes if not outcome.ok)


def watch_command(
    folder: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="Folder to watch for news files.")
    ],
    process_id: Annotated[int, typer.Option("--process", help="Process id to ingest into.")],
    once: Annotated[
        bool, typer.Option("--once", help="Ingest what is there now and stop.")
    ] = False,
    interval: Annotated[float, typer.Option(help="Seconds between looks.", min=1)] = 10.0,
) -> None:
    """Ingest new text, HTML and RSS/Atom files from FOLDER into a process's monitor.

    With --once, exits with status 1 when any file could not be ingested.
    """
    setup_django()
    from accord.talks.models import Process

    process = Process.objects.filter(pk=process_id).first()
    if process is None:
        raise typer.BadParameter(f"no process with id {process_id}", param_hint="--process")
    seen: dict[str, tuple[int, int]] = {}
    while True:
        failed = _ingest(process, _new_files(folder, seen))
        if once:
            if failed:
                raise typer.Exit(code=1)
            return
        time.sleep(interval)


def register(app: typer.Typer) -> None:
    """Add `watch` to the `accord monitor` group (registered by accord.cli.monitor)."""
    monitor_app.command("watch")(watch_command)
