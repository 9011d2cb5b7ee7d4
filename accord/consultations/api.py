"""API of the consultations app: aggregates only, never a participant or a single vote."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from accord.consultations import selectors, services
from accord.consultations.models import AnalysisResult
from accord.core.ids import Id
from accord.talks import selectors as talks_selectors
from accord.talks.access import access_process

router = Router(tags=["consultations"])


class ConsultationOut(Schema):
    id: int
    title: str
    question: str
    status: str
    issue_id: int | None
    illustrative: bool


class ConsultationIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    question: str = Field(..., min_length=1, max_length=2000)
    issue_id: Id | None = None
    accepts_statements: bool = True


class ConsultationStatementOut(Schema):
    id: int
    text: str
    status: str
    seeded: bool
    n_agree: int
    n_disagree: int
    n_pass: int


class SeedIn(Schema):
    texts: list[str] = Field(..., min_length=1, max_length=500)


class AnalyseIn(Schema):
    mode: str = Field("default", pattern="^(default|red-dwarf)$")


class JobOut(Schema):
    job_id: int
    url: str


class ResultOut(Schema):
    id: int
    consultation_id: int
    title: str
    summary: str
    visibility: str
    algorithm_version: str
    mode: str
    n_participants: int
    n_votes: int
    k: int
    illustrative: bool
    created_at: datetime


class RepnessOut(Schema):
    statement_id: int
    text: str
    direction: str
    share: float
    n: int
    repness: float


class GroupOut(Schema):
    id: int
    size: int
    withheld: bool
    repness: list[RepnessOut] = []


class ConsensusOut(Schema):
    statement_id: int
    text: str
    direction: str
    share: float
    n: int


class GroupShareOut(Schema):
    group: int
    agree: float


class DivisiveOut(Schema):
    statement_id: int
    text: str
    spread: float
    per_group: list[GroupShareOut]


class TallyOut(Schema):
    statement_id: int
    text: str
    agree: int
    disagree: int
    passed: int = Field(..., alias="pass")
    n: int


class DayOut(Schema):
    day: str
    votes: int
    participants: int


class ResultDetailOut(ResultOut):
    n_clustered: int
    notes: list[str]
    groups: list[GroupOut]
    consensus: list[ConsensusOut]
    divisive: list[DivisiveOut]
    statements: list[TallyOut]
    points: list[list[float]] = Field(description="[x, y, group] per participant, no ids")
    participation: list[DayOut]


def _detail(result: AnalysisResult) -> dict:
    data = result.data
    keys = ("groups", "consensus", "divisive", "statements", "points", "participation", "notes")
    return (
        ResultOut.from_orm(result).dict()
        | {k: data.get(k, []) for k in keys}
        | {"n_clustered": data.get("n_clustered", 0)}
    )


@router.get("/{process_id}/consultations", response=list[ConsultationOut])
def list_consultations(request: HttpRequest, process_id: Id):
    return selectors.consultation_list(seat=access_process(request.user, process_id))


@router.post("/{process_id}/consultations", response={201: ConsultationOut})
def create_consultation(request: HttpRequest, process_id: Id, payload: ConsultationIn):
    seat = access_process(request.user, process_id)
    issue = (
        talks_selectors.issue_get(seat=seat, issue_id=payload.issue_id)
        if payload.issue_id
        else None
    )
    consultation = services.consultation_create(
        seat=seat,
        title=payload.title,
        question=payload.question,
        issue=issue,
        accepts_statements=payload.accepts_statements,
    )
    return Status(201, consultation)


@router.get(
    "/{process_id}/consultations/{consultation_id}/statements",
    response=list[ConsultationStatementOut],
)
def list_statements(request: HttpRequest, process_id: Id, consultation_id: Id):
    seat = access_process(request.user, process_id)
    consultation = selectors.consultation_get(seat=seat, consultation_id=consultation_id)
    return selectors.statement_tallies(consultation=consultation)


@router.post(
    "/{process_id}/consultations/{consultation_id}/statements",
    response={201: list[ConsultationStatementOut]},
)
def seed_statements(request: HttpRequest, process_id: Id, consultation_id: Id, payload: SeedIn):
    seat = access_process(request.user, process_id)
    consultation = selectors.consultation_get(seat=seat, consultation_id=consultation_id)
    created = services.statement_seed(seat=seat, consultation=consultation, texts=payload.texts)
    tallies = selectors.statement_tallies(consultation=consultation)
    return Status(201, list(tallies.filter(pk__in=[s.pk for s in created])))


@router.post("/{process_id}/consultations/{consultation_id}/analyses", response={201: JobOut})
def start_analysis(request: HttpRequest, process_id: Id, consultation_id: Id, payload: AnalyseIn):
    seat = access_process(request.user, process_id)
    consultation = selectors.consultation_get(seat=seat, consultation_id=consultation_id)
    job = services.analysis_start(seat=seat, consultation=consultation, mode=payload.mode)
    return Status(201, {"job_id": job.pk, "url": f"/p/{process_id}/jobs/{job.pk}/"})


@router.get("/{process_id}/results", response=list[ResultOut])
def list_results(request: HttpRequest, process_id: Id):
    return selectors.result_list(seat=access_process(request.user, process_id))


@router.get("/{process_id}/results/{result_id}", response=ResultDetailOut)
def get_result(request: HttpRequest, process_id: Id, result_id: Id):
    seat = access_process(request.user, process_id)
    return _detail(selectors.result_get(seat=seat, result_id=result_id))
