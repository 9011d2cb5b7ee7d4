"""`accord backup` and `accord restore` between two installations, as an operator runs them.

The restored installation must hold every record of the original (a full export compared
before and after), the same uploaded files, an intact audit chain and the append-only
triggers. Runs on SQLite, and on PostgreSQL too when the suite does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.durability.install import database_kinds, installation

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("kind", database_kinds())
def test_restore_into_an_empty_installation_reproduces_every_record(
    kind: str, tmp_path: Path
) -> None:
    archive, passphrase = tmp_path / "accord.backup", tmp_path / "passphrase"
    passphrase.write_text("correct horse battery staple\n")
    with installation(kind, tmp_path / "a") as source:
        source.build_table()
        upload = source.data_dir / "files" / "ab" / "abcdef.pdf"
        upload.parent.mkdir(parents=True)
        upload.write_bytes(b"%PDF-1.4 list of 314 names")
        in_flight = source.data_dir / "files" / "staging" / "monitor-uploads" / "f1" / "a.html"
        in_flight.parent.mkdir(parents=True)
        in_flight.write_bytes(b"<p>an article a job has not read yet</p>")
        source.run("backup", str(archive), "--passphrase-file", str(passphrase))
        before = source.inspect()
    assert b"314" not in archive.read_bytes()  # sealed
    with installation(kind, tmp_path / "b") as target:
        refused = target.run("restore", str(archive), check=False)
        assert refused.returncode == 1 and "encrypted" in refused.stderr
        target.run("restore", str(archive), "--passphrase-file", str(passphrase))
        after = target.inspect()
        again = target.run(
            "restore", str(archive), "--passphrase-file", str(passphrase), check=False
        )
        assert again.returncode == 1 and "already holds data" in again.stderr
        doctor = target.run("doctor", check=False)
        restored_upload = (target.data_dir / "files" / "ab" / "abcdef.pdf").read_bytes()
        restored_staging = (target.data_dir / "files" / "staging").exists()
    assert before["audit_entries"] > 10 and len(before["records"]) > 20
    assert after["records"] == before["records"]
    assert after["audit_entries"] == before["audit_entries"] and after["audit_intact"]
    assert after["sealed"], "the append-only triggers must exist again after a restore"
    assert restored_upload == b"%PDF-1.4 list of 314 names"
    assert not restored_staging, "uploads in flight are not records: backups leave them out"
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
