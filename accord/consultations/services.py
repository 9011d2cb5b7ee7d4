"""Writes of the consultations app: each runs in one transaction and appends an audit entry.

Mediator services take the acting `seat` (only mediators manage consultations). Participant
services take the invite and the participant's opaque device key; single votes are not audited
(they are anonymous and many), everything else is.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.http import Http404
from django.utils import timezone

from accord.audit.services import audit_append
from accord.consultations.models import (
    AnalysisResult,
    Consultation,
    ConsultationStatement,
    Invite,
    Participant,
    Vote,
)
from accord.consultations.throttle import throttle
from accord.domain.visibility import ORDER, Visibility
from accord.jobs.models import Job
from accord.jobs.runner import job_start
from accord.talks import services as talks_services
from accord.talks.access import Seat, require_mediator
from accord.talks.models import Issue, Note

Moderation = ConsultationStatement.Moderation
MAX_STATEMENT_CHARS = 500
MODES = ("default", "red-dwarf")


def _save(obj: models.Model, *, actor: Any, action: str, process_id: int, **change: Any) -> Any:
    obj.full_clean()
    obj.save()
    audit_append(actor=actor, action=action, obj=obj, change=change or None, process_id=process_id)
    return obj


def _mediator(seat: Seat, consultation: Consultation | None = None) -> Any:
    """Only mediators manage consultations, and only their own process's."""
    require_mediator(seat)
    if consultation is not None and consultation.process_id != seat.process.pk:
        raise Http404("Not found")
    return seat.membership.user


# --- mediators ---------------------------------------------------------------------------


@transaction.atomic
def consultation_create(
    *,
    seat: Seat,
    title: str,
    question: str,
    issue: Issue | None = None,
    accepts_statements: bool = True,
    illustrative: bool = False,
) -> Consultation:
    """A mediator opens a consultation (with its first invite link)."""
    actor = _mediator(seat)
    if issue is not None and issue.process_id != seat.process.pk:
        raise Http404("Not found")
    consultation = Consultation(
        process=seat.process,
        issue=issue,
        title=title.strip(),
        question=question.strip(),
        accepts_statements=accepts_statements,
        illustrative=illustrative,
        created_by=actor,
    )
    _save(
        consultation,
        actor=actor,
        action="consultation.create",
        process_id=seat.process.pk,
        title=consultation.title,
        question=consultation.question,
    )
    invite_add(seat=seat, consultation=consultation, label="default")
    return consultation


@transaction.atomic
def consultation_set_status(*, seat: Seat, consultation: Consultation, status: str) -> Consultation:
    actor = _mediator(seat, consultation)
    if status not in Consultation.Status.values:
        raise ValidationError({"status": "Status is open or closed."})
    consultation.status = status
    consultation.save(update_fields=["status"])
    audit_append(
        actor=actor,
        action="consultation.status",
        obj=consultation,
        change={"status": status},
        process_id=seat.process.pk,
    )
    return consultation


@transaction.atomic
def invite_add(*, seat: Seat, consultation: Consultation, label: str = "") -> Invite:
    actor = _mediator(seat, consultation)
    invite = Invite(consultation=consultation, label=label.strip())
    # The token is the secret: the audit records that a link exists, not the link itself.
    return _save(
        invite,
        actor=actor,
        action="consultation.invite_add",
        process_id=seat.process.pk,
        consultation=consultation.pk,
        label=invite.label,
    )


@transaction.atomic
def invite_set_active(*, seat: Seat, invite: Invite, active: bool) -> Invite:
    actor = _mediator(seat, invite.consultation)
    invite.active = active
    invite.save(update_fields=["active"])
    audit_append(
        actor=actor,
        action="consultation.invite_active",
        object_type="consultations.Invite",
        object_id=invite.label or "link",
        change={"active": active},
        process_id=seat.process.pk,
    )
    return invite


def _clean_text(text: str, field: str = "text") -> str:
    text = " ".join(str(text).split())
    if len(text) < 3:
        raise ValidationError({field: "A statement needs at least 3 characters."})
    if len(text) > MAX_STATEMENT_CHARS:
        raise ValidationError(
            {field: f"A statement has at most {MAX_STATEMENT_CHARS} characters ({len(text)})."}
        )
    return text


