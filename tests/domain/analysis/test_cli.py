"""The `accord analyse` command contract: table, --json keys and shapes, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app
from tests.domain.analysis._oracle import genius_root

runner = CliRunner()
ITEX = "anac/y2010/ItexvsCypress"


def test_json_contract() -> None:
    result = runner.invoke(app, ["analyse", str(genius_root() / ITEX), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {
        "parties",
        "n_outcomes",
        "frontier",
        "nash",
        "kalai",
        "egalitarian",
        "utilitarian",
        "seconds",
    } <= set(data)
    assert data["parties"] == ["ItexvsCypress_Cypress.xml", "ItexvsCypress_Itex.xml"]
    assert data["n_outcomes"] == 180
    assert data["frontier"]
    for package in [*data["frontier"], data["nash"], data["kalai"]]:
        assert set(package) == {"outcome", "utilities"}
        assert set(package["outcome"]) == {"Price", "Delivery", "Payment", "Returns"}
        assert len(package["utilities"]) == 2
    assert data["nash"] in data["frontier"]
    assert 0 <= data["seconds"] < 60


def test_domain_file_path_and_table() -> None:
    domain = genius_root() / ITEX / "ItexvsCypress_domain.xml"
    result = runner.invoke(app, ["analyse", str(domain)])
    assert result.exit_code == 0, result.output
    assert "frontier:  18 packages (exact)" in result.stdout
    for point in ("nash", "kalai", "egalitarian", "utilitarian"):
        assert point in result.stdout


def test_bad_input_exits_with_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "domain.xml").write_text("<negotiation_template><utility_space>")
    result = runner.invoke(app, ["analyse", str(tmp_path)])
    assert result.exit_code == 2
    assert "domain.xml: line 1" in result.output
    assert "malformed XML" in result.output
