"""The one error a list that cannot be read raises."""

from __future__ import annotations


class ExchangeInputError(ValueError):
    """A list that cannot be read at all; the message names the file and the reason."""
