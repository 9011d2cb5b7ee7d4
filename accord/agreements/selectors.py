"""Reads of the agreement register through the seat: provisions only via visible agreements,
scores and curves only from the status entries the seat may see."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from accord.agreements import links
from accord.agreements.models import Agreement, ImplementationStatus, Provision, StatusDocument
from accord.core.visibility import visibility_q
from accord.domain.register import (
    CurvePoint,
    StatusPoint,
    implementation_curve,
    latest_levels,
    level_label,
    score,
)
from accord.monitor import selectors as monitor_selectors
from accord.talks.access import Seat
from accord.truces.models import Truce

JOINT = "all parties"


def agreement_list(*, seat: Seat) -> QuerySet[Agreement]:
    return (
        Agreement.objects.visible_to(seat.viewer)
        .filter(process=seat.process)
        .select_related("owner_party")
    )


def _status_rows(*, seat: Seat) -> QuerySet[ImplementationStatus]:
    """Status entries the seat may see, of agreements it may see, in its process."""
    return (
        ImplementationStatus.objects.visible_to(seat.viewer)
        .filter(visibility_q(seat.viewer, prefix="provision__agreement__"))
        .filter(provision__agreement__process=seat.process)
    )


def status_visible(*, seat: Seat) -> QuerySet[ImplementationStatus]:
    """Statuses the seat may see, with the statements they cite (read through the monitor) and
    their documents (which follow their status entry: no rule of their own)."""
    statements = monitor_selectors.statement_list(seat=seat).order_by("date", "id")
    documents = StatusDocument.objects.select_related("blob").order_by("created_at", "id")
    return (
        _status_rows(seat=seat)
        .select_related("owner_party")
        .prefetch_related(
            Prefetch("statements", queryset=statements),
            Prefetch("documents", queryset=documents),
        )
    )


def status_get(*, seat: Seat, status_id: int) -> ImplementationStatus:
    """A status entry the seat may see (else 404), with its provision and agreement."""
    found = (
        _status_rows(seat=seat)
        .select_related("provision", "provision__agreement")
        .filter(pk=status_id)
        .first()
    )
    if found is None:
        raise Http404("Not found")
    return found


def document_list(*, seat: Seat, status: ImplementationStatus) -> QuerySet[StatusDocument]:
    """The documents of a status entry the seat sees (`status_get`), oldest first: a document
    has no visibility of its own, so all of them."""
    return (
        StatusDocument.objects.filter(status__in=_status_rows(seat=seat).values("pk"))
        .filter(status=status)
        .select_related("blob")
        .order_by("created_at", "id")
    )


def document_get(*, seat: Seat, document_id: int) -> StatusDocument:
    """A document of a status entry the seat may see (else 404)."""
    found = (
        StatusDocument.objects.filter(status__in=_status_rows(seat=seat).values("pk"))
        .select_related("blob", "status")
        .filter(pk=document_id)
        .first()
    )
    if found is None:
        raise Http404("Not found")
    return found


def agreement_get(*, seat: Seat, agreement_id: int) -> Agreement:
    """The agreement with its provisions and the statuses visible to `seat` prefetched."""
    queryset = agreement_list(seat=seat).prefetch_related(
        Prefetch(
            "provisions",
            queryset=Provision.objects.select_related("obligor").prefetch_related(
                Prefetch("statuses", queryset=status_visible(seat=seat))
            ),
        )
    )
    found = queryset.filter(pk=agreement_id).first()
    if found is None:
        raise Http404("Not found")
    return found


def provision_get(*, seat: Seat, agreement: Agreement, provision_id: int) -> Provision:
    found = next((p for p in agreement.provisions.all() if p.pk == provision_id), None)
    if found is None:
        raise Http404("Not found")
    return found


@dataclass(frozen=True)
class ProvisionPage:
    """One provision with what it links to, each as far as the seat may see it."""

    provision: Provision
    statuses: list[ImplementationStatus]
    clause: links.ClauseView | None
    exchange: links.ExchangeCounts | None
    truce: Truce | None


def provision_page(*, seat: Seat, provision_id: int) -> ProvisionPage:
    """A provision of an agreement the seat sees (else 404), its visible statuses and links."""
    provision = (
        Provision.objects.filter(agreement__in=agreement_list(seat=seat), pk=provision_id)
        .select_related("agreement", "agreement__owner_party", "obligor")
        .prefetch_related(Prefetch("statuses", queryset=status_visible(seat=seat)))
        .first()
    )
    if provision is None:
        raise Http404("Not found")
    exchange = links.visible_exchange(seat=seat, exchange_id=provision.exchange_id)
    return ProvisionPage(
        provision,
        sorted(provision.statuses.all(), key=lambda s: (s.as_of, s.pk)),
        links.clause_view(
            seat=seat, version_id=provision.text_version_id, number=provision.clause_number
        ),
        None if exchange is None else links.exchange_counts(seat=seat, exchange=exchange),
        links.visible_truce(seat=seat, truce_id=provision.truce_id),
    )


@dataclass(frozen=True)
class ProvisionState:
    provision: Provision
    statuses: list[ImplementationStatus]

    @property
    def latest(self) -> ImplementationStatus | None:
        return self.statuses[-1] if self.statuses else None

    @property
    def party_label(self) -> str:
        return self.provision.obligor.code if self.provision.obligor else JOINT


@dataclass(frozen=True)
class AgreementReport:
    agreement: Agreement
    provisions: list[ProvisionState]
    overall: CurvePoint | None
    curve: list[CurvePoint]
    by_party: dict[str, tuple[CurvePoint | None, list[CurvePoint]]]


def _points(states: list[ProvisionState]) -> list[StatusPoint]:
    return [
        StatusPoint(s.provision.pk, st.as_of, st.level, st.pk) for s in states for st in s.statuses
    ]


def agreement_report(*, seat: Seat, agreement: Agreement) -> AgreementReport:
    """Latest status per provision, the overall score and curves (overall and per party)."""
    states = [
        ProvisionState(p, sorted(p.statuses.all(), key=lambda s: (s.as_of, s.pk)))
        for p in agreement.provisions.all()
    ]
    points = _points(states)
    levels = latest_levels(points)
    ids = [s.provision.pk for s in states]
    groups: dict[str, list[int]] = defaultdict(list)
    for state in states:
        groups[state.party_label].append(state.provision.pk)
    by_party = {
        label: (score(members, levels), implementation_curve(members, points))
        for label, members in sorted(groups.items())
    }
    return AgreementReport(
        agreement, states, score(ids, levels), implementation_curve(ids, points), by_party
    )


def status_json(report: AgreementReport, *, seat: Seat) -> dict:
    """The JSON of `accord agreement status ID --json` and the API (see docs/agreements.md).

    Links are ids and numbers only (never a clause's wording or a person), each shown only when
    the seat may read the linked record, as on the provision page."""
    agreement = report.agreement
    visible = links.visible_links(seat=seat, provisions=[s.provision for s in report.provisions])

    def scored(point: CurvePoint | None) -> dict | None:
        return None if point is None else {"mean": point.mean, "percent": point.percent}

    return {
        "id": agreement.pk,
        "title": agreement.title,
        "process": {"id": agreement.process_id, "name": agreement.process.name},
        "visibility": agreement.visibility,
        "illustrative": agreement.illustrative,
        "scale": "Peace Accords Matrix: 0 not initiated, 1 minimal, 2 intermediate, 3 full",
        "score": scored(report.overall),
        "by_party": {label: scored(point) for label, (point, _c) in report.by_party.items()},
        "provisions": [_provision_json(state, visible) for state in report.provisions],
    }


def _shown(value: int | None, allowed: frozenset[int]) -> int | None:
    return value if value in allowed else None


def _provision_json(state: ProvisionState, visible: links.VisibleLinks) -> dict:
    p, latest = state.provision, state.latest
    return {
        "id": p.pk,
        "number": p.number,
        "party": p.obligor.code if p.obligor else None,
        "action": p.action,
        "due_on": p.due_on.isoformat() if p.due_on else None,
        "verifier": p.verifier,
        "clause_reference": p.clause_reference,
        "latest": None
        if latest is None
        else {
            "level": latest.level,
            "label": level_label(latest.level),
            "as_of": latest.as_of.isoformat(),
            "evidence": latest.evidence,
            "recorded_by": latest.owner_party.code if latest.owner_party else "mediator",
            "statement_ids": [statement.pk for statement in latest.statements.all()],
            "document_ids": [document.pk for document in latest.documents.all()],
        },
        "text_version_id": _shown(p.text_version_id, visible.versions),
        "clause_number": p.clause_number or None,
        "exchange_id": _shown(p.exchange_id, visible.exchanges),
        "truce_id": _shown(p.truce_id, visible.truces),
    }
