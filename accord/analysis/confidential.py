"""Register the analysis app's confidential models and route parameters with the crawl.

Preferences exist only at `own` (owned by a delegation), runs only at `own` owned by the
mediators, released packages only at `parties` owned by the mediators: other combinations make
no record, because the services never make one. Option constraints are the mediators' own;
a sensitivity is its party's own, shown to it on the released Nash package it belongs to.
"""

from __future__ import annotations

from accord.analysis import services
from accord.analysis.engine import agenda
from accord.analysis.models import (
    AnalysisRun,
    OptionConstraint,
    Preference,
    ReleasedPackage,
    Sensitivity,
)
from accord.core.registry import register_confidential, register_url_parameter
from accord.domain.visibility import Visibility
from accord.talks.access import Seat
from accord.talks.services import issue_add


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


def _make_constraint(*, seat: Seat, visibility: Visibility, canary: str) -> OptionConstraint | None:
    if not seat.is_mediator or visibility is not Visibility.OWN:
        return None
    issues = agenda(seat.process)
    if len(issues) < 2:
        issue_add(actor=None, process=seat.process, title="Monitoring", options=["Mission", "None"])
        issues = agenda(seat.process)
    taken = set(
        OptionConstraint.objects.filter(process=seat.process).values_list(
            "kind", "option_id", "other_option_id"
        )
    )
    kind, first, second = next(
        (kind, a, b)
        for kind in OptionConstraint.Kind.values
        for a in issues[0].options.all()
        for b in issues[1].options.all()
        if (kind, a.pk, b.pk) not in taken
    )
    return services.constraint_add(
        seat=seat, kind=kind, option=first, other_option=second, note=f"Rule {canary}"
    )


def _make_sensitivity(*, seat: Seat, visibility: Visibility, canary: str) -> Sensitivity | None:
    """A released Nash package of a (mediators') run, with this party's own ranges for it."""
    if not seat.is_delegation or visibility is not Visibility.OWN:
        return None
    run = AnalysisRun.objects.create(process=seat.process, owner_party=None, visibility="own")
    package = ReleasedPackage.objects.create(
        process=seat.process, run=run, owner_party=None, visibility=Visibility.PARTIES.value
    )
    ranges = [{"issue": f"Issue {canary}", "weight": 0.5, "lower": 0.25, "upper": 0.75}]
    return Sensitivity.objects.create(
        process=seat.process, run=run, package=package, ranges=ranges,
        owner_party=seat.party, visibility=Visibility.OWN.value,
    )  # fmt: skip


register_confidential(Preference, _make_preference)
register_confidential(OptionConstraint, _make_constraint)
register_confidential(Sensitivity, _make_sensitivity)
register_confidential(AnalysisRun, _make_run)
register_confidential(ReleasedPackage, _make_package)

register_url_parameter("run_id", "analysis.AnalysisRun")
register_url_parameter("package_id", "analysis.ReleasedPackage")
register_url_parameter("constraint_id", "analysis.OptionConstraint")
