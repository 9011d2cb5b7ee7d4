"""red-dwarf 0.4.0 (MPL-2.0) is the test-only oracle: the compatible mode must reproduce it."""

from __future__ import annotations

import numpy as np
import pytest
from reddwarf.implementations.polis import run_pipeline

from accord.domain.consultation import analyse, read_polis

from ._data import CONVERSATIONS, conversation_dir


def _red_dwarf(name: str):
    conversation = read_polis(conversation_dir(name))
    v = conversation.votes
    records = [
        {"participant_id": int(p), "statement_id": int(s), "vote": int(x), "modified": int(t)}
        for p, s, x, t in zip(v.participant, v.statement, v.value, v.timestamp, strict=True)
    ]
    oracle = run_pipeline(
        votes=records, mod_out_statement_ids=list(conversation.moderated_out), random_state=42
    )
    ours = analyse(v, mode="red-dwarf", moderated_out=conversation.moderated_out)
    return oracle, ours


@pytest.fixture(scope="module", params=CONVERSATIONS)
def pair(request: pytest.FixtureRequest):
    return _red_dwarf(request.param)


def test_same_number_of_groups(pair) -> None:
    oracle, ours = pair
    assert ours.k == len(set(oracle.participants_df["cluster_id"].dropna()))


def test_same_group_members_up_to_labels(pair) -> None:
    oracle, ours = pair
    theirs: dict[int, set[int]] = {}
    for pid, cid in oracle.participants_df["cluster_id"].dropna().items():
        theirs.setdefault(int(cid), set()).add(int(pid))
    assert {frozenset(g) for g in theirs.values()} == {
        frozenset(g.members.tolist()) for g in ours.groups
    }


def test_same_consensus_statements_in_order(pair) -> None:
    oracle, ours = pair
    assert [c.statement_id for c in ours.consensus_agree] == [
        c["tid"] for c in oracle.consensus["agree"]
    ]
    assert [c.statement_id for c in ours.consensus_disagree] == [
        c["tid"] for c in oracle.consensus["disagree"]
    ]


def test_same_representative_statements(pair) -> None:
    oracle, ours = pair
    by_members = {frozenset(g.members.tolist()): g for g in ours.groups}
    for gid, statements in oracle.repness.items():
        members = oracle.participants_df.index[oracle.participants_df["cluster_id"] == gid]
        group = by_members[frozenset(int(m) for m in members)]
        assert [s.statement_id for s in group.repness] == [s["tid"] for s in statements]
        assert [s.direction for s in group.repness] == [s["repful-for"] for s in statements]


def test_same_projection_and_clustered_participants(pair) -> None:
    oracle, ours = pair
    theirs = np.array([oracle.participant_projections[p] for p in ours.participant_ids])
    assert np.allclose(theirs, ours.participant_xy, atol=1e-3)
    assert set(ours.participant_ids[ours.clustered].tolist()) == set(
        oracle.participants_df.index[oracle.participants_df["to_cluster"]].tolist()
    )
    assert np.allclose(
        ours.group_aware_consensus_agree,
        oracle.statements_df["group-aware-consensus-agree"].to_numpy(),
    )
