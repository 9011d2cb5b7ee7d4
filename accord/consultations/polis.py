"""Import and export of the Polis open-data CSV layout through the engine's reader and writer.

Import: the upload is unpacked into a private folder and checked with `read_polis` in the
request (so bad input is refused at once with the engine's message, and nothing is written);
the rows are then written by a background job in one transaction. Export: pseudonymous voter
ids, fresh on every export, and vote times rounded down to the day.
"""

from __future__ import annotations

import io
import secrets
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from accord.audit.services import audit_append
from accord.consultations.models import (
    Consultation,
    ConsultationStatement,
    Invite,
    Participant,
    Vote,
)
from accord.consultations.services import _mediator
from accord.domain.consultation import (
    ConsultationDataError,
    Conversation,
    Statement,
    Votes,
    read_polis,
    write_polis,
)
from accord.files.staging import staging_dir
from accord.jobs.models import Job
from accord.jobs.runner import job_start, register_job
from accord.talks.access import Seat
from accord.talks.models import Issue

POLIS_FILES = ("comments.csv", "votes.csv", "participants-votes.csv")
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
Moderation = ConsultationStatement.Moderation
_STATUS_OF = {1: Moderation.ACCEPTED, 0: Moderation.ACCEPTED, -1: Moderation.REJECTED}
_MODERATED_OF = {Moderation.ACCEPTED: 1, Moderation.PENDING: 0, Moderation.REJECTED: -1}


def _imports_dir() -> Path:
    return staging_dir("consultation-imports")


def _unpack(files: Mapping[str, bytes], folder: Path) -> None:
    """Write the Polis files into `folder`: either the CSV files or one zip holding them."""
    if sum(len(b) for b in files.values()) > MAX_UPLOAD_BYTES:
        raise ValidationError({"files": f"The upload is larger than {MAX_UPLOAD_BYTES} bytes."})
    for name, content in files.items():
        if name.lower().endswith(".zip"):
            _unzip(content, folder)
        elif Path(name).name in POLIS_FILES:
            (folder / Path(name).name).write_bytes(content)
        else:
            raise ValidationError(
                {"files": f"{Path(name).name}: expected a .zip or {', '.join(POLIS_FILES)}."}
            )


def _unzip(content: bytes, folder: Path) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise ValidationError({"files": "The zip file cannot be read."}) from None
    with archive:
        total = 0
        for info in archive.infolist():
            name = Path(info.filename).name
            if info.is_dir() or name not in POLIS_FILES:
                continue  # folders and other files inside the zip are ignored
            total += info.file_size
            if total > MAX_UPLOAD_BYTES:
                raise ValidationError({"files": "The zip unpacks to more than allowed."})
            (folder / name).write_bytes(archive.read(info))


def _checked(folder: Path) -> Conversation:
    try:
        return read_polis(folder)
    except ConsultationDataError as error:
        raise ValidationError(
            {"files": str(error).replace(f"{folder}/", "").replace(str(folder), "the upload")}
        ) from None


def polis_import_start(
    *,
    seat: Seat,
    files: Mapping[str, bytes],
    title: str,
    question: str,
    issue: Issue | None = None,
) -> Job:
    """Check the upload now (the engine's errors, nothing written); import it in a job."""
    _mediator(seat)
    folder = Path(tempfile.mkdtemp(prefix="polis-", dir=_imports_dir()))
    try:
        _unpack(files, folder)
        conversation = _checked(folder)
        if not title.strip() or not question.strip():
            raise ValidationError({"title": "Give the consultation a title and a question."})
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return job_start(
        actor=seat.membership.user,
        kind="consultations.import",
        params={
            "folder": folder.name,
            "title": title.strip()[:200],
            "question": question.strip(),
            "issue_id": issue.pk if issue else None,
            "process_id": seat.process.pk,
            "statements": len(conversation.statements),
            "votes": len(conversation.votes),
        },
        process_id=seat.process.pk,
    )


@register_job("consultations.import")
def import_job(job: Job, report: Callable[[float, str], None]) -> dict[str, Any]:
    folder = _imports_dir() / Path(job.params["folder"]).name
    try:
        conversation = _checked(folder)
        report(0.2, "Writing statements and votes")
        consultation = _write(job, conversation)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    url = reverse("consultation", args=[consultation.process_id, consultation.pk])
    return {"consultation_id": consultation.pk, "url": url}


