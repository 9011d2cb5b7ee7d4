"""Signed-in browsers: recorded at sign-in, listed per user, ended one by one or all at once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accord.accounts.models import UserSession
from accord.accounts.throttle import client_address
from accord.audit.services import audit_append


def _record(sender: Any, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any) -> None:
    key = getattr(request, "session", None) and request.session.session_key
    if not key:
        return
    UserSession.objects.update_or_create(
        session_key=key,
        defaults={
            "user": user,
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
            "address": client_address(request),
        },
    )


def _forget(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    key = getattr(request, "session", None) and request.session.session_key
    if key:
        UserSession.objects.filter(session_key=key).delete()


def connect() -> None:
    user_logged_in.connect(_record, dispatch_uid="accord-session-record")
    user_logged_out.connect(_forget, dispatch_uid="accord-session-forget")


def session_list(*, user: AbstractBaseUser) -> list[tuple[UserSession, Any]]:
    """The user's live sessions, newest first, each with its expiry."""
    rows = list(UserSession.objects.filter(user=user))
    live = dict(
        Session.objects.filter(
            session_key__in=[r.session_key for r in rows], expire_date__gt=timezone.now()
        ).values_list("session_key", "expire_date")
    )
    return [(row, live[row.session_key]) for row in rows if row.session_key in live]


@transaction.atomic
def session_end(*, user: AbstractBaseUser, session_id: int) -> bool:
    """End one of the user's own sessions; False when it is not theirs."""
    row = UserSession.objects.filter(user=user, pk=session_id).first()
    if row is None:
        return False
    Session.objects.filter(session_key=row.session_key).delete()
    row.delete()
    audit_append(
        actor=user,
        action="session.end",
        object_type="accounts.UserSession",
        object_id=str(session_id),
    )
    return True


@transaction.atomic
def session_end_all(*, user: AbstractBaseUser) -> int:
    """Sign out everywhere: every recorded session of the user ends."""
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(user=user).delete()
    audit_append(actor=user, action="session.end_all", obj=user, change={"count": len(keys)})
    return len(keys)
