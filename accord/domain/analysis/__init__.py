"""Package-deal analysis: private additive utilities, exact Pareto frontier, bargaining points.

Pure Python + numpy (no Django). The workspace builds a `Scenario` (or imports GENIUS XML),
calls `analyse`, and shows the mediator the frontier and the bargaining points; see
docs/analysis.md for the semantics and limits.
"""

from accord.domain.analysis.bargaining import (
    egalitarian_point,
    kalai_point,
    nash_point,
    rational_rows,
    utilitarian_point,
    zopa_exists,
)
from accord.domain.analysis.build import scenario_from_dicts
from accord.domain.analysis.engine import analyse
from accord.domain.analysis.errors import ScenarioError
from accord.domain.analysis.frontier import DEFAULT_MAX_SIZE, pareto_frontier
from accord.domain.analysis.genius import find_genius_files, load_genius, load_genius_files
from accord.domain.analysis.genius_export import export_genius
from accord.domain.analysis.improvements import pareto_improvements
from accord.domain.analysis.model import WEIGHT_TOLERANCE, Constraint, Issue, Party, Scenario
from accord.domain.analysis.results import Analysis, Frontier, Package
from accord.domain.analysis.sensitivity import (
    WeightRange,
    robustness_margins,
    weight_sensitivity,
)

__all__ = [
    "DEFAULT_MAX_SIZE",
    "WEIGHT_TOLERANCE",
    "Analysis",
    "Constraint",
    "Frontier",
    "Issue",
    "Package",
    "Party",
    "Scenario",
    "ScenarioError",
    "WeightRange",
    "analyse",
    "egalitarian_point",
    "export_genius",
    "find_genius_files",
    "kalai_point",
    "load_genius",
    "load_genius_files",
    "nash_point",
    "pareto_frontier",
    "pareto_improvements",
    "rational_rows",
    "robustness_margins",
    "scenario_from_dicts",
    "utilitarian_point",
    "weight_sensitivity",
    "zopa_exists",
]
