"""Shared helpers for the monitor tests: ingest text straight through the service."""

from __future__ import annotations

from datetime import date

from accord.domain.statements import Document
from accord.monitor import services
from accord.monitor.models import SourceDocument, Statement
from tests.table import Table

ARTICLE = (
    "Talks ended on Thursday.\n"
    'Rustem Umerov said on Thursday that the parties "have agreed" on territory.\n'
    "Dmitry Peskov, the Kremlin spokesman, told reporters that fighting would persist.\n"
    '"We will not cede land," Umerov said.\n'
)


def ingest(table: Table, text: str = ARTICLE, *, doc_id: str = "article") -> SourceDocument:
    context = services.IngestContext.of(table.process)
    stored = services.document_ingest(
        actor=table.users["mediator"],
        context=context,
        document=Document(doc_id=doc_id, text=text, title="A test article"),
        published=date(2026, 2, 5),
    )
    assert stored is not None
    return stored


def statement_by(table: Table, speaker: str) -> Statement:
    return Statement.objects.filter(process=table.process, speaker_name=speaker).first()
