"""Polis's PCA: missing votes imputed with the statement mean, which makes the centred matrix
exactly sparse (observed vote minus its statement mean, zero elsewhere), so the principal
components come from that sparse matrix without ever densifying it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from ._matrix import VoteMatrix

if TYPE_CHECKING:
    import scipy.sparse as sp

GRAM_PAIR_LIMIT = 300_000_000  # above this many vote pairs, iterate instead of forming C^T C


@dataclass(frozen=True, eq=False)
class Projection:
    """Participants and statements in the plane of the first two principal components."""

    means: NDArray[np.float64]
    components: NDArray[np.float64]  # (2, n_statements)
    participants: NDArray[np.float64]  # (n_participants, 2)
    statements: NDArray[np.float64]  # (n_statements, 2)


def column_means(matrix: VoteMatrix, excluded: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Each statement's mean observed vote; 0 for excluded (moderated-out) statements."""
    values = matrix.values
    sums = np.bincount(values.indices, weights=values.data, minlength=values.shape[1])
    counts = np.bincount(values.indices, minlength=values.shape[1])
    means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
    means[excluded] = 0.0
    return means


def centred(matrix: VoteMatrix, means: NDArray, excluded: NDArray[np.bool_]) -> sp.csr_matrix:
    """The mean-imputed, centred vote matrix: sparse, same pattern as the votes."""
    values = matrix.values
    data = values.data - means[values.indices]
    data[excluded[values.indices]] = 0.0
    import scipy.sparse as sp  # scipy loads on first use, not at start-up

    return sp.csr_matrix((data, values.indices, values.indptr), shape=values.shape)


def gram_of(centred_matrix: sp.csr_matrix) -> NDArray[np.float64] | None:
    """C^T C when it is cheap to form (sum of squared row lengths bounded), else None."""
    row_lengths = np.diff(centred_matrix.indptr).astype(np.float64)
    if float(row_lengths @ row_lengths) > GRAM_PAIR_LIMIT:
        return None
    return np.asarray((centred_matrix.T @ centred_matrix).toarray())


def top_components(
    gram: NDArray[np.float64] | None, centred_matrix: sp.csr_matrix, n: int = 2
) -> NDArray[np.float64]:
    """The first `n` principal axes, signed so that each axis's largest entry is positive."""
    d = centred_matrix.shape[1]
    if gram is not None:
        eigenvalues, vectors = np.linalg.eigh(gram)
        axes = vectors[:, np.argsort(eigenvalues)[::-1][:n]].T
    else:
        import scipy.sparse.linalg as spla

        operator = spla.LinearOperator(
            (d, d), matvec=lambda x: centred_matrix.T @ (centred_matrix @ x), dtype=np.float64
        )
        start = np.ones(d) / np.sqrt(d)
        eigenvalues, vectors = spla.eigsh(operator, k=n, which="LA", v0=start, tol=1e-10)
        axes = vectors[:, np.argsort(eigenvalues)[::-1]].T
    return _flip_signs(np.ascontiguousarray(axes))


def _flip_signs(axes: NDArray[np.float64]) -> NDArray[np.float64]:
    """The sign convention of scikit-learn's PCA: the largest-magnitude loading is positive."""
    largest = np.argmax(np.abs(axes), axis=1)
    signs = np.sign(axes[np.arange(axes.shape[0]), largest])
    signs[signs == 0] = 1.0
    return axes * signs[:, None]


def project(
    centred_matrix: sp.csr_matrix,
    axes: NDArray[np.float64],
    means: NDArray[np.float64],
    counted_votes: NDArray[np.int64],
    n_counted_statements: int,
) -> Projection:
    """Project participants, scaled by sqrt(statements / own votes) as Polis does so that
    people who voted little are not bunched at the centre; statements as one-vote voters."""
    scale = np.sqrt(n_counted_statements / np.maximum(1, counted_votes))
    participants = np.asarray(centred_matrix @ axes.T) * scale[:, None]
    statements = ((1.0 - means)[:, None] * axes.T) * np.sqrt(n_counted_statements)
    return Projection(means, axes, participants, statements)


@dataclass(frozen=True, eq=False)
class StatementGram:
    """C^T C of the centred vote matrix, computed elsewhere (incremental sums, Dask)."""

    statement_ids: NDArray[np.int64]
    matrix: NDArray[np.float64]
