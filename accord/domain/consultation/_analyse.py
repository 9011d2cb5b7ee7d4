"""`analyse`: from validated votes to opinion groups, representative and consensus statements."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray

from ._clustering import Clustering, cluster_compat, cluster_scalable
from ._matrix import VoteMatrix, build_matrix
from ._pca import Projection, StatementGram, centred, column_means, gram_of, project, top_components
from ._repness import select_repness
from ._result import ALGORITHM_VERSIONS, ConsultationResult, Mode, OpinionGroup
from ._stats import consensus, group_aware_consensus, group_stats, tally
from ._votes import ConsultationDataError, Votes


def analyse(
    votes: Votes,
    *,
    mode: Mode = "default",
    moderated_out: Iterable[int] = (),
    min_votes: int = 7,
    max_k: int = 5,
    pick_max: int = 5,
    confidence: float = 0.9,
    min_group_size: int | None = None,
    sample_size: int = 3000,
    previous: ConsultationResult | None = None,
    gram: StatementGram | None = None,
) -> ConsultationResult:
    """Find opinion groups and the statements that unite and divide them.

    mode "red-dwarf" reproduces red-dwarf 0.4.0's `run_pipeline(..., random_state=42)`;
    "default" scales (sampled silhouette, groups of at least `min_group_size`, default
    max(2, 1% of clustered participants); k-smoothing and stable group ids given `previous`).
    `gram` lets an incremental or distributed computation supply C^T C.
    """
    if mode not in ALGORITHM_VERSIONS:
        raise ValueError(f"unknown mode {mode!r}: use 'default' or 'red-dwarf'")
    if len(votes) == 0:
        raise ConsultationDataError("no votes to analyse: the conversation is empty")
    matrix = build_matrix(votes)
    mod_out = tuple(sorted({int(s) for s in moderated_out}))
    excluded = matrix.column_mask(mod_out)
    projection = _projection(matrix, excluded, mode, gram)
    voted = _active_votes(matrix, excluded, counted=mode == "default")
    clustered = voted >= min_votes
    clustering = _cluster(
        projection.participants[clustered], mode, max_k, min_group_size, sample_size, previous
    )
    labels = np.full(matrix.participant_ids.size, -1, dtype=np.int64)
    labels[clustered] = clustering.labels
    return _assemble(
        matrix, mode, mod_out, excluded, projection, clustering, labels, pick_max, confidence
    )


def _projection(
    matrix: VoteMatrix, excluded: NDArray[np.bool_], mode: Mode, gram: StatementGram | None
) -> Projection:
    """PCA of the mean-imputed matrix; red-dwarf counts moderated statements as votes of 0."""
    means = column_means(matrix, excluded)
    c = centred(matrix, means, excluded)
    g = _given_gram(gram, matrix, excluded) if gram is not None else gram_of(c)
    axes = top_components(g, c)
    n_excluded = int(excluded.sum())
    if mode == "red-dwarf":
        counted = _active_votes(matrix, excluded, counted=True) + n_excluded
        return project(c, axes, means, counted, matrix.statement_ids.size)
    counted = _active_votes(matrix, excluded, counted=True)
    return project(c, axes, means, counted, matrix.statement_ids.size - n_excluded)


def _given_gram(gram: StatementGram, matrix: VoteMatrix, excluded: NDArray) -> NDArray:
    if not np.array_equal(gram.statement_ids, matrix.statement_ids):
        raise ValueError("the supplied Gram matrix is for different statements than the votes")
    g = gram.matrix.copy()
    g[excluded, :] = 0.0
    g[:, excluded] = 0.0
    return g


def _active_votes(matrix: VoteMatrix, excluded: NDArray[np.bool_], counted: bool) -> NDArray:
    """Votes per participant, on statements not moderated out when `counted`."""
    if not counted or not excluded.any():
        return matrix.votes_per_participant
    keep = ~excluded[matrix.values.indices]
    return np.bincount(matrix.rows_of_entries()[keep], minlength=matrix.participant_ids.size)


def _cluster(
    points: NDArray,
    mode: Mode,
    max_k: int,
    min_group_size: int | None,
    sample_size: int,
    previous: ConsultationResult | None,
) -> Clustering:
    if mode == "red-dwarf":
        return cluster_compat(points, max_k)
    minimum = min_group_size if min_group_size is not None else max(2, points.shape[0] // 100)
    prev = (None, None)
    if previous is not None and previous.mode == "default":
        prev = (previous.smoothing, np.array([g.centre for g in previous.groups]))
    return cluster_scalable(points, max_k, minimum, sample_size, prev)


def _assemble(
    matrix: VoteMatrix,
    mode: Mode,
    mod_out: tuple[int, ...],
    excluded: NDArray,
    projection: Projection,
    clustering: Clustering,
    labels: NDArray,
    pick_max: int,
    confidence: float,
) -> ConsultationResult:
    ids, candidates, k = matrix.statement_ids, ~excluded, clustering.k
    by_group = tally(matrix, labels, k)
    everyone = tally(matrix, np.zeros(labels.size, dtype=np.int64), 1)
    groups = tuple(
        OpinionGroup(
            id=g,
            members=matrix.participant_ids[labels == g],
            centre=(float(clustering.centres[g, 0]), float(clustering.centres[g, 1])),
            repness=select_repness(group_stats(by_group, g), ids, candidates, pick_max, confidence),
        )
        for g in range(k)
    )
    gac_agree, gac_disagree = group_aware_consensus(by_group)
    agree, disagree = consensus(everyone, ids, candidates, pick_max, confidence)
    return ConsultationResult(
        algorithm_version=ALGORITHM_VERSIONS[mode],
        mode=mode,
        k=k,
        groups=groups,
        consensus_agree=agree,
        consensus_disagree=disagree,
        participant_ids=matrix.participant_ids,
        participant_xy=projection.participants,
        clustered=labels >= 0,
        labels=labels,
        statement_ids=ids,
        statement_xy=projection.statements,
        group_aware_consensus_agree=gac_agree,
        group_aware_consensus_disagree=gac_disagree,
        silhouettes=clustering.silhouettes,
        moderated_out=mod_out,
        smoothing=clustering.smoothing,
        notes=clustering.notes,
    )
