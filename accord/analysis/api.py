"""API of the analysis app: a delegation's own preference, mediators' runs and option
constraints, released packages."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from accord.analysis import selectors, services
from accord.analysis.engine import agenda
from accord.analysis.models import OptionConstraint, Preference
from accord.core.ids import Id
from accord.talks.access import Seat, access_process, require_mediator
from accord.talks.models import Option

router = Router(tags=["analysis"])


class WeightIO(Schema):
    issue_id: Id
    weight: float = Field(..., ge=0, le=100)


class ScoreIO(Schema):
    option_id: Id
    score: float = Field(..., ge=0, le=1)


class PreferenceIn(Schema):
    weights: list[WeightIO] = Field(..., min_length=1, max_length=200)
    scores: list[ScoreIO] = Field(..., max_length=2000)
    reservation: float = Field(..., ge=0, le=1)
    notes: str = Field("", max_length=20000)


class PreferenceOut(Schema):
    party_id: int
    weights: list[WeightIO]
    scores: list[ScoreIO]
    reservation: float
    notes: str
    visibility: str
    illustrative: bool
    updated_at: datetime


class RunOut(Schema):
    id: int
    label: str
    job_id: int | None
    done: bool
    error: str
    illustrative: bool
    created_at: datetime


class RunDetailOut(RunOut):
    result: dict[str, Any]


class RunIn(Schema):
    label: str = Field("", max_length=200)


class ConstraintIn(Schema):
    """`option_id` requires / excludes `other_option_id` (an option of another issue)."""

    option_id: Id
    kind: Literal["requires", "excludes"]
    other_option_id: Id
    note: str = Field("", max_length=500)


class ConstraintOut(Schema):
    id: int
    kind: str
    issue_id: int
    issue: str
    option_id: int
    option: str
    other_issue_id: int
    other_issue: str
    other_option_id: int
    other_option: str
    note: str
    created_at: datetime


class PackageOptionOut(Schema):
    issue_id: int
    issue: str
    option_id: int
    option: str


class RangeOut(Schema):
    issue: str
    weight: float
    lower: float
    upper: float


class PackageOut(Schema):
    id: int
    note: str
    options: list[PackageOptionOut]
    own_utility: float | None
    own_sensitivity: list[RangeOut] | None
    illustrative: bool
    created_at: datetime


def _preference_out(preference: Preference) -> dict[str, Any]:
    return {
        "party_id": preference.owner_party_id,
        "weights": [{"issue_id": w.issue_id, "weight": w.weight} for w in preference.weights.all()],
        "scores": [{"option_id": s.option_id, "score": s.score} for s in preference.scores.all()],
        "reservation": preference.reservation,
        "notes": preference.notes,
        "visibility": preference.visibility,
        "illustrative": preference.illustrative,
        "updated_at": preference.updated_at,
    }


def _package_out(view: selectors.PackageView) -> dict[str, Any]:
    package, own_utility = view.package, view.own_utility
    options = [
        {"issue_id": o.issue_id, "issue": o.issue.title, "option_id": o.pk, "option": o.label}
        for o in package.options.all()
    ]
    return {
        "id": package.pk, "note": package.note, "options": options, "own_utility": own_utility,
        "own_sensitivity": view.own_sensitivity,
        "illustrative": package.illustrative, "created_at": package.created_at,
    }  # fmt: skip


def _constraint_out(constraint: OptionConstraint) -> dict[str, Any]:
    option, other = constraint.option, constraint.other_option
    return {
        "id": constraint.pk, "kind": constraint.kind,
        "issue_id": option.issue_id, "issue": option.issue.title,
        "option_id": option.pk, "option": option.label,
        "other_issue_id": other.issue_id, "other_issue": other.issue.title,
        "other_option_id": other.pk, "other_option": other.label,
        "note": constraint.note, "created_at": constraint.created_at,
    }  # fmt: skip


# The services name the model's fields; the API's body names the ids.
_BODY_FIELDS = {"option": "option_id", "other_option": "other_option_id"}


def _option(seat: Seat, field: str, option_id: int) -> Option:
    option = selectors.agenda_option(seat=seat, option_id=option_id)
    if option is None:
        raise ValidationError({field: f"Option {option_id} is not an option of this process."})
    return option


def _body_names(error: ValidationError) -> ValidationError:
    """The service's error with its fields renamed to the body's (`option` -> `option_id`)."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError({_BODY_FIELDS.get(f, f): m for f, m in error.message_dict.items()})


