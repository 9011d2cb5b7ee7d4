"""Bytes to text for loaders: refuse binary data, detect legacy encodings (cp1251, latin-1)."""

from __future__ import annotations

from charset_normalizer import from_bytes

#: Among equally plausible guesses, the encodings news files most often come in.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "cp1250", "iso8859_2")


class LoadError(ValueError):
    """A file that cannot be read as a document; the message names what is wrong."""


def looks_binary(data: bytes) -> bool:
    """A NUL byte anywhere, or many control characters in the first 8 KB, mean this is not
    text (and PostgreSQL could not store a NUL in a document's text anyway)."""
    if b"\x00" in data:
        return True
    head = data[:8192]
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with; UTF-8 first, then the best detected guess."""
    if looks_binary(data):
        raise LoadError("binary file, not text (NUL or control bytes found)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise LoadError("cannot tell the text encoding (not UTF-8 and no confident guess)")
    least = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= least + 0.01]
    best = min(tied, key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else 99)
    return str(best), best.encoding
