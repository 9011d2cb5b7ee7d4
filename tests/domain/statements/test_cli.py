"""`accord monitor extract`: the JSON-lines contract, and a batch that survives bad files."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from accord.cli import app
from accord.domain.statements import CLI_KEYS

from ._gold import FIXTURES, load_gold

runner = CliRunner()


def _rows(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_extract_prints_the_contract_keys_for_the_seed_article():
    result = runner.invoke(app, ["monitor", "extract", str(FIXTURES / "abu-dhabi.txt")])
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    assert all(tuple(row) == CLI_KEYS for row in rows)
    assert {(r["speaker"], r["start"], r["end"]) for r in rows} == {
        (g["speaker"], g["start"], g["end"]) for g in load_gold("abu-dhabi")
    }
    assert {row["doc"] for row in rows} == {"abu-dhabi"}


def test_bad_file_gets_a_message_and_the_batch_goes_on(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    good = tmp_path / "story.txt"
    good.write_text("Anna Berg said the talks would go on.", encoding="utf-8")
    result = runner.invoke(app, ["monitor", "extract", str(binary), str(good), "--format", "jsonl"])
    assert result.exit_code == 1
    assert f"{binary}: binary file" in result.stderr
    assert [row["speaker"] for row in _rows(result.stdout)] == ["Anna Berg"]


def test_full_adds_date_and_review_flags(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Anna Berg said the talks would go on.", encoding="utf-8")
    result = runner.invoke(app, ["monitor", "extract", "--full", str(story)])
    row = _rows(result.stdout)[0]
    assert row["proposed_person"] is True and "date" in row and row["speaker_type"] == "person"


def test_known_persons_file(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Berg said the talks would go on.", encoding="utf-8")
    known = tmp_path / "known.json"
    known.write_text(json.dumps([{"name": "Anna Berg", "party": "Sweden"}]), encoding="utf-8")
    result = runner.invoke(app, ["monitor", "extract", "--known", str(known), str(story)])
    assert _rows(result.stdout)[0]["party"] == "Sweden"


def test_unknown_format_is_refused(tmp_path):
    result = runner.invoke(app, ["monitor", "extract", "--format", "xml", "x.txt"])
    assert result.exit_code != 0
