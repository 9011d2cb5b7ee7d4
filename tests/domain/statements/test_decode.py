"""Bytes that are not text are refused before they become a document."""

from __future__ import annotations

import pytest

from accord.domain.statements._decode import LoadError, decode


def test_a_nul_far_into_a_text_file_is_refused() -> None:
    data = ("Anna Berg said the talks would go on. " * 400).encode() + b"\x00tail"
    assert len(data) > 8192
    with pytest.raises(LoadError, match="binary file"):
        decode(data)


def test_plain_text_is_read_as_utf8() -> None:
    assert decode("Anna Berg said «yes».".encode()) == ("Anna Berg said «yes».", "utf-8")
