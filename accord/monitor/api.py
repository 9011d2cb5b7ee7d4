"""API of the monitor: statements and documents (public in the process), annotations.

Paths under /api/monitor/{process_id}/: statements, statements/{public_statement_id},
documents, documents/{source_document_id}, annotations (GET: the ones this seat may see;
POST: one of its own, own visibility by default).
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import F
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from accord.core.ids import Id
from accord.domain.visibility import Visibility
from accord.monitor import selectors, services
from accord.talks.access import access_process

router = Router(tags=["monitor"])


class MonitorStatementOut(Schema):
    id: int
    document_id: int
    speaker: str = Field(..., alias="speaker_name")
    speaker_mention: str
    speaker_type: str
    person_id: int | None = Field(None, alias="speaker_id")
    role: str
    party_id: int | None
    quote: str
    start: int
    end: int
    kind: str
    cue: str
    tone: str
    claim: str
    date: date | None
    issue_ids: list[int]
    flags: list[str]

    @staticmethod
    def resolve_issue_ids(obj) -> list[int]:
        return [issue.pk for issue in obj.issues.all()]


class AnnotationOut(Schema):
    id: int
    statement_id: int
    party_id: int | None = Field(None, alias="owner_party_id")
    body: str
    visibility: str
    illustrative: bool
    created_at: datetime


class MonitorStatementDetailOut(MonitorStatementOut):
    annotations: list[AnnotationOut] = Field(..., alias="visible_annotations")


class DocumentOut(Schema):
    id: int
    doc_key: str
    title: str
    source: str
    published: date | None
    illustrative: bool
    created_at: datetime


class DocumentDetailOut(DocumentOut):
    text: str


class AnnotationIn(Schema):
    statement_id: Id
    body: str = Field(..., min_length=1, max_length=5000)
    visibility: Visibility = Visibility.OWN


@router.get("/{process_id}/statements", response=list[MonitorStatementOut])
def statement_list(
    request: HttpRequest,
    process_id: Id,
    party_id: Id | None = None,
    issue_id: Id | None = None,
    person_id: Id | None = None,
    limit: int = Query(200, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10**9),
):
    seat = access_process(request.user, process_id)
    statements = selectors.statement_list(seat=seat)
    for name, value in {"party_id": party_id, "issues": issue_id, "speaker_id": person_id}.items():
        if value is not None:
            statements = statements.filter(**{name: value})
    ordered = statements.order_by(F("date").desc(nulls_last=True), "-document_id", "start")
    return selectors.flag_all(ordered[offset : offset + limit], seat=seat)


@router.get("/{process_id}/statements/{public_statement_id}", response=MonitorStatementDetailOut)
def statement_detail(request: HttpRequest, process_id: Id, public_statement_id: Id):
    seat = access_process(request.user, process_id)
    statement = selectors.statement_with_annotations(seat=seat, statement_id=public_statement_id)
    return selectors.flag_all([statement], seat=seat)[0]


@router.get("/{process_id}/documents", response=list[DocumentOut])
def document_list(request: HttpRequest, process_id: Id):
    seat = access_process(request.user, process_id)
    return selectors.document_list(seat=seat)


@router.get("/{process_id}/documents/{source_document_id}", response=DocumentDetailOut)
def document_detail(request: HttpRequest, process_id: Id, source_document_id: Id):
    seat = access_process(request.user, process_id)
    return selectors.document_get(seat=seat, document_id=source_document_id)


@router.get("/{process_id}/annotations", response=list[AnnotationOut])
def annotation_list(request: HttpRequest, process_id: Id):
    seat = access_process(request.user, process_id)
    return selectors.annotation_list(seat=seat)


@router.post("/{process_id}/annotations", response={201: AnnotationOut})
def annotation_create(request: HttpRequest, process_id: Id, payload: AnnotationIn):
    seat = access_process(request.user, process_id)
    statement = selectors.statement_get(seat=seat, statement_id=payload.statement_id)
    annotation = services.annotation_add(
        seat=seat, statement=statement, body=payload.body, visibility=payload.visibility
    )
    return Status(201, annotation)
