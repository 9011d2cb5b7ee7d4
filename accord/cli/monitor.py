"""`accord monitor extract`: attributed statements from news files, one JSON object per line."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

monitor_app = typer.Typer(
    help="Statement monitor: who said what in news text (text, HTML, RSS/Atom files).",
    no_args_is_help=True,
)


class OutputFormat(StrEnum):
    """Output formats of `monitor extract`."""

    jsonl = "jsonl"


@monitor_app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Text, HTML or RSS/Atom files.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.jsonl,
    full: Annotated[
        bool, typer.Option("--full", help="Add date, speaker type and proposed-person flag.")
    ] = False,
    known: Annotated[
        Path | None,
        typer.Option(help="JSON list of known persons: {name, party, role, aliases}."),
    ] = None,
) -> None:
    """Print one JSON object per statement; a bad file gets a message on stderr, the rest go on.

    Exits with status 1 when any file could not be read (after reading all the others).
    """
    from accord.domain.statements import extract, load_file

    known_persons = _known_persons(known) if known else []
    failed = 0
    for path in files:
        report = load_file(path)
        if report.error:
            failed += 1
            typer.echo(f"{path}: {report.error}", err=True)
            continue
        for document in report.documents:
            for statement in extract(
                document.text,
                doc_id=document.doc_id,
                known_persons=known_persons,
                published=document.published,
            ):
                row = statement.to_dict() if full else statement.to_cli_dict()
                typer.echo(json.dumps(row, ensure_ascii=False))
    if failed:
        raise typer.Exit(code=1)


def _known_persons(path: Path) -> list:
    from accord.domain.statements import KnownPerson

    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [
            KnownPerson(
                name=row["name"],
                party=row.get("party"),
                role=row.get("role"),
                aliases=tuple(row.get("aliases", ())),
            )
            for row in rows
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        typer.echo(f"{path}: cannot read known persons ({error})", err=True)
        raise typer.Exit(code=2) from error


def register(app: typer.Typer) -> None:
    """Add `accord monitor ...` to the main CLI."""
    app.add_typer(monitor_app, name="monitor")
