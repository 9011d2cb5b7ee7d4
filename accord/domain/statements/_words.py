"""Word lists written as one readable string."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of `words`."""
    return frozenset(words.split())
