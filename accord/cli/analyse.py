"""`accord analyse PATH [--json]`: frontier and bargaining points of a GENIUS scenario."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from accord.domain.analysis import Analysis

POINTS = ("nash", "kalai", "egalitarian", "utilitarian")


def register(app: typer.Typer) -> None:
    """Add the `analyse` command to the main CLI."""
    app.command("analyse")(analyse)


def analyse(
    path: Annotated[Path, typer.Argument(help="GENIUS scenario folder, or its domain XML file")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object")] = False,
    max_size: Annotated[
        int, typer.Option(help="Frontier size above which an epsilon-Pareto set is returned")
    ] = 200_000,
) -> None:
    """Pareto frontier, zone of possible agreement and bargaining points of a scenario."""
    from accord.domain.analysis import ScenarioError, analyse, load_genius

    try:
        scenario = load_genius(path)
        result = analyse(scenario, max_size=max_size)
    except ScenarioError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    _print_table(result)


def _print_table(result: Analysis) -> None:
    frontier = result.frontier
    quality = "exact" if frontier.exact else f"epsilon-Pareto set, epsilon={frontier.epsilon:.4g}"
    typer.echo(f"parties:   {', '.join(result.parties)}")
    typer.echo(f"outcomes:  {result.n_outcomes}")
    typer.echo(f"frontier:  {len(frontier)} packages ({quality})")
    typer.echo(f"ZOPA:      {'yes' if result.zopa else 'no'}")
    typer.echo(f"engine:    {result.seconds:.3f} s")
    width = max(len(name) for name in POINTS)
    header = " ".join(f"{party[:12]:>12}" for party in result.parties)
    typer.echo(f"\n{'point':<{width}} {header}  package")
    for name in POINTS:
        package = getattr(result, name)
        if package is None:
            typer.echo(f"{name:<{width}} {'(none)':>12}")
            continue
        utilities = " ".join(f"{u:>12.4f}" for u in package.utilities)
        outcome = "; ".join(f"{issue}={option}" for issue, option in package.outcome.items())
        typer.echo(f"{name:<{width}} {utilities}  {outcome}")
