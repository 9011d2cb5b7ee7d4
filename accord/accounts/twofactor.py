"""TOTP two-factor sign-in with recovery codes (django-otp).

Required for every account holding a mediator or delegation seat when ACCORD_REQUIRE_2FA is on:
after the password, such a user must confirm a code (or a recovery code) before any page.
"""

from __future__ import annotations

import base64

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.audit.services import audit_append
from accord.domain.visibility import Role

RECOVERY_CODES = 10
SEATS_NEEDING_2FA = [Role.MEDIATOR.value, Role.DELEGATION.value]


def two_factor_required(user: AbstractBaseUser) -> bool:
    """Whether this user must confirm a second factor (by seat; the switch is a setting)."""
    if not settings.ACCORD_REQUIRE_2FA or not user.is_authenticated:
        return False
    from accord.talks.models import Membership

    return Membership.objects.filter(user=user, role__in=SEATS_NEEDING_2FA).exists()


def confirmed_totp(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp(user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed authenticator being enrolled (created on first call)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The shared secret as the base32 text authenticator apps accept."""
    return base64.b32encode(bytes(device.bin_key)).decode("ascii").rstrip("=")


def code_check(*, user: AbstractBaseUser, code: str) -> TOTPDevice | StaticDevice | None:
    """The confirmed device a TOTP or recovery code belongs to (a recovery code is used up)."""
    code = "".join(code.split())
    return match_token(user, code) if code else None


@transaction.atomic
def enrolment_confirm(*, user: AbstractBaseUser, code: str) -> list[str] | None:
    """Confirm the pending authenticator with a first code; return fresh recovery codes."""
    device = pending_totp(user)
    if not device.verify_token("".join(code.split())):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_append(actor=user, action="two_factor.enrol", obj=device)
    return recovery_codes_renew(user=user)


@transaction.atomic
def recovery_codes_renew(*, user: AbstractBaseUser) -> list[str]:
    """Replace every recovery code of the user with RECOVERY_CODES new single-use codes."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    audit_append(actor=user, action="two_factor.recovery_codes", obj=device)
    return codes


@transaction.atomic
def two_factor_reset(*, actor: AbstractBaseUser | None, user: AbstractBaseUser) -> None:
    """Remove every device of `user` (a lost phone): they enrol again at the next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_append(actor=actor, action="two_factor.reset", obj=user)
