from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app

from ._data import conversation_dir


def test_json_contract_in_red_dwarf_mode() -> None:
    folder = conversation_dir("brexit-consensus")
    out = CliRunner().invoke(
        app, ["consult", "analyse", str(folder), "--json", "--compat", "red-dwarf"]
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert set(data) == {"n_participants", "n_statements", "k", "groups", "consensus", "seconds"}
    assert data["k"] == len(data["groups"]) == 3
    assert all(set(g) == {"id", "members", "repness"} for g in data["groups"])
    assert data["n_participants"] == 204


def test_text_output_lists_groups_and_consensus() -> None:
    out = CliRunner().invoke(
        app, ["consult", "analyse", str(conversation_dir("15-per-hour-seattle"))]
    )
    assert out.exit_code == 0, out.output
    assert "Group 0:" in out.stdout and "Consensus:" in out.stdout


def test_bad_input_exits_with_message(tmp_path: Path) -> None:
    (tmp_path / "comments.csv").write_text("comment-id,moderated\n0,1\n")
    (tmp_path / "votes.csv").write_text("timestamp,datetime,comment-id,voter-id,vote\n1,,0,1,7\n")
    out = CliRunner().invoke(app, ["consult", "analyse", str(tmp_path)])
    assert out.exit_code == 2
    assert "votes.csv row 2: vote 7 is not -1, 0 or 1" in out.stderr
