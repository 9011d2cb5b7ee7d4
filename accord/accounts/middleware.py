"""Holds a signed-in user who needs a second factor at the two-factor page until they pass."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

from accord.accounts.twofactor import two_factor_required

EXEMPT_PREFIXES = ("/login/", "/logout/", "/account/two-factor/", "/static/", "/health")


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._held(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Two-factor sign-in required."}, status=403)
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('two_factor')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _held(request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(EXEMPT_PREFIXES):
            return False
        return not user.is_verified() and two_factor_required(user)
