"""Accord: a self-hosted workspace for multi-party peace negotiations."""

__version__ = "0.1.0"
