"""Refuse NUL characters in request input before any code can try to store or query them.

PostgreSQL cannot hold a NUL (0x00) in a text or JSON value and answers with a DataError: a 500
in the middle of a write, or of a filtered read. SQLite stores it silently, so the same request
behaved differently per database. Django's forms refuse NUL in their fields, but the JSON API
and query-string filters do not go through forms. This refuses it in the query string, a JSON
body and an urlencoded form: the API answers in ninja's 422 shape naming the field, pages with
a 400. Multipart bodies are left to the endpoints (reading them here would parse uploads before
the endpoint's size cap is installed); their text fields are validated there.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

MESSAGE = "NUL characters (0x00) are not allowed."


def _nul_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Where in a decoded JSON document a string (or a key) holds a NUL."""
    if isinstance(value, str):
        if "\x00" in value:
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in str(key):
                yield (*path, key)
            yield from _nul_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_paths(item, (*path, index))


def _refusals(request: HttpRequest) -> list[dict[str, Any]]:
    found = [
        ("query", key) for key, values in request.GET.lists() if "\x00" in key + "".join(values)
    ]
    content_type = request.content_type or ""
    if request.method in {"POST", "PUT", "PATCH"} and content_type == "application/json":
        try:
            body = json.loads(request.body or b"null")
        except (ValueError, RequestDataTooBig):
            body = None  # malformed or oversized: the API answers those itself
        found += [("body", *path) for path in _nul_paths(body)]
    elif content_type == "application/x-www-form-urlencoded":
        try:
            form = request.POST
        except (RequestDataTooBig, TooManyFieldsSent):
            return []  # oversized: refused downstream with its own answer
        found += [("form", key) for key, values in form.lists() if "\x00" in key + "".join(values)]
    return [{"loc": list(loc), "msg": MESSAGE, "type": "value_error"} for loc in found]


class NulGuardMiddleware:
    """Refuse a request whose query, JSON body or urlencoded form holds a NUL character."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refusals = _refusals(request)
        if not refusals:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": refusals}, status=422)
        fields = ", ".join(".".join(map(str, r["loc"])) for r in refusals)
        return HttpResponseBadRequest(f"{MESSAGE} ({fields})", content_type="text/plain")
