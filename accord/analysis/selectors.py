"""Reads of the analysis app, always through the seat and the visibility layer."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from accord.analysis.models import (
    AnalysisRun,
    OptionConstraint,
    Preference,
    ReleasedPackage,
    Sensitivity,
)
from accord.talks.access import Seat, require_mediator
from accord.talks.models import Option, Party


def own_preference(*, seat: Seat) -> Preference | None:
    """The seat's own party's preference (delegations only; nobody else ever reads it)."""
    if not seat.is_delegation:
        raise Http404("Only delegations hold preferences")
    return (
        Preference.objects.visible_to(seat.viewer)
        .filter(process=seat.process, owner_party_id=seat.membership.party_id)
        .prefetch_related("weights", "scores")
        .first()
    )


def submission_status(*, seat: Seat) -> list[tuple[Party, bool]]:
    """Mediators: which parties have submitted a preference, yes or no (no values)."""
    require_mediator(seat)
    submitted = set(
        Preference.objects.filter(process=seat.process).values_list("owner_party_id", flat=True)
    )
    parties = Party.objects.filter(process=seat.process, kind=Party.Kind.PARTY)
    return [(party, party.pk in submitted) for party in parties]


def run_list(*, seat: Seat) -> QuerySet[AnalysisRun]:
    require_mediator(seat)
    return (
        AnalysisRun.objects.visible_to(seat.viewer)
        .filter(process=seat.process)
        .select_related("job", "started_by")
    )


def run_get(*, seat: Seat, run_id: int) -> AnalysisRun:
    found = run_list(seat=seat).filter(pk=run_id).first()
    if found is None:
        raise Http404("Not found")
    return found


def package_list(*, seat: Seat) -> QuerySet[ReleasedPackage]:
    options = Option.objects.select_related("issue").order_by("issue__order", "issue_id")
    return (
        ReleasedPackage.objects.visible_to(seat.viewer)
        .filter(process=seat.process)
        .prefetch_related(Prefetch("options", queryset=options))
    )


def package_get(*, seat: Seat, package_id: int) -> ReleasedPackage:
    found = package_list(seat=seat).filter(pk=package_id).first()
    if found is None:
        raise Http404("Not found")
    return found


@dataclass(frozen=True)
class PackageView:
    package: ReleasedPackage
    own_utility: float | None  # the viewing party's, from its own preference; None otherwise
    own_sensitivity: list[dict] | None = None  # the viewing party's own ranges, if released


def package_views(*, seat: Seat, packages: list[ReleasedPackage]) -> list[PackageView]:
    """Each package with the viewing delegation's own utility and sensitivity (never anyone
    else's: both come from records only the viewing party may read)."""
    preference = own_preference(seat=seat) if seat.is_delegation else None
    sensitivity = own_sensitivities(seat=seat, packages=packages)
    return [PackageView(p, own_utility(preference, p), sensitivity.get(p.pk)) for p in packages]


def own_sensitivities(*, seat: Seat, packages: list[ReleasedPackage]) -> dict[int, list[dict]]:
    """Package id -> the seat's own party's weight ranges for it (released ones only).

    Visibility `own` keeps everyone else out, mediators included; the party filter is a second
    lock, so a bug in one does not show another party's ranges.
    """
    if not seat.is_delegation or not packages:
        return {}
    rows = (
        Sensitivity.objects.visible_to(seat.viewer)
        .filter(
            process=seat.process,
            owner_party_id=seat.membership.party_id,
            package__in=[p.pk for p in packages],
        )
        .values_list("package_id", "ranges")
    )
    return dict(rows)


def constraint_list(*, seat: Seat) -> QuerySet[OptionConstraint]:
    """Mediators: the option constraints new runs use."""
    require_mediator(seat)
    return (
        OptionConstraint.objects.visible_to(seat.viewer)
        .filter(process=seat.process)
        .select_related("option__issue", "other_option__issue")
    )


def constraint_get(*, seat: Seat, constraint_id: int) -> OptionConstraint:
    found = constraint_list(seat=seat).filter(pk=constraint_id).first()
    if found is None:
        raise Http404("Not found")
    return found


def agenda_option(*, seat: Seat, option_id: int) -> Option | None:
    """An option of an issue of the seat's process (None for unknown ids and other processes'
    options alike, so an answer never tells another process's options apart)."""
    return (
        Option.objects.select_related("issue")
        .filter(pk=option_id, issue__process=seat.process)
        .first()
    )


def own_utility(preference: Preference | None, package: ReleasedPackage) -> float | None:
    if preference is None:
        return None
    weights = {w.issue_id: w.weight for w in preference.weights.all()}
    scores = {s.option_id: s.score for s in preference.scores.all()}
    options = package.options.all()
    return sum(weights.get(o.issue_id, 0.0) * scores.get(o.pk, 0.0) for o in options)
