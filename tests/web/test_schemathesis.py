"""Property-based fuzzing of the whole API from its OpenAPI schema: no server errors, ever."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

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


# One pytest item per API operation, each with its own id. (schemathesis's own
# `schema.parametrize()` gives every operation the same node id, and pytest-xdist's group
# scheduling keeps only one item per node id: 60 of 61 operations silently never ran.)
OPERATIONS = [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_api_never_answers_with_a_server_error(operation, demo_token: str) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    def fuzz(case) -> None:
        case.call_and_validate(
            headers={"Authorization": f"Bearer {demo_token}"},
            checks=[schemathesis.checks.not_a_server_error],
        )

    fuzz()


def test_every_operation_of_the_schema_is_fuzzed() -> None:
    assert len({operation.label for operation in OPERATIONS}) == len(OPERATIONS) > 50
