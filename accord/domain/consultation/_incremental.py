"""Votes arriving continuously: running statement x statement sums, so the covariance (and
with it the PCA) is recomputed from d x d sums instead of re-reading every vote.

For votes v (0 where missing) and voted indicators o, the sums V^T V, V^T O and O^T O give the
Gram matrix of the centred matrix exactly: G = VV - mu_k VO - mu_j VO^T + mu_j mu_k OO.
A changed vote subtracts its participant's old row and adds the new one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._analyse import analyse
from ._pca import StatementGram
from ._result import ConsultationResult
from ._votes import Votes


class IncrementalConsultation:
    """Accumulate validated votes in arrival order (later votes win) and analyse on demand."""

    def __init__(self) -> None:
        self._rows: dict[int, dict[int, int]] = {}
        self._slot: dict[int, int] = {}
        self._vv = np.zeros((0, 0))
        self._vo = np.zeros((0, 0))
        self._oo = np.zeros((0, 0))
        self.previous: ConsultationResult | None = None

    def add(self, votes: Votes) -> None:
        """Fold a batch of votes in; each participant's row is updated once per batch."""
        self._grow(np.unique(votes.statement))
        starts = np.flatnonzero(np.r_[True, votes.participant[1:] != votes.participant[:-1]])
        for a, b in zip(starts, np.r_[starts[1:], len(votes)], strict=True):
            pid = int(votes.participant[a])
            row = self._rows.setdefault(pid, {})
            self._fold(row, -1.0)
            row.update(zip(votes.statement[a:b].tolist(), votes.value[a:b].tolist(), strict=True))
            self._fold(row, 1.0)

    def votes(self) -> Votes:
        """All current final votes."""
        triples = [(p, s, v) for p, row in self._rows.items() for s, v in row.items()]
        return Votes.from_records(triples)

    def gram(self) -> StatementGram:
        """C^T C of the centred vote matrix, from the running sums only."""
        ids = np.array(sorted(self._slot), dtype=np.int64)
        order = np.array([self._slot[int(s)] for s in ids], dtype=np.intp)
        vv, vo, oo = (m[np.ix_(order, order)] for m in (self._vv, self._vo, self._oo))
        counts = np.diag(oo)
        means = np.divide(np.diag(vo), counts, out=np.zeros_like(counts), where=counts > 0)
        g = vv - vo * means[None, :] - vo.T * means[:, None] + oo * np.outer(means, means)
        return StatementGram(ids, g)

    def analyse(self, **options: Any) -> ConsultationResult:
        """`analyse` over the current votes with the running Gram; k-smoothing across calls."""
        options.setdefault("previous", self.previous)
        self.previous = analyse(self.votes(), gram=self.gram(), **options)
        return self.previous

    def _fold(self, row: dict[int, int], sign: float) -> None:
        if not row:
            return
        slots = np.array([self._slot[s] for s in row], dtype=np.intp)
        values = np.array(list(row.values()), dtype=np.float64)
        block = np.ix_(slots, slots)
        self._vv[block] += sign * np.outer(values, values)
        self._vo[block] += sign * values[:, None]
        self._oo[block] += sign

    def _grow(self, statement_ids: NDArray[np.int64]) -> None:
        new = [int(s) for s in statement_ids if int(s) not in self._slot]
        if not new:
            return
        for s in new:
            self._slot[s] = len(self._slot)
        size = len(self._slot)
        self._vv, self._vo, self._oo = (_padded(m, size) for m in (self._vv, self._vo, self._oo))


def _padded(matrix: NDArray[np.float64], size: int) -> NDArray[np.float64]:
    grown = np.zeros((size, size))
    grown[: matrix.shape[0], : matrix.shape[1]] = matrix
    return grown
