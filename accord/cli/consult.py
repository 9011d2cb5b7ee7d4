"""`accord consult ...`: analyse a public consultation from Polis open-data CSV files."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from accord.domain.consultation import ConsultationResult

consult = typer.Typer(help="Public consultation: opinion groups and consensus statements.")


@consult.command("analyse")
def analyse_command(
    directory: Annotated[Path, typer.Argument(help="Folder with Polis open-data CSV files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    compat: Annotated[
        str | None, typer.Option("--compat", help="'red-dwarf' reproduces red-dwarf 0.4.0.")
    ] = None,
) -> None:
    """Find opinion groups, their representative statements and the consensus statements."""
    from accord.domain.consultation import ConsultationDataError, analyse, read_polis

    if compat not in (None, "red-dwarf"):
        raise typer.BadParameter("only 'red-dwarf' is supported", param_hint="--compat")
    started = time.perf_counter()
    try:
        conversation = read_polis(directory)
        result = analyse(
            conversation.votes,
            mode="red-dwarf" if compat else "default",
            moderated_out=conversation.moderated_out,
        )
    except ConsultationDataError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from None
    seconds = time.perf_counter() - started
    for warning in conversation.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if as_json:
        typer.echo(json.dumps(_as_json(result, seconds)))
    else:
        texts = {s.id: s.text for s in conversation.statements}
        typer.echo(_as_text(result, texts, seconds))


def _as_json(result: ConsultationResult, seconds: float) -> dict[str, object]:
    return {
        "n_participants": result.n_participants,
        "n_statements": result.n_statements,
        "k": result.k,
        "groups": [
            {
                "id": g.id,
                "members": g.members.tolist(),
                "repness": [s.statement_id for s in g.repness],
            }
            for g in result.groups
        ],
        "consensus": list(result.consensus),
        "seconds": round(seconds, 4),
    }


def _as_text(result: ConsultationResult, texts: dict[int, str], seconds: float) -> str:
    r = result
    lines = [
        f"{r.n_participants} participants, {r.n_statements} statements, "
        f"{r.k} opinion groups ({r.algorithm_version}, {seconds:.3f} s)",
    ]
    for g in r.groups:
        lines.append(f"\nGroup {g.id}: {g.size} participants")
        lines += [
            f"  {s.direction:8} #{s.statement_id}: {_short(texts, s.statement_id)}"
            for s in g.repness
        ]
    lines.append("\nConsensus:")
    lines += [
        f"  {c.direction:8} #{c.statement_id}: {_short(texts, c.statement_id)}"
        for c in (*r.consensus_agree, *r.consensus_disagree)
    ]
    return "\n".join(lines)


def _short(texts: dict[int, str], statement_id: int) -> str:
    text = " ".join(texts.get(statement_id, "").split())
    return text if len(text) <= 90 else text[:87] + "..."


def register(app: typer.Typer) -> None:
    """Add `accord consult` to the main command line."""
    app.add_typer(consult, name="consult")
