"""Equally authentic language versions: each clause's translations and whether they are stale.

A translation records the hash of the source clause it was made from; when the source clause
changes, the hash no longer matches and the translation is stale until revised.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from .model import Clause, Document
from .render import render_segments

LANGUAGES = ("en", "uk", "ru")


class Freshness(StrEnum):
    """Where a translation stands against its source clause."""

    CURRENT = "current"
    STALE = "stale"
    MISSING = "missing"


@dataclass(frozen=True)
class Translation:
    """A clause in another language, made from the source whose hash is `source_hash`."""

    language: str
    text: str
    source_hash: str


def clause_hash(clause: Clause) -> str:
    """A fingerprint of the clause's wording (spacing-insensitive: the canonical notation)."""
    return hashlib.sha256(render_segments(clause.segments).encode("utf-8")).hexdigest()[:16]


def translate(clause: Clause, language: str, text: str) -> Translation:
    """Record a translation made now from the clause as it stands."""
    return Translation(language, text, clause_hash(clause))


def freshness(clause: Clause, translation: Translation | None) -> Freshness:
    """Current, stale (the source changed after it) or missing."""
    if translation is None:
        return Freshness.MISSING
    return Freshness.CURRENT if translation.source_hash == clause_hash(clause) else Freshness.STALE


type Translations = Mapping[str, Mapping[str, Translation]]  # clause number -> language -> it


def translation_report(
    document: Document, translations: Translations, languages: tuple[str, ...] = LANGUAGES
) -> dict[str, dict[str, Freshness]]:
    """For every clause and language, whether its translation is current, stale or missing."""
    return {
        clause.number: {
            language: freshness(clause, translations.get(clause.number, {}).get(language))
            for language in languages
        }
        for clause in document.clauses()
    }


def stale_clauses(
    document: Document, translations: Translations, languages: tuple[str, ...] = LANGUAGES
) -> tuple[tuple[str, str], ...]:
    """(clause, language) pairs whose translation must be revised or made."""
    report = translation_report(document, translations, languages)
    return tuple(
        (number, language)
        for number, by_language in report.items()
        for language, state in by_language.items()
        if state is not Freshness.CURRENT
    )
