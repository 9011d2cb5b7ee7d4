"""Writes of the monitor: ingest documents, review proposed persons, annotate statements.

Each write runs in one transaction and appends to the audit chain. Ingesting a document stores
it with every statement the engine finds in it, or nothing (one transaction per document).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404

from accord.audit.services import audit_append
from accord.domain.statements import MAX_BYTES, Document, KnownPerson, extract, load_file
from accord.domain.statements import Issue as EngineIssue
from accord.domain.statements import Statement as Found
from accord.domain.visibility import Visibility
from accord.monitor.agenda import engine_issues, known_persons, party_index
from accord.monitor.models import Annotation, ProposedPerson, SourceDocument, Statement
from accord.talks.access import Seat, require_mediator
from accord.talks.models import Issue, Party, Person, Process
from accord.talks.services import person_add

log = logging.getLogger(__name__)
Report = Callable[[float, str], None]


@dataclass
class IngestContext:
    """The process's people, parties and agenda, read once per batch."""

    process: Process
    known: list[KnownPerson]
    issues: tuple[EngineIssue, ...]
    people: dict[str, Person]
    parties: dict[str, Party]
    agenda: dict[str, Issue]

    @classmethod
    def of(cls, process: Process) -> IngestContext:
        people = list(Person.objects.filter(process=process).select_related("party"))
        agenda = list(Issue.objects.filter(process=process))
        return cls(
            process=process,
            known=known_persons(people),
            issues=engine_issues(agenda),
            people={p.name.lower(): p for p in people},
            parties=party_index(Party.objects.filter(process=process)),
            agenda={i.title: i for i in agenda},
        )


@dataclass
class FileOutcome:
    """What became of one file: a message for the person who uploaded it."""

    name: str
    ok: bool
    message: str
    documents: int = 0
    statements: int = 0
    document_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ok": self.ok,
            "message": self.message,
            "documents": self.documents,
            "statements": self.statements,
        }


def _save(obj: models.Model, *, actor: Any, action: str, process_id: int, change: Any = None):
    obj.full_clean()
    obj.save()
    audit_append(actor=actor, action=action, obj=obj, change=change or {}, process_id=process_id)
    return obj


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def files_ingest(
    *, actor: Any, process: Process, files: list[tuple[str, Path]], report: Report | None = None
) -> list[FileOutcome]:
    """Ingest each (name, path); a bad file gets its message and the batch goes on."""
    context = IngestContext.of(process)
    outcomes = []
    for index, (name, path) in enumerate(files):
        if report:
            report(index / max(len(files), 1), f"Reading {name}")
        outcomes.append(_file_ingest(actor=actor, context=context, name=name, path=path))
    return outcomes


def _file_ingest(*, actor: Any, context: IngestContext, name: str, path: Path) -> FileOutcome:
    loaded = load_file(path, max_bytes=MAX_BYTES)
    if loaded.error:
        return FileOutcome(name, False, loaded.error)
    outcome = FileOutcome(name, True, "")
    known = 0
    for document in loaded.documents:
        try:
            stored = document_ingest(actor=actor, context=context, document=document)
        except (ValidationError, ValueError) as error:
            return FileOutcome(name, False, f"could not be stored: {error}")
        except Exception as error:  # an engine bug must not end the batch
            log.exception("monitor ingest of %s failed", name)
            return FileOutcome(name, False, f"could not be processed ({type(error).__name__})")
        if stored is None:
            known += 1
            continue
        outcome.documents += 1
        outcome.document_ids.append(stored.pk)
        outcome.statements += stored.statements.count()
    outcome.message = _summary(outcome, known)
    return outcome


def _summary(outcome: FileOutcome, known: int) -> str:
    if not outcome.documents:
        return "already ingested: nothing added"
    parts = [f"{outcome.documents} document(s), {outcome.statements} statement(s) added"]
    if known:
        parts.append(f"{known} already ingested")
    return "; ".join(parts)


@transaction.atomic
def document_ingest(
    *,
    actor: Any,
    context: IngestContext,
    document: Document,
    source: str = "",
    published: date | None = None,
    illustrative: bool = False,
) -> SourceDocument | None:
    """Store one document and its statements; None when the same text is already stored."""
    process = context.process
    digest = content_hash(document.text)
    if SourceDocument.objects.filter(process=process, content_hash=digest).exists():
        return None
    stored = SourceDocument(
        process=process,
        doc_key=document.doc_id[:200],
        title=(document.title or document.doc_id)[:300],
        source=(source or document.source or "")[:500],
        published=published or _iso_date(document.published),
        text=document.text,
        content_hash=digest,
        illustrative=illustrative,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    stored.full_clean()
    stored.save()
    found = extract(
        document.text,
        doc_id=document.doc_id,
        known_persons=context.known,
        issues=context.issues,
        published=document.published,
    )
    count = _statements_store(actor=actor, context=context, document=stored, found=found)
    audit_append(
        actor=actor,
        action="monitor.document.ingest",
        obj=stored,
        change={"doc_key": stored.doc_key, "content_hash": digest, "statements": count},
        process_id=process.pk,
    )
    return stored


def _statements_store(
    *, actor: Any, context: IngestContext, document: SourceDocument, found: list[Found]
) -> int:
    rows, seen = [], set()
    for item in found:
        key = (item.start, item.end, item.speaker[:300])
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            (_statement_row(actor=actor, context=context, document=document, item=item), item.issue)
        )
    created = Statement.objects.bulk_create([row for row, _ in rows])
    links = [
        Statement.issues.through(statement_id=statement.pk, issue_id=context.agenda[name].pk)
        for statement, (_row, names) in zip(created, rows, strict=True)
        for name in names
        if name in context.agenda
    ]
    Statement.issues.through.objects.bulk_create(links)
    return len(created)


