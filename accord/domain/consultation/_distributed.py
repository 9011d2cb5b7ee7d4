"""The same Gram matrix computed on a Dask cluster: participants are split into partitions,
each worker sums its partition's statement means and then its C_p^T C_p, and the driver adds
them up. Only d-sized vectors and d x d matrices travel, never the votes' products."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ._matrix import build_matrix
from ._pca import StatementGram
from ._votes import Votes


def distributed_gram(votes: Votes, client: Any, partitions: int = 4) -> StatementGram:
    """C^T C of the centred vote matrix, reduced over `partitions` participant blocks."""
    matrix = build_matrix(votes)
    values = matrix.values
    d = values.shape[1]
    bounds = np.linspace(0, values.shape[0], partitions + 1).astype(int)
    blocks = client.scatter([values[a:b] for a, b in itertools.pairwise(bounds)])
    sums = client.gather([client.submit(_column_sums, block, d) for block in blocks])
    total = np.sum(sums, axis=0)
    means = np.divide(total[0], total[1], out=np.zeros(d), where=total[1] > 0)
    grams = client.gather([client.submit(_block_gram, block, means) for block in blocks])
    return StatementGram(matrix.statement_ids, np.sum(grams, axis=0))


def _column_sums(block: Any, d: int) -> NDArray[np.float64]:
    sums = np.bincount(block.indices, weights=block.data, minlength=d)
    counts = np.bincount(block.indices, minlength=d).astype(np.float64)
    return np.stack([sums, counts])


def _block_gram(block: Any, means: NDArray[np.float64]) -> NDArray[np.float64]:
    centred = block.copy()
    centred.data = block.data - means[block.indices]
    return np.asarray((centred.T @ centred).toarray())
