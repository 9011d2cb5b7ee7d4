"""Pages of the exchanges: each view finds the seat, reads selectors, calls services, renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from accord.domain.visibility import Visibility
from accord.exchanges import selectors, services
from accord.exchanges.export import export_csv
from accord.exchanges.forms import (
    DecisionForm,
    ExchangeForm,
    MappingForm,
    StatusForm,
    UploadForm,
)
from accord.exchanges.uploads import limit_uploads, refusal, refused_file
from accord.talks.access import Seat, access_process, require_mediator

QUEUE_SIZE = 25
RECORDS_SHOWN = 500


def _errors(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [m for messages_ in error.message_dict.values() for m in messages_]
    return list(error.messages)


@login_required
def exchange_index(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    form = ExchangeForm(request.POST or None)
    if request.method == "POST":
        require_mediator(seat)
        if form.is_valid():
            data = form.cleaned_data
            exchange = services.exchange_create(
                seat=seat, title=data["title"], agreed_number=data["agreed_number"],
                visibility=Visibility(data["visibility"]),
            )  # fmt: skip
            return redirect("exchange", process_id, exchange.pk)
    context = {
        "seat": seat, "process": seat.process, "form": form,
        "exchanges": selectors.exchange_list(seat=seat),
    }  # fmt: skip
    return render(request, "exchanges/index.html", context)


def _detail_context(seat: Seat, exchange, upload_form: UploadForm | None = None) -> dict:
    context = {
        "seat": seat, "process": seat.process, "exchange": exchange,
        "lists": selectors.list_list(seat=seat, exchange=exchange),
        "upload_form": upload_form or UploadForm(),
    }  # fmt: skip
    if seat.is_mediator:
        context["summary"] = selectors.summary(seat=seat, exchange=exchange)
    return context


@login_required
def exchange_detail(request: HttpRequest, process_id: int, exchange_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    exchange = selectors.exchange_get(seat=seat, exchange_id=exchange_id)
    return render(request, "exchanges/exchange.html", _detail_context(seat, exchange))


@login_required
@require_POST
@csrf_exempt  # the size limit must be installed before CSRF reads the body; checked below
def list_upload(request: HttpRequest, process_id: int, exchange_id: int) -> HttpResponse:
    limit_uploads(request, services.MAX_UPLOAD_BYTES)
    return _list_upload(request, process_id, exchange_id)


@csrf_protect
def _list_upload(request: HttpRequest, process_id: int, exchange_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    exchange = selectors.exchange_get(seat=seat, exchange_id=exchange_id)
    services.list_submitter(seat)  # observers get 404, whatever they sent
    form = UploadForm(request.POST, request.FILES)
    refused = refused_file(request)
    if refused:
        form = UploadForm(request.POST)
        form.is_valid()
        form.errors.clear()
        form.add_error(None, refusal(refused, services.MAX_UPLOAD_BYTES))
    elif form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            created = services.list_upload(
                seat=seat, exchange=exchange, file_name=upload.name, data=upload.read(),
                id_column=form.cleaned_data["id_column"] or None,
            )  # fmt: skip
        except ValidationError as error:
            for message in _errors(error):
                form.add_error("file", message)
        else:
            messages.success(request, f"{created.file_name}: list stored.")
            return redirect("exchange_list", process_id, created.pk)
    context = _detail_context(seat, exchange, form)
    return render(request, "exchanges/exchange.html", context, status=400)


@login_required
def list_detail(request: HttpRequest, process_id: int, exchange_list_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    exchange_list = selectors.list_get(seat=seat, exchange_list_id=exchange_list_id)
    form = MappingForm(
        request.POST or None, headers=exchange_list.headers,
        initial={"id_column": exchange_list.id_column},
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.list_remap(
                seat=seat, exchange_list=exchange_list, id_column=form.cleaned_data["id_column"]
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error("id_column", message)
        else:
            return redirect("exchange_list", process_id, exchange_list.pk)
    records = list(selectors.record_list(seat=seat, exchange_list=exchange_list)[:RECORDS_SHOWN])
    statuses = selectors.latest_statuses(seat=seat, records=records)
    for record in records:
        record.latest_status = statuses.get(record.pk, "")
    context = {
        "seat": seat, "process": seat.process, "exchange_list": exchange_list,
        "exchange": exchange_list.exchange, "records": records,
        "total": exchange_list.record_count, "form": form,
        "is_owner": services.list_is_own(seat, exchange_list),
    }  # fmt: skip
    return render(request, "exchanges/list.html", context)


@login_required
def record_detail(request: HttpRequest, process_id: int, list_record_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    record = selectors.record_get(seat=seat, list_record_id=list_record_id)
    may_record = seat.is_mediator or (
        seat.party is not None and seat.party.pk == record.owner_party_id
    )
    form = StatusForm(request.POST or None, mediator=seat.is_mediator)
    if request.method == "POST":
        if not may_record:
            raise Http404("Not your record")
        if form.is_valid():
            try:
                services.status_record(
                    seat=seat, exchange=record.exchange_list.exchange, record=record,
                    status=form.cleaned_data["status"], note=form.cleaned_data["note"],
                )  # fmt: skip
            except ValidationError as error:
                for message in _errors(error):
                    form.add_error(None, message)
            else:
                return redirect("exchange_record", process_id, record.pk)
    services.record_view_log(seat=seat, record=record)
    context = {
        "seat": seat, "process": seat.process, "record": record,
        "exchange_list": record.exchange_list, "exchange": record.exchange_list.exchange,
        "events": selectors.record_events(seat=seat, record=record),
        "form": form if may_record else None,
    }  # fmt: skip
    status = 400 if request.method == "POST" else 200
    return render(request, "exchanges/record.html", context, status=status)


@login_required
@require_POST
def reconcile(request: HttpRequest, process_id: int, exchange_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    require_mediator(seat)
    exchange = selectors.exchange_get(seat=seat, exchange_id=exchange_id)
    try:
        job = services.reconcile_start(seat=seat, exchange=exchange)
    except ValidationError as error:
        for message in _errors(error):
            messages.error(request, message)
        return redirect("exchange", process_id, exchange.pk)
    return redirect("job", process_id, job.pk)


def _queue_context(seat: Seat, exchange) -> dict:
    queue = selectors.review_queue(seat=seat, exchange=exchange)
    return {
        "seat": seat, "process": seat.process, "exchange": exchange,
        "queue": list(queue[:QUEUE_SIZE]), "pending": queue.count(),
    }  # fmt: skip


@login_required
def review(request: HttpRequest, process_id: int, exchange_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    require_mediator(seat)
    exchange = selectors.exchange_get(seat=seat, exchange_id=exchange_id)
    return render(request, "exchanges/review.html", _queue_context(seat, exchange))


@login_required
@require_POST
def decide(request: HttpRequest, process_id: int, candidate_link_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    link = selectors.link_get(seat=seat, candidate_link_id=candidate_link_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose accept or reject.", status=400)
    services.link_review(seat=seat, link=link, decision=form.cleaned_data["decision"])
    if request.htmx:
        context = _queue_context(seat, link.exchange)
        return render(request, "exchanges/review.html#queue", context)
    if request.POST.get("next") == "link":
        return redirect("exchange_link", process_id, link.pk)
    return redirect("exchange_review", process_id, link.exchange_id)


@login_required
def link_detail(request: HttpRequest, process_id: int, candidate_link_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    link = selectors.link_get(seat=seat, candidate_link_id=candidate_link_id)
    form = StatusForm(request.POST or None, mediator=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.status_record(
                seat=seat, exchange=link.exchange, link=link,
                status=form.cleaned_data["status"], note=form.cleaned_data["note"],
            )  # fmt: skip
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            return redirect("exchange_link", process_id, link.pk)
    context = {
        "seat": seat, "process": seat.process, "link": link, "exchange": link.exchange,
        "events": selectors.events_of(seat=seat, link=link), "form": form,
    }  # fmt: skip
    return render(request, "exchanges/link.html", context)


@login_required
def export(request: HttpRequest, process_id: int, exchange_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    require_mediator(seat)
    exchange = selectors.exchange_get(seat=seat, exchange_id=exchange_id)
    summary = selectors.summary(seat=seat, exchange=exchange)
    body = export_csv(summary)
    services.export_log(seat=seat, exchange=exchange, rows=len(summary.persons))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="exchange-{exchange.pk}.csv"'
    return response