@router.get("/{process_id}/preference", response=PreferenceOut)
def get_preference(request: HttpRequest, process_id: Id):
    preference = selectors.own_preference(seat=access_process(request.user, process_id))
    if preference is None:
        raise Http404("No preference submitted")
    return _preference_out(preference)


@router.put("/{process_id}/preference", response=PreferenceOut)
def put_preference(request: HttpRequest, process_id: Id, payload: PreferenceIn):
    seat = access_process(request.user, process_id)
    selectors.own_preference(seat=seat)  # 404 for seats that hold no preference
    issues = {issue.pk: issue for issue in agenda(seat.process)}
    unknown = [w.issue_id for w in payload.weights if w.issue_id not in issues]
    if unknown:
        raise ValidationError({"weights": f"Issue {unknown[0]} is not an issue with options."})
    weights = {issues[w.issue_id]: w.weight for w in payload.weights}
    options = {o.pk: o for issue in weights for o in issue.options.all()}
    stray = [s.option_id for s in payload.scores if s.option_id not in options]
    if stray:
        raise ValidationError({"scores": f"Option {stray[0]} is not on a weighted issue."})
    preference = services.preference_save(
        seat=seat,
        weights=weights,
        scores={options[s.option_id]: s.score for s in payload.scores},
        reservation=payload.reservation,
        notes=payload.notes,
    )
    return _preference_out(selectors.own_preference(seat=seat) or preference)


@router.get("/{process_id}/runs", response=list[RunOut])
def list_runs(request: HttpRequest, process_id: Id):
    return selectors.run_list(seat=access_process(request.user, process_id))


@router.post("/{process_id}/runs", response={201: RunOut})
def start_run(request: HttpRequest, process_id: Id, payload: RunIn):
    """Mediators: the same background job as the page's Run analysis (poll the run or the job)."""
    seat = access_process(request.user, process_id)
    return Status(201, services.run_start(seat=seat, label=payload.label))


@router.get("/{process_id}/runs/{run_id}", response=RunDetailOut)
def get_run(request: HttpRequest, process_id: Id, run_id: Id):
    return selectors.run_get(seat=access_process(request.user, process_id), run_id=run_id)


@router.get("/{process_id}/constraints", response=list[ConstraintOut])
def list_constraints(request: HttpRequest, process_id: Id):
    """Mediators only, as on the page (the mediators' working assumption): 404 for others."""
    seat = access_process(request.user, process_id)
    return [_constraint_out(c) for c in selectors.constraint_list(seat=seat)]


@router.post("/{process_id}/constraints", response={201: ConstraintOut})
def add_constraint(request: HttpRequest, process_id: Id, payload: ConstraintIn):
    seat = access_process(request.user, process_id)
    require_mediator(seat)  # before reading the body's ids: other seats learn nothing from it
    option = _option(seat, "option_id", payload.option_id)
    other = _option(seat, "other_option_id", payload.other_option_id)
    try:
        constraint = services.constraint_add(
            seat=seat, kind=payload.kind, option=option, other_option=other, note=payload.note
        )
    except ValidationError as error:
        raise _body_names(error) from error
    return Status(201, _constraint_out(constraint))


@router.delete("/{process_id}/constraints/{constraint_id}", response={204: None})
def remove_constraint(request: HttpRequest, process_id: Id, constraint_id: Id):
    seat = access_process(request.user, process_id)
    constraint = selectors.constraint_get(seat=seat, constraint_id=constraint_id)
    services.constraint_remove(seat=seat, constraint=constraint)
    return Status(204, None)


@router.get("/{process_id}/packages", response=list[PackageOut])
def list_packages(request: HttpRequest, process_id: Id):
    seat = access_process(request.user, process_id)
    views = selectors.package_views(seat=seat, packages=list(selectors.package_list(seat=seat)))
    return [_package_out(v) for v in views]


@router.get("/{process_id}/packages/{package_id}", response=PackageOut)
def get_package(request: HttpRequest, process_id: Id, package_id: Id):
    seat = access_process(request.user, process_id)
    package = selectors.package_get(seat=seat, package_id=package_id)
    (view,) = selectors.package_views(seat=seat, packages=[package])
    return _package_out(view)
