"""The one error the analysis engine raises for bad input, so callers can show it verbatim."""

from __future__ import annotations


class ScenarioError(ValueError):
    """A scenario or GENIUS file that cannot be analysed; the message names the file and element."""