@transaction.atomic
def statement_seed(
    *, seat: Seat, consultation: Consultation, texts: list[str]
) -> list[ConsultationStatement]:
    """The mediators add statements to start the conversation; they are accepted at once.

    All or nothing: a bad line (too short, too long, a duplicate) names its line number.
    """
    actor = _mediator(seat, consultation)
    existing = set(consultation.statements.values_list("text", flat=True))
    created = []
    for number, raw in enumerate(texts, start=1):
        try:
            text = _clean_text(raw)
        except ValidationError as error:
            raise ValidationError({"texts": f"Line {number}: {error.messages[0]}"}) from None
        if text in existing:
            raise ValidationError({"texts": f"Line {number}: this statement is already there."})
        existing.add(text)
        statement = ConsultationStatement(
            consultation=consultation,
            text=text,
            seeded=True,
            status=Moderation.ACCEPTED,
            moderated_at=timezone.now(),
        )
        created.append(
            _save(
                statement,
                actor=actor,
                action="consultation_statement.seed",
                process_id=seat.process.pk,
                text=text,
            )
        )
    if not created:
        raise ValidationError({"texts": "Write at least one statement, one per line."})
    return created


@transaction.atomic
def statement_moderate(
    *, seat: Seat, statement: ConsultationStatement, status: str
) -> ConsultationStatement:
    """Accept or reject a statement (or put it back in the queue)."""
    actor = _mediator(seat, statement.consultation)
    if status not in Moderation.values:
        raise ValidationError({"status": "Status is pending, accepted or rejected."})
    statement.status = status
    statement.moderated_at = timezone.now()
    statement.save(update_fields=["status", "moderated_at"])
    audit_append(
        actor=actor,
        action="consultation_statement.moderate",
        obj=statement,
        change={"status": status},
        process_id=seat.process.pk,
    )
    return statement


def analysis_start(*, seat: Seat, consultation: Consultation, mode: str = "default") -> Job:
    """Queue an analysis of the current votes; the job stores an AnalysisResult."""
    _mediator(seat, consultation)
    if mode not in MODES:
        raise ValidationError({"mode": "Mode is 'default' or 'red-dwarf'."})
    if not Vote.objects.filter(statement__consultation=consultation).exists():
        raise ValidationError({"mode": "Nobody has voted yet: there is nothing to analyse."})
    return job_start(
        actor=seat.membership.user,
        kind="consultations.analyse",
        params={"consultation_id": consultation.pk, "mode": mode},
        process_id=seat.process.pk,
    )


