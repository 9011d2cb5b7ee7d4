"""Pages of the analysis app: each view finds the seat, reads selectors, renders."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accord.analysis import selectors, services
from accord.analysis.chart import SYMBOLS, frontier_svg
from accord.analysis.engine import StaleRun, agenda
from accord.analysis.forms import (
    BaselineForm,
    ConstraintForm,
    PreferenceForm,
    ReleaseForm,
    RunForm,
)
from accord.analysis.models import AnalysisRun
from accord.talks.access import Seat, access_process, require_mediator
from accord.talks.models import Option


def _context(seat: Seat, **extra: Any) -> dict[str, Any]:
    return {"seat": seat, "process": seat.process, **extra}


@login_required
def home(request: HttpRequest, process_id: int) -> HttpResponse:
    return _home(request, access_process(request.user, process_id))


def _home(
    request: HttpRequest,
    seat: Seat,
    constraint_form: ConstraintForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = _context(seat, packages=selectors.package_list(seat=seat))
    if seat.is_mediator:
        context |= {
            "status": selectors.submission_status(seat=seat),
            "runs": selectors.run_list(seat=seat),
            "run_form": RunForm(),
            "constraints": selectors.constraint_list(seat=seat),
            "constraint_form": constraint_form or ConstraintForm(issues=agenda(seat.process)),
        }
    if seat.is_delegation:
        context["preference"] = selectors.own_preference(seat=seat)
    return render(request, "analysis/home.html", context, status=status)


@login_required
@require_POST
def constraint_add(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    require_mediator(seat)
    form = ConstraintForm(request.POST, issues=agenda(seat.process))
    if form.is_valid():
        try:
            services.constraint_add(
                seat=seat, kind=form.cleaned_data["kind"], option=form.cleaned_data["option"],
                other_option=form.cleaned_data["other_option"], note=form.cleaned_data["note"],
            )  # fmt: skip
            return redirect("analysis", process_id=process_id)
        except ValidationError as error:
            form.add_error(None, error)
    return _home(request, seat, form, status=400)


@login_required
@require_POST
def constraint_remove(request: HttpRequest, process_id: int, constraint_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    constraint = selectors.constraint_get(seat=seat, constraint_id=constraint_id)
    services.constraint_remove(seat=seat, constraint=constraint)
    return redirect("analysis", process_id=process_id)


@login_required
def preference(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    current = selectors.own_preference(seat=seat)
    issues = agenda(seat.process)
    form = PreferenceForm(request.POST or None, issues=issues, preference=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.preference_save(
                seat=seat,
                weights=form.weights(),
                scores=form.scores(),
                reservation=form.cleaned_data["reservation"],
                notes=form.cleaned_data["notes"],
            )
            return redirect("analysis_preference", process_id=process_id)
        except ValidationError as error:
            form.add_error(None, error)
    weights = {w.issue_id: w.weight for w in current.weights.all()} if current else {}
    context = _context(seat, form=form, preference=current, issues=issues, weights=weights)
    return render(request, "analysis/preference.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def run_start(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    require_mediator(seat)
    form = RunForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    try:
        run = services.run_start(seat=seat, label=form.cleaned_data["label"])
    except ValidationError as error:
        return HttpResponse("; ".join(error.messages), status=400)
    return redirect("job", process_id=process_id, job_id=run.job_id)


def _axis(request: HttpRequest, name: str, codes: list[str], default: int | None) -> int | None:
    value = request.GET.get(name)
    return codes.index(value) if value in codes else default


def _marks(result: dict[str, Any]) -> dict[int, list[str]]:
    """Frontier row number -> the bargaining points at that package."""
    marks: dict[int, list[str]] = {}
    for number, package in enumerate(result.get("frontier", []), start=1):
        for key in SYMBOLS:
            point = result.get(key)
            if point and point["outcome"] == package["outcome"]:
                marks.setdefault(number, []).append(key)
    return marks


@login_required
def run_detail(request: HttpRequest, process_id: int, run_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    run = selectors.run_get(seat=seat, run_id=run_id)
    return _run_page(request, seat, run)


@login_required
@require_POST
def run_baseline(request: HttpRequest, process_id: int, run_id: int) -> HttpResponse:
    """Which kept frontier packages Pareto-improve the baseline the mediator picked."""
    seat = access_process(request.user, process_id)
    run = selectors.run_get(seat=seat, run_id=run_id)
    form = BaselineForm(request.POST, issues=_run_issues(seat, run))
    if not form.is_valid():
        return _run_page(request, seat, run, form, status=400)
    try:
        numbers = services.baseline_query(seat=seat, run=run, options=form.options())
    except StaleRun as error:
        form.add_error(None, str(error))
        return _run_page(request, seat, run, form, status=400)
    return _run_page(request, seat, run, form, improvements=numbers)


def _run_issues(seat: Seat, run: AnalysisRun) -> list[Any]:
    """The analysed issues as they stand, in the run's order (a missing one drops out)."""
    by_title = {issue.title: issue for issue in agenda(seat.process)}
    return [by_title[t] for t in run.result.get("issues", []) if t in by_title]


