"""Watermarks: a recipient's copy names them, in DOCX, PDF and text pasted out of either."""

from __future__ import annotations

import io

import pytest
from docx import Document as open_docx
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.domain.text import parse, render
from accord.domain.text.docx_export import docx_bytes
from accord.domain.text.pdf_export import pdf_bytes
from accord.domain.text.trace import trace_bytes
from accord.domain.text.watermark import (
    find_marks,
    mark_for,
    payload_for,
    read_payload,
    strip_marks,
    watermark_lines,
)

TEXT = parse(
    "Article 1 Prisoners\n"
    "1.1 The Parties shall exchange 314 prisoners of war.\n"
    "Article 3 Territory\n"
    "3.1 The Parties shall [withdraw forces from Donbas {RU} | freeze hostilities along the "
    "current line of contact {UA}] within [30 | 60] days.\n"
    "3.2 Сторони утримуються від ударів по енергетичній інфраструктурі.\n"
)
KEY = "test-key"


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda s: 0 < len(s.strip().encode()) <= 120))
def test_any_recipient_name_survives_its_mark(name: str) -> None:
    found = find_marks("before " + mark_for(name, KEY) + " after", KEY)
    assert [(f.recipient, f.verified) for f in found] == [(name.strip(), True)]


def test_the_mark_is_invisible_and_changes_nothing_when_stripped() -> None:
    copy = watermark_lines(render(TEXT), "UA delegation", KEY)
    assert strip_marks(copy) == render(TEXT)
    assert parse(strip_marks(copy)) == TEXT
    assert all(
        not ch.isprintable() or ch.isspace() or ch.isalnum() or ch in "[]|{}.,:-"
        for ch in set(copy) - set(render(TEXT))
    )


def test_a_wrong_key_neither_reads_nor_verifies_the_mark() -> None:
    payload = payload_for("RU delegation", KEY)
    assert b"RU delegation" not in payload
    assert read_payload(payload, "other-key").recipient is None
    assert not read_payload(payload, "other-key").verified


def test_a_forged_or_damaged_mark_does_not_verify() -> None:
    payload = bytearray(payload_for("RU delegation", KEY))
    payload[3] ^= 0x01
    assert not read_payload(bytes(payload), KEY).verified


def test_a_pasted_part_of_the_plain_text_copy_traces_back() -> None:
    copy = watermark_lines(render(TEXT), "UA delegation", KEY)
    one_clause = next(line for line in copy.split("\n") if line.startswith("3.1"))
    assert trace_bytes(one_clause.encode(), KEY).recipients == ("UA delegation",)


def test_a_cut_off_mark_is_ignored_not_misread() -> None:
    copy = watermark_lines("1.1 Exchange all for all.", "UA delegation", KEY)
    assert trace_bytes(copy[:20].encode(), KEY).recipients == ()


def _visible_text(data: bytes) -> str:
    """What a reader copies out of Word: every visible paragraph's text."""
    document = open_docx(io.BytesIO(data))
    return "\n".join(
        "".join(run.text for run in p.runs if not run.font.hidden) for p in document.paragraphs
    )


def test_a_docx_copy_traces_back_and_so_does_text_pasted_from_it() -> None:
    copies = {name: docx_bytes(TEXT, recipient=name, key=KEY) for name in ("RU", "UA", "US")}
    for name, data in copies.items():
        assert trace_bytes(data, KEY).recipients == (name,)
        pasted = _visible_text(data)
        assert "\u200b" in pasted or "\u200c" in pasted
        assert trace_bytes(pasted.encode("utf-8"), KEY).recipients == (name,)
        # One clause pasted on its own is enough.
        clause = next(line for line in pasted.split("\n") if line.startswith("3.2"))
        assert trace_bytes(clause.encode("utf-16"), KEY).recipients == (name,)


def test_a_docx_copy_carries_the_mark_in_its_properties_and_a_hidden_run() -> None:
    from accord.domain.text._docx_parts import custom_properties

    data = docx_bytes(TEXT, recipient="UA", key=KEY)
    document = open_docx(io.BytesIO(data))
    hexed = custom_properties(document)["AccordCopy"]
    assert read_payload(bytes.fromhex(hexed), KEY).recipient == "UA"
    hidden = [r.text for p in document.paragraphs for r in p.runs if r.font.hidden]
    assert [f.recipient for f in find_marks("".join(hidden), KEY)] == ["UA"]


def test_an_unmarked_copy_names_nobody() -> None:
    assert trace_bytes(docx_bytes(TEXT), KEY).recipients == ()
    assert trace_bytes(render(TEXT).encode(), KEY).recipients == ()


def test_a_pdf_copy_traces_back() -> None:
    data = pdf_bytes(TEXT, recipient="US", key=KEY)
    assert data.startswith(b"%PDF")
    assert trace_bytes(data, KEY).recipients == ("US",)


@pytest.mark.parametrize("bad", ["", "   ", "x" * 121])
def test_recipient_names_must_fit(bad: str) -> None:
    with pytest.raises(ValueError, match="recipient name"):
        mark_for(bad)
