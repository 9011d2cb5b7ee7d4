"""`accord text ...` and `accord trace` through the real CLI app (no Django, no database)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "text"
V1, V2 = FIXTURES / "framework-v1.txt", FIXTURES / "framework-v2.txt"
ACC = FIXTURES / "framework-acc.json"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_render_prints_normalised_text_and_is_stable(tmp_path: Path) -> None:
    messy = tmp_path / "messy.txt"
    messy.write_text("Article 1  A\n1.1   x [ a {RU}|b ]\n", encoding="utf-8")
    first = run("text", "render", messy)
    assert first.exit_code == 0, first.output
    assert first.output == "Article 1 A\n1.1 x [a {RU} | b]\n"
    again = tmp_path / "again.txt"
    again.write_text(first.output, encoding="utf-8")
    assert run("text", "render", again).output == first.output


def test_status_json_reports_options_proposers_marks_and_agreement() -> None:
    result = run("text", "status", V1, "--acceptance", ACC, "--json")
    assert result.exit_code == 0, result.output
    status = json.loads(result.output)
    assert status["agreed"] is False and status["parties"] == ["RU", "UA", "US"]
    clauses = {c["number"]: c for c in status["clauses"]}
    assert clauses["1.2"]["agreed"] is True
    territory = clauses["2.1"]
    assert territory["agreed"] is False
    options = territory["brackets"][0]["alternatives"]
    assert [(o["text"], o["proposers"]) for o in options] == [
        ("withdraw forces from Donbas", ["RU"]),
        ("freeze hostilities along the current line of contact", ["UA"]),
    ]
    assert options[0]["marks"] == {"RU": "accept", "UA": "reject", "US": "reserve"}
    assert clauses["1.1"]["reading"] == {"1": 1}


def test_status_without_acceptance_lists_proposers_as_parties() -> None:
    status = json.loads(run("text", "status", V1, "--json").output)
    assert status["parties"] == ["UA", "RU", "US"]
    assert {c["state"] for c in status["clauses"]} == {"open"}


def test_status_refuses_a_proposer_outside_the_acceptance_parties(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("1.1 [a {XX} | b]\n", encoding="utf-8")
    acc = tmp_path / "acc.json"
    acc.write_text('{"parties": ["RU", "UA"], "marks": []}', encoding="utf-8")
    result = run("text", "status", text, "--acceptance", acc, "--json")
    assert result.exit_code == 1
    assert f"{text}:1:8: unknown proposer 'XX'" in result.output


def test_diff_shows_added_and_changed_clauses() -> None:
    result = run("text", "diff", V1, V2)
    assert result.exit_code == 0, result.output
    assert "+ 1.3 {+The International Committee" in result.output
    assert "~ 4.1 A working group on economic relations shall meet [-[-]monthly" in result.output
    changes = json.loads(run("text", "diff", V1, V2, "--json").output)
    assert {c["change"] for c in changes} == {"unchanged", "changed", "added"}


def test_export_and_trace_name_the_recipient(tmp_path: Path) -> None:
    outputs = {kind: tmp_path / f"copy.{kind}" for kind in ("docx", "pdf", "txt")}
    result = run(
        "text",
        "export",
        V1,
        "--docx",
        outputs["docx"],
        "--pdf",
        outputs["pdf"],
        "--txt",
        outputs["txt"],
        "--recipient",
        "Ukrainian delegation",
        "--acceptance",
        ACC,
        "--key",
        "k1",
    )
    assert result.exit_code == 0, result.output
    for path in outputs.values():
        traced = run("trace", path, "--key", "k1")
        assert traced.exit_code == 0, traced.output
        assert traced.output.strip() == "Ukrainian delegation"
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(outputs["txt"].read_text(encoding="utf-8").split("\n")[5], encoding="utf-8")
    assert run("trace", pasted, "--key", "k1").output.strip() == "Ukrainian delegation"
    wrong = run("trace", outputs["txt"], "--key", "other")
    assert wrong.exit_code == 1 and "did not verify" in wrong.output


def test_trace_of_an_unmarked_file_says_so() -> None:
    result = run("trace", V1)
    assert result.exit_code == 1 and "no watermark found" in result.output


def test_import_prints_the_notation_of_an_exported_docx(tmp_path: Path) -> None:
    docx = tmp_path / "draft.docx"
    assert run("text", "export", V1, "--docx", docx).exit_code == 0
    result = run("text", "import", docx)
    assert result.exit_code == 0, result.output
    assert result.output == run("text", "render", V1).output


def test_import_refuses_a_file_that_is_not_a_docx() -> None:
    result = run("text", "import", V1)
    assert result.exit_code == 1 and "not a DOCX" in result.output


def test_bad_notation_exits_with_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1.1 fine\n1.2 [a | ]\n", encoding="utf-8")
    result = run("text", "render", bad)
    assert result.exit_code == 1
    assert f"{bad}:2:9: empty alternative" in result.output


def test_non_utf8_input_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("1.1 ok\n1.2 caf\xe9\n".encode("latin-1"))
    result = run("text", "render", bad)
    assert result.exit_code == 1 and f"{bad}:2:8: not UTF-8" in result.output


def test_oversize_input_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("1.1 " + "word " * (1_100_000) + "\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run("text", "export", big, "--docx", out)
    assert result.exit_code == 1 and "at most 5 MB" in result.output
    assert not out.exists()


def test_export_needs_an_output() -> None:
    result = run("text", "export", V1)
    assert result.exit_code != 0 and "--docx" in result.output


def test_docs_cover_every_text_command() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "text.md").read_text(encoding="utf-8")
    for command in ("render", "status", "diff", "export", "import"):
        assert f"accord text {command}" in docs
    assert "accord trace" in docs
    help_text = run("text", "--help").output
    for command in ("render", "status", "diff", "export", "import"):
        assert command in help_text
