"""The JSON API (django-ninja, OpenAPI at /api/docs): session or bearer-token authentication."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import HttpBearer, django_auth

from accord.accounts.tokens import token_user
from accord.agreements.api import router as agreements_router
from accord.analysis.api import router as analysis_router
from accord.consultations.api import router as consultations_router
from accord.exchanges.api import router as exchanges_router
from accord.monitor.api import router as monitor_router
from accord.talks.api import router as talks_router
from accord.texts.api import router as texts_router
from accord.truces.api import router as truces_router


class TokenAuth(HttpBearer):
    """`Authorization: Bearer acc_...` with a token from `accord token create`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Accord API",
    version="1",
    description="Every read is filtered by the caller's seat; every write is audited.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)
api.add_router("/processes", talks_router)
api.add_router("/texts", texts_router)
api.add_router("/analysis", analysis_router)
api.add_router("/exchanges", exchanges_router)
api.add_router("/truces", truces_router)
api.add_router("/agreements", agreements_router)
api.add_router("/monitor", monitor_router)
api.add_router("/consultations", consultations_router)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Model and service validation: 400 with one message per field."""
    if hasattr(exc, "error_dict"):
        detail = [
            {"loc": ["body", field], "msg": " ".join(str(m) for e in errors for m in e.messages)}
            for field, errors in exc.error_dict.items()
        ]
    else:
        detail = [{"loc": ["body"], "msg": " ".join(exc.messages)}]
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return api.create_response(
        request, {"detail": [{"loc": ["body"], "msg": "Request body is too large."}]}, status=413
    )
