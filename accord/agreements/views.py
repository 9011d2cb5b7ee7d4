"""Pages of the agreement register: each view finds the seat, reads selectors, renders."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from accord.agreements import selectors, services
from accord.agreements.forms import AgreementForm, ProvisionForm, StatusForm
from accord.domain.register import step_lines
from accord.domain.visibility import Visibility
from accord.talks.access import access_process


@login_required
def agreement_list(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            agreement = services.agreement_create(
                seat=seat,
                title=data["title"],
                summary=data["summary"],
                source_reference=data["source_reference"],
                concluded_on=data["concluded_on"],
                visibility=Visibility(data["visibility"]),
            )
            return redirect("agreement", process_id=process_id, agreement_id=agreement.pk)
        except ValidationError as error:
            form.add_error(None, error)
    context = {
        "seat": seat,
        "process": seat.process,
        "agreements": selectors.agreement_list(seat=seat),
        "form": form,
    }
    return render(request, "agreements/list.html", context, status=400 if form.errors else 200)


def _charts(report: selectors.AgreementReport) -> tuple[str, str]:
    overall = step_lines(
        {"overall": [(p.day, p.mean) for p in report.curve]},
        title="Implementation (mean PAM level, 0–3)",
    )
    per_party = step_lines(
        {label: [(p.day, p.mean) for p in curve] for label, (_s, curve) in report.by_party.items()},
        title="Implementation per party (mean PAM level, 0–3)",
    )
    return mark_safe(overall), mark_safe(per_party)


@login_required
def agreement_detail(request: HttpRequest, process_id: int, agreement_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    agreement = selectors.agreement_get(seat=seat, agreement_id=agreement_id)
    provisions = list(agreement.provisions.all())
    is_provision = request.POST.get("form") == "provision"
    provision_form = ProvisionForm(request.POST if is_provision else None, process_id=process_id)
    status_form = StatusForm(
        request.POST if request.method == "POST" and not is_provision else None,
        provisions=provisions,
    )
    form = provision_form if is_provision else status_form
    if request.method == "POST" and form.is_valid():
        try:
            _write(seat, agreement, form, is_provision)
            return redirect("agreement", process_id=process_id, agreement_id=agreement_id)
        except ValidationError as error:
            form.add_error(None, error)
    report = selectors.agreement_report(seat=seat, agreement=agreement)
    overall, per_party = _charts(report)
    context = {
        "seat": seat,
        "process": seat.process,
        "agreement": agreement,
        "report": report,
        "chart_overall": overall,
        "chart_party": per_party,
        "provision_form": provision_form,
        "status_form": status_form,
        "owns": services.owns(seat, agreement),
    }
    errors = bool(provision_form.errors or status_form.errors)
    return render(request, "agreements/agreement.html", context, status=400 if errors else 200)


def _write(seat, agreement, form, is_provision: bool) -> None:
    data = form.cleaned_data
    if is_provision:
        services.provision_add(
            seat=seat,
            agreement=agreement,
            action=data["action"],
            obligor=data["obligor"],
            due_on=data["due_on"],
            verifier=data["verifier"],
            clause_reference=data["clause_reference"],
        )
        return
    provision = selectors.provision_get(
        seat=seat, agreement=agreement, provision_id=data["provision"]
    )
    services.status_record(
        seat=seat,
        provision=provision,
        level=data["level"],
        as_of=data["as_of"],
        evidence=data["evidence"],
        links=data["links"],
        visibility=Visibility(data["visibility"]),
    )
