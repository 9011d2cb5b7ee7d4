"""`accord monitor watch DIR --process ID --once`: the folder watch."""

from __future__ import annotations

from typer.testing import CliRunner

from accord.cli import app
from accord.monitor.models import SourceDocument
from tests.table import Table
from tests.web.monitor.helpers import ARTICLE


def test_watch_once_ingests_new_files_and_reports_bad_ones(table: Table, tmp_path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "broken.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / ".hidden.txt").write_text("Rustem Umerov said nothing.", encoding="utf-8")
    args = ["monitor", "watch", str(tmp_path), "--process", str(table.process.pk), "--once"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "article.txt: 1 document(s), 3 statement(s) added" in result.output
    assert "broken.bin: binary file" in result.output
    assert SourceDocument.objects.count() == 1
    (tmp_path / "broken.bin").unlink()
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0
    assert "already ingested" in again.output
    assert SourceDocument.objects.count() == 1


def test_watch_needs_an_existing_process(db, tmp_path) -> None:
    result = CliRunner().invoke(app, ["monitor", "watch", str(tmp_path), "--process", "999"])
    assert result.exit_code != 0
