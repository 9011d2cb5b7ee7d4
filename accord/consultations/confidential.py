"""Register the consultations' confidential model and route parameters with the crawl.

Reports (AnalysisResult) are the mediators' until released. The invite token is the primary key
of Invite, so the crawl visits the real public pages too (which show only the question and the
accepted statements).
"""

from __future__ import annotations

from accord.consultations import services
from accord.consultations.models import AnalysisResult
from accord.core.registry import register_confidential, register_url_parameter
from accord.domain.visibility import Visibility
from accord.talks.access import Seat


def _make_result(*, seat: Seat, visibility: Visibility, canary: str) -> AnalysisResult | None:
    if not seat.is_mediator:
        return None  # reports belong to the mediators
    consultation = services.consultation_create(
        seat=seat, title="Crawl consultation", question="Where could the front line freeze?"
    )
    services.statement_seed(
        seat=seat, consultation=consultation, texts=["A ceasefire first, then talks."]
    )
    return services.result_create(
        actor=seat.membership.user,
        consultation=consultation,
        title=f"Report {canary}",
        summary=f"Summary {canary}",
        data={"k": 0, "groups": [], "consensus": [], "divisive": [], "statements": []},
        visibility=visibility,
    )


register_confidential(AnalysisResult, _make_result)

for parameter, label in {
    "consultation_id": "consultations.Consultation",
    "result_id": "consultations.AnalysisResult",
    "statement_id": "consultations.ConsultationStatement",
    "token": "consultations.Invite",
}.items():
    register_url_parameter(parameter, label)
