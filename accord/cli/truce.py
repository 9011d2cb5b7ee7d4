"""`accord truce ...` and `accord agreement ...`: the registers from the command line.

Commands act as one seat (`--as USERNAME`); without it, as the process's first mediator seat.
Every read goes through that seat's visibility, exactly as on the web.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli._django import setup_django

truce_app = typer.Typer(help="Truces and the shared incident register.", no_args_is_help=True)
agreement_app = typer.Typer(help="Agreements and their implementation.", no_args_is_help=True)

AsUser = Annotated[
    str | None, typer.Option("--as", help="Act as this user's seat (default: a mediator seat)")
]
TruceId = Annotated[int, typer.Option("--truce", help="Truce id")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON")]
MAX_BYTES = 50 * 1024 * 1024


def _seat(process: Any, username: str | None) -> Any:
    from django.contrib.auth import get_user_model

    from accord.talks.access import access_process
    from accord.talks.models import Membership

    if username:
        user = get_user_model().objects.filter(username=username).first()
    else:
        seat = Membership.objects.filter(process=process, role="mediator").order_by("id").first()
        user = seat.user if seat else None
    if user is None:
        raise typer.BadParameter("No such user (or no mediator seat in this process).")
    try:
        return access_process(user, process.pk)
    except Exception as error:  # Http404: the user has no seat here
        raise typer.BadParameter(f"{user.get_username()} has no seat in this process.") from error


def _truce(truce_id: int) -> Any:
    from accord.truces.models import Truce

    truce = Truce.objects.select_related("process").filter(pk=truce_id).first()
    if truce is None:
        raise typer.BadParameter(f"No truce {truce_id}.")
    return truce


def _visible_truce(truce_id: int, username: str | None) -> tuple[Any, Any]:
    from django.http import Http404

    from accord.truces import selectors

    truce = _truce(truce_id)
    seat = _seat(truce.process, username)
    try:
        return seat, selectors.truce_get(seat=seat, truce_id=truce_id)
    except Http404:
        raise typer.BadParameter(f"Truce {truce_id} is not visible to that seat.") from None


@truce_app.command("list")
def truce_list(
    as_json: Json = False,
    username: AsUser = None,
) -> None:
    """List the truces visible to the seat (in every process it sits in)."""
    setup_django()
    from accord.talks.models import Process
    from accord.truces import selectors

    rows = []
    for process in Process.objects.order_by("id"):
        try:
            seat = _seat(process, username)
        except typer.BadParameter:
            continue
        for truce in selectors.truce_list(seat=seat):
            rows.append({"id": truce.pk, "name": truce.name, "process": process.name})
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['id']:>6}  {row['name']}  ({row['process']})")


@truce_app.command("import")
def truce_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="ACLED-style CSV")],
    truce_id: TruceId,
    visibility: Annotated[
        str, typer.Option(help="own, mediator, parties, observers or public")
    ] = "own",
    username: AsUser = None,
) -> None:
    """Import incident reports; all rows or none, and the same rows twice add nothing."""
    setup_django()
    from django.core.exceptions import ValidationError

    from accord.domain.register import decode
    from accord.domain.visibility import Visibility
    from accord.truces import services

    seat, truce = _visible_truce(truce_id, username)
    if file.stat().st_size > MAX_BYTES:
        raise typer.BadParameter(f"The file is larger than {MAX_BYTES} bytes.")
    try:
        text = decode(file.read_bytes())
        level = Visibility(visibility)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error
    try:
        result = services.reports_import(seat=seat, truce=truce, text=text, visibility=level)
    except ValidationError as error:
        for message in error.messages:
            typer.echo(message, err=True)
        typer.echo("Nothing was imported.", err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"Imported {result.added} report(s); {result.already_imported} already imported; "
        f"{result.duplicates_in_file} duplicate row(s) in the file."
    )


@truce_app.command("export")
def truce_export(
    truce_id: TruceId,
    output: Annotated[Path, typer.Option("-o", "--output", help="CSV file to write")],
    username: AsUser = None,
) -> None:
    """Export the reports the seat may see in ACLED's layout, plus verification status."""
    setup_django()
    from accord.domain.register import write_acled_csv
    from accord.truces import selectors

    seat, truce = _visible_truce(truce_id, username)
    rows = selectors.export_rows(seat=seat, truce=truce)
    output.write_text(write_acled_csv(rows), encoding="utf-8", newline="")
    typer.echo(f"Wrote {len(rows)} report(s) to {output}.")


@agreement_app.command("status")
def agreement_status(
    agreement_id: Annotated[int, typer.Argument(help="Agreement id")],
    as_json: Json = False,
    username: AsUser = None,
) -> None:
    """Provisions with their latest status and the overall implementation score."""
    setup_django()
    from django.http import Http404

    from accord.agreements import selectors
    from accord.agreements.models import Agreement

    found = Agreement.objects.select_related("process").filter(pk=agreement_id).first()
    if found is None:
        raise typer.BadParameter(f"No agreement {agreement_id}.")
    seat = _seat(found.process, username)
    try:
        agreement = selectors.agreement_get(seat=seat, agreement_id=agreement_id)
    except Http404:
        raise typer.BadParameter(f"Agreement {agreement_id} is not visible to that seat.") from None
    report = selectors.agreement_report(seat=seat, agreement=agreement)
    data = selectors.status_json(report, seat=seat)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    score = data["score"]
    typer.echo(f"{data['title']}: {score['mean'] if score else '—'} of 3")
    for p in data["provisions"]:
        latest = p["latest"]
        label = f"{latest['level']} {latest['label']}" if latest else "no status"
        typer.echo(f"  {p['number']}. [{label}] {p['party'] or 'all'}: {p['action']}")


def register(app: typer.Typer) -> None:
    app.add_typer(truce_app, name="truce")
    app.add_typer(agreement_app, name="agreement")
