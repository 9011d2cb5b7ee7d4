"""Naming the recipient of a leaked copy: a watermarked DOCX, PDF, or text pasted from one."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass

from .watermark import DEFAULT_KEY, Found, find_marks, read_payload

PDF_MARK_PREFIX = "accord-copy:"
_PDF_MARK = re.compile(rb"accord-copy:([0-9a-f]{12,})")
_PROPERTY = re.compile(r'name="AccordCopy"><vt:lpwstr>([0-9a-f]+)</vt:lpwstr>')


@dataclass(frozen=True)
class TraceResult:
    """Recipients named by verified marks (most marks first), and how much was found."""

    recipients: tuple[str, ...]
    counts: dict[str, int]
    unverified: int
    kind: str  # "docx", "pdf" or "text"


def _summarise(found: list[Found], kind: str) -> TraceResult:
    counts = Counter(f.recipient for f in found if f.verified and f.recipient)
    return TraceResult(
        tuple(name for name, _ in counts.most_common()),
        dict(counts),
        sum(1 for f in found if not f.verified),
        kind,
    )


def _docx_marks(data: bytes, key: str) -> list[Found]:
    found: list[Found] = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not name.endswith(".xml"):
                continue
            xml = package.read(name).decode("utf-8", "replace")
            found.extend(find_marks(xml, key))
            found.extend(
                read_payload(bytes.fromhex(h), key)
                for h in _PROPERTY.findall(xml)
                if len(h) % 2 == 0
            )
    return found


def decode_text(data: bytes) -> str:
    """Text of a pasted copy, whatever common encoding the editor saved it in."""
    for bom, codec in (
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
        (b"\xef\xbb\xbf", "utf-8-sig"),
    ):
        if data.startswith(bom):
            return data.decode(codec, "replace")
    return data.decode("utf-8", "replace")


def trace_bytes(data: bytes, key: str = DEFAULT_KEY) -> TraceResult:
    """Every recipient whose mark is in the file (several only if copies were combined)."""
    if zipfile.is_zipfile(io.BytesIO(data)):
        return _summarise(_docx_marks(data, key), "docx")
    if data.startswith(b"%PDF"):
        found = [
            read_payload(bytes.fromhex(h.decode()), key)
            for h in _PDF_MARK.findall(data)
            if len(h) % 2 == 0
        ]
        return _summarise(found, "pdf")
    return _summarise(list(find_marks(decode_text(data), key)), "text")
