"""Pages of the agreement register: each view finds the seat, reads selectors, renders."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from accord.agreements import selectors, services
from accord.agreements.forms import AgreementForm, FromTextForm, ProvisionForm, StatusForm
from accord.core.visibility import VISIBILITY_CHOICES
from accord.domain.register import step_lines
from accord.domain.visibility import Visibility
from accord.talks.access import Seat, access_process
from accord.talks.records import seat_owns


def _create(seat: Seat, form: AgreementForm | FromTextForm):
    data = form.cleaned_data
    common = {
        "seat": seat,
        "title": data["title"],
        "summary": data["summary"],
        "concluded_on": data["concluded_on"],
        "visibility": Visibility(data["visibility"]),
    }
    if isinstance(form, FromTextForm):
        return services.agreement_from_text(version=data["version"], **common)
    return services.agreement_create(source_reference=data["source_reference"], **common)


@login_required
def agreement_list(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    from_text = request.POST.get("form") == "from_text"
    form = AgreementForm(request.POST if request.method == "POST" and not from_text else None)
    text_form = FromTextForm(request.POST if from_text else None, seat=seat)
    posted = text_form if from_text else form
    if request.method == "POST" and posted.is_valid():
        try:
            agreement = _create(seat, posted)
            return redirect("agreement", process_id=process_id, agreement_id=agreement.pk)
        except ValidationError as error:
            posted.add_error(None, error)
    context = {
        "seat": seat,
        "process": seat.process,
        "agreements": selectors.agreement_list(seat=seat),
        "form": form,
        "text_form": text_form,
    }
    errors = bool(form.errors or text_form.errors)
    return render(request, "agreements/list.html", context, status=400 if errors else 200)


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
    provision_form = ProvisionForm(request.POST if is_provision else None, seat=seat)
    status_form = StatusForm(
        request.POST if request.method == "POST" and not is_provision else None,
        request.FILES if request.method == "POST" and not is_provision else None,
        provisions=provisions,
        seat=seat,
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
        "owns": seat_owns(seat, agreement),
    }
    errors = bool(provision_form.errors or status_form.errors)
    return render(request, "agreements/agreement.html", context, status=400 if errors else 200)


def _write(seat, agreement, form, is_provision: bool) -> None:
    data = form.cleaned_data
    if is_provision:
        version, number = data["clause"]
        services.provision_add(
            seat=seat,
            agreement=agreement,
            action=data["action"],
            obligor=data["obligor"],
            due_on=data["due_on"],
            verifier=data["verifier"],
            clause_reference=data["clause_reference"],
            text_version=version,
            clause_number=number,
            exchange=data["exchange"],
            truce=data["truce"],
        )
        return
    provision = selectors.provision_get(
        seat=seat, agreement=agreement, provision_id=data["provision"]
    )
    _record_status(seat, provision, data)


def _record_status(seat: Seat, provision, data: dict) -> None:
    services.status_record(
        seat=seat,
        provision=provision,
        level=data["level"],
        as_of=data["as_of"],
        evidence=data["evidence"],
        links=data["links"],
        statements=list(data["statements"]),
        visibility=Visibility(data["visibility"]),
        documents=[(data["document"], data["document_description"])] if data["document"] else [],
    )


@login_required
def provision_detail(request: HttpRequest, process_id: int, provision_id: int) -> HttpResponse:
    """A provision's timeline, the text clause it came from and the exchange or truce it links
    to, each only as far as the seat may read it."""
    seat = access_process(request.user, process_id)
    page = selectors.provision_page(seat=seat, provision_id=provision_id)
    form = StatusForm(
        request.POST or None, request.FILES or None, provisions=[page.provision], seat=seat
    )
    if request.method == "POST" and form.is_valid():
        try:
            _record_status(seat, page.provision, form.cleaned_data)
            return redirect("provision", process_id=process_id, provision_id=provision_id)
        except ValidationError as error:
            form.add_error(None, error)
    context = {
        "seat": seat,
        "process": seat.process,
        "page": page,
        "agreement": page.provision.agreement,
        "status_form": form,
        "visibility_choices": VISIBILITY_CHOICES,
    }
    return render(request, "agreements/provision.html", context, status=400 if form.errors else 200)
