"""Data protection: a person's own records as JSON, and erasure of an account.

Export: the user row (no password hash), and every row of every model that points at the user
through a foreign key (memberships, tokens, sessions, devices, records they authored...).

Erasure anonymises instead of deleting, because negotiation records and the audit chain must
survive: the username becomes `erased-<pk>`, names and e-mail are cleared, the password made
unusable, the account deactivated, tokens revoked, sessions and two-factor devices removed.
Audit entries name actors as `user:<pk>` (accord.audit.services.actor_name), never by name, so
they hold no personal data and need no change (they cannot be changed anyway).
"""

from __future__ import annotations

import json
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.sessions.models import Session
from django.core.serializers import serialize
from django.db import models, transaction
from django.utils import timezone

USER_FIELDS = ["username", "first_name", "last_name", "email", "date_joined", "last_login"]
SECRET_FIELDS = {"key_hash", "key", "token", "session_key", "password"}


def _related_models(user_model: type[models.Model]) -> list[tuple[type[models.Model], str]]:
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.OneToOneField)
                and field.related_model is user_model
            ):
                found.append((model, field.name))
    return sorted(found, key=lambda pair: (pair[0]._meta.label, pair[1]))


def _rows(model: type[models.Model], field: str, user: AbstractBaseUser) -> list[dict[str, Any]]:
    queryset = model._default_manager.filter(**{field: user}).order_by("pk")
    rows = json.loads(serialize("json", queryset))
    for row in rows:
        for secret in SECRET_FIELDS & set(row["fields"]):
            row["fields"][secret] = "(withheld)"
    return rows


def personal_export(*, user: AbstractBaseUser) -> dict[str, Any]:
    """Everything Accord holds that points at this person, as plain JSON data."""
    user_row = {name: getattr(user, name, None) for name in USER_FIELDS}
    records: dict[str, list[dict[str, Any]]] = {}
    for model, field in _related_models(type(user)):
        rows = _rows(model, field, user)
        if rows:
            records.setdefault(model._meta.label, []).extend(rows)
    return {
        "account": json.loads(json.dumps(user_row, default=str)),
        "audit_actor": f"user:{user.pk}",
        "records": records,
        "exported_at": timezone.now().isoformat(),
    }


@transaction.atomic
def account_erase(*, actor: AbstractBaseUser | None, user: AbstractBaseUser) -> str:
    """Anonymise `user` in place; return the pseudonym it now carries."""
    from accord.accounts.models import ApiToken, UserSession
    from accord.accounts.twofactor import two_factor_reset
    from accord.audit.services import audit_append

    pseudonym = f"erased-{user.pk}"
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    two_factor_reset(actor=actor, user=user)
    get_user_model().objects.filter(pk=user.pk).update(
        username=pseudonym,
        first_name="",
        last_name="",
        email="",
        is_active=False,
        is_staff=False,
        is_superuser=False,
    )
    user.refresh_from_db()
    user.set_unusable_password()
    user.save(update_fields=["password"])
    audit_append(actor=actor, action="account.erase", obj=user)
    return pseudonym
