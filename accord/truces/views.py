"""Pages of the truce register: each view finds the seat, reads selectors, renders."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from accord.domain.register import stacked_bars, write_acled_csv
from accord.domain.visibility import Visibility
from accord.talks.access import access_process
from accord.truces import selectors, services
from accord.truces.forms import (
    ClaimForm,
    FilterForm,
    ImportConfirmForm,
    ImportUploadForm,
    MergeForm,
    ReportForm,
    ShareForm,
    TruceForm,
    VerificationForm,
)

#: Incidents per page of the register (newest first); filters and the CSV export reach the rest.
INCIDENTS_PER_PAGE = 50


def _render(request: HttpRequest, template: str, context: dict, form_errors: bool = False):
    return render(request, template, context, status=400 if form_errors else 200)


@login_required
def truce_list(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    form = TruceForm(request.POST or None, process_id=process_id)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            truce = services.truce_create(
                seat=seat,
                name=data["name"],
                scope=data["scope"],
                terms=data["terms"],
                geographic_scope=data["geographic_scope"],
                brokered_by=data["brokered_by"],
                visibility=Visibility(data["visibility"]),
            )
            return redirect("truce", process_id=process_id, truce_id=truce.pk)
        except ValidationError as error:
            form.add_error(None, error)
    context = {
        "seat": seat,
        "process": seat.process,
        "truces": selectors.truce_list(seat=seat),
        "form": form,
    }
    return _render(request, "truces/list.html", context, bool(form.errors))


@login_required
def truce_detail(request: HttpRequest, process_id: int, truce_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    truce = selectors.truce_get(seat=seat, truce_id=truce_id)
    form = ClaimForm(request.POST or None, process_id=process_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.truce_claim_add(
                seat=seat,
                truce=truce,
                party=data["party"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                note=data["note"],
                visibility=Visibility(data["visibility"]),
            )
            return redirect("truce", process_id=process_id, truce_id=truce_id)
        except ValidationError as error:
            form.add_error(None, error)
    claims = list(selectors.claim_list(seat=seat, truce=truce))
    by_type, by_party = selectors.incident_counts(seat=seat, truce=truce)
    context = {
        "seat": seat,
        "process": seat.process,
        "truce": truce,
        "claims": claims,
        "disagree": selectors.claims_disagree(claims),
        "claim_form": form,
        "total": by_type.total,
        "chart_type": mark_safe(
            stacked_bars(
                by_type.days,
                by_type.series,
                title="Incidents per day by event type",
            )
        ),
        "chart_party": mark_safe(
            stacked_bars(
                by_party.days,
                by_party.series,
                title="Incidents per day by alleged party",
            )
        ),
    }
    return _render(request, "truces/truce.html", context, bool(form.errors))


def _filters(form: FilterForm) -> selectors.IncidentFilter:
    if not form.is_valid():
        return selectors.IncidentFilter()
    data = form.cleaned_data
    return selectors.IncidentFilter(
        event_type=data["event_type"],
        alleged_party_id=data["alleged_party"].pk if data["alleged_party"] else None,
        status=data["status"],
        date_from=data["date_from"],
        date_to=data["date_to"],
    )


@login_required
def incident_list(request: HttpRequest, process_id: int, truce_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    truce = selectors.truce_get(seat=seat, truce_id=truce_id)
    form = FilterForm(request.GET or None, process_id=process_id)
    number = _page_number(request)
    page = selectors.incident_page(
        seat=seat,
        truce=truce,
        filters=_filters(form),
        offset=(number - 1) * INCIDENTS_PER_PAGE,
        limit=INCIDENTS_PER_PAGE,
    )
    context = {
        "seat": seat,
        "process": seat.process,
        "truce": truce,
        "filter_form": form,
        "incidents": page.views,
        "total": page.total,
        "pages": _pagination(request, number, page.total),
    }
    template = "truces/incidents.html#rows" if request.htmx else "truces/incidents.html"
    return render(request, template, context)


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < len(raw) < 7 and int(raw) > 0 else 1


def _pagination(request: HttpRequest, number: int, total: int) -> dict[str, object]:
    """Where this page sits and the query strings of its neighbours (filters kept)."""
    last = max(1, -(-total // INCIDENTS_PER_PAGE))

    def query(n: int) -> str:
        params = request.GET.copy()
        params["page"] = str(n)
        return params.urlencode()

    return {
        "number": number,
        "last": last,
        "previous": query(number - 1) if number > 1 else "",
        "next": query(number + 1) if number < last else "",
    }


def _report_fields(data: dict) -> services.ReportFields:
    names = services.ReportFields.__dataclass_fields__
    return services.ReportFields(**{k: data[k] for k in names})


@login_required
def report_add(request: HttpRequest, process_id: int, truce_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    truce = selectors.truce_get(seat=seat, truce_id=truce_id)
    incident = None
    incident_id = request.GET.get("incident", "")
    if incident_id:
        if not incident_id.isdigit() or len(incident_id) > 18:
            raise Http404("Not found")
        incident = selectors.incident_get(seat=seat, incident_id=int(incident_id)).incident
    form = ReportForm(request.POST or None, process_id=process_id)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_file(
                seat=seat,
                truce=truce,
                incident=incident,
                fields=_report_fields(form.cleaned_data),
                visibility=Visibility(form.cleaned_data["visibility"]),
            )
            return redirect("incident", process_id=process_id, incident_id=report.incident_id)
        except ValidationError as error:
            form.add_error(None, error)
    context = {
        "seat": seat,
        "process": seat.process,
        "truce": truce,
        "incident": incident,
        "form": form,
    }
    return _render(request, "truces/report_form.html", context, bool(form.errors))


@login_required
def truce_export(request: HttpRequest, process_id: int, truce_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    truce = selectors.truce_get(seat=seat, truce_id=truce_id)
    body = write_acled_csv(selectors.export_rows(seat=seat, truce=truce))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="truce-{truce.pk}.csv"'
    return response


@login_required
def incident_detail(request: HttpRequest, process_id: int, incident_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    view = selectors.incident_get(seat=seat, incident_id=incident_id)
    form = VerificationForm(request.POST or None)
    if request.method == "POST":
        if not seat.is_mediator:
            raise Http404("Not available")
        if form.is_valid():
            services.verification_record(
                seat=seat,
                incident=view.incident,
                status=form.cleaned_data["status"],
                reasoning=form.cleaned_data["reasoning"],
                visibility=Visibility(form.cleaned_data["visibility"]),
            )
            return redirect("incident", process_id=process_id, incident_id=incident_id)
    context = {
        "seat": seat,
        "process": seat.process,
        "view": view,
        "truce": view.incident.truce,
        "verify_form": form,
        "share_form": ShareForm(),
        "duplicates": selectors.duplicate_suggestions(seat=seat, view=view)
        if seat.is_mediator
        else [],
    }
    return _render(request, "truces/incident.html", context, bool(form.errors))


@login_required
@require_POST
def incident_merge(request: HttpRequest, process_id: int, incident_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    if not seat.is_mediator:
        raise Http404("Not available")
    target = selectors.incident_get(seat=seat, incident_id=incident_id)
    form = MergeForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    duplicate = selectors.incident_get(seat=seat, incident_id=form.cleaned_data["duplicate"])
    try:
        services.incident_merge(seat=seat, target=target.incident, duplicate=duplicate.incident)
    except ValidationError as error:
        return HttpResponse("; ".join(error.messages), status=400)
    return redirect("incident", process_id=process_id, incident_id=incident_id)


@login_required
@require_POST
def report_share(request: HttpRequest, process_id: int, report_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    report = selectors.report_get(seat=seat, report_id=report_id)
    form = ShareForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    try:
        services.report_share(
            seat=seat, report=report, visibility=Visibility(form.cleaned_data["visibility"])
        )
    except ValidationError as error:
        return HttpResponse("; ".join(error.messages), status=400)
    return redirect("incident", process_id=process_id, incident_id=report.incident_id)


def _import_dry_run(
    seat, truce, text: str, visibility: Visibility
) -> tuple[services.ImportResult | None, list[str]]:
    """What `reports_import` would do, without doing it: the CLI's own service runs inside a
    savepoint that is always rolled back, so the preview and the import cannot disagree."""
    try:
        with transaction.atomic():
            result = services.reports_import(
                seat=seat, truce=truce, text=text, visibility=visibility
            )
            transaction.set_rollback(True)
    except ValidationError as error:
        return None, error.messages
    return result, []


@login_required
def truce_import(request: HttpRequest, process_id: int, truce_id: int) -> HttpResponse:
    """Upload an ACLED-style CSV, see row-numbered errors or the new/already-present counts,
    then confirm. Mediators and delegations only; the reports are owned by the seat."""
    seat = access_process(request.user, process_id)
    if not (seat.is_mediator or seat.is_delegation):
        raise Http404("Not available")
    truce = selectors.truce_get(seat=seat, truce_id=truce_id)
    context = {"seat": seat, "process": seat.process, "truce": truce, "result": None}
    upload = ImportUploadForm()
    if request.method == "POST" and request.POST.get("step") == "confirm":
        confirm = ImportConfirmForm(request.POST)
        if not confirm.is_valid():
            return HttpResponse(confirm.errors.as_text(), status=400)
        data = confirm.cleaned_data
        try:
            result = services.reports_import(
                seat=seat, truce=truce, text=data["text"], visibility=Visibility(data["visibility"])
            )
        except ValidationError as error:
            context |= {"upload_form": upload, "errors": error.messages}
            return _render(request, "truces/import.html", context, True)
        context |= {"result": result, "done": True, "upload_form": upload}
        return _render(request, "truces/import.html", context)
    if request.method == "POST":
        upload = ImportUploadForm(request.POST, request.FILES)
        if upload.is_valid():
            text, level = upload.cleaned_data["file"], Visibility(upload.cleaned_data["visibility"])
            result, errors = _import_dry_run(seat, truce, text, level)
            confirm = ImportConfirmForm(initial={"text": text, "visibility": level.value})
            context |= {"result": result, "errors": errors, "confirm_form": confirm}
            context |= {"visibility": level, "upload_form": ImportUploadForm()}
            return _render(request, "truces/import.html", context, bool(errors))
    context["upload_form"] = upload
    return _render(request, "truces/import.html", context, bool(upload.errors))
