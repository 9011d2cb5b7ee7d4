"""Decoding CSV bytes whose encoding nobody declared (UTF-8 with or without BOM, cp1251, ...)."""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter

from charset_normalizer import from_bytes

from accord.domain.exchange._errors import ExchangeInputError

_DELIMITERS = (",", ";", "\t", "|")
_SNIFF_LINES = 50
_CYRILLIC_CANDIDATES = ("cp1251", "koi8_u", "koi8_r", "cp866", "mac_cyrillic")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """The text of `data` and the encoding it was read with.

    UTF-8 (with or without BOM) and UTF-16 with BOM are tried first; then the Cyrillic single-byte
    encodings, the one yielding the most word-like Cyrillic (lower case letters inside words)
    winning; charset-normalizer decides anything else.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    scored = [
        (_cyrillic_score(data.decode(enc, errors="replace")), enc) for enc in _CYRILLIC_CANDIDATES
    ]
    score, encoding = max(scored)
    if score > 0:
        return data.decode(encoding, errors="replace"), encoding
    best = from_bytes(data).best()
    if best is None:
        raise ExchangeInputError(f"{name}: cannot tell the text encoding of this file")
    return str(best), best.encoding


def _cyrillic_score(text: str) -> int:
    """Lower-case Cyrillic letters after a letter count for; capitals after lower case against."""
    score = 0
    for previous, char in itertools.pairwise(text):
        if not ("\u0400" <= char <= "\u04ff") or not previous.isalpha():
            continue
        score += 1 if char.islower() else -1 if previous.islower() else 0
    return score


def read_csv_rows(text: str) -> list[list[object]]:
    """Rows of a CSV text, the delimiter (comma, semicolon, tab or bar) guessed from its lines."""
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text))]


def _delimiter(text: str) -> str:
    """The candidate occurring the same non-zero number of times on most of the first lines.

    Title lines above the header (no delimiter at all) do not mislead it, unlike csv.Sniffer.
    """
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    best, best_score = ",", 0
    for candidate in _DELIMITERS:
        counts = Counter(line.count(candidate) for line in lines)
        counts.pop(0, None)
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = candidate, score
    return best
