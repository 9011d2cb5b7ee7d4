"""The positions matrix: latest position per party and the issue's state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from accord.domain.positions import IssueState, PositionFact, position_matrix

T0 = datetime(2026, 2, 4, tzinfo=UTC)


def fact(pid: int, issue: int, party: int, option: int | None, minutes: int) -> PositionFact:
    return PositionFact(pid, issue, party, option, T0 + timedelta(minutes=minutes))


def test_different_options_make_a_sticking_point() -> None:
    rows = position_matrix([1], [fact(1, 1, 10, 100, 0), fact(2, 1, 20, 200, 1)])
    assert rows[0].state is IssueState.STICKING


def test_latest_position_wins_and_can_converge() -> None:
    facts = [fact(1, 1, 10, 100, 0), fact(2, 1, 20, 200, 1), fact(3, 1, 20, 100, 2)]
    row = position_matrix([1], facts)[0]
    assert row.latest[20].position_id == 3
    assert row.state is IssueState.CONVERGING


def test_one_voice_leaves_an_issue_open_and_rows_keep_order() -> None:
    rows = position_matrix([2, 1], [fact(1, 1, 10, 100, 0), fact(2, 9, 10, 100, 0)])
    assert [r.issue_id for r in rows] == [2, 1]
    assert all(r.state is IssueState.OPEN for r in rows)