@transaction.atomic
def result_create(
    *,
    actor: Any,
    consultation: Consultation,
    title: str,
    data: dict[str, Any],
    job: Job | None = None,
    summary: str = "",
    visibility: Visibility = Visibility.MEDIATOR,
    illustrative: bool = False,
) -> AnalysisResult:
    """Store an analysis (aggregates only). The mediators own it; by default only they see it."""
    result = AnalysisResult(
        consultation=consultation,
        title=title,
        summary=summary,
        algorithm_version=data.get("algorithm_version", ""),
        mode=data.get("mode", "default"),
        n_participants=data.get("n_participants", 0),
        n_votes=data.get("n_votes", 0),
        k=data.get("k", 0),
        data=data,
        job=job,
        owner_party=None,
        visibility=Visibility(visibility).value,
        illustrative=illustrative or consultation.illustrative,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    return _save(
        result,
        actor=actor,
        action="consultation_result.create",
        process_id=consultation.process_id,
        title=title,
        visibility=result.visibility,
        algorithm_version=result.algorithm_version,
    )


@transaction.atomic
def result_release(
    *,
    seat: Seat,
    result: AnalysisResult,
    visibility: Visibility,
    title: str | None = None,
    summary: str | None = None,
) -> AnalysisResult:
    """Release a report to the table by widening who sees it; a release cannot be undone."""
    actor = _mediator(seat, result.consultation)
    result = AnalysisResult.objects.select_for_update().get(pk=result.pk)
    if ORDER.index(Visibility(visibility)) < ORDER.index(Visibility(result.visibility)):
        raise ValidationError({"visibility": "A released report cannot be made narrower."})
    result.visibility = Visibility(visibility).value
    if title is not None:
        result.title = title.strip()
    if summary is not None:
        result.summary = summary.strip()
    result.full_clean()
    result.save(update_fields=["visibility", "title", "summary"])
    audit_append(
        actor=actor,
        action="consultation_result.release",
        obj=result,
        change={"visibility": result.visibility, "title": result.title, "summary": result.summary},
        process_id=seat.process.pk,
    )
    return result


def consensus_attach(
    *,
    seat: Seat,
    result: AnalysisResult,
    statement_id: int,
    issue: Issue,
    visibility: Visibility = Visibility.MEDIATOR,
) -> Note:
    """Put a consensus statement on an agenda issue as a Note (the talks' own service)."""
    _mediator(seat, result.consultation)
    entry = next(
        (c for c in result.data.get("consensus", []) if c["statement_id"] == statement_id), None
    )
    if entry is None:
        raise ValidationError({"statement_id": "That statement is not a consensus statement."})
    verb = "agreed" if entry["direction"] == "agree" else "disagreed"
    body = (
        f"{entry['text']}\n\n{round(entry['share'] * 100)}% of the {entry['n']} participants "
        f"who voted on it {verb} (public consultation '{result.consultation.title}', "
        f"{result.n_participants} participants; {result.algorithm_version})."
    )
    return talks_services.note_add(
        seat=seat,
        title=f"Consultation consensus: {entry['text'][:150]}",
        body=body,
        issue=issue,
        source=f"Consultation '{result.consultation.title}', report of "
        f"{result.created_at:%Y-%m-%d}",
        visibility=visibility,
        illustrative=result.illustrative,
    )


# --- participants ------------------------------------------------------------------------


def participant_key_hash(consultation_id: int, key: str) -> str:
    """A keyed hash of the device key, per consultation: unlinkable across consultations."""
    message = f"{consultation_id}:{key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def participant_find(*, consultation: Consultation, key: str | None) -> Participant | None:
    if not key:
        return None
    key_hash = participant_key_hash(consultation.pk, key)
    return Participant.objects.filter(consultation=consultation, key_hash=key_hash).first()


def _participant(invite: Invite, key: str, address: str) -> Participant:
    consultation = invite.consultation
    found = participant_find(consultation=consultation, key=key)
    if found is not None:
        return found
    throttle("join", hashlib.sha256(address.encode()).hexdigest()[:32])
    try:
        with transaction.atomic():
            return Participant.objects.create(
                consultation=consultation,
                invite=invite,
                key_hash=participant_key_hash(consultation.pk, key),
            )
    except IntegrityError:  # the same device, twice at once
        return participant_find(consultation=consultation, key=key)


def _check_open(invite: Invite) -> Consultation:
    consultation = invite.consultation
    if not invite.active:
        raise Http404("No such consultation")
    if not consultation.is_open:
        raise ValidationError({"consultation": "This consultation is closed."})
    return consultation


def vote_cast(
    *, invite: Invite, key: str, statement_id: int, value: int, address: str = ""
) -> Vote:
    """Record a participant's vote; a second vote on the same statement replaces the first.

    Raises RateLimited when the participant votes faster than the limit allows.
    """
    consultation = _check_open(invite)
    if value not in (-1, 0, 1):
        raise ValidationError({"value": "A vote is agree (1), disagree (-1) or pass (0)."})
    statement = ConsultationStatement.objects.filter(
        pk=statement_id, consultation=consultation, status=Moderation.ACCEPTED
    ).first()
    if statement is None:
        raise ValidationError({"statement": "That statement is not open for votes."})
    throttle("vote", participant_key_hash(consultation.pk, key))
    participant = _participant(invite, key, address)
    now = timezone.now()
    with transaction.atomic():
        vote, created = Vote.objects.select_for_update().get_or_create(
            participant=participant,
            statement=statement,
            defaults={"value": value, "created_at": now, "updated_at": now},
        )
        if not created:
            vote.value, vote.updated_at = value, now
            vote.save(update_fields=["value", "updated_at"])
    return vote


def statement_submit(
    *, invite: Invite, key: str, text: str, address: str = ""
) -> ConsultationStatement:
    """A participant proposes a statement; it waits in the moderation queue."""
    consultation = _check_open(invite)
    if not consultation.accepts_statements:
        raise ValidationError({"text": "This consultation does not take new statements."})
    text = _clean_text(text)
    throttle("statement", participant_key_hash(consultation.pk, key))
    participant = _participant(invite, key, address)
    with transaction.atomic():
        statement = ConsultationStatement(
            consultation=consultation, text=text, author=participant, status=Moderation.PENDING
        )
        # The audit names the statement, never its author.
        return _save(
            statement,
            actor="participant",
            action="consultation_statement.submit",
            process_id=consultation.process_id,
            text=text,
        )
