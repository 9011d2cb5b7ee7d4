"""The participant's pages (no account): one statement at a time, agree / disagree / pass.

These pages live outside /p/...: they show the consultation's title, question and accepted
statements, and nothing else of the process. The participant is a random key in a cookie.
"""

from __future__ import annotations

import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accord.accounts.throttle import client_address
from accord.consultations import selectors, services
from accord.consultations.forms import SubmitForm, VoteForm
from accord.consultations.models import Invite
from accord.consultations.throttle import RateLimited

COOKIE = "accord_participant"
KEY_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
TEMPLATE = "consultations/participate.html"


def _key(request: HttpRequest) -> tuple[str, bool]:
    """The device key from the cookie, or a new one (and whether it is new)."""
    key = request.COOKIES.get(COOKIE, "")
    if KEY_SHAPE.match(key):
        return key, False
    return secrets.token_urlsafe(32), True


def _remember(response: HttpResponse, key: str, new: bool) -> HttpResponse:
    if new:
        response.set_cookie(
            COOKIE,
            key,
            max_age=365 * 24 * 3600,
            path="/c/",
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def _context(invite: Invite, key: str | None, **extra: object) -> dict[str, object]:
    consultation = invite.consultation
    participant = services.participant_find(consultation=consultation, key=key)
    done, total = selectors.progress(consultation=consultation, participant=participant)
    return {
        "consultation": consultation,
        "token": invite.token,
        "statement": selectors.next_statement(consultation=consultation, participant=participant)
        if consultation.is_open
        else None,
        "done": done,
        "total": total,
        "submit_form": SubmitForm(),
    } | extra


def participate(request: HttpRequest, token: str) -> HttpResponse:
    invite = selectors.invite_get(token=token)
    return render(request, TEMPLATE, _context(invite, request.COOKIES.get(COOKIE)))


def _reply(request, invite, key, new, partial, status=200, **extra) -> HttpResponse:
    """htmx swaps the partial in place (always 200, so it swaps); plain forms get the page."""
    template = f"{TEMPLATE}#{partial}" if request.htmx else TEMPLATE
    code = 200 if request.htmx else status
    response = render(request, template, _context(invite, key, **extra), status=code)
    return _remember(response, key, new)


@require_POST
def vote(request: HttpRequest, token: str) -> HttpResponse:
    invite = selectors.invite_get(token=token)
    key, new = _key(request)
    form = VoteForm(request.POST)
    if not form.is_valid():
        return _reply(request, invite, key, new, "card", 400, message="Please choose a vote.")
    try:
        services.vote_cast(
            invite=invite,
            key=key,
            statement_id=form.cleaned_data["statement"],
            value=form.cleaned_data["value"],
            address=client_address(request),
        )
    except RateLimited as limited:
        return _reply(request, invite, key, new, "card", 429, message=str(limited))
    except ValidationError as error:
        return _reply(request, invite, key, new, "card", 400, message=" ".join(error.messages))
    if request.htmx:
        return _reply(request, invite, key, new, "card")
    return _remember(redirect("consult_participate", token), key, new)


@require_POST
def submit(request: HttpRequest, token: str) -> HttpResponse:
    invite = selectors.invite_get(token=token)
    key, new = _key(request)
    form = SubmitForm(request.POST)
    status, notice = 200, "Thank you. Your statement will appear once a moderator accepts it."
    if form.is_valid():
        try:
            services.statement_submit(
                invite=invite,
                key=key,
                text=form.cleaned_data["text"],
                address=client_address(request),
            )
        except RateLimited as limited:
            status, notice = 429, str(limited)
        except ValidationError as error:
            status, notice = 400, " ".join(error.messages)
    else:
        status, notice = 400, " ".join(m for e in form.errors.values() for m in e)
    return _reply(request, invite, key, new, "submit", status, notice=notice)
