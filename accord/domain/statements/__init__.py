"""Attributed statements from news text: who said what, tied to persons, parties and issues.

Offline and rule-based: a quotation-mark state machine, a cue-verb lexicon, speaker phrases with
appositives and pronouns, and a shipped gazetteer of roles and state bodies.
"""

from ._claims import agreement_claim
from ._extract import extract
from ._gazetteer import Gazetteer, default_gazetteer
from ._lexicon import DEFAULT_ISSUES, tone_of
from ._loaders import MAX_BYTES, load_file
from ._model import CLI_KEYS, Document, Issue, KnownPerson, LoadReport, Statement

__all__ = [
    "CLI_KEYS",
    "DEFAULT_ISSUES",
    "MAX_BYTES",
    "Document",
    "Gazetteer",
    "Issue",
    "KnownPerson",
    "LoadReport",
    "Statement",
    "agreement_claim",
    "default_gazetteer",
    "extract",
    "load_file",
    "tone_of",
]
