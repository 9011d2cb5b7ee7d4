"""The operator's admin: accounts and seats, audited, and no negotiation content."""

from __future__ import annotations

from django.contrib import admin
from django.test import Client

from accord.audit.models import AuditEntry
from accord.talks.models import Position
from tests.table import Table


def test_no_content_model_is_in_the_admin() -> None:
    labels = {model._meta.label for model in admin.site._registry}
    assert "talks.Position" not in labels and "talks.Note" not in labels
    assert {"accounts.ApiToken", "talks.Membership", "auth.User"} <= labels
    assert Position not in admin.site._registry


def test_admin_changes_are_audited(table: Table) -> None:
    client = Client()
    client.force_login(table.users["admin"])
    user = table.users["outsider"]
    url = f"/admin/auth/user/{user.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        {
            "username": "outsider2",
            "date_joined_0": "2026-02-04",
            "date_joined_1": "10:00",
            "last_login_0": "",
            "last_login_1": "",
            "groups": [],
            "user_permissions": [],
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    entry = AuditEntry.objects.order_by("-seq").first()
    assert (entry.actor, entry.action, entry.object_id) == (
        f"user:{table.users['admin'].pk}",
        "admin.user.change",
        str(user.pk),
    )
