"""Operating an installation: `accord backup`, `accord restore`, `accord doctor`, and
`accord ops export|erase|reset-2fa USER` for data protection and lost authenticators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from accord.cli._django import setup_django

ops_app = typer.Typer(help="Data protection and account operations.", no_args_is_help=True)

PASSPHRASE_HELP = "File whose first line is the passphrase (encrypts / decrypts the backup)"


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    phrase = lines[0].strip() if lines else ""
    if len(phrase) < 8:
        typer.echo("The passphrase must have at least 8 characters.", err=True)
        raise typer.Exit(code=2)
    return phrase


Passphrase = Annotated[Path | None, typer.Option(help=PASSPHRASE_HELP)]


def backup(
    out: Annotated[Path, typer.Argument(help="Archive to write")],
    passphrase_file: Passphrase = None,
) -> None:
    """Back up the database, the audit chain and the uploaded files (safe while serving)."""
    setup_django()
    from accord.ops.backup import BackupError, backup_create

    try:
        manifest = backup_create(out, passphrase=_passphrase(passphrase_file))
    except BackupError as exc:
        typer.echo(f"Backup failed: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    sealed = " (encrypted)" if passphrase_file else ""
    typer.echo(f"Backup written to {out}{sealed}: {len(manifest.members)} members.")


def restore(
    source: Annotated[Path, typer.Argument(help="Archive made by `accord backup`")],
    passphrase_file: Passphrase = None,
    force: Annotated[bool, typer.Option(help="Overwrite an installation holding data")] = False,
) -> None:
    """Restore a backup into an empty installation, then verify the audit chain."""
    setup_django()
    from accord.audit.services import audit_verify
    from accord.ops.backup import BackupError, backup_restore

    try:
        manifest = backup_restore(source, passphrase=_passphrase(passphrase_file), force=force)
    except BackupError as exc:
        typer.echo(f"Restore refused: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    count, first_break = audit_verify()
    typer.echo(f"Restored the backup of {manifest.created_at}; {count} audit entries.")
    if first_break is not None:
        typer.echo(f"Audit chain BROKEN at entry {first_break.seq}.", err=True)
        raise typer.Exit(code=1)


def doctor() -> None:
    """Report what is misconfigured or broken; exit 1 when anything is wrong."""
    setup_django()
    from accord.ops.doctor import ERROR, describe, diagnose

    findings = diagnose()
    for finding in findings:
        typer.echo(f"{finding.level.upper():8} {finding.message}")
    if any(f.level == ERROR for f in findings):
        raise typer.Exit(code=1)
    typer.echo(f"OK: {describe()}." if not findings else "No errors (see warnings above).")


def _user(username: str):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        typer.echo(f"No user called {username!r}.", err=True)
        raise typer.Exit(code=1)
    return user


@ops_app.command("export")
def export(username: str) -> None:
    """Print everything Accord holds about USERNAME as JSON (a subject access request)."""
    setup_django()
    from accord.ops.personal import personal_export

    typer.echo(json.dumps(personal_export(user=_user(username)), indent=2, ensure_ascii=False))


@ops_app.command("erase")
def erase(
    username: str, yes: Annotated[bool, typer.Option("--yes", help="Do not ask")] = False
) -> None:
    """Anonymise USERNAME: records and audit entries stay, the person's data goes."""
    setup_django()
    from accord.ops.personal import account_erase

    user = _user(username)
    if not yes:
        typer.confirm(f"Erase {username} for good?", abort=True)
    typer.echo(f"{username} is now {account_erase(actor=None, user=user)}.")


@ops_app.command("reset-2fa")
def reset_two_factor(username: str) -> None:
    """Remove USERNAME's authenticator and recovery codes (they enrol again at sign-in)."""
    setup_django()
    from accord.accounts.twofactor import two_factor_reset

    two_factor_reset(actor=None, user=_user(username))
    typer.echo(f"Two-factor devices of {username} removed.")


def register(app: typer.Typer) -> None:
    app.command()(backup)
    app.command()(restore)
    app.command()(doctor)
    app.add_typer(ops_app, name="ops")
