"""The demo's agreements link to the demo exchange, the energy truce and the released text."""

from __future__ import annotations

import io

import docx
from django.test import Client

from accord.agreements.models import Agreement, StatusDocument
from accord.audit.models import AuditEntry
from accord.demo.load import load_demo
from accord.exchanges.models import Exchange
from accord.talks.models import Membership
from accord.truces.models import Truce


def _client(process, code: str | None, role: str = "") -> Client:
    memberships = Membership.objects.filter(process=process).select_related("user", "party")
    if role:
        membership = memberships.filter(role=role).first()
    else:
        membership = memberships.filter(party__code=code).first()
    client = Client()
    client.force_login(membership.user)
    return client


def test_demo_agreements_link_exchange_truce_and_text(db) -> None:
    process, _ = load_demo()
    exchange = Exchange.objects.get(process=process)
    truce = Truce.objects.get(process=process, name="Energy truce")
    prisoners = Agreement.objects.get(process=process, title="Prisoner exchange (314)")
    assert {(p.exchange_id, p.clause_number) for p in prisoners.provisions.all()} == {
        (exchange.pk, "1.1")
    }
    energy = Agreement.objects.get(process=process, title="Energy truce (US-backed)")
    assert {p.truce_id for p in energy.provisions.all()} == {truce.pk}
    from_text = Agreement.objects.get(process=process, title__startswith="Round two")
    assert [p.clause_number for p in from_text.provisions.all()] == ["1.1", "1.2"]
    provision = prisoners.provisions.first()
    url = f"/p/{process.pk}/provisions/{provision.pk}/"
    mediator = _client(process, None, role="mediator").get(url)
    counts = mediator.context["page"].exchange
    assert counts.agreed == 314 and counts.reconciled >= 30
    assert "314 prisoners of war, all for all" in mediator.content.decode()
    ukraine = _client(process, "UA").get(url)
    assert "314 prisoners of war, all for all" in ukraine.content.decode()
    assert ukraine.context["page"].exchange.reconciled is None
    observer = _client(process, None, role="observer").get(url)
    body = observer.content.decode()
    assert observer.status_code == 200 and "314 prisoners of war, all for all" not in body
    assert observer.context["page"].exchange is None


def test_the_demo_release_carries_a_handover_record_anyone_who_sees_it_can_open(db) -> None:
    process, _ = load_demo()
    document = StatusDocument.objects.get(status__provision__agreement__process=process)
    assert document.name.endswith(".docx") and document.illustrative
    assert document.status.evidence.startswith("First group released")
    url = f"/p/{process.pk}/status-documents/{document.pk}/"
    served = _client(process, "UA").get(url)
    body = b"".join(served.streaming_content) if served.streaming else served.content
    assert served.status_code == 200 and body.startswith(b"PK")
    assert "Handover record" in "".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs)
    assert AuditEntry.objects.filter(action__contains="download", object_id=str(document.pk))
