"""The participants x statements vote matrix, sparse, with passes kept as explicit zeros."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from ._votes import Votes

if TYPE_CHECKING:
    import scipy.sparse as sp

DENSE_ID_LIMIT = 50_000_000


@dataclass(frozen=True, eq=False)
class VoteMatrix:
    """Rows are participants (sorted ids), columns statements (sorted ids), values -1/0/1.

    Missing votes are absent entries; a pass is a stored 0, so the sparsity pattern is "voted".
    """

    participant_ids: NDArray[np.int64]
    statement_ids: NDArray[np.int64]
    values: sp.csr_matrix

    @property
    def votes_per_participant(self) -> NDArray[np.int64]:
        return np.diff(self.values.indptr).astype(np.int64)

    def column_mask(self, statement_ids: tuple[int, ...] | list[int]) -> NDArray[np.bool_]:
        """True for the columns whose statement id is in `statement_ids`."""
        return np.isin(self.statement_ids, np.asarray(statement_ids, dtype=np.int64))

    def rows_of_entries(self) -> NDArray[np.intp]:
        """The row index of every stored entry, aligned with `values.data`."""
        return np.repeat(np.arange(self.values.shape[0]), np.diff(self.values.indptr))


def build_matrix(votes: Votes) -> VoteMatrix:
    """Index validated votes (already sorted by participant, statement) into a CSR matrix."""
    starts = np.flatnonzero(np.r_[True, votes.participant[1:] != votes.participant[:-1]])
    participant_ids = votes.participant[starts]
    indptr = np.r_[starts, votes.participant.size].astype(np.int64)
    import scipy.sparse as sp  # scipy loads on first use, not at start-up

    statement_ids, columns = _compact(votes.statement)
    values = sp.csr_matrix(
        (votes.value.astype(np.float64), columns.astype(np.int32), indptr),
        shape=(participant_ids.size, statement_ids.size),
    )
    return VoteMatrix(participant_ids, statement_ids, values)


def _compact(ids: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.intp]]:
    """Sorted distinct ids and each id's position; a lookup table when ids are small."""
    if ids.size and ids.min() >= 0 and ids.max() < DENSE_ID_LIMIT:
        present = np.bincount(ids) > 0
        lookup = np.cumsum(present) - 1
        return np.flatnonzero(present).astype(np.int64), lookup[ids]
    distinct, position = np.unique(ids, return_inverse=True)
    return distinct, position
