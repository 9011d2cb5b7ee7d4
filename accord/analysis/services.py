"""Writes of the analysis app: each in one transaction, each audited.

Audit entries of preferences record *that* a party saved its preference, never the values: the
audit trail is read by operators and must not carry one party's utilities.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404

from accord.analysis.engine import baseline_improvements, compute
from accord.analysis.models import (
    AnalysisRun,
    OptionConstraint,
    Preference,
    PreferenceScore,
    PreferenceWeight,
    ReleasedPackage,
    Sensitivity,
)
from accord.audit.services import audit_append
from accord.domain.visibility import Visibility
from accord.jobs.runner import job_start
from accord.talks.access import Seat, require_mediator
from accord.talks.models import Issue, Option

JOB_KIND = "analysis.run"


def _audit(seat: Seat | None, action: str, obj: Any, change: dict[str, Any]) -> None:
    actor = seat.membership.user if seat else None
    audit_append(actor=actor, action=action, obj=obj, change=change, process_id=obj.process_id)


def _normalise(weights: Mapping[Issue, float]) -> dict[Issue, float]:
    errors = {}
    for issue, weight in weights.items():
        if not 0 <= weight <= 100:
            errors[f"weight_{issue.pk}"] = f"{issue.title}: a weight lies between 0 and 100."
    if errors:
        raise ValidationError(errors)
    total = sum(weights.values())
    if total <= 0:
        raise ValidationError({"weights": "Give at least one issue a weight above zero."})
    return {issue: weight / total for issue, weight in weights.items()}


def _check_scores(scores: Mapping[Option, float], issues: Sequence[Issue]) -> None:
    errors = {}
    for option, score in scores.items():
        if not 0 <= score <= 1:
            errors[f"score_{option.pk}"] = f"{option.label}: a score lies between 0 and 1."
    for issue in issues:
        missing = [o.label for o in issue.options.all() if o not in scores]
        if missing:
            errors[f"issue_{issue.pk}"] = f"{issue.title}: score every option ({missing[0]})."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def preference_save(
    *,
    seat: Seat,
    weights: Mapping[Issue, float],
    scores: Mapping[Option, float],
    reservation: float,
    notes: str = "",
    illustrative: bool = False,
) -> Preference:
    """A delegation records its party's private preference (replacing its earlier one).

    `weights` are relative importances in [0, 100], normalised here to sum to one; `scores` in
    [0, 1] must cover every option of every weighted issue. Always visibility `own`.
    """
    if not seat.is_delegation:
        raise Http404("Only delegations hold preferences")
    issues = list(weights)
    if any(i.process_id != seat.process.pk for i in issues) or any(
        o.issue not in issues for o in scores
    ):
        raise Http404("Not found")
    normalised = _normalise(weights)
    _check_scores(scores, issues)
    if not 0 <= reservation <= 1:
        raise ValidationError({"reservation": "The reservation value lies between 0 and 1."})
    preference, _created = Preference.objects.select_for_update().get_or_create(
        process=seat.process,
        owner_party=seat.party,
        defaults={"reservation": reservation, "visibility": Visibility.OWN.value},
    )
    preference.reservation = reservation
    preference.notes = notes
    preference.illustrative = illustrative
    preference.visibility = Visibility.OWN.value
    preference.updated_by = seat.membership.user
    preference.full_clean()
    preference.save()
    preference.weights.all().delete()
    preference.scores.all().delete()
    PreferenceWeight.objects.bulk_create(
        PreferenceWeight(preference=preference, issue=i, weight=w) for i, w in normalised.items()
    )
    PreferenceScore.objects.bulk_create(
        PreferenceScore(preference=preference, option=o, score=s) for o, s in scores.items()
    )
    _audit(seat, "preference.save", preference, {"party_id": seat.party.pk})
    return preference


@transaction.atomic
def run_create(*, seat: Seat, label: str = "", illustrative: bool = False) -> AnalysisRun:
    """A mediator records a new analysis run (computed by `run_compute` or the job)."""
    require_mediator(seat)
    run = AnalysisRun(
        process=seat.process,
        label=label,
        owner_party=None,
        visibility=Visibility.OWN.value,
        illustrative=illustrative,
        started_by=seat.membership.user,
    )
    run.full_clean()
    run.save()
    _audit(seat, "analysis.run.create", run, {"label": label})
    return run


@transaction.atomic
def run_start(*, seat: Seat, label: str = "") -> AnalysisRun:
    """A mediator starts an analysis as a background job over every submitted preference."""
    require_mediator(seat)
    if Preference.objects.filter(process=seat.process).count() < 2:
        raise ValidationError({"run": "At least two parties must submit preferences first."})
    run = run_create(seat=seat, label=label)
    run.job = job_start(
        actor=seat.membership.user,
        kind=JOB_KIND,
        params={"run_id": run.pk},
        process_id=seat.process.pk,
    )
    run.save(update_fields=["job"])
    return run


@transaction.atomic
def run_compute(*, run: AnalysisRun, report: Any = None) -> AnalysisRun:
    """Combine every party's preference and store the frontier and points (no raw values).

    Each party's weight sensitivity is stored apart, as that party's own record, unreleased.
    """
    computed = compute(run.process, report=report)
    run.result, run.error, run.basis = computed.result, computed.error, computed.basis
    run.save(update_fields=["result", "error", "basis"])
    Sensitivity.objects.filter(run=run).delete()
    Sensitivity.objects.bulk_create(
        Sensitivity(
            process_id=run.process_id, run=run, owner_party_id=party_id,
            visibility=Visibility.OWN.value, ranges=ranges,
        )
        for party_id, ranges in computed.sensitivity.items()
    )  # fmt: skip
    audit_append(
        actor="system",
        action="analysis.run.compute",
        obj=run,
        change={"packages": len(computed.result.get("frontier", [])), "error": computed.error},
        process_id=run.process_id,
    )
    return run


@transaction.atomic
def baseline_query(*, seat: Seat, run: AnalysisRun, options: Sequence[Option]) -> list[int]:
    """A mediator asks which kept frontier packages of `run` Pareto-improve a baseline.

    Audited with the baseline asked about, so repeated probing stays on the record.
    """
    require_mediator(seat)
    if run.process_id != seat.process.pk or not run.result:
        raise Http404("Not found")
    outcome = {o.issue.title: o.label for o in options}
    numbers = baseline_improvements(run, outcome)
    _audit(seat, "analysis.baseline.query", run, {"option_ids": [o.pk for o in options]})
    return numbers


@transaction.atomic
def constraint_add(
    *, seat: Seat, kind: str, option: Option, other_option: Option, note: str = ""
) -> OptionConstraint:
    """A mediator adds a hard rule between options of two different issues (used by new runs)."""
    require_mediator(seat)
    if seat.process.pk not in (option.issue.process_id, other_option.issue.process_id) or (
        option.issue.process_id != other_option.issue.process_id
    ):
        raise Http404("Not found")
    if option.issue_id == other_option.issue_id:
        raise ValidationError(
            {"other_option": "A constraint links options of two different issues."}
        )
    if kind not in OptionConstraint.Kind.values:
        raise ValidationError({"kind": f"Unknown kind {kind!r}: requires or excludes."})
    constraint = OptionConstraint(
        process=seat.process, kind=kind, option=option, other_option=other_option, note=note,
        owner_party=None, visibility=Visibility.OWN.value, created_by=seat.membership.user,
    )  # fmt: skip
    pairs = [(option, other_option)]
    if kind == OptionConstraint.Kind.EXCLUDES:
        pairs.append((other_option, option))  # "A excludes B" is "B excludes A"
    if any(
        OptionConstraint.objects.filter(
            process=seat.process, kind=kind, option=a, other_option=b
        ).exists()
        for a, b in pairs
    ):
        raise ValidationError({"option": "This constraint exists already."})
    constraint.full_clean()
    try:
        with transaction.atomic():  # a savepoint: a concurrent twin is refused, not a 500
            constraint.save()
    except IntegrityError as error:
        raise ValidationError({"option": "This constraint exists already."}) from error
    change = {"kind": kind, "option_id": option.pk, "other_option_id": other_option.pk}
    _audit(seat, "analysis.constraint.add", constraint, change)
    return constraint


@transaction.atomic
def constraint_remove(*, seat: Seat, constraint: OptionConstraint) -> None:
    """A mediator drops a constraint (later runs no longer use it; earlier runs keep theirs)."""
    require_mediator(seat)
    if constraint.process_id != seat.process.pk:
        raise Http404("Not found")
    change = {
        "kind": constraint.kind,
        "option_id": constraint.option_id,
        "other_option_id": constraint.other_option_id,
    }
    _audit(seat, "analysis.constraint.remove", constraint, change)
    constraint.delete()


@transaction.atomic
def package_release(
    *,
    seat: Seat,
    options: Sequence[Option],
    note: str = "",
    run: AnalysisRun | None = None,
    illustrative: bool = False,
) -> ReleasedPackage:
    """A mediator puts one package (one option per issue) before every delegation."""
    require_mediator(seat)
    issues = [o.issue_id for o in options]
    if not options or len(set(issues)) != len(issues):
        raise ValidationError({"options": "A package names one option for each issue."})
    if any(o.issue.process_id != seat.process.pk for o in options):
        raise Http404("Not found")
    package = ReleasedPackage(
        process=seat.process,
        run=run,
        note=note,
        owner_party=None,
        visibility=Visibility.PARTIES.value,
        illustrative=illustrative,
        released_by=seat.membership.user,
    )
    package.full_clean()
    package.save()
    package.options.set(options)
    nash = (run.result.get("nash") or {}).get("outcome") if run else None
    if nash and nash == {o.issue.title: o.label for o in options}:
        # Each party may now see its own sensitivity for this package, and only its own.
        Sensitivity.objects.filter(run=run, package=None).update(package=package)
    change = {"option_ids": [o.pk for o in options], "note": note}
    _audit(seat, "analysis.package.release", package, change)
    return package
