"""Shared checks of the evidence-file tests (status documents, incident attachments), through
the pages and through the API: one token client, one audit trail reader, one download check."""

from __future__ import annotations

from django.http import HttpResponse
from django.test import Client

from accord.accounts.tokens import token_create
from accord.audit.models import AuditEntry
from tests.table import Table


def api_client(table: Table, name: str) -> Client:
    """A client authenticated the way scripts are: a bearer token of `name`'s user."""
    _token, plain = token_create(user=table.users[name], name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plain}")


def audit_actions() -> list[str]:
    """Every audit entry's action, oldest first."""
    return list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))


def assert_served_inert(download: HttpResponse, content: bytes, name: str) -> None:
    """Served whole, as an attachment under its cleaned name, never as what it claims to be."""
    assert download.status_code == 200 and download.content == content
    assert download["Content-Disposition"] == f'attachment; filename="{name}"'
    assert download["Content-Type"] == "application/octet-stream"  # a declared type is not kept
    assert download["X-Content-Type-Options"] == "nosniff"
