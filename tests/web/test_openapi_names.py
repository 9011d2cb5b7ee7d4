"""Every API schema has its own name: OpenAPI keys components by class name, so two schemas
called the same (say a text's notes and a process's notes) would publish one under both routes."""

from __future__ import annotations

from collections import defaultdict

from ninja import Schema

from accord.web.api import api


def _schemas(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_schemas(sub)}
    return found


def test_no_two_api_schemas_share_a_name() -> None:
    api.get_openapi_schema()  # imports every router's schemas
    by_name: dict[str, set[str]] = defaultdict(set)
    for schema in _schemas(Schema):
        if schema.__module__.startswith("accord."):
            by_name[schema.__name__].add(schema.__module__)
    clashes = {name: modules for name, modules in by_name.items() if len(modules) > 1}
    assert clashes == {}


def test_every_route_names_its_own_response_schema() -> None:
    components = api.get_openapi_schema()["components"]["schemas"]
    for name in (
        "TextNoteOut",
        "ProcessNoteOut",
        "ConsultationStatementOut",
        "MonitorStatementOut",
    ):
        assert name in components
