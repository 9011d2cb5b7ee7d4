"""Pages of the negotiating text: each view finds the seat, reads selectors, renders."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accord.domain.text import Mark, clause_diff, docx_bytes, parse, pdf_bytes, trace_bytes
from accord.domain.visibility import Visibility
from accord.talks.access import access_process, require_mediator
from accord.talks.models import Party
from accord.texts import keys, pages, present, selectors, services
from accord.texts.forms import ClauseForm, MarkForm, ReleaseForm, TextForm, TraceForm
from accord.texts.models import Text


def _errors(error: ValidationError) -> list[str]:
    return error.messages


@login_required
def text_index(request: HttpRequest, process_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    form = TextForm(request.POST, request.FILES) if request.method == "POST" else TextForm()
    if request.method == "POST":
        require_mediator(seat)
        if form.is_valid():
            try:
                text = _create(seat, form)
                return redirect("text", process_id=process_id, text_id=text.pk)
            except ValidationError as error:
                for message in _errors(error):
                    form.add_error(None, message)
    context = {
        "seat": seat,
        "process": seat.process,
        "texts": selectors.text_list(seat=seat),
        "form": form,
    }
    return render(request, "texts/index.html", context, status=400 if form.errors else 200)


def _create(seat, form: TextForm) -> Text:
    upload = form.cleaned_data.get("file")
    if upload is not None:
        return services.text_import(seat=seat, title=form.cleaned_data["title"], data=upload.read())
    return services.text_create(
        seat=seat, title=form.cleaned_data["title"], notation=form.cleaned_data["notation"]
    )


def _text_context(seat, text: Text, article: str | None = None) -> dict:
    reading = selectors.reading(seat=seat, text=text)
    if reading is None:
        raise Http404("Not found")
    acc = selectors.acceptance(seat=seat, text=text)
    return {
        "seat": seat,
        "process": seat.process,
        "text": text,
        "reading": reading,
        "articles": pages.article_views(seat, text, reading.document, acc, article),
        "all_articles": reading.document.articles,
        "article": article,
        "summary": pages.summary(reading.document, acc),
        "marks": [m.value for m in Mark],
        "note_levels": [v.value for v in Visibility],
    }


@login_required
def text_detail(request: HttpRequest, process_id: int, text_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    text = selectors.text_get(seat=seat, text_id=text_id)
    article = request.GET.get("article") or None
    return render(request, "texts/text.html", _text_context(seat, text, article))


def _clause_response(request, seat, text, number, status=200, **extra) -> HttpResponse:
    reading = selectors.reading(seat=seat, text=text)
    acc = selectors.acceptance(seat=seat, text=text)
    view = pages.one_clause(seat, text, reading.document, acc, number)
    context = {
        "seat": seat,
        "process": seat.process,
        "text": text,
        "reading": reading,
        "clause": view,
        "marks": [m.value for m in Mark],
        "note_levels": [v.value for v in Visibility],
        **extra,
    }
    return render(request, "texts/text.html#clause", context, status=status)


@login_required
def clause_row(request: HttpRequest, process_id: int, text_clause_id: int) -> HttpResponse:
    """A draft clause (mediators): shown, or as an edit form with `?edit=1`."""
    seat = access_process(request.user, process_id)
    record = selectors.clause_get(seat=seat, clause_id=text_clause_id)
    editing = request.GET.get("edit") == "1"
    return _clause_response(request, seat, record.text, record.number, editing=editing)


@login_required
@require_POST
def clause_edit(request: HttpRequest, process_id: int, text_clause_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    record = selectors.clause_get(seat=seat, clause_id=text_clause_id)
    form = ClauseForm(request.POST)
    if not form.is_valid():
        errors = [f"{field}: {' '.join(messages)}" for field, messages in form.errors.items()]
        return _clause_response(
            request, seat, record.text, record.number, 400, editing=True, errors=errors
        )
    try:
        services.clause_update(
            seat=seat,
            clause=record,
            source=form.cleaned_data["source"],
            expected_version=form.cleaned_data["expected_version"],
        )
    except services.StaleClause as stale:
        return _clause_response(
            request, seat, record.text, record.number, 409, editing=True, stale=stale
        )
    except ValidationError as error:
        return _clause_response(
            request,
            seat,
            record.text,
            record.number,
            400,
            editing=True,
            errors=_errors(error),
            submitted=form.cleaned_data["source"],
        )
    return _clause_response(request, seat, record.text, record.number)


@login_required
@require_POST
def mark(request: HttpRequest, process_id: int, text_id: int) -> HttpResponse:
    """A delegation marks a clause or an alternative of the latest version it received."""
    seat = access_process(request.user, process_id)
    text = selectors.text_get(seat=seat, text_id=text_id)
    version = selectors.latest_version(seat=seat, text=text)
    form = MarkForm(request.POST)
    if version is None or not seat.is_delegation:
        raise Http404("Not available")
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400)
    data = form.cleaned_data
    try:
        services.mark_set(
            seat=seat,
            version=version,
            clause=data["clause"],
            bracket=data["bracket"],
            alternative=data["alternative"],
            mark=Mark(data["mark"]),
            note=data["note"],
            note_visibility=Visibility(data["note_visibility"] or Visibility.OWN),
        )
    except ValidationError as error:
        return HttpResponse("; ".join(_errors(error)), status=400)
    return _clause_response(request, seat, text, data["clause"])


@login_required
def heatmap(request: HttpRequest, process_id: int, text_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    text = selectors.text_get(seat=seat, text_id=text_id)
    reading = selectors.reading(seat=seat, text=text)
    if reading is None:
        raise Http404("Not found")
    acc = selectors.acceptance(seat=seat, text=text)
    versions = list(selectors.version_list(seat=seat).filter(text=text))
    context = {
        "seat": seat,
        "process": seat.process,
        "text": text,
        "reading": reading,
        "parties": acc.parties,
        "rows": present.heatmap(reading.document, acc),
        "labels": present.VERDICT_LABEL,
        "chart": present.bracket_chart([(v.number, v.open_brackets) for v in versions]),
        "summary": pages.summary(reading.document, acc),
    }
    return render(request, "texts/heatmap.html", context)


@login_required
def version_index(request: HttpRequest, process_id: int, text_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    text = selectors.text_get(seat=seat, text_id=text_id)
    parties = selectors.delegations(seat=seat) if seat.is_mediator else []
    posted = request.POST if request.method == "POST" else None
    form = ReleaseForm(posted, parties=parties)
    if request.method == "POST":
        require_mediator(seat)
        if form.is_valid():
            try:
                chosen = [p for p in parties if str(p.pk) in form.cleaned_data["recipients"]]
                version = services.release_propose(
                    seat=seat, text=text, recipients=chosen, note=form.cleaned_data["note"]
                )
                return redirect("text_version", process_id=process_id, text_version_id=version.pk)
            except ValidationError as error:
                for message in _errors(error):
                    form.add_error(None, message)
    versions = selectors.version_list(seat=seat).filter(text=text).prefetch_related("recipients")
    context = {
        "seat": seat,
        "process": seat.process,
        "text": text,
        "versions": versions,
        "form": form,
    }
    return render(request, "texts/versions.html", context, status=400 if form.errors else 200)


@login_required
def version_detail(request: HttpRequest, process_id: int, text_version_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    version = selectors.version_get(seat=seat, version_id=text_version_id)
    document = parse(version.notation)
    context = {
        "seat": seat,
        "process": seat.process,
        "text": version.text,
        "version": version,
        "recipients": list(version.recipients.all()) if seat.is_mediator else [],
        "articles": [
            (a, [(c.number, present.segments_html(c.segments)) for c in a.clauses])
            for a in document.articles
        ],
        "can_approve": seat.is_mediator
        and not version.is_released
        and version.released_by_id != seat.membership.user_id,
    }
    return render(request, "texts/version.html", context)


@login_required
@require_POST
def version_approve(request: HttpRequest, process_id: int, text_version_id: int) -> HttpResponse:
    seat = access_process(request.user, process_id)
    version = selectors.version_get(seat=seat, version_id=text_version_id)
    try:
        services.release_approve(seat=seat, version=version)
    except ValidationError as error:
        return HttpResponse("; ".join(_errors(error)), status=400)
    return redirect("text_version", process_id=process_id, text_version_id=version.pk)


def _download(request, process_id: int, text_version_id: int, kind: str) -> HttpResponse:
    seat = access_process(request.user, process_id)
    version = selectors.version_get(seat=seat, version_id=text_version_id)
    recipient = keys.recipient_name(seat)
    document = parse(version.notation)
    options = {
        "title": f"{version.text.title} (version {version.number})",
        "acceptance": selectors.acceptance(seat=seat, text=version.text),
        "recipient": recipient,
        "key": keys.watermark_key(),
    }
    services.download_record(seat=seat, version=version, kind=kind, recipient=recipient)
    if kind == "docx":
        data = docx_bytes(document, **options)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        data = pdf_bytes(document, **options)
        content_type = "application/pdf"
    response = HttpResponse(data, content_type=content_type)
    name = f"text-{version.text_id}-v{version.number}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def version_docx(request: HttpRequest, process_id: int, text_version_id: int) -> HttpResponse:
    return _download(request, process_id, text_version_id, "docx")


@login_required
def version_pdf(request: HttpRequest, process_id: int, text_version_id: int) -> HttpResponse:
    return _download(request, process_id, text_version_id, "pdf")


@login_required
def diff(request: HttpRequest, process_id: int, text_id: int) -> HttpResponse:
    """Clause- and word-level diff between two versions (default: the last two)."""
    seat = access_process(request.user, process_id)
    text = selectors.text_get(seat=seat, text_id=text_id)
    versions = list(selectors.version_list(seat=seat).filter(text=text))
    by_id = {str(v.pk): v for v in versions}
    old = by_id.get(request.GET.get("old", "")) or (versions[-2] if len(versions) > 1 else None)
    new = by_id.get(request.GET.get("new", "")) or (versions[-1] if versions else None)
    changes = []
    if old is not None and new is not None:
        changes = [
            (c, present.words_html(c.words))
            for c in clause_diff(parse(old.notation), parse(new.notation))
        ]
    context = {
        "seat": seat,
        "process": seat.process,
        "text": text,
        "versions": versions,
        "old": old,
        "new": new,
        "changes": changes,
    }
    return render(request, "texts/diff.html", context)


@login_required
def trace(request: HttpRequest, process_id: int) -> HttpResponse:
    """Mediators: name the recipient whose copy a leaked text came from."""
    seat = access_process(request.user, process_id)
    require_mediator(seat)
    form = TraceForm(request.POST, request.FILES) if request.method == "POST" else TraceForm()
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        data = upload.read() if upload else form.cleaned_data["pasted"].encode("utf-8")
        result = trace_bytes(data, keys.watermark_key())
        source = upload.name if upload else "pasted text"
        services.trace_record(seat=seat, source=source, recipients=result.recipients)
    parties = {p.code: p for p in Party.objects.filter(process=seat.process)}
    named = [
        (name, parties.get(name.split(" ", 1)[0]), result.counts.get(name, 0))
        for name in (result.recipients if result else ())
    ]
    context = {
        "seat": seat,
        "process": seat.process,
        "form": form,
        "result": result,
        "named": named,
    }
    return render(request, "texts/trace.html", context, status=400 if form.errors else 200)
