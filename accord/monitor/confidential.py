"""Register the monitor with the confidentiality crawl.

Documents, statements and proposals are public within the process (news), so only annotations
are confidential; the crawl fills the monitor's route parameters with every existing id.
"""

from __future__ import annotations

from accord.core.registry import register_confidential, register_url_parameter
from accord.domain.statements import Document
from accord.domain.visibility import Visibility
from accord.monitor import services
from accord.monitor.models import Annotation, Statement
from accord.talks.access import Seat

CRAWL_TEXT = "Rustem Umerov said the discussions on territory were positive."


def _statement_for(seat: Seat) -> Statement:
    found = Statement.objects.filter(process=seat.process).first()
    if found is not None:
        return found
    context = services.IngestContext.of(seat.process)
    services.document_ingest(
        actor=None, context=context, document=Document(doc_id="crawl", text=CRAWL_TEXT)
    )
    return Statement.objects.filter(process=seat.process).first()


def _make_annotation(*, seat: Seat, visibility: Visibility, canary: str) -> Annotation | None:
    if not (seat.is_delegation or seat.is_mediator):
        return None
    return services.annotation_add(
        seat=seat, statement=_statement_for(seat), body=f"Note {canary}", visibility=visibility
    )


register_confidential(Annotation, _make_annotation)

for parameter, label in {
    "public_statement_id": "monitor.Statement",
    "source_document_id": "monitor.SourceDocument",
    "speaker_proposal_id": "monitor.ProposedPerson",
}.items():
    register_url_parameter(parameter, label)
