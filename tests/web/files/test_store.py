"""The content-addressed store: same bytes once, streamed and size-limited, safe names only."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.files import storage
from accord.files.models import Blob
from accord.files.names import MAX_NAME, safe_filename
from accord.files.services import blob_open, blob_read, blob_store, clean_content_type

pytestmark = pytest.mark.django_db


def test_the_same_bytes_are_stored_once_at_their_hash(data_dir: Path) -> None:
    body = b"%PDF-1.4 statement of the Air Force"
    first = blob_store(SimpleUploadedFile("a.pdf", body, content_type="application/pdf"))
    second = blob_store(body)
    sha = hashlib.sha256(body).hexdigest()
    assert first.pk == second.pk and first.sha256 == sha and first.size == len(body)
    assert first.content_type == "application/pdf"
    path = data_dir / "blobs" / sha[:2] / sha[2:4] / sha
    assert path.read_bytes() == body
    assert Blob.objects.count() == 1
    assert [p for p in (data_dir / "blobs").rglob("*") if p.is_file()] == [path]


def test_chunks_are_hashed_while_written_and_the_limit_stores_nothing(data_dir: Path) -> None:
    chunks = [b"x" * 1000 for _ in range(5)]
    blob = blob_store(iter(chunks), max_bytes=5000)
    assert blob.sha256 == hashlib.sha256(b"".join(chunks)).hexdigest()
    with pytest.raises(ValidationError, match="5,000 bytes"):
        blob_store(iter([*chunks, b"y"]), max_bytes=5000)
    assert Blob.objects.count() == 1
    assert not list((data_dir / "blobs" / "tmp").iterdir())  # no half-written upload left


def test_the_settings_limit_applies_by_default(settings) -> None:
    settings.ACCORD_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError, match="10 bytes"):
        blob_store(b"01234567890")
    assert blob_store(b"0123456789").size == 10


def test_reads_check_the_hash_and_storing_again_heals_an_altered_file() -> None:
    blob = blob_store(b"original evidence")
    with blob_open(blob) as handle:
        assert handle.read() == b"original evidence"
    path = storage.blob_path(blob.sha256)
    path.chmod(0o600)
    path.write_bytes(b"0riginal evidence")  # same size, one byte changed
    with pytest.raises(storage.BlobIntegrityError, match="altered"):
        blob_open(blob)
    with pytest.raises(storage.BlobIntegrityError, match="altered"):
        blob_read(blob)
    assert blob_store(b"original evidence").pk == blob.pk
    assert blob_read(blob) == b"original evidence"
    path.unlink()
    with pytest.raises(storage.BlobIntegrityError, match="missing"):
        blob_open(blob)
    with pytest.raises(storage.BlobIntegrityError, match="missing"):
        blob_read(blob)


@pytest.mark.parametrize(
    "bad", ["../../etc/passwd", "ab/cd", "A" * 64, "", "0" * 63, "0" * 64 + "/..", "../" + "0" * 64]
)
def test_only_a_sha256_becomes_a_path(bad: str) -> None:
    with pytest.raises(ValueError, match="not a SHA-256"):
        storage.blob_path(bad)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system.ini", "system.ini"),
        ("/abs/path/report.pdf", "report.pdf"),
        ("..", "file"),
        ("", "file"),
        ("   ", "file"),
        (".bashrc", "bashrc"),
        ("a\x00b\nc.txt", "a_b_c.txt"),
        ('x"; filename="evil.html', "x_; filename=_evil.html"),
        ("photo <script>.png", "photo _script_.png"),
        ("Фото удара.jpg", "Фото удара.jpg"),
    ],
)
def test_file_names_lose_paths_and_control_characters(given: str, kept: str) -> None:
    assert safe_filename(given) == kept


def test_long_names_keep_their_extension() -> None:
    name = safe_filename("n" * 400 + ".docx")
    assert len(name) == MAX_NAME and name.endswith(".docx")


def test_declared_content_types_are_kept_only_when_well_formed() -> None:
    assert clean_content_type("text/plain; charset=utf-8") == "text/plain"
    assert clean_content_type("text/html\r\nX-Evil: 1") == ""
    assert clean_content_type("nonsense") == ""
