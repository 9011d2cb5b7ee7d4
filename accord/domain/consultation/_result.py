"""What an analysis returns: plain frozen dataclasses and numpy arrays, ready to store.

Member ids and projections identify participants: the web layer shows only aggregates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

Direction = Literal["agree", "disagree"]
Mode = Literal["default", "red-dwarf"]
ALGORITHM_VERSIONS: dict[str, str] = {
    "default": "accord-consultation-1.0",
    "red-dwarf": "accord-consultation-1.0+red-dwarf-0.4.0-compat",
}


@dataclass(frozen=True)
class RepresentativeStatement:
    """A statement that sets a group apart: how the group votes on it versus everyone else."""

    statement_id: int
    direction: Direction
    n_success: int
    n_trials: int
    p_success: float
    p_test: float
    repness: float
    repness_test: float
    best_agree: bool = False


@dataclass(frozen=True)
class ConsensusStatement:
    """A statement most participants agree (or disagree) with, significantly."""

    statement_id: int
    direction: Direction
    n_success: int
    n_trials: int
    p_success: float
    p_test: float


@dataclass(frozen=True, eq=False)
class OpinionGroup:
    """Participants who vote alike, and the statements that characterise them."""

    id: int
    members: NDArray[np.int64]
    centre: tuple[float, float]
    repness: tuple[RepresentativeStatement, ...]

    @property
    def size(self) -> int:
        return int(self.members.size)


@dataclass(frozen=True)
class KSmoothing:
    """Polis's rule against flicker: a new group count is adopted only after it has won
    `required` analyses in a row; until then the previous count stays."""

    k: int
    candidate: int
    streak: int
    required: int = 3


@dataclass(frozen=True, eq=False)
class ConsultationResult:
    """Opinion groups, representative and consensus statements, and the opinion map."""

    algorithm_version: str
    mode: Mode
    k: int
    groups: tuple[OpinionGroup, ...]
    consensus_agree: tuple[ConsensusStatement, ...]
    consensus_disagree: tuple[ConsensusStatement, ...]
    participant_ids: NDArray[np.int64]
    participant_xy: NDArray[np.float64]
    clustered: NDArray[np.bool_]
    labels: NDArray[np.int64]  # group id per participant, -1 when not clustered
    statement_ids: NDArray[np.int64]
    statement_xy: NDArray[np.float64]
    group_aware_consensus_agree: NDArray[np.float64]
    group_aware_consensus_disagree: NDArray[np.float64]
    silhouettes: dict[int, float]
    moderated_out: tuple[int, ...]
    smoothing: KSmoothing | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def n_participants(self) -> int:
        return int(self.participant_ids.size)

    @property
    def n_statements(self) -> int:
        return int(self.statement_ids.size)

    @property
    def consensus(self) -> tuple[int, ...]:
        """Consensus statement ids, best first: agreements, then disagreements."""
        return tuple(c.statement_id for c in (*self.consensus_agree, *self.consensus_disagree))
