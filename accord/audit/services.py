"""Appending to the audit chain: called by every service inside its write transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.db import connection, models, transaction

from accord.audit.models import AuditEntry
from accord.domain.audit import GENESIS, ChainBreak, ChainLink, digest, link_hash, verify_chain

# Any constant works; it names the advisory lock that serialises appends on PostgreSQL.
_POSTGRES_LOCK_KEY = 0x41434344


def _lock_chain_head() -> None:
    """Serialise appends so two writers never claim the same predecessor.

    SQLite runs write transactions one at a time (IMMEDIATE mode); PostgreSQL takes a
    transaction-scoped advisory lock.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_POSTGRES_LOCK_KEY])


def actor_name(actor: Any) -> str:
    """A stable pseudonym for whoever acted: `user:<pk>` for an account, else a system name.

    Audit rows can never be edited, so they hold no personal data: erasing an account
    (accord.ops.erasure) anonymises the user row and every entry still names `user:<pk>`.
    """
    if actor is None:
        return "system"
    pk = getattr(actor, "pk", None)
    if pk is not None and hasattr(actor, "get_username"):
        return f"user:{pk}"
    return str(getattr(actor, "username", actor))


def audit_append(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    change: Any = None,
    process_id: int | None = None,
) -> AuditEntry:
    """Append one entry for `action` on `obj`; must run inside the write's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_append must run inside the transaction of the write it records")
    _lock_chain_head()
    last = AuditEntry.objects.order_by("-seq").only("seq", "hash").first()
    link = ChainLink(
        seq=(last.seq + 1) if last else 1,
        actor=actor_name(actor),
        action=action,
        object_type=object_type or (obj._meta.label if obj is not None else ""),
        object_id=object_id or (str(obj.pk) if obj is not None else ""),
        change_digest=digest(change),
        created_at=datetime.now(UTC).isoformat(timespec="microseconds"),
        prev_hash=last.hash if last else GENESIS,
    )
    return AuditEntry.objects.create(**link.fields(), process_id=process_id, hash=link_hash(link))


def audit_verify() -> tuple[int, ChainBreak | None]:
    """Walk the whole chain in order; return how many entries were read and the first break."""
    count = 0

    def links() -> Any:
        nonlocal count
        for entry in AuditEntry.objects.order_by("seq", "id").iterator(chunk_size=2000):
            count += 1
            yield entry.as_link(), entry.hash

    first_break = verify_chain(links())
    return count, first_break
