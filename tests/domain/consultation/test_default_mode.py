from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.domain.consultation import (
    ALGORITHM_VERSIONS,
    ConsultationDataError,
    KSmoothing,
    Votes,
    analyse,
)


def _two_camps(n: int = 120, d: int = 20, seed: int = 0) -> Votes:
    """Two opposed camps voting on every statement, with some noise and some passes."""
    rng = np.random.default_rng(seed)
    camp = np.where(np.arange(n) < n // 2, 1, -1)
    stance = np.where(np.arange(d) % 2 == 0, 1, -1)
    values = camp[:, None] * stance[None, :] * np.where(rng.random((n, d)) < 0.9, 1, -1)
    values[rng.random((n, d)) < 0.1] = 0
    p, s = np.divmod(np.arange(n * d), d)
    return Votes.from_arrays(p, s, values.ravel())


def test_default_mode_finds_the_two_camps_and_records_version() -> None:
    result = analyse(_two_camps())
    assert result.k == 2
    assert result.algorithm_version == ALGORITHM_VERSIONS["default"]
    camps = {frozenset(range(60)), frozenset(range(60, 120))}
    assert {frozenset(g.members.tolist()) for g in result.groups} == camps


def test_default_mode_is_deterministic() -> None:
    a, b = analyse(_two_camps(seed=4)), analyse(_two_camps(seed=4))
    assert np.array_equal(a.labels, b.labels)
    assert np.array_equal(a.participant_xy, b.participant_xy)


def test_one_person_groups_are_rejected_by_minimum_group_size() -> None:
    votes = _two_camps()
    loner = Votes.from_arrays(
        np.r_[votes.participant, np.full(20, 999)],
        np.r_[votes.statement, np.arange(20)],
        np.r_[votes.value, np.zeros(20, dtype=np.int8)],
    )
    result = analyse(loner, min_group_size=5)
    assert min(g.size for g in result.groups) >= 5


def test_too_few_participants_make_one_group_with_a_note() -> None:
    result = analyse(_two_camps(n=6), min_group_size=5)
    assert result.k == 1 and result.notes and "one group" in result.notes[0]


def test_empty_votes_are_refused() -> None:
    empty = Votes.from_arrays([], [], [])
    with pytest.raises(ConsultationDataError, match="empty"):
        analyse(empty)


def test_k_smoothing_holds_back_a_new_k_until_it_wins_three_times() -> None:
    votes = _two_camps()
    first = analyse(votes)
    assert first.smoothing == KSmoothing(k=2, candidate=2, streak=1)
    shown_three = _with_smoothing(first, KSmoothing(k=3, candidate=3, streak=1))
    second = analyse(votes, previous=shown_three)
    assert (second.k, second.smoothing.candidate, second.smoothing.streak) == (3, 2, 1)
    third = analyse(votes, previous=second)
    assert (third.k, third.smoothing.streak) == (3, 2)
    fourth = analyse(votes, previous=third)
    assert (fourth.k, fourth.smoothing.streak) == (2, 3)


def _with_smoothing(result, smoothing):
    from dataclasses import replace

    return replace(result, smoothing=smoothing)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 8), st.sampled_from([-1, 0, 1])),
        min_size=1,
        max_size=300,
    )
)
def test_any_valid_votes_give_consistent_results(records: list[tuple[int, int, int]]) -> None:
    votes = Votes.from_records(records)
    result = analyse(votes, min_votes=3, min_group_size=2)
    members = np.concatenate([g.members for g in result.groups]) if result.groups else []
    assert sorted(members) == sorted(result.participant_ids[result.clustered].tolist())
    assert set(result.consensus) <= set(result.statement_ids.tolist())
    assert np.all(np.isfinite(result.participant_xy))
