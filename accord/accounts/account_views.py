"""The user's own account pages: two-factor, sessions, tokens, and their data."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from accord.accounts import sessions, twofactor
from accord.accounts.models import ApiToken
from accord.accounts.tokens import token_revoke
from accord.ops.personal import personal_export


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    ok = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if ok else "/"


@login_required
def security(request: HttpRequest) -> HttpResponse:
    context = {
        "sessions": sessions.session_list(user=request.user),
        "current_key": request.session.session_key,
        "tokens": ApiToken.objects.filter(user=request.user),
        "has_totp": twofactor.confirmed_totp(request.user) is not None,
        "required": twofactor.two_factor_required(request.user),
    }
    return render(request, "accounts/security.html", context)


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Confirm a code (enrolled users) or enrol an authenticator (everyone else)."""
    user = request.user
    device = twofactor.confirmed_totp(user)
    error = ""
    if request.method == "POST":
        code = request.POST.get("code", "")
        if device is not None:
            matched = twofactor.code_check(user=user, code=code)
            if matched is not None:
                otp_login(request, matched)
                return redirect(_next(request))
        else:
            codes = twofactor.enrolment_confirm(user=user, code=code)
            if codes is not None:
                otp_login(request, twofactor.confirmed_totp(user))
                return render(request, "accounts/recovery_codes.html", {"codes": codes})
        error = "That code is not valid. Check your authenticator's clock and try again."
    context = {"enrolled": device is not None, "error": error, "next": _next(request)}
    if device is None:
        pending = twofactor.pending_totp(user)
        context.update(secret=twofactor.secret_text(pending), uri=pending.config_url)
    return render(request, "accounts/two_factor.html", context, status=400 if error else 200)


@login_required
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    if twofactor.confirmed_totp(request.user) is None or not request.user.is_verified():
        messages.error(request, "Confirm your authenticator before you make recovery codes.")
        return redirect("security")
    codes = twofactor.recovery_codes_renew(user=request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@login_required
@require_POST
def session_end(request: HttpRequest) -> HttpResponse:
    raw = request.POST.get("session", "")
    session_id = int(raw) if raw.isdigit() and len(raw) < 19 else 0
    if not sessions.session_end(user=request.user, session_id=session_id):
        messages.error(request, "No such session.")
    return redirect("security")


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    sessions.session_end_all(user=request.user)
    logout(request)
    return redirect("login")


@login_required
@require_POST
def token_end(request: HttpRequest) -> HttpResponse:
    raw = request.POST.get("token", "")
    token_id = int(raw) if raw.isdigit() and len(raw) < 19 else 0
    token = ApiToken.objects.filter(user=request.user, pk=token_id, revoked_at__isnull=True).first()
    if token is None:
        messages.error(request, "No such token.")
    else:
        token_revoke(user=request.user, token=token)
        messages.success(request, f"Token {token.name} revoked.")
    return redirect("security")


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """Download everything Accord holds that points at the signed-in person."""
    body = json.dumps(personal_export(user=request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="accord-my-data.json"'
    return response
