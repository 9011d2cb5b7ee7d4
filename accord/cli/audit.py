"""`accord audit verify`: walk the hash chain and name the first broken link."""

from __future__ import annotations

import typer

from accord.cli._django import setup_django

audit_app = typer.Typer(help="The hash-chained audit trail.", no_args_is_help=True)


@audit_app.command("verify")
def verify() -> None:
    """Check every audit entry against its hash and its predecessor."""
    setup_django()
    from accord.audit.services import audit_verify

    count, first_break = audit_verify()
    if first_break is None:
        typer.echo(f"Audit chain intact: {count} entries verified.")
        return
    typer.echo(f"Audit chain BROKEN at entry {first_break.seq}: {first_break.reason}.", err=True)
    raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
