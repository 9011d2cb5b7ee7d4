"""Pages of the monitor: each view finds the seat, reads selectors, renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.domain.visibility import Visibility
from accord.jobs.selectors import job_get
from accord.monitor import jobs, selectors, services, timeline
from accord.monitor.forms import AcceptForm, AnnotationForm, FilterForm, UploadForm
from accord.monitor.highlight import highlight
from accord.talks import selectors as talks_selectors
from accord.talks.access import Seat, access_process

PAGE_SIZE = 100


def _can_upload(seat: Seat) -> bool:
    return seat.is_mediator or seat.is_delegation


def _timeline(request: HttpRequest, seat: Seat, statements, heading: dict) -> HttpResponse:
    pid = seat.process.pk
    form = FilterForm(request.GET or None, process_id=pid)
    ordered = form.apply(statements).order_by(
        F("date").desc(nulls_last=True), "-document_id", "start"
    )
    rows = list(ordered)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.flag_all(page.object_list, seat=seat)
    party_url = lambda k: reverse("monitor_party", args=[pid, k])  # noqa: E731
    issue_url = lambda k: reverse("monitor_issue", args=[pid, k])  # noqa: E731
    context = {
        "seat": seat,
        "process": seat.process,
        "form": form,
        "page": page,
        "total": len(rows),
        "party_chart": timeline.chart(timeline.rows_by_party(rows, party_url), title="By party"),
        "issue_chart": timeline.chart(timeline.rows_by_issue(rows, issue_url), title="By issue"),
        "undated": sum(1 for s in rows if s.date is None),
        **heading,
    }
    return render(request, "monitor/timeline.html", context)


@login_required
def timeline_all(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    statements = selectors.statement_list(seat=seat)
    return _timeline(request, seat, statements, {"heading": "Public statements"})


@login_required
def timeline_party(request: HttpRequest, process_id: int, party_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    party = talks_selectors.party_get(seat=seat, party_id=party_id)
    statements = selectors.statement_list(seat=seat).filter(party=party)
    return _timeline(request, seat, statements, {"heading": f"Statements: {party.name}"})


@login_required
def timeline_issue(request: HttpRequest, process_id: int, issue_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    issue = talks_selectors.issue_get(seat=seat, issue_id=issue_id)
    statements = selectors.statement_list(seat=seat).filter(issues=issue)
    return _timeline(request, seat, statements, {"heading": f"Statements on {issue.title}"})


@login_required
def person_statements(request: HttpRequest, process_id: int, person_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    person = talks_selectors.person_get(seat=seat, person_id=person_id)
    statements = selectors.statement_list(seat=seat).filter(speaker=person)
    statements = selectors.flag_all(
        statements.order_by(F("date").desc(nulls_last=True), "-document_id", "start"), seat=seat
    )
    context = {"seat": seat, "process": seat.process, "person": person, "statements": statements}
    return render(request, "monitor/person.html", context)


@login_required
def statement_detail(
    request: HttpRequest, process_id: int, public_statement_id: int
) -> HttpResponse:
    seat = access_process(request.user, process_id)
    statement = selectors.statement_with_annotations(seat=seat, statement_id=public_statement_id)
    return _statement_page(request, seat, statement, AnnotationForm())


def _statement_page(request, seat, statement, form, status: int = 200) -> HttpResponse:
    selectors.flag_all([statement], seat=seat)
    text = statement.document.text
    context = {
        "seat": seat,
        "process": seat.process,
        "statement": statement,
        "marked": highlight(text, [(statement.start, statement.end, "")]),
        "form": form,
        "can_annotate": seat.is_delegation or seat.is_mediator,
    }
    return render(request, "monitor/statement.html", context, status=status)


@login_required
@require_POST
def annotate(request: HttpRequest, process_id: int, public_statement_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    statement = selectors.statement_with_annotations(seat=seat, statement_id=public_statement_id)
    form = AnnotationForm(request.POST)
    if form.is_valid():
        try:
            services.annotation_add(
                seat=seat,
                statement=statement,
                body=form.cleaned_data["body"],
                visibility=Visibility(form.cleaned_data["visibility"]),
            )
            return redirect(
                "monitor_statement", process_id=process_id, public_statement_id=statement.pk
            )
        except ValidationError as error:
            form.add_error(None, error)
    return _statement_page(request, seat, statement, form, status=400)


@login_required
def documents(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST":
        if not _can_upload(seat):
            raise Http404("Not available")
        if form.is_valid():
            uploads = form.cleaned_data["files"]
            folder = jobs.uploads_stage(uploads)
            names = sorted(p.name for p in folder.iterdir())
            job = jobs.ingest_start(
                actor=request.user, process=seat.process, folder=folder, names=names, staged=True
            )
            messages.info(request, f"Ingesting {len(names)} file(s) in the background.")
            return redirect("job", process_id=process_id, job_id=job.pk)
    context = {
        "seat": seat,
        "process": seat.process,
        "documents": selectors.document_list(seat=seat),
        "form": form,
        "can_upload": _can_upload(seat),
        "job": _job_for(request, seat),
    }
    return render(request, "monitor/documents.html", context, status=400 if form.errors else 200)


def _job_for(request: HttpRequest, seat: Seat):
    raw = request.GET.get("job", "")
    if not raw.isdigit() or len(raw) > 18:
        return None
    try:
        job = job_get(seat=seat, job_id=int(raw))
    except Http404:
        return None
    return job if job.kind == jobs.KIND else None


@login_required
def document_detail(request: HttpRequest, process_id: int, source_document_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    document = selectors.document_get(seat=seat, document_id=source_document_id)
    statements = list(selectors.statement_list(seat=seat).filter(document=document))
    spans = [
        (s.start, s.end, reverse("monitor_statement", args=[process_id, s.pk])) for s in statements
    ]
    context = {
        "seat": seat,
        "process": seat.process,
        "document": document,
        "marked": highlight(document.text, spans),
        "statements": statements,
    }
    return render(request, "monitor/document.html", context)


@login_required
def review(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    proposals = list(selectors.proposal_list(seat=seat))
    for proposal in proposals:
        proposal.form = AcceptForm(
            initial={"name": proposal.name, "title": proposal.role, "party": proposal.party_id},
            process_id=process_id,
        )
    context = {"seat": seat, "process": seat.process, "proposals": proposals}
    return render(request, "monitor/review.html", context)


@login_required
@require_POST
def proposal_accept(
    request: HttpRequest, process_id: int, speaker_proposal_id: int
) -> HttpResponse:
    seat = access_process(request.user, process_id)
    proposal = selectors.proposal_get(seat=seat, proposal_id=speaker_proposal_id)
    form = AcceptForm(request.POST, process_id=process_id)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    try:
        person = services.proposal_accept(
            seat=seat,
            proposal=proposal,
            name=form.cleaned_data["name"],
            title=form.cleaned_data["title"],
            party=form.cleaned_data["party"],
        )
    except ValidationError as error:
        return HttpResponse("; ".join(error.messages), status=400)
    messages.info(request, f"{person.name} is now a Person of the process.")
    return redirect("monitor_review", process_id=process_id)


@login_required
@require_POST
def proposal_dismiss(
    request: HttpRequest, process_id: int, speaker_proposal_id: int
) -> HttpResponse:
    seat = access_process(request.user, process_id)
    proposal = selectors.proposal_get(seat=seat, proposal_id=speaker_proposal_id)
    try:
        services.proposal_dismiss(seat=seat, proposal=proposal)
    except ValidationError as error:
        return HttpResponse("; ".join(error.messages), status=400)
    return redirect("monitor_review", process_id=process_id)
