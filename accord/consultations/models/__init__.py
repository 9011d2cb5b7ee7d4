"""Consultations: the question, its statements, anonymous participants, votes and reports."""

from accord.consultations.models.consultation import Consultation, ConsultationStatement, Invite
from accord.consultations.models.participation import Participant, Vote
from accord.consultations.models.result import AnalysisResult

__all__ = [
    "AnalysisResult",
    "Consultation",
    "ConsultationStatement",
    "Invite",
    "Participant",
    "Vote",
]
