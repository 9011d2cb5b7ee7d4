"""Models holding confidential content register here to join the confidentiality crawl.

A registration names the model and a factory that makes one record of it carrying a given
canary string, owned by a given party at a given visibility. The crawl test seeds every
registered kind for every party and level, then asserts each canary appears only where
`can_see` allows. A new model joins the proof by registering, not by new tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

CanaryFactory = Callable[..., models.Model]


@dataclass(frozen=True)
class ConfidentialKind:
    """One registered model and how to make a record of it that carries a canary."""

    model: type[models.Model]
    make: CanaryFactory


_REGISTRY: dict[str, ConfidentialKind] = {}


def register_confidential(model: type[models.Model], make: CanaryFactory) -> None:
    """Add `model` to the crawl; `make(seat=, visibility=, canary=)` returns a record or None
    when the seat cannot own one (e.g. mediators hold no positions)."""
    _REGISTRY[model._meta.label] = ConfidentialKind(model=model, make=make)


def confidential_kinds() -> list[ConfidentialKind]:
    """Every registered kind, in a stable order."""
    return [_REGISTRY[label] for label in sorted(_REGISTRY)]


def describe() -> dict[str, Any]:
    """Labels of the registered models (for diagnostics and docs)."""
    return {"models": sorted(_REGISTRY)}


_URL_PARAMETERS: dict[str, str] = {}


def register_url_parameter(name: str, model_label: str) -> None:
    """Tell the crawl which model's ids fill route parameter `name` (e.g. "truce_id")."""
    _URL_PARAMETERS[name] = model_label


def url_parameters() -> dict[str, str]:
    return dict(_URL_PARAMETERS)
