"""A consultation on the test table, seeded, with helpers to vote as an anonymous device."""

from __future__ import annotations

import pytest
from django.test import Client

from accord.consultations import services
from accord.consultations.demo import STATEMENTS
from accord.consultations.models import Consultation
from tests.table import Table


@pytest.fixture
def consultation(table: Table) -> Consultation:
    seat = table.seat("mediator")
    consultation = services.consultation_create(
        seat=seat,
        title="Citizens on territory",
        question="How should the line be drawn?",
        issue=table.issue,
    )
    services.statement_seed(seat=seat, consultation=consultation, texts=[t for t, _ in STATEMENTS])
    return consultation


@pytest.fixture
def token(consultation: Consultation) -> str:
    return consultation.invites.get().token


def login(table: Table, name: str) -> Client:
    client = Client()
    if name != "anonymous":
        client.force_login(table.users[name])
    return client