def _run_page(
    request: HttpRequest,
    seat: Seat,
    run: AnalysisRun,
    baseline: BaselineForm | None = None,
    improvements: list[int] | None = None,
    status: int = 200,
) -> HttpResponse:
    context = _context(seat, run=run)
    result = run.result
    if result:
        codes, names = result["parties"], result["party_names"]
        x = _axis(request, "x", codes, 0)
        y = _axis(request, "y", codes, 1 if len(codes) > 1 else 0)
        colour = _axis(request, "colour", codes, 2 if len(codes) > 2 else None)
        marks = _marks(result)
        rows = [
            (number, package, marks.get(number, []))
            for number, package in enumerate(result["frontier"], start=1)
        ]
        points = [(key, result.get(key)) for key in SYMBOLS]
        chosen = set(improvements or [])
        context |= {
            "parties": list(zip(codes, names, strict=True)),
            "chart": frontier_svg(result, names, x, y, colour),
            "x": codes[x], "y": codes[y], "colour": codes[colour] if colour is not None else "",
            "rows": rows, "points": points, "issues": result["issues"],
            "span": len(result["issues"]) + len(codes),
            "baseline_form": baseline or BaselineForm(issues=_run_issues(seat, run)),
            "improvements": None if improvements is None else [r for r in rows if r[0] in chosen],
        }  # fmt: skip
    return render(request, "analysis/run.html", context, status=status)


def _package_options(seat: Seat, run: AnalysisRun, choice: str) -> list[Option]:
    result = run.result
    if choice in SYMBOLS:
        package = result.get(choice)
    elif choice.isdigit() and 1 <= int(choice) <= len(result.get("frontier", [])):
        package = result["frontier"][int(choice) - 1]
    else:
        package = None
    if not package:
        raise ValidationError({"package": "No such package in this run."})
    options = []
    for issue, label in package["outcome"].items():
        option = Option.objects.filter(
            issue__process=seat.process, issue__title=issue, label=label
        ).select_related("issue").first()  # fmt: skip
        if option is None:
            raise ValidationError({"package": f"The agenda changed: {issue} / {label} is gone."})
        options.append(option)
    return options


@login_required
@require_POST
def package_release(request: HttpRequest, process_id: int, run_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    run = selectors.run_get(seat=seat, run_id=run_id)
    form = ReleaseForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    try:
        options = _package_options(seat, run, form.cleaned_data["package"])
        package = services.package_release(
            seat=seat, options=options, note=form.cleaned_data["note"], run=run
        )
    except ValidationError as error:
        return HttpResponse("; ".join(error.messages), status=400)
    return redirect("analysis_package", process_id=process_id, package_id=package.pk)


@login_required
def packages(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    if not (seat.is_mediator or seat.is_delegation):
        raise Http404("Not available")
    views = selectors.package_views(seat=seat, packages=list(selectors.package_list(seat=seat)))
    return render(request, "analysis/packages.html", _context(seat, views=views))


@login_required
def package_detail(request: HttpRequest, process_id: int, package_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    package = selectors.package_get(seat=seat, package_id=package_id)
    (view,) = selectors.package_views(seat=seat, packages=[package])
    return render(request, "analysis/package.html", _context(seat, view=view))
