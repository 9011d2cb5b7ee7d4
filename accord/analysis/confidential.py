"""Register the analysis app's confidential models and route parameters with the crawl.

Preferences exist only at `own` (owned by a delegation), runs only at `own` owned by the
mediators, released packages only at `parties` owned by the mediators: other combinations make
no record, because the services never make one.
"""

from __future__ import annotations

from accord.analysis import services
from accord.analysis.engine import agenda
from accord.analysis.models import AnalysisRun, Preference, ReleasedPackage
from accord.core.registry import register_confidential, register_url_parameter
from accord.domain.visibility import Visibility
from accord.talks.access import Seat


def _make_preference(*, seat: Seat, visibility: Visibility, canary: str) -> Preference | None:
    if not seat.is_delegation or visibility is not Visibility.OWN:
        return None
    issues = agenda(seat.process)
    return services.preference_save(
        seat=seat,
        weights={issue: 50.0 for issue in issues},
        scores={o: 0.5 for issue in issues for o in issue.options.all()},
        reservation=0.2,
        notes=f"Notes {canary}",
    )


def _make_run(*, seat: Seat, visibility: Visibility, canary: str) -> AnalysisRun | None:
    if not seat.is_mediator or visibility is not Visibility.OWN:
        return None
    return services.run_create(seat=seat, label=f"Run {canary}")


def _make_package(*, seat: Seat, visibility: Visibility, canary: str) -> ReleasedPackage | None:
    if not seat.is_mediator or visibility is not Visibility.PARTIES:
        return None
    options = [issue.options.all()[0] for issue in agenda(seat.process)]
    return services.package_release(seat=seat, options=options, note=f"Package {canary}")


register_confidential(Preference, _make_preference)
register_confidential(AnalysisRun, _make_run)
register_confidential(ReleasedPackage, _make_package)

register_url_parameter("run_id", "analysis.AnalysisRun")
register_url_parameter("package_id", "analysis.ReleasedPackage")
