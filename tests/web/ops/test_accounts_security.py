"""Two-factor sign-in for seats, sessions and tokens per user, personal export and erasure."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from typer.testing import CliRunner

from accord.accounts.models import ApiToken, UserSession
from accord.accounts.tokens import token_create, token_user
from accord.audit.models import AuditEntry
from accord.audit.services import audit_verify
from accord.cli import app
from accord.domain.visibility import Visibility
from accord.ops.personal import account_erase, personal_export
from accord.talks import services
from tests.table import PASSWORD, Table


def sign_in(username: str) -> Client:
    client = Client()
    response = client.post("/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def two_factor_on(settings) -> None:
    settings.ACCORD_REQUIRE_2FA = True


def test_a_delegation_seat_must_enrol_then_confirm(table: Table, two_factor_on: None) -> None:
    client = sign_in("ua")
    held = client.get(f"/p/{table.process.pk}/")
    assert held.status_code == 302 and held.url.startswith("/account/two-factor/")
    assert client.get("/api/processes").status_code == 403
    enrol = client.get("/account/two-factor/")
    assert enrol.status_code == 200 and "otpauth://" in enrol.content.decode()
    device = TOTPDevice.objects.get(user=table.users["ua"])
    assert client.post("/account/two-factor/", {"code": "000000x"}).status_code == 400
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down guessing
    device.throttle_reset()
    done = client.post("/account/two-factor/", {"code": current_code(device)})
    codes = done.context["codes"]
    assert len(codes) == 10
    assert client.get(f"/p/{table.process.pk}/").status_code == 200
    # A new sign-in asks again; a recovery code works once.
    again = sign_in("ua")
    assert again.get(f"/p/{table.process.pk}/").status_code == 302
    assert again.post("/account/two-factor/", {"code": codes[0]}).status_code == 302
    assert again.get(f"/p/{table.process.pk}/").status_code == 200
    reuse = sign_in("ua")
    assert reuse.post("/account/two-factor/", {"code": codes[0]}).status_code == 400


def test_observers_and_outsiders_need_no_second_factor(table: Table, two_factor_on: None) -> None:
    assert sign_in("observer").get(f"/p/{table.process.pk}/").status_code == 200
    assert sign_in("outsider").get("/").status_code == 200


def test_tokens_are_not_held_by_two_factor(table: Table, two_factor_on: None) -> None:
    _token, plain = token_create(user=table.users["ua"], name="script")
    response = Client().get("/api/processes", HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert response.status_code == 200


def test_two_factor_is_off_unless_configured(table: Table) -> None:
    assert sign_in("ua").get(f"/p/{table.process.pk}/").status_code == 200


def test_sessions_are_listed_and_ended_one_or_all(table: Table) -> None:
    first, second = sign_in("ua"), sign_in("ua")
    page = first.get("/account/")
    rows = page.context["sessions"]
    assert len(rows) == 2 and "Sign out everywhere" in page.content.decode()
    other = next(row for row, _exp in rows if row.session_key != first.session.session_key)
    assert sign_in("ru").post("/account/sessions/end", {"session": other.pk}).status_code == 302
    assert second.get("/account/").status_code == 200  # another user cannot end it
    first.post("/account/sessions/end", {"session": other.pk})
    assert second.get("/account/").status_code == 302  # ended: back to sign-in
    first.post("/account/sessions/end-all")
    assert first.get("/account/").status_code == 302
    assert not UserSession.objects.filter(user=table.users["ua"]).exists()
    assert Session.objects.count() == 1  # only ru's own session is left


def test_tokens_are_listed_and_revoked_by_their_owner_only(table: Table) -> None:
    token, plain = token_create(user=table.users["ua"], name="nightly import")
    ru = sign_in("ru")
    ru.post("/account/tokens/revoke", {"token": token.pk})
    assert token_user(plain) is not None
    ua = sign_in("ua")
    assert "nightly import" in ua.get("/account/").content.decode()
    ua.post("/account/tokens/revoke", {"token": token.pk})
    assert token_user(plain) is None


def test_session_expiry_after_inactivity_is_configured(settings) -> None:
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_COOKIE_AGE <= 8 * 3600


def test_personal_export_holds_own_records_and_no_secrets(table: Table) -> None:
    token_create(user=table.users["ua"], name="script")
    data = personal_export(user=table.users["ua"])
    assert data["account"]["username"] == "ua"
    assert "talks.Membership" in data["records"] and "accounts.ApiToken" in data["records"]
    assert data["records"]["accounts.ApiToken"][0]["fields"]["key_hash"] == "(withheld)"
    response = sign_in("ua").get("/account/my-data.json")
    assert response.status_code == 200 and response.json()["audit_actor"].startswith("user:")


def test_erasure_keeps_records_and_audit_but_not_the_person(table: Table) -> None:
    user = table.users["ua"]
    user.email, user.first_name = "ua@example.org", "Olena"
    user.save()
    services.position_submit(
        seat=table.seat("ua"), issue=table.issue, stance="Freeze", visibility=Visibility.OWN
    )
    _token, plain = token_create(user=user, name="script")
    pseudonym = account_erase(actor=table.users["admin"], user=user)
    user.refresh_from_db()
    assert (user.username, user.email, user.first_name, user.is_active) == (
        pseudonym,
        "",
        "",
        False,
    )
    assert not user.has_usable_password() and token_user(plain) is None
    assert ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() == 0
    assert not AuditEntry.objects.filter(actor__in=["ua", "Olena", "ua@example.org"]).exists()
    assert AuditEntry.objects.filter(actor=f"user:{user.pk}").count() >= 2
    assert audit_verify()[1] is None


def test_cli_export_erase_and_reset(table: Table) -> None:
    runner = CliRunner()
    exported = runner.invoke(app, ["ops", "export", "ru"])
    assert exported.exit_code == 0 and '"username": "ru"' in exported.output
    erased = runner.invoke(app, ["ops", "erase", "ru", "--yes"])
    assert erased.exit_code == 0 and "erased-" in erased.output
    assert not get_user_model().objects.filter(username="ru").exists()
    assert runner.invoke(app, ["ops", "reset-2fa", "nobody"]).exit_code == 1
