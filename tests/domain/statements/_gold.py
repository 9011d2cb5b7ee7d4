"""Shared helpers for gold-annotated fixtures."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "statements"
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


def load_gold(name: str) -> list[dict]:
    """The gold statements of fixture `name` (one JSON object per line)."""
    lines = (FIXTURES / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_text(name: str) -> str:
    """The article text of fixture `name`."""
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def diff(expected: set, got: set) -> str:
    """A readable difference between two sets of tuples."""
    missing = "\n".join(f"  missing: {item}" for item in sorted(expected - got, key=str))
    extra = "\n".join(f"  extra:   {item}" for item in sorted(got - expected, key=str))
    return f"\n{missing}\n{extra}"
