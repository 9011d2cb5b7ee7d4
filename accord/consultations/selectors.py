"""Reads of the consultations app: mediators manage; others see only released reports."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from accord.consultations.models import (
    AnalysisResult,
    Consultation,
    ConsultationStatement,
    Invite,
    Participant,
    Vote,
)
from accord.talks.access import Seat, require_mediator

Moderation = ConsultationStatement.Moderation


def result_list(*, seat: Seat) -> QuerySet[AnalysisResult]:
    """Reports this seat may see (mediators: all; others: those released to them)."""
    return (
        AnalysisResult.objects.visible_to(seat.viewer)
        .filter(consultation__process=seat.process)
        .select_related("consultation")
        .defer("data")
    )


def result_get(*, seat: Seat, result_id: int) -> AnalysisResult:
    found = (
        AnalysisResult.objects.visible_to(seat.viewer)
        .filter(consultation__process=seat.process, pk=result_id)
        .select_related("consultation", "consultation__issue")
        .first()
    )
    if found is None:
        raise Http404("Not found")
    return found


def consultation_list(*, seat: Seat) -> QuerySet[Consultation]:
    """Mediators: every consultation; others: those with a report released to them."""
    consultations = Consultation.objects.filter(process=seat.process).select_related("issue")
    if seat.is_mediator:
        return consultations
    visible = result_list(seat=seat).values("consultation_id")
    return consultations.filter(pk__in=visible)


def consultation_get(*, seat: Seat, consultation_id: int) -> Consultation:
    """A consultation to manage: mediators only (others get a 404)."""
    require_mediator(seat)
    found = consultation_list(seat=seat).filter(pk=consultation_id).first()
    if found is None:
        raise Http404("Not found")
    return found


def statement_get(*, seat: Seat, statement_id: int) -> ConsultationStatement:
    require_mediator(seat)
    found = (
        ConsultationStatement.objects.filter(pk=statement_id, consultation__process=seat.process)
        .select_related("consultation")
        .first()
    )
    if found is None:
        raise Http404("Not found")
    return found


def statement_tallies(*, consultation: Consultation) -> QuerySet[ConsultationStatement]:
    """Statements with aggregate vote counts (never who voted)."""
    return consultation.statements.annotate(
        n_agree=Count("votes", filter=Q(votes__value=1)),
        n_disagree=Count("votes", filter=Q(votes__value=-1)),
        n_pass=Count("votes", filter=Q(votes__value=0)),
    ).order_by("status", "id")


@dataclass(frozen=True)
class Stats:
    participants: int
    votes: int
    accepted: int
    pending: int
    rejected: int


def consultation_stats(*, consultation: Consultation) -> Stats:
    counts = dict(consultation.statements.values_list("status").annotate(n=Count("id")).order_by())
    return Stats(
        participants=Participant.objects.filter(consultation=consultation).count(),
        votes=Vote.objects.filter(statement__consultation=consultation).count(),
        accepted=counts.get(Moderation.ACCEPTED, 0),
        pending=counts.get(Moderation.PENDING, 0),
        rejected=counts.get(Moderation.REJECTED, 0),
    )


# --- the public side (no seat: an invite token) --------------------------------------------


def invite_get(*, token: str) -> Invite:
    """An active invite, or 404 (an unknown, withdrawn or mistyped link looks the same)."""
    found = Invite.objects.filter(token=token, active=True).select_related("consultation").first()
    if found is None:
        raise Http404("No such consultation")
    return found


def next_statement(
    *, consultation: Consultation, participant: Participant | None
) -> ConsultationStatement | None:
    """The accepted statement this participant has not voted on with the fewest votes so far."""
    candidates = consultation.statements.filter(status=Moderation.ACCEPTED)
    if participant is not None:
        candidates = candidates.exclude(votes__participant=participant)
    return candidates.annotate(n=Count("votes")).order_by("n", "id").first()


def progress(*, consultation: Consultation, participant: Participant | None) -> tuple[int, int]:
    """(statements this participant has voted on, accepted statements)."""
    total = consultation.statements.filter(status=Moderation.ACCEPTED).count()
    done = (
        0
        if participant is None
        else participant.votes.filter(statement__status=Moderation.ACCEPTED).count()
    )
    return done, total
