"""Writes to the negotiating text. Each runs in one transaction and appends an audit entry.

Mediators draft, edit and release; a second mediator approves a release (four eyes);
delegations mark acceptance on the latest version released to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Max
from django.http import Http404
from django.utils import timezone

from accord.audit.services import audit_append
from accord.domain.text import (
    Clause,
    Document,
    DocxError,
    Mark,
    TextError,
    bracket_sites,
    clause_hash,
    import_docx,
    open_brackets,
    parse,
    render,
    word_diff,
)
from accord.domain.text.diff import format_words
from accord.domain.text.render import render_segments
from accord.domain.visibility import Visibility
from accord.talks.access import Seat, require_mediator
from accord.talks.models import Party
from accord.texts import drafts
from accord.texts.models import (
    AcceptanceMark,
    AcceptanceNote,
    ClauseRecord,
    ReleaseRecipient,
    Text,
    TextVersion,
    Translation,
)

MEDIATOR_LEVELS = (Visibility.OWN, Visibility.MEDIATOR)


class StaleClause(Exception):
    """An edit named a version of the clause that is no longer current (HTTP 409)."""

    def __init__(self, current: ClauseRecord, submitted: str) -> None:
        self.current = current
        self.submitted = submitted
        self.diff = format_words(word_diff(current.source, submitted))
        super().__init__(f"clause {current.number} is now at version {current.version}")


def _audit(seat: Seat, action: str, obj: models.Model, change: Any) -> None:
    audit_append(
        actor=seat.membership.user,
        action=action,
        obj=obj,
        change=change,
        process_id=seat.process.pk,
    )


def _same_process(seat: Seat, text: Text) -> None:
    if text.process_id != seat.process.pk:
        raise Http404("Not found")


def _mediator_level(visibility: Visibility) -> str:
    if Visibility(visibility) not in MEDIATOR_LEVELS:
        raise ValidationError({"visibility": "Drafts stay with the mediators until released."})
    return Visibility(visibility).value


def _store_document(seat: Seat, text: Text, document: Document, visibility: str) -> None:
    position = 0
    for article in document.articles:
        for clause in article.clauses:
            position += 1
            record = ClauseRecord(
                text=text,
                position=position,
                article=article.number,
                article_title=article.title,
                number=clause.number,
                source=render_segments(clause.segments),
                owner_party=None,
                visibility=visibility,
                updated_by=seat.membership.user,
            )
            record.full_clean()
            record.save()
    _audit(seat, "text.draft", text, {"notation": render(document)})


@transaction.atomic
def text_create(
    *,
    seat: Seat,
    title: str,
    notation: str,
    illustrative: bool = False,
    visibility: Visibility = Visibility.MEDIATOR,
) -> Text:
    """A mediator starts a text from notation; a malformed one saves nothing (located error)."""
    require_mediator(seat)
    level = _mediator_level(visibility)
    document = drafts.parse_document(notation, seat.process)
    if not any(True for _ in document.clauses()):
        raise ValidationError({"notation": "A text needs at least one clause."})
    text = Text(
        process=seat.process,
        title=title,
        illustrative=illustrative,
        created_by=seat.membership.user,
    )
    text.full_clean()
    text.save()
    _store_document(seat, text, document, level)
    return text


def text_import(*, seat: Seat, title: str, data: bytes) -> Text:
    """A mediator starts a text from a DOCX draft that uses brackets."""
    require_mediator(seat)
    try:
        document = import_docx(data, drafts.party_codes(seat.process))
    except (DocxError, TextError) as error:
        raise drafts.invalid("file", error) from error
    return text_create(seat=seat, title=title, notation=render(document))


def _clean_body(seat: Seat, clause: ClauseRecord, source: str) -> str:
    """The body in normal form, checked alone (columns inside the body) and in the whole
    draft (linked brackets across clauses)."""
    body = " ".join(source.split())
    if not body:
        raise ValidationError({"source": "A clause needs some text."})
    prefix = f"{clause.number} "
    try:
        parsed = parse(prefix + body, parties=drafts.party_codes(seat.process))
    except TextError as error:
        raise drafts.invalid("source", error, column_shift=len(prefix)) from error
    only = list(parsed.clauses())
    normal = render_segments(only[0].segments)
    siblings = ClauseRecord.objects.filter(text_id=clause.text_id)
    whole = drafts.draft_notation(siblings, {clause.pk: normal})
    drafts.parse_document(whole, seat.process, "source")
    return normal


@transaction.atomic
def clause_update(
    *, seat: Seat, clause: ClauseRecord, source: str, expected_version: int
) -> ClauseRecord:
    """Change a clause's wording if nobody changed it since `expected_version`.

    The write is one conditional UPDATE (`... WHERE version = expected`), so of two editors
    starting from the same version exactly one wins; the other gets StaleClause, never a
    silent overwrite.
    """
    require_mediator(seat)
    _same_process(seat, clause.text)
    normal = _clean_body(seat, clause, source)
    updated = ClauseRecord.objects.filter(pk=clause.pk, version=expected_version).update(
        source=normal,
        version=F("version") + 1,
        updated_by=seat.membership.user,
        updated_at=timezone.now(),
    )
    if updated != 1:
        current = ClauseRecord.objects.filter(pk=clause.pk).first()
        if current is None:
            raise Http404("Not found")
        raise StaleClause(current, normal)
    clause.refresh_from_db()
    _audit(seat, "clause.update", clause, {"source": normal, "version": clause.version})
    return clause


@transaction.atomic
def clause_add(
    *,
    seat: Seat,
    text: Text,
    number: str,
    source: str,
    article: str = "",
    article_title: str = "",
    visibility: Visibility = Visibility.MEDIATOR,
) -> ClauseRecord:
    """A new clause at the end of the draft (under the given article heading)."""
    require_mediator(seat)
    _same_process(seat, text)
    position = (text.clauses.aggregate(m=Max("position"))["m"] or 0) + 1
    clause = ClauseRecord(
        text=text,
        position=position,
        article=article,
        article_title=article_title,
        number=number,
        source="",
        owner_party=None,
        visibility=_mediator_level(visibility),
        updated_by=seat.membership.user,
    )
    clause.source = _clean_body(seat, clause, source)
    clause.full_clean()
    clause.save()
    _audit(seat, "clause.add", clause, {"number": number, "source": clause.source})
    return clause


@transaction.atomic
def translation_set(
    *,
    seat: Seat,
    clause: ClauseRecord,
    language: str,
    body: str,
    visibility: Visibility = Visibility.MEDIATOR,
) -> Translation:
    """Record (or revise) a clause's translation, stamped with the clause it translates."""
    require_mediator(seat)
    _same_process(seat, clause.text)
    parsed = parse(f"{clause.number} {clause.source}")
    translation = Translation.objects.filter(clause=clause, language=language).first()
    translation = translation or Translation(clause=clause, language=language, owner_party=None)
    translation.body = body
    translation.visibility = _mediator_level(visibility)
    translation.source_hash = clause_hash(next(parsed.clauses()))
    translation.full_clean()
    translation.save()
    _audit(seat, "translation.set", translation, {"language": language, "body": body})
    return translation


