"""Property-based fuzzing of the whole API from its OpenAPI schema: no server errors, ever."""

from __future__ import annotations

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, settings

from accord.accounts.tokens import token_create
from accord.demo.load import load_demo
from accord.web.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def demo_token(db: None) -> str:
    load_demo()
    user = get_user_model().objects.get(username="ukraine")
    return token_create(user=user, name="schemathesis")[1]


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_answers_with_a_server_error(case, demo_token: str) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {demo_token}"},
        checks=[schemathesis.checks.not_a_server_error],
    )
