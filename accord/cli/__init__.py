"""The `accord` command line: one entry point for the server, the data and every engine.

Each module in this package that defines `register(app)` adds its commands; modules import heavy
engines inside their command functions so that `accord --help` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="accord",
    help="Accord: a self-hosted workspace for multi-party peace negotiations.",
    no_args_is_help=True,
    add_completion=False,
)


def _register_commands() -> None:
    """Let every command module of this package add its commands to the app."""
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def main() -> None:
    """Console-script entry point."""
    app()