@transaction.atomic
def _write(job: Job, conversation: Conversation) -> Consultation:
    params = job.params
    consultation = Consultation.objects.create(
        process_id=params["process_id"],
        issue_id=params.get("issue_id"),
        title=params["title"],
        question=params["question"],
        status=Consultation.Status.CLOSED,
        created_by=job.created_by,
    )
    Invite.objects.create(consultation=consultation, label="default", active=False)
    voters = np.unique(conversation.votes.participant).tolist()
    authors = {s.author_id for s in conversation.statements if s.author_id is not None}
    people = {
        pid: Participant(consultation=consultation, imported=True)
        for pid in sorted(set(voters) | authors)
    }
    Participant.objects.bulk_create(people.values(), batch_size=2000)
    statements = {s.id: _statement(consultation, s, people) for s in conversation.statements}
    ConsultationStatement.objects.bulk_create(statements.values(), batch_size=2000)
    Vote.objects.bulk_create(_votes(conversation.votes, people, statements), batch_size=5000)
    audit_append(
        actor=job.created_by or "system",
        action="consultation.import",
        obj=consultation,
        change={
            "statements": len(statements),
            "votes": len(conversation.votes),
            "participants": len(people),
        },
        process_id=consultation.process_id,
    )
    return consultation


def _statement(
    consultation: Consultation, s: Statement, people: dict[int, Participant]
) -> ConsultationStatement:
    return ConsultationStatement(
        consultation=consultation,
        text=s.text[:2000] or f"(statement {s.id})",
        author=people.get(s.author_id) if s.author_id is not None else None,
        status=_STATUS_OF[s.moderated],
        seeded=s.author_id is None,
    )


def _votes(votes: Votes, people: dict, statements: dict) -> list[Vote]:
    stamps = votes.timestamp if votes.timestamp is not None else np.zeros(len(votes), np.int64)
    rows = []
    for p, s, v, t in zip(
        votes.participant.tolist(),
        votes.statement.tolist(),
        votes.value.tolist(),
        stamps.tolist(),
        strict=True,
    ):
        when = datetime.fromtimestamp(t / 1000 if t > 10**11 else t, tz=UTC)
        rows.append(
            Vote(
                participant=people[p],
                statement=statements[s],
                value=v,
                created_at=when,
                updated_at=when,
            )
        )
    return rows


# --- export ------------------------------------------------------------------------------


def polis_export(*, seat: Seat, consultation: Consultation) -> bytes:
    """A zip of comments.csv, votes.csv and participants-votes.csv, pseudonymised (audited)."""
    actor = _mediator(seat, consultation)
    conversation = _conversation(consultation)
    with tempfile.TemporaryDirectory() as tmp:
        write_polis(tmp, conversation)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in POLIS_FILES:
                archive.write(Path(tmp) / name, name)
    with transaction.atomic():
        audit_append(
            actor=actor,
            action="consultation.export",
            obj=consultation,
            change={"votes": len(conversation.votes)},
            process_id=seat.process.pk,
        )
    return buffer.getvalue()


def _conversation(consultation: Consultation) -> Conversation:
    rows = list(
        Vote.objects.filter(statement__consultation=consultation).values_list(
            "participant_id", "statement_id", "value", "updated_at"
        )
    )
    ids = sorted(
        {r[0] for r in rows}
        | set(consultation.statements.exclude(author=None).values_list("author_id", flat=True))
    )
    shuffled = list(range(len(ids)))
    secrets.SystemRandom().shuffle(shuffled)
    alias = dict(zip(ids, shuffled, strict=True))
    day = 86_400_000
    statements = tuple(
        Statement(
            id=s.pk,
            text=s.text,
            moderated=_MODERATED_OF[s.status],
            author_id=alias.get(s.author_id) if s.author_id else None,
            timestamp=int(s.created_at.timestamp() * 1000) // day * day,
        )
        for s in consultation.statements.order_by("pk")
    )
    votes = Votes.from_arrays(
        [alias[r[0]] for r in rows],
        [r[1] for r in rows],
        [r[2] for r in rows],
        order=[int(r[3].timestamp() * 1000) // day * day for r in rows],
    )
    return Conversation(statements=statements, votes=votes)
