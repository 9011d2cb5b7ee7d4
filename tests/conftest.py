"""Shared fixtures: a negotiation table with one user per seat kind."""

from __future__ import annotations

import pytest

from tests.table import Table, build_table


@pytest.fixture
def table(db: None) -> Table:
    return build_table()
