"""Pages for the table: mediators manage consultations; every seat reads released reports."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.consultations import polis, selectors, services
from accord.consultations.forms import (
    AnalyseForm,
    AttachForm,
    ConsultationForm,
    ImportForm,
    InviteForm,
    ModerateForm,
    ReleaseForm,
    SeedForm,
    StatusForm,
)
from accord.consultations.svg import group_colour, opinion_map, participation_chart
from accord.domain.visibility import Visibility
from accord.talks.access import Seat, access_process, require_mediator


def _page(request: HttpRequest, seat: Seat, template: str, status: int = 200, **context: Any):
    context |= {"seat": seat, "process": seat.process}
    return render(request, f"consultations/{template}", context, status=status)


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def consultation_list(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    form = ConsultationForm(request.POST or None, process=seat.process)
    if request.method == "POST":
        require_mediator(seat)
        if form.is_valid():
            try:
                consultation = services.consultation_create(seat=seat, **form.cleaned_data)
                return redirect("consultation", process_id, consultation.pk)
            except ValidationError as error:
                form.add_error(None, error)
    return _page(
        request,
        seat,
        "list.html",
        status=400 if form.errors else 200,
        form=form,
        consultations=selectors.consultation_list(seat=seat) if seat.is_mediator else [],
        results=selectors.result_list(seat=seat),
    )


@login_required
def consultation_detail(request: HttpRequest, process_id: int, consultation_id: int):
    seat = access_process(request.user, process_id)
    consultation = selectors.consultation_get(seat=seat, consultation_id=consultation_id)
    invites = [
        (invite, request.build_absolute_uri(reverse("consult_participate", args=[invite.token])))
        for invite in consultation.invites.all()
    ]
    return _page(
        request,
        seat,
        "detail.html",
        consultation=consultation,
        invites=invites,
        stats=selectors.consultation_stats(consultation=consultation),
        statements=selectors.statement_tallies(consultation=consultation),
        results=selectors.result_list(seat=seat).filter(consultation=consultation),
        seed_form=SeedForm(),
        analyse_form=AnalyseForm(),
        invite_form=InviteForm(),
    )


def _action(request: HttpRequest, process_id: int, consultation_id: int, form_class, apply):
    """POST handler shape: mediator, valid form, service call, back to the consultation."""
    seat = access_process(request.user, process_id)
    consultation = selectors.consultation_get(seat=seat, consultation_id=consultation_id)
    form = form_class(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    try:
        response = apply(seat, consultation, form.cleaned_data)
    except ValidationError as error:
        _errors(request, error)
        response = None
    return response or redirect("consultation", process_id, consultation_id)


@login_required
@require_POST
def statement_seed(request: HttpRequest, process_id: int, consultation_id: int):
    def apply(seat, consultation, data):
        created = services.statement_seed(
            seat=seat, consultation=consultation, texts=data["texts"].splitlines()
        )
        messages.success(request, f"{len(created)} statement(s) added.")

    return _action(request, process_id, consultation_id, SeedForm, apply)


@login_required
@require_POST
def consultation_status(request: HttpRequest, process_id: int, consultation_id: int):
    def apply(seat, consultation, data):
        services.consultation_set_status(seat=seat, consultation=consultation, **data)

    return _action(request, process_id, consultation_id, StatusForm, apply)


@login_required
@require_POST
def invite_add(request: HttpRequest, process_id: int, consultation_id: int):
    def apply(seat, consultation, data):
        services.invite_add(seat=seat, consultation=consultation, label=data["label"])

    return _action(request, process_id, consultation_id, InviteForm, apply)


@login_required
@require_POST
def analysis_start(request: HttpRequest, process_id: int, consultation_id: int):
    def apply(seat, consultation, data):
        job = services.analysis_start(seat=seat, consultation=consultation, mode=data["mode"])
        return redirect("job", process_id, job.pk)

    return _action(request, process_id, consultation_id, AnalyseForm, apply)


@login_required
@require_POST
def polis_export(request: HttpRequest, process_id: int, consultation_id: int):
    def apply(seat, consultation, _data):
        content = polis.polis_export(seat=seat, consultation=consultation)
        response = HttpResponse(content, content_type="application/zip")
        response["Content-Disposition"] = (
            f'attachment; filename="consultation-{consultation.pk}-polis.zip"'
        )
        return response

    return _action(request, process_id, consultation_id, forms.Form, apply)


@login_required
@require_POST
def statement_moderate(request: HttpRequest, process_id: int, statement_id: int):
    seat = access_process(request.user, process_id)
    statement = selectors.statement_get(seat=seat, statement_id=statement_id)
    form = ModerateForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    services.statement_moderate(seat=seat, statement=statement, status=form.cleaned_data["status"])
    return redirect("consultation", process_id, statement.consultation_id)


@login_required
def polis_import(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    require_mediator(seat)
    form = ImportForm(request.POST or None, request.FILES or None, process=seat.process)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = polis.polis_import_start(
                seat=seat,
                files={f.name: f.read() for f in data["files"]},
                title=data["title"],
                question=data["question"],
                issue=data["issue"],
            )
            return redirect("job", process_id, job.pk)
        except ValidationError as error:
            form.add_error(None, error)
    return _page(request, seat, "import.html", status=400 if form.errors else 200, form=form)


@login_required
def result_detail(request: HttpRequest, process_id: int, result_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    result = selectors.result_get(seat=seat, result_id=result_id)
    data = result.data
    groups = [g | {"colour": group_colour(g["id"])} for g in data.get("groups", [])]
    release = ReleaseForm(
        initial={"title": result.title, "summary": result.summary, "visibility": result.visibility}
    )
    return _page(
        request,
        seat,
        "result.html",
        result=result,
        data=data,
        groups=groups,
        opinion_map=opinion_map(data.get("points", [])),
        participation=participation_chart(data.get("participation", [])),
        release_form=release,
        attach_form=AttachForm(process=seat.process, initial={"issue": result.consultation.issue}),
    )


@login_required
@require_POST
def result_release(request: HttpRequest, process_id: int, result_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    result = selectors.result_get(seat=seat, result_id=result_id)
    require_mediator(seat)
    form = ReleaseForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    try:
        services.result_release(
            seat=seat,
            result=result,
            visibility=Visibility(form.cleaned_data["visibility"]),
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
        )
    except ValidationError as error:
        _errors(request, error)
    return redirect("consultation_result", process_id, result_id)


@login_required
@require_POST
def consensus_attach(request: HttpRequest, process_id: int, result_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    result = selectors.result_get(seat=seat, result_id=result_id)
    require_mediator(seat)
    form = AttachForm(request.POST, process=seat.process)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    try:
        note = services.consensus_attach(
            seat=seat,
            result=result,
            statement_id=form.cleaned_data["statement_id"],
            issue=form.cleaned_data["issue"],
            visibility=Visibility(form.cleaned_data["visibility"]),
        )
    except ValidationError as error:
        _errors(request, error)
        return redirect("consultation_result", process_id, result_id)
    messages.success(request, "The statement is now a note on the agenda issue.")
    return redirect("issue", process_id, note.issue_id)
