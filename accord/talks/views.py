"""Pages of the negotiation table: each view finds the seat, reads selectors, renders."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accord.domain.visibility import Visibility
from accord.talks import selectors, services
from accord.talks.access import access_process
from accord.talks.forms import NoteForm, PositionForm, ShareForm


@login_required
def home(request: HttpRequest) -> HttpResponse:
    processes = selectors.process_list(user=request.user)
    return render(request, "talks/home.html", {"processes": processes})


@login_required
def process_dashboard(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    parties, rows = selectors.matrix_rows(seat=seat)
    context = {
        "seat": seat,
        "process": seat.process,
        "rounds": selectors.round_timeline(seat=seat),
        "working_groups": selectors.working_group_list(seat=seat),
        "matrix_parties": parties,
        "matrix_rows": rows,
        "notes": selectors.note_list(seat=seat).filter(issue__isnull=True),
        "note_form": NoteForm(),
    }
    return render(request, "talks/dashboard.html", context)


@login_required
def issue_detail(request: HttpRequest, process_id: int, issue_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    issue = selectors.issue_get(seat=seat, issue_id=issue_id)
    form = PositionForm(request.POST or None, issue=issue)
    if request.method == "POST" and seat.is_delegation and form.is_valid():
        try:
            services.position_submit(
                seat=seat,
                issue=issue,
                stance=form.cleaned_data["stance"],
                option=form.cleaned_data["option"],
                round=form.cleaned_data["round"],
                red_lines=form.cleaned_data["red_lines"],
                flexibility=form.cleaned_data["flexibility"],
                visibility=Visibility(form.cleaned_data["visibility"]),
            )
            return redirect("issue", process_id=process_id, issue_id=issue_id)
        except ValidationError as error:
            form.add_error(None, error)
    positions = selectors.position_list(seat=seat).filter(issue=issue)
    context = {
        "seat": seat,
        "process": seat.process,
        "issue": issue,
        "form": form,
        "positions": positions,
        "parties": selectors.party_list(seat=seat),
        "notes": selectors.note_list(seat=seat).filter(issue=issue),
        "share_form": ShareForm(),
    }
    template = (
        "talks/issue.html#positions"
        if request.htmx and request.method == "GET"
        else "talks/issue.html"
    )
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
@require_POST
def position_share(request: HttpRequest, process_id: int, position_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    position = selectors.position_get(seat=seat, position_id=position_id)
    form = ShareForm(request.POST)
    if form.is_valid():
        try:
            services.position_share(
                seat=seat, position=position, visibility=Visibility(form.cleaned_data["visibility"])
            )
        except ValidationError as error:
            return HttpResponse("; ".join(error.messages), status=400)
    return redirect("issue", process_id=process_id, issue_id=position.issue_id)


@login_required
@require_POST
def note_add(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    services.note_add(
        seat=seat,
        title=form.cleaned_data["title"],
        body=form.cleaned_data["body"],
        source=form.cleaned_data["source"],
        visibility=Visibility(form.cleaned_data["visibility"]),
    )
    return redirect("process", process_id=process_id)


@login_required
def party_detail(request: HttpRequest, process_id: int, party_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    party = selectors.party_get(seat=seat, party_id=party_id)
    context = {
        "seat": seat,
        "process": seat.process,
        "party": party,
        "people": selectors.person_list(seat=seat).filter(party=party),
        "positions": selectors.position_list(seat=seat).filter(owner_party=party),
    }
    return render(request, "talks/party.html", context)


@login_required
def person_detail(request: HttpRequest, process_id: int, person_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    person = selectors.person_get(seat=seat, person_id=person_id)
    return render(
        request, "talks/person.html", {"seat": seat, "process": seat.process, "person": person}
    )


@login_required
def round_detail(request: HttpRequest, process_id: int, round_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    round_ = selectors.round_get(seat=seat, round_id=round_id)
    context = {
        "seat": seat,
        "process": seat.process,
        "round": round_,
        "positions": selectors.position_list(seat=seat).filter(round=round_),
    }
    return render(request, "talks/round.html", context)
