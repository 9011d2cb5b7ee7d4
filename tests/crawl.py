"""Enumerate every reachable page and API endpoint with every object id filled in.

Every object of a route's last parameter is tried, under every process; small routes get
every combination of ids.

URL patterns come from Django's resolver and API paths from the OpenAPI schema, so a new route
joins the crawl by existing. A route parameter the crawl does not know how to fill fails loudly:
register it with `register_url_parameter` in the app's confidential.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from math import prod

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from accord.core.registry import url_parameters

# Not pages of the app: Django's admin has its own crawl below, the API is crawled by schema,
# static files hold no content.
SKIPPED_PREFIXES = ("admin/", "api/", "static/")
PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _walk(patterns: list, prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


FULL_PRODUCT_LIMIT = 400


def _model(parameter: str) -> type:
    models = url_parameters()
    if parameter not in models:
        raise AssertionError(
            f"The crawl cannot fill route parameter {parameter!r}: register it with "
            "accord.core.registry.register_url_parameter in the app's confidential.py."
        )
    return apps.get_model(models[parameter])


def _ids(parameter: str) -> list[object]:
    return list(_model(parameter).objects.values_list("pk", flat=True)) or [999999]


def _natural(obj: object, parameter: str, depth: int = 2) -> object | None:
    """The value `obj` itself implies for `parameter` (its process, its text, ...), if any."""
    if hasattr(obj, parameter):
        return getattr(obj, parameter)
    if depth == 0:
        return None
    for field in obj._meta.concrete_fields:
        if field.is_relation and field.many_to_one:
            related = getattr(obj, field.name, None)
            found = _natural(related, parameter, depth - 1) if related is not None else None
            if found is not None:
                return found
    return None


def _combinations(names: list[str]) -> Iterator[tuple[object, ...]]:
    """Every id combination when that stays small; otherwise every object of the last
    parameter with the parents it implies, tried under every process (cross-process access
    is what an attacker would try first)."""
    choices = [_ids(name) for name in names]
    if len(names) < 2 or prod(len(c) for c in choices) <= FULL_PRODUCT_LIMIT:
        yield from itertools.product(*choices)
        return
    processes = choices[names.index("process_id")] if "process_id" in names else [None]
    for leaf in _model(names[-1]).objects.all():
        parents = [_natural(leaf, name) for name in names[:-1]]
        parents = [p if p is not None else c[0] for p, c in zip(parents, choices, strict=False)]
        for process_id in processes:
            values = [
                process_id if name == "process_id" and process_id is not None else value
                for name, value in zip(names[:-1], parents, strict=True)
            ]
            yield (*values, leaf.pk)


def _expand(route: str, parameter_pattern: re.Pattern[str]) -> Iterator[str]:
    names = [m.group("name") for m in parameter_pattern.finditer(route)]
    for combo in _combinations(names):
        values = iter(combo)
        yield "/" + parameter_pattern.sub(lambda _m, v=values: str(next(v)), route)


def page_urls() -> list[str]:
    """Every HTML route of the app, once per combination of existing object ids."""
    routes = [r for r in _walk(get_resolver().url_patterns) if not r.startswith(SKIPPED_PREFIXES)]
    return sorted({url for route in routes for url in _expand(route, PARAM)})


def api_urls() -> list[str]:
    """Every GET endpoint of the OpenAPI schema, with every object id filled in."""
    from accord.web.api import api

    schema = api.get_openapi_schema()
    brace = re.compile(r"\{(?P<name>[^}]+)\}")
    urls: set[str] = set()
    for path, operations in schema["paths"].items():
        if "get" in operations:
            urls.update(_expand(path.lstrip("/"), brace))
    return sorted(urls)


def admin_urls() -> list[str]:
    """The admin index and the changelist and change pages of every registered model."""
    from django.contrib import admin

    urls = ["/admin/"]
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        urls.append(base)
        urls.extend(f"{base}{pk}/change/" for pk in model.objects.values_list("pk", flat=True))
    return urls
