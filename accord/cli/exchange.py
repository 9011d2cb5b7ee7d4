"""`accord exchange link|dedupe`: reconcile prisoner-exchange lists from the command line."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from accord.domain.exchange import ExchangeList

exchange_app = typer.Typer(
    help="Prisoner-exchange lists: link two lists across scripts, flag duplicates.",
    no_args_is_help=True,
)
_SHOWN_WARNINGS = 20

Output = Annotated[Path, typer.Option("-o", "--output", help="CSV file to write.")]


@exchange_app.command("link")
def link_command(
    left: Annotated[Path, typer.Argument(help="First list (CSV or XLSX).")],
    right: Annotated[Path, typer.Argument(help="Second list (CSV or XLSX).")],
    output: Output,
    left_id: Annotated[str | None, typer.Option(help="Id column of LEFT (default: first).")] = None,
    right_id: Annotated[
        str | None, typer.Option(help="Id column of RIGHT (default: first).")
    ] = None,
) -> None:
    """Pair the people of two lists one-to-one; write left_id,right_id,score,decision."""
    from accord.domain.exchange import link

    left_list = _read(left, left_id)
    right_list = _read(right, right_id)
    links = link(left_list.records, right_list.records)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["left_id", "right_id", "score", "decision"])
        for item in links:
            writer.writerow([item.left_id, item.right_id, f"{item.score:.6f}", item.decision])
    accepted = sum(item.decision == "accept" for item in links)
    typer.echo(
        f"{len(left_list.records)} x {len(right_list.records)} records: {accepted} accepted, "
        f"{len(links) - accepted} to review; written to {output}",
        err=True,
    )


@exchange_app.command("dedupe")
def dedupe_command(
    list_path: Annotated[Path, typer.Argument(metavar="LIST", help="A list (CSV or XLSX).")],
    output: Output,
    id_column: Annotated[str | None, typer.Option(help="Id column (default: first).")] = None,
) -> None:
    """Flag possible duplicates within one list; write group,left_id,right_id,score,decision."""
    from accord.domain.exchange import dedupe

    read = _read(list_path, id_column)
    groups = dedupe(read.records)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["group", "left_id", "right_id", "score", "decision"])
        for number, group in enumerate(groups, start=1):
            for pair in group.pairs:
                decision = "duplicate" if pair.decision == "accept" else "review"
                writer.writerow(
                    [number, pair.left_id, pair.right_id, f"{pair.score:.6f}", decision]
                )
    typer.echo(
        f"{len(read.records)} records: {len(groups)} groups flagged; written to {output}", err=True
    )


def _read(path: Path, id_column: str | None) -> ExchangeList:
    from accord.domain.exchange import ExchangeInputError, read_list

    try:
        read = read_list(path, id_column=id_column)
    except ExchangeInputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    for warning in read.warnings[:_SHOWN_WARNINGS]:
        typer.echo(f"{path.name}: {warning}", err=True)
    if len(read.warnings) > _SHOWN_WARNINGS:
        typer.echo(f"{path.name}: {len(read.warnings) - _SHOWN_WARNINGS} more warnings", err=True)
    return read


def register(app: typer.Typer) -> None:
    """Add `accord exchange ...`."""
    app.add_typer(exchange_app, name="exchange")
