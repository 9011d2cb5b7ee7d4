"""API of the negotiating text: thin handlers over selectors and services.

A clause PUT names the version it started from (`expected_version`); a stale one gets 409 with
the current text and a word diff, never a silent overwrite.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from accord.core.ids import Id
from accord.domain.text import Mark, render
from accord.domain.visibility import Visibility
from accord.talks.access import access_process
from accord.talks.models import Party
from accord.texts import pages, selectors, services
from accord.texts.models import TextVersion

router = Router(tags=["texts"])


class TextOut(Schema):
    id: int
    title: str
    illustrative: bool


class ClauseOut(Schema):
    id: int
    number: str
    article: str
    source: str
    version: int


class TextDetailOut(TextOut):
    draft: bool
    version_id: int | None
    notation: str
    state: str
    open_brackets: int
    clauses: list[ClauseOut]


class VersionOut(Schema):
    id: int
    number: int
    released: bool
    released_by: str
    approved_by: str | None
    proposed_at: datetime
    released_at: datetime | None
    open_brackets: int
    note: str
    recipients: list[str]


class VersionDetailOut(VersionOut):
    text_id: int
    notation: str


class ClauseIn(Schema):
    source: str = Field(..., min_length=1, max_length=20000)
    expected_version: int = Field(..., ge=1, le=2**31)


class ConflictOut(Schema):
    detail: str
    current: ClauseOut
    diff: str


class MarkIn(Schema):
    clause: str = Field(..., min_length=1, max_length=40)
    bracket: int | None = Field(None, ge=1, le=10000)
    alternative: int | None = Field(None, ge=1, le=10000)
    mark: Mark
    note: str = Field("", max_length=5000)
    visibility: Visibility = Visibility.PARTIES
    note_visibility: Visibility = Visibility.OWN


class MarkOut(Schema):
    id: int
    clause: str
    bracket: int | None
    alternative: int | None
    mark: str
    version_id: int
    visibility: str


class TextNoteOut(Schema):
    id: int
    text_id: int
    party: str
    clause: str
    bracket: int | None
    alternative: int | None
    mark: str
    body: str
    visibility: str


class ReleaseIn(Schema):
    recipient_ids: list[Id] = Field(..., min_length=1, max_length=50)
    note: str = Field("", max_length=500)


def _version_out(version: TextVersion, *, show_recipients: bool) -> dict:
    return {
        "id": version.pk,
        "number": version.number,
        "released": version.is_released,
        "released_by": version.released_by.get_username(),
        "approved_by": version.approved_by.get_username() if version.approved_by else None,
        "proposed_at": version.proposed_at,
        "released_at": version.released_at,
        "open_brackets": version.open_brackets,
        "note": version.note,
        "recipients": sorted(p.code for p in version.recipients.all()) if show_recipients else [],
        "text_id": version.text_id,
        "notation": version.notation,
    }


@router.get("/{process_id}/texts", response=list[TextOut])
def list_texts(request: HttpRequest, process_id: Id):
    return selectors.text_list(seat=access_process(request.user, process_id))


@router.get("/{process_id}/texts/{text_id}", response=TextDetailOut)
def get_text(request: HttpRequest, process_id: Id, text_id: Id):
    seat = access_process(request.user, process_id)
    text = selectors.text_get(seat=seat, text_id=text_id)
    reading = selectors.reading(seat=seat, text=text)
    if reading is None:
        raise Http404("Not found")
    summary = pages.summary(reading.document, selectors.acceptance(seat=seat, text=text))
    return {
        "id": text.pk,
        "title": text.title,
        "illustrative": text.illustrative,
        "draft": reading.is_draft,
        "version_id": reading.version.pk if reading.version else None,
        "notation": render(reading.document),
        "state": summary["state"],
        "open_brackets": summary["open_brackets"],
        "clauses": list(selectors.clause_list(seat=seat, text=text)),
    }


@router.get("/{process_id}/clauses/{text_clause_id}", response=ClauseOut)
def get_clause(request: HttpRequest, process_id: Id, text_clause_id: Id):
    seat = access_process(request.user, process_id)
    return selectors.clause_get(seat=seat, clause_id=text_clause_id)


@router.put("/{process_id}/clauses/{text_clause_id}", response={200: ClauseOut, 409: ConflictOut})
def put_clause(request: HttpRequest, process_id: Id, text_clause_id: Id, payload: ClauseIn):
    seat = access_process(request.user, process_id)
    clause = selectors.clause_get(seat=seat, clause_id=text_clause_id)
    try:
        return services.clause_update(
            seat=seat,
            clause=clause,
            source=payload.source,
            expected_version=payload.expected_version,
        )
    except services.StaleClause as stale:
        return Status(
            409,
            {
                "detail": f"Clause {stale.current.number} changed since version "
                f"{payload.expected_version}; it is now at version {stale.current.version}.",
                "current": stale.current,
                "diff": stale.diff,
            },
        )


@router.post("/{process_id}/texts/{text_id}/marks", response={201: MarkOut})
def post_mark(request: HttpRequest, process_id: Id, text_id: Id, payload: MarkIn):
    seat = access_process(request.user, process_id)
    text = selectors.text_get(seat=seat, text_id=text_id)
    version = selectors.latest_version(seat=seat, text=text)
    if version is None or not version.is_released:
        raise Http404("No version of this text has been released to you")
    mark = services.mark_set(
        seat=seat,
        version=version,
        clause=payload.clause,
        bracket=payload.bracket,
        alternative=payload.alternative,
        mark=payload.mark,
        note=payload.note,
        visibility=payload.visibility,
        note_visibility=payload.note_visibility,
    )
    return Status(201, mark)


@router.get("/{process_id}/texts/{text_id}/marks", response=list[MarkOut])
def list_marks(request: HttpRequest, process_id: Id, text_id: Id):
    seat = access_process(request.user, process_id)
    return selectors.mark_list(seat=seat, text=selectors.text_get(seat=seat, text_id=text_id))


@router.get("/{process_id}/notes", response=list[TextNoteOut])
def list_notes(request: HttpRequest, process_id: Id):
    seat = access_process(request.user, process_id)
    return [
        {
            "id": note.pk,
            "text_id": note.mark.text_id,
            "party": note.owner_party.code,
            "clause": note.mark.clause,
            "bracket": note.mark.bracket,
            "alternative": note.mark.alternative,
            "mark": note.mark.mark,
            "body": note.body,
            "visibility": note.visibility,
        }
        for note in selectors.note_list(seat=seat)
    ]


@router.get("/{process_id}/texts/{text_id}/versions", response=list[VersionOut])
def list_versions(request: HttpRequest, process_id: Id, text_id: Id):
    seat = access_process(request.user, process_id)
    text = selectors.text_get(seat=seat, text_id=text_id)
    versions = selectors.version_list(seat=seat).filter(text=text).prefetch_related("recipients")
    return [_version_out(v, show_recipients=seat.is_mediator) for v in versions]


@router.get("/{process_id}/versions/{text_version_id}", response=VersionDetailOut)
def get_version(request: HttpRequest, process_id: Id, text_version_id: Id):
    seat = access_process(request.user, process_id)
    version = selectors.version_get(seat=seat, version_id=text_version_id)
    return _version_out(version, show_recipients=seat.is_mediator)


@router.post("/{process_id}/texts/{text_id}/releases", response={201: VersionDetailOut})
def post_release(request: HttpRequest, process_id: Id, text_id: Id, payload: ReleaseIn):
    seat = access_process(request.user, process_id)
    text = selectors.text_get(seat=seat, text_id=text_id)
    parties = list(Party.objects.filter(process=seat.process, pk__in=payload.recipient_ids))
    if len(parties) != len(set(payload.recipient_ids)):
        raise ValidationError({"recipient_ids": "Unknown party for this process."})
    version = services.release_propose(seat=seat, text=text, recipients=parties, note=payload.note)
    return Status(201, _version_out(version, show_recipients=True))


@router.post("/{process_id}/versions/{text_version_id}/approve", response=VersionDetailOut)
def post_approve(request: HttpRequest, process_id: Id, text_version_id: Id):
    seat = access_process(request.user, process_id)
    version = selectors.version_get(seat=seat, version_id=text_version_id)
    version = services.release_approve(seat=seat, version=version)
    return _version_out(version, show_recipients=True)
