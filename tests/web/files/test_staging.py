"""Uploads in flight: the folders jobs leave behind when a server stops are swept at start."""

from __future__ import annotations

import os
import time
from pathlib import Path

from accord.files.staging import staging_dir, staging_root, staging_sweep


def aged(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_only_folders_older_than_the_threshold_are_swept(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "files"
    monitor, polis = staging_dir("monitor-uploads"), staging_dir("consultation-imports")
    left_behind = monitor / "abc"
    left_behind.mkdir()
    (left_behind / "article.html").write_text("<p>never read</p>")
    aged(left_behind, 7200)
    stray_file = polis / "stray.csv"
    stray_file.write_text("comment-id\n")
    aged(stray_file, 7200)
    in_progress = polis / "polis-123"
    in_progress.mkdir()
    (in_progress / "comments.csv").write_text("comment-id\n")

    assert staging_sweep(older_than_seconds=3600) == 2
    assert not left_behind.exists() and not stray_file.exists()
    assert (in_progress / "comments.csv").exists(), "a folder a command is using is kept"
    assert staging_root() == tmp_path / "files" / "staging"


def test_sweeping_nothing_is_fine(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "no-such-files"
    assert staging_sweep() == 0
