"""`accord files verify`: is every uploaded file still there, byte for byte?"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from accord.cli._django import setup_django

files_app = typer.Typer(help="Uploaded files (the content-addressed store).", no_args_is_help=True)


@files_app.command("verify")
def verify(json_output: Annotated[bool, typer.Option("--json", help="Print JSON")] = False) -> None:
    """Re-hash every stored file; name each missing or altered one and who references it.
    Exit 1 when any is."""
    setup_django()
    from accord.files.selectors import blobs_verify

    report = blobs_verify()
    if json_output:
        body = {
            "checked": report.checked,
            "ok": report.ok,
            "unreferenced": report.unreferenced,
            "problems": [problem.as_dict() for problem in report.problems],
        }
        typer.echo(json.dumps(body, indent=2))
    else:
        for problem in report.problems:
            typer.echo(problem.describe())
        extra = f"; {report.unreferenced} unreferenced file(s) kept" if report.unreferenced else ""
        verdict = "all intact" if report.ok else f"{len(report.problems)} problem(s)"
        typer.echo(f"Checked {report.checked} file(s): {verdict}{extra}.")
    if not report.ok:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.add_typer(files_app, name="files")
