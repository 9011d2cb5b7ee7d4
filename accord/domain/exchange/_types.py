"""The results handed to callers: links, their per-field explanations, duplicate groups."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

Decision = Literal["accept", "review", "reject"]


class FieldComparison(NamedTuple):
    """How one field of a pair compared: the values seen, the level, and its weight in bits.

    A named tuple rather than a dataclass: a 100k-record linkage builds over half a million.
    """

    field: str
    left: str
    right: str
    level: str
    similarity: float
    weight: float


@dataclass(frozen=True)
class Link:
    """A proposed pairing of a left and a right record, with the reasons for it.

    `score` is the match probability; `weight` the summed evidence in bits; `note` says why a
    strong pair was still sent to review (a close rival, given names that differ).
    """

    left_id: str
    right_id: str
    score: float
    decision: Decision
    weight: float
    fields: tuple[FieldComparison, ...]
    left_row: int = 0
    right_row: int = 0
    note: str = ""


@dataclass(frozen=True)
class Thresholds:
    """Match probability needed to accept and to review, and the evidence margin in bits a pair
    must have over its best rival to be accepted without a look.

    `exclusive` is the lower probability at which a pair is still accepted when nothing speaks
    against it: no rival within `margin_bits` on either side, and no field disagreeing (no
    different name, no birth date agreeing on the year alone, no different number). The
    Fellegi-Sunter probability weighs a pair against every pair of the two lists; a pair whose
    records have no other candidate has had its competition measured directly, so the
    probability understates it (on the generated lists, such pairs from 0.95 to 0.99 were
    99.8-99.9% right, where all pairs in that range were 99.5%). Set it to `accept` to turn the
    rule off."""

    accept: float = 0.99
    review: float = 0.3
    margin_bits: float = 6.0
    exclusive: float = 0.95


@dataclass(frozen=True)
class DuplicateGroup:
    """Records of one list that may be one person: flagged for a person to decide, never merged.

    `decision` is "duplicate" when every pair is a confident match, else "review".
    """

    record_ids: tuple[str, ...]
    rows: tuple[int, ...]
    pairs: tuple[Link, ...]
    decision: Literal["duplicate", "review"]