def _statement_row(
    *, actor: Any, context: IngestContext, document: SourceDocument, item: Found
) -> Statement:
    person = context.people.get(item.speaker.lower()) if item.speaker_type == "person" else None
    party = context.parties.get((item.party or "").lower())
    if person is not None and person.party is not None:
        party = person.party
    proposal = None
    if person is None and item.proposed_person:
        proposal = _proposal_for(actor=actor, context=context, item=item, party=party)
    return Statement(
        process=context.process,
        document=document,
        speaker=person,
        proposal=proposal,
        speaker_name=item.speaker[:300],
        speaker_mention=item.speaker_mention[:300],
        speaker_type=item.speaker_type[:10],
        role=(item.role or "")[:300],
        party=party,
        quote=item.quote,
        start=item.start,
        end=item.end,
        kind=item.kind[:10],
        cue=item.cue[:40],
        tone=item.tone[:10],
        claim=item.claim or "",
        date=_iso_date(item.date) or document.published,
    )


def _proposal_for(
    *, actor: Any, context: IngestContext, item: Found, party: Party | None
) -> ProposedPerson:
    name = item.speaker[:160]
    proposal = ProposedPerson.objects.filter(process=context.process, name=name).first()
    if proposal is not None:
        return proposal
    return _save(
        ProposedPerson(
            process=context.process, name=name, role=(item.role or "")[:240], party=party
        ),
        actor=actor,
        action="monitor.proposal.add",
        process_id=context.process.pk,
        change={"name": name, "role": item.role, "party": party.code if party else None},
    )


@transaction.atomic
def proposal_accept(
    *,
    seat: Seat,
    proposal: ProposedPerson,
    name: str | None = None,
    title: str | None = None,
    party: Party | None = None,
) -> Person:
    """A mediator turns a proposed speaker into a Person; its statements point at it."""
    require_mediator(seat)
    proposal = _pending(seat, proposal)
    if party is not None and party.process_id != seat.process.pk:
        raise Http404("Not found")
    name = (name or proposal.name).strip()
    person = Person.objects.filter(process=seat.process, name__iexact=name).first()
    if person is None:  # a Person of that name may have been added by hand meanwhile
        person = person_add(
            actor=seat.membership.user,
            process=seat.process,
            name=name,
            title=proposal.role if title is None else title,
            party=party if party is not None else proposal.party,
        )
    Statement.objects.filter(proposal=proposal).update(speaker=person, party=person.party)
    proposal.status, proposal.person = ProposedPerson.Status.ACCEPTED, person
    proposal.decided_by = seat.membership.user
    proposal.save(update_fields=["status", "person", "decided_by"])
    audit_append(
        actor=seat.membership.user,
        action="monitor.proposal.accept",
        obj=proposal,
        change={"person_id": person.pk, "name": person.name},
        process_id=seat.process.pk,
    )
    return person


@transaction.atomic
def proposal_dismiss(*, seat: Seat, proposal: ProposedPerson) -> ProposedPerson:
    """A mediator decides a proposed speaker is no Person of the process."""
    require_mediator(seat)
    proposal = _pending(seat, proposal)
    proposal.status = ProposedPerson.Status.DISMISSED
    proposal.decided_by = seat.membership.user
    proposal.save(update_fields=["status", "decided_by"])
    audit_append(
        actor=seat.membership.user,
        action="monitor.proposal.dismiss",
        obj=proposal,
        change={"name": proposal.name},
        process_id=seat.process.pk,
    )
    return proposal


def _pending(seat: Seat, proposal: ProposedPerson) -> ProposedPerson:
    locked = ProposedPerson.objects.select_for_update().filter(pk=proposal.pk, process=seat.process)
    proposal = locked.first()
    if proposal is None:
        raise Http404("Not found")
    if proposal.status != ProposedPerson.Status.PENDING:
        raise ValidationError({"status": f"This proposal was already {proposal.status}."})
    return proposal


@transaction.atomic
def annotation_add(
    *,
    seat: Seat,
    statement: Statement,
    body: str,
    visibility: Visibility = Visibility.OWN,
    illustrative: bool = False,
) -> Annotation:
    """A delegation (or the mediation) notes something on a public statement, own by default."""
    if not (seat.is_delegation or seat.is_mediator):
        raise Http404("Only delegations and mediators annotate")
    if statement.process_id != seat.process.pk:
        raise Http404("Not found")
    annotation = Annotation(
        statement=statement,
        body=body,
        owner_party=None if seat.is_mediator else seat.party,
        visibility=Visibility(visibility).value,
        illustrative=illustrative,
        created_by=seat.membership.user,
    )
    return _save(
        annotation,
        actor=seat.membership.user,
        action="monitor.annotation.add",
        process_id=seat.process.pk,
        change={"statement_id": statement.pk, "visibility": annotation.visibility},
    )
