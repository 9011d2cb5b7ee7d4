"""Reads of the negotiating text, always through a seat and the visibility layer.

Drafts (`ClauseRecord`, `Translation`) are the mediators' own. A `TextVersion` reaches a
delegation only when released (visibility parties) AND addressed to its party: the recipient
filter narrows what `visible_to` allows, because ConfidentialRecord cannot name a set of parties.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from accord.domain.text import Acceptance, Document, Mark, parse
from accord.talks.access import Seat
from accord.talks.models import Party
from accord.texts import drafts
from accord.texts.models import (
    AcceptanceMark,
    AcceptanceNote,
    ClauseRecord,
    Text,
    TextVersion,
    Translation,
)


def version_list(*, seat: Seat) -> QuerySet[TextVersion]:
    """Versions this seat may read: every one for mediators, released-to-us for others."""
    versions = TextVersion.objects.visible_to(seat.viewer).filter(text__process=seat.process)
    if not seat.is_mediator:
        versions = versions.filter(
            released_at__isnull=False, deliveries__party_id=seat.membership.party_id
        )
    return versions.select_related("text", "released_by", "approved_by").order_by(
        "text_id", "number"
    )


def version_get(*, seat: Seat, version_id: int) -> TextVersion:
    return _get(version_list(seat=seat), version_id)


def text_list(*, seat: Seat) -> QuerySet[Text]:
    """Texts a mediator drafts, or a delegation has received a version of."""
    texts = Text.objects.filter(process=seat.process)
    if not seat.is_mediator:
        texts = texts.filter(pk__in=version_list(seat=seat).values("text_id"))
    return texts


def text_get(*, seat: Seat, text_id: int) -> Text:
    return _get(text_list(seat=seat), text_id)


def clause_list(*, seat: Seat, text: Text) -> QuerySet[ClauseRecord]:
    """The draft clauses (mediators only: a delegation's query comes back empty)."""
    return ClauseRecord.objects.visible_to(seat.viewer).filter(text=text)


def clause_get(*, seat: Seat, clause_id: int) -> ClauseRecord:
    clauses = ClauseRecord.objects.visible_to(seat.viewer).filter(text__process=seat.process)
    return _get(clauses.select_related("text"), clause_id)


def translation_list(*, seat: Seat, text: Text) -> QuerySet[Translation]:
    return Translation.objects.visible_to(seat.viewer).filter(clause__text=text)


def latest_version(*, seat: Seat, text: Text) -> TextVersion | None:
    """The newest version this seat may read (released ones first for mediators too)."""
    versions = version_list(seat=seat).filter(text=text)
    return versions.filter(released_at__isnull=False).last() or versions.last()


def mark_list(*, seat: Seat, text: Text) -> QuerySet[AcceptanceMark]:
    return (
        AcceptanceMark.objects.visible_to(seat.viewer)
        .filter(text=text)
        .select_related("owner_party", "note")
    )


def note_list(*, seat: Seat) -> QuerySet[AcceptanceNote]:
    """Acceptance notes this seat may read (a party's are its own unless it shares them)."""
    return (
        AcceptanceNote.objects.visible_to(seat.viewer)
        .filter(mark__text__process=seat.process)
        .select_related("mark", "mark__text", "owner_party")
        .order_by("mark__marked_at", "id")
    )


def delegations(*, seat: Seat) -> list[Party]:
    """The parties whose acceptance counts."""
    return list(Party.objects.filter(process=seat.process, kind=Party.Kind.PARTY).order_by("code"))


def acceptance(*, seat: Seat, text: Text) -> Acceptance:
    """Every visible mark, the latest per (clause, party, option) winning."""
    parties = delegations(seat=seat)
    codes = {p.pk: p.code for p in parties}
    marks = {}
    for record in mark_list(seat=seat, text=text).order_by("marked_at", "id"):
        if record.owner_party_id in codes:
            key = (record.clause, codes[record.owner_party_id], record.option)
            marks[key] = Mark(record.mark)
    return Acceptance(tuple(p.code for p in parties), marks)


@dataclass(frozen=True)
class Reading:
    """What a seat reads of a text: the draft (mediators) or the latest version released to
    its party, parsed."""

    document: Document
    version: TextVersion | None
    is_draft: bool


def reading(*, seat: Seat, text: Text) -> Reading | None:
    if seat.is_mediator:
        clauses = list(clause_list(seat=seat, text=text))
        if clauses:
            notation = drafts.draft_notation(clauses)
            return Reading(parse(notation), latest_version(seat=seat, text=text), True)
    version = latest_version(seat=seat, text=text)
    if version is None:
        return None
    return Reading(parse(version.notation), version, False)


def _get[T](queryset: QuerySet[T], pk: int) -> T:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404("Not found")
    return found
