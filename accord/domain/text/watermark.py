"""Per-recipient watermark: an invisible mark, made of zero-width characters, in each clause.

A mark is framed by WORD JOINERs (U+2060) and spells bits with ZERO WIDTH SPACE (0) and ZERO
WIDTH NON-JOINER (1). It carries the recipient's name, encrypted with a key, and a keyed tag so
that a mark cannot be forged to frame someone else, nor read, without the key. Copying text out
of Word or a browser keeps these characters, so a pasted copy still names its recipient.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

FRAME, ZERO, ONE = "\u2060", "\u200b", "\u200c"
INVISIBLE = frozenset((FRAME, ZERO, ONE))
DEFAULT_KEY = "accord-watermark"  # set ACCORD_WATERMARK_KEY in production (see docs/text.md)
_VERSION = 1
_TAG_BYTES = 4
_MAX_NAME_BYTES = 120
_MARK = re.compile(f"{FRAME}([{ZERO}{ONE}]{{16,}}){FRAME}")


@dataclass(frozen=True)
class Found:
    """A mark found in a text: the recipient it names, and whether its tag checks out."""

    recipient: str | None
    verified: bool
    payload: bytes


def _stream(key: str, length: int) -> bytes:
    blocks = b""
    counter = 0
    while len(blocks) < length:
        blocks += hashlib.sha256(f"{key}\x00stream\x00{counter}".encode()).digest()
        counter += 1
    return blocks[:length]


def _tag(key: str, name: bytes) -> bytes:
    return hmac.new(key.encode(), name, hashlib.sha256).digest()[:_TAG_BYTES]


def payload_for(recipient: str, key: str = DEFAULT_KEY) -> bytes:
    """The bytes a recipient's mark carries: version, length, encrypted name, tag."""
    name = recipient.strip().encode("utf-8")
    if not name or len(name) > _MAX_NAME_BYTES:
        raise ValueError(f"a recipient name must have 1..{_MAX_NAME_BYTES} bytes")
    secret = bytes(a ^ b for a, b in zip(name, _stream(key, len(name)), strict=True))
    return bytes([_VERSION, len(name)]) + secret + _tag(key, name)


def read_payload(payload: bytes, key: str = DEFAULT_KEY) -> Found:
    """Decrypt a payload; `verified` is False when the key is wrong or the mark was altered."""
    if len(payload) < 2 + _TAG_BYTES or payload[0] != _VERSION:
        return Found(None, False, payload)
    length = payload[1]
    secret, tag = payload[2 : 2 + length], payload[2 + length : 2 + length + _TAG_BYTES]
    if len(secret) != length or len(tag) != _TAG_BYTES:
        return Found(None, False, payload)
    name = bytes(a ^ b for a, b in zip(secret, _stream(key, length), strict=True))
    if not hmac.compare_digest(tag, _tag(key, name)):
        return Found(None, False, payload)
    return Found(name.decode("utf-8", "replace"), True, payload)


def mark_for(recipient: str, key: str = DEFAULT_KEY) -> str:
    """The invisible string that names `recipient`."""
    bits = "".join(f"{byte:08b}" for byte in payload_for(recipient, key))
    return FRAME + bits.replace("0", ZERO).replace("1", ONE) + FRAME


def find_marks(text: str, key: str = DEFAULT_KEY) -> tuple[Found, ...]:
    """Every whole mark in `text`, decoded (partial marks from a cut-off copy are ignored)."""
    found = []
    for match in _MARK.finditer(text):
        bits = match.group(1).replace(ZERO, "0").replace(ONE, "1")
        if len(bits) % 8:
            continue
        payload = bytes(int(bits[i : i + 8], 2) for i in range(0, len(bits), 8))
        found.append(read_payload(payload, key))
    return tuple(found)


def strip_marks(text: str) -> str:
    """The text without any watermark character."""
    return "".join(ch for ch in text if ch not in INVISIBLE)


def after_first_word(text: str, mark: str) -> str:
    """`text` with `mark` after its first word (or at its end when it is one word)."""
    match = re.search(r"\S+", text)
    if match is None:
        return text + mark
    return text[: match.end()] + mark + text[match.end() :]


def watermark_lines(notation: str, recipient: str, key: str = DEFAULT_KEY) -> str:
    """A recipient's copy of a rendered text: a mark after the first word of each clause.

    The clause number stays untouched, so the copy still parses (marks become invisible text).
    """
    mark = mark_for(recipient, key)
    out = []
    for line in notation.split("\n"):
        number, space, body = line.partition(" ")
        if body.strip() and number[:1].isdigit():
            line = number + space + after_first_word(body, mark)
        out.append(line)
    return "\n".join(out)
