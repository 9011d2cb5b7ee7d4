"""Property-based fuzzing of the whole API from its OpenAPI schema: no server errors, ever."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from accord.accounts.tokens import token_create
from accord.demo.load import load_demo
from accord.web.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """Call the WSGI app the way Django's test client does: without closing the test
    transaction's connection at the end of each request (on PostgreSQL it would be gone)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


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
