"""User-facing file names: kept on the referencing row and shown, never used as a path."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 150
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\"<>:|?*\\/]+")


def safe_filename(name: str, *, fallback: str = "file") -> str:
    """The last path component of `name`, without control characters, path separators,
    leading dots or spaces, at most MAX_NAME characters with its extension kept."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = re.split(r"[\\/]", text)[-1]
    text = _UNSAFE.sub("_", text).strip(" ._")
    if not text or set(text) <= {"."}:
        return fallback
    if len(text) > MAX_NAME:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 16:
            text = f"{stem[: MAX_NAME - len(ext) - 1]}.{ext}"
        else:
            text = text[:MAX_NAME]
    return text
