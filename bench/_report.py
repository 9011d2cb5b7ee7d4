"""Write one benchmark's section of docs/benchmarks.md without touching the others.

Each benchmark owns the text between `<!-- BEGIN name -->` and `<!-- END name -->`; running it
again replaces only that block, so the file always holds the latest figures of every engine.
"""

from __future__ import annotations

import platform
import re
from datetime import UTC, datetime
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\n"
    "Every figure below was measured by the command printed in its section, with Accord and the\n"
    "anchor run side by side in one process run on the same machine (2 cores). Re-run a section's\n"
    "command to refresh it; `make bench` refreshes all of them.\n"
)


def machine_line() -> str:
    """One line naming when and where the figures were taken."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"_Measured {stamp} on {platform.machine()}, Python {platform.python_version()}._"


def write_section(name: str, markdown: str, path: Path = BENCHMARKS_MD) -> None:
    """Replace (or append) the section called `name` with `markdown`."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    block = f"<!-- BEGIN {name} -->\n{markdown.rstrip()}\n<!-- END {name} -->"
    pattern = re.compile(
        rf"<!-- BEGIN {re.escape(name)} -->.*?<!-- END {re.escape(name)} -->", re.DOTALL
    )
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else f"{text}\n{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
