"""Public consultation: opinion groups, representative and consensus statements (Polis maths).

`read_polis` imports a Polis open-data export, `analyse` computes the opinion map; mode
"red-dwarf" reproduces red-dwarf 0.4.0 exactly, "default" scales to national consultations.
"""

from ._analyse import analyse
from ._distributed import distributed_gram
from ._incremental import IncrementalConsultation
from ._pca import StatementGram
from ._polis_csv import Conversation, Statement, read_polis
from ._polis_export import write_polis
from ._result import (
    ALGORITHM_VERSIONS,
    ConsensusStatement,
    ConsultationResult,
    KSmoothing,
    OpinionGroup,
    RepresentativeStatement,
)
from ._votes import ConsultationDataError, Votes

__all__ = [
    "ALGORITHM_VERSIONS",
    "ConsensusStatement",
    "ConsultationDataError",
    "ConsultationResult",
    "Conversation",
    "IncrementalConsultation",
    "KSmoothing",
    "OpinionGroup",
    "RepresentativeStatement",
    "Statement",
    "StatementGram",
    "Votes",
    "analyse",
    "distributed_gram",
    "read_polis",
    "write_polis",
]