def _recipients(seat: Seat, recipients: Sequence[Party]) -> list[Party]:
    chosen = list({p.pk: p for p in recipients}.values())
    if not chosen:
        raise ValidationError({"recipients": "Choose at least one delegation to release to."})
    for party in chosen:
        if party.process_id != seat.process.pk or party.kind != Party.Kind.PARTY:
            raise ValidationError({"recipients": f"{party} is not a delegation at this table."})
    return chosen


@transaction.atomic
def release_propose(
    *, seat: Seat, text: Text, recipients: Sequence[Party], note: str = ""
) -> TextVersion:
    """Snapshot the draft as the next version for `recipients`; it stays with the mediators
    until a second mediator approves it."""
    require_mediator(seat)
    _same_process(seat, text)
    chosen = _recipients(seat, recipients)
    Text.objects.select_for_update().filter(pk=text.pk).first()  # serialise version numbers
    document = drafts.parse_document(
        drafts.draft_notation(text.clauses.all()), seat.process, "text"
    )
    number = (text.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = TextVersion(
        text=text,
        number=number,
        notation=render(document),
        note=note,
        open_brackets=open_brackets(document),
        released_by=seat.membership.user,
        owner_party=None,
        visibility=Visibility.MEDIATOR.value,
    )
    version.full_clean()
    version.save()
    ReleaseRecipient.objects.bulk_create(ReleaseRecipient(version=version, party=p) for p in chosen)
    _audit(
        seat,
        "text.release_propose",
        version,
        {"number": number, "recipients": sorted(p.code for p in chosen), "note": note},
    )
    return version


@transaction.atomic
def release_approve(*, seat: Seat, version: TextVersion) -> TextVersion:
    """Four eyes: a second, different mediator releases the version to its recipients."""
    require_mediator(seat)
    _same_process(seat, version.text)
    if version.released_by_id == seat.membership.user_id:
        raise ValidationError(
            {"approved_by": "A second, different mediator must approve this release."}
        )
    now = timezone.now()
    updated = TextVersion.objects.filter(pk=version.pk, released_at__isnull=True).update(
        approved_by=seat.membership.user,
        released_at=now,
        visibility=Visibility.PARTIES.value,
    )
    if updated != 1:
        raise ValidationError({"approved_by": "This version has already been released."})
    version.refresh_from_db()
    _audit(seat, "text.release_approve", version, {"number": version.number})
    return version


def _check_option(clause: Clause, bracket: int | None, alternative: int | None) -> None:
    if (bracket is None) != (alternative is None):
        raise ValidationError({"bracket": "Give both bracket and alternative, or neither."})
    if bracket is None:
        return
    sites = bracket_sites(clause)
    if not 1 <= bracket <= len(sites):
        raise ValidationError({"bracket": f"Clause {clause.number} has {len(sites)} bracket(s)."})
    count = len(sites[bracket - 1].bracket.alternatives)
    if not 1 <= alternative <= count:
        raise ValidationError({"alternative": f"Bracket {bracket} has {count} alternative(s)."})


@transaction.atomic
def mark_set(
    *,
    seat: Seat,
    version: TextVersion,
    clause: str,
    mark: Mark,
    bracket: int | None = None,
    alternative: int | None = None,
    note: str = "",
    visibility: Visibility = Visibility.PARTIES,
    note_visibility: Visibility = Visibility.OWN,
) -> AcceptanceMark:
    """A delegation marks a clause (or one alternative) of a version released to it.

    Call with a version from `selectors.version_get` (so it is one this seat may read).
    """
    if not seat.is_delegation:
        raise Http404("Only delegations mark acceptance")
    _same_process(seat, version.text)
    document = parse(version.notation)
    try:
        parsed = document.clause(clause)
    except KeyError:
        message = f"Version {version.number} has no clause {clause}."
        raise ValidationError({"clause": message}) from None
    _check_option(parsed, bracket, alternative)
    record = AcceptanceMark(
        text=version.text,
        version=version,
        clause=clause,
        bracket=bracket,
        alternative=alternative,
        mark=Mark(mark).value,
        owner_party=seat.party,
        visibility=Visibility(visibility).value,
        marked_by=seat.membership.user,
    )
    record.full_clean()
    record.save()
    change = {"clause": clause, "option": [bracket, alternative], "mark": record.mark}
    if note.strip():
        annotation = AcceptanceNote(
            mark=record,
            body=note.strip(),
            owner_party=seat.party,
            visibility=Visibility(note_visibility).value,
        )
        annotation.full_clean()
        annotation.save()
        change["note_visibility"] = Visibility(note_visibility).value
    _audit(seat, "text.mark", record, change)
    return record


@transaction.atomic
def download_record(*, seat: Seat, version: TextVersion, kind: str, recipient: str) -> None:
    """Every download is audited: who took which version, in which format, marked for whom."""
    _audit(
        seat,
        "text.download",
        version,
        {"kind": kind, "recipient": recipient, "number": version.number},
    )


@transaction.atomic
def trace_record(*, seat: Seat, source: str, recipients: Sequence[str]) -> None:
    require_mediator(seat)
    audit_append(
        actor=seat.membership.user,
        action="text.trace",
        object_type="texts.Trace",
        change={"source": source, "recipients": list(recipients)},
        process_id=seat.process.pk,
    )
