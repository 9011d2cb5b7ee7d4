"""Where the real Polis conversations live (the repository's parent holds shared/)."""

from __future__ import annotations

from pathlib import Path

POLIS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "polis"
CONVERSATIONS = ("15-per-hour-seattle", "brexit-consensus", "vtaiwan.uberx")


def conversation_dir(name: str) -> Path:
    """The folder of one real conversation; fail loudly when the shared data is missing."""
    folder = POLIS / name
    if not (folder / "comments.csv").exists():
        raise AssertionError(f"shared Polis data missing: {folder} (expected ../shared/data/polis)")
    return folder
