from __future__ import annotations

import numpy as np
import pytest
from dask.distributed import Client, LocalCluster

from accord.domain.consultation import (
    IncrementalConsultation,
    Votes,
    analyse,
    distributed_gram,
    read_polis,
)
from accord.domain.consultation._matrix import build_matrix
from accord.domain.consultation._pca import centred, column_means

from ._data import conversation_dir


def _scratch_gram(votes: Votes) -> np.ndarray:
    matrix = build_matrix(votes)
    none = np.zeros(matrix.statement_ids.size, dtype=bool)
    c = centred(matrix, column_means(matrix, none), none)
    return np.asarray((c.T @ c).toarray())


def _same(a, b) -> None:
    assert a.k == b.k
    assert [g.members.tolist() for g in a.groups] == [g.members.tolist() for g in b.groups]
    assert a.consensus == b.consensus
    assert np.allclose(np.abs(a.participant_xy), np.abs(b.participant_xy), atol=1e-8)


@pytest.fixture(scope="module")
def brexit():
    return read_polis(conversation_dir("brexit-consensus"))


def test_incremental_sums_equal_from_scratch_with_changed_votes(brexit) -> None:
    votes = brexit.votes
    rng = np.random.default_rng(3)
    batches = np.array_split(rng.permutation(len(votes)), 5)
    updater = IncrementalConsultation()
    for batch in batches:
        keep = np.sort(batch)
        updater.add(Votes(votes.participant[keep], votes.statement[keep], votes.value[keep]))
    flipped = np.flatnonzero(votes.value == 1)[:40]
    updater.add(
        Votes(
            votes.participant[flipped],
            votes.statement[flipped],
            np.full(flipped.size, -1, dtype=np.int8),
        )
    )
    final = votes.value.copy()
    final[flipped] = -1
    scratch = Votes(votes.participant, votes.statement, final)
    gram = updater.gram()
    assert np.array_equal(gram.statement_ids, np.unique(votes.statement))
    assert np.allclose(gram.matrix, _scratch_gram(scratch), atol=1e-8)
    for mode in ("red-dwarf", "default"):
        incremental = updater.analyse(mode=mode, moderated_out=brexit.moderated_out, previous=None)
        _same(incremental, analyse(scratch, mode=mode, moderated_out=brexit.moderated_out))


def test_dask_gram_and_result_equal_in_memory(brexit) -> None:
    with (
        LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        gram = distributed_gram(brexit.votes, client, partitions=3)
    assert np.allclose(gram.matrix, _scratch_gram(brexit.votes), atol=1e-8)
    for mode in ("red-dwarf", "default"):
        _same(
            analyse(brexit.votes, mode=mode, moderated_out=brexit.moderated_out, gram=gram),
            analyse(brexit.votes, mode=mode, moderated_out=brexit.moderated_out),
        )
