"""The audit trail as a hash chain: each entry commits to its content and to its predecessor.

Editing, deleting or reordering any entry breaks the chain at that point, and `verify_chain`
names the first entry where it breaks. Pure: entries come in as plain data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical_json(payload: Any) -> str:
    """A byte-stable JSON form: sorted keys, no spaces, non-ASCII kept, str() for the rest."""
    return json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )


def digest(payload: Any) -> str:
    """SHA-256 of the canonical JSON of `payload`."""
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainLink:
    """The fields of an audit entry that the chain protects."""

    seq: int
    actor: str
    action: str
    object_type: str
    object_id: str
    change_digest: str
    created_at: str
    prev_hash: str

    def fields(self) -> Mapping[str, Any]:
        return {
            "seq": self.seq,
            "actor": self.actor,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "change_digest": self.change_digest,
            "created_at": self.created_at,
            "prev_hash": self.prev_hash,
        }


def link_hash(link: ChainLink) -> str:
    """The hash an entry stores: over its protected fields, including the previous hash."""
    return digest(dict(link.fields()))


@dataclass(frozen=True)
class ChainBreak:
    """Where and why the chain stops being trustworthy."""

    seq: int
    reason: str


def verify_chain(entries: Iterable[tuple[ChainLink, str]]) -> ChainBreak | None:
    """Check (link, stored hash) pairs in sequence order; return the first break or None."""
    expected_prev = GENESIS
    expected_seq = 1
    for link, stored_hash in entries:
        if link.seq != expected_seq:
            return ChainBreak(link.seq, f"expected entry {expected_seq}, found {link.seq}")
        if link.prev_hash != expected_prev:
            return ChainBreak(link.seq, "previous-hash link does not match the entry before")
        if link_hash(link) != stored_hash:
            return ChainBreak(link.seq, "entry content does not match its hash")
        expected_prev = stored_hash
        expected_seq += 1
    return None
