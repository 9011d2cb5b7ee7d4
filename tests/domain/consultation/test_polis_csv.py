from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.domain.consultation import ConsultationDataError, Votes, read_polis, write_polis

from ._data import CONVERSATIONS, conversation_dir

COMMENTS = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"


def _folder(
    tmp_path: Path,
    votes: str | None,
    comments: str = "1,,0,9,0,0,1,a\n2,,1,9,0,0,-1,b\n",
    wide: str | None = None,
) -> Path:
    (tmp_path / "comments.csv").write_text(COMMENTS + comments)
    if votes is not None:
        (tmp_path / "votes.csv").write_text("timestamp,datetime,comment-id,voter-id,vote\n" + votes)
    if wide is not None:
        (tmp_path / "participants-votes.csv").write_text(wide)
    return tmp_path


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_real_votes_keep_one_latest_vote_per_pair(name: str) -> None:
    folder = conversation_dir(name)
    conversation = read_polis(folder)
    votes = conversation.votes
    pairs = votes.participant * 1_000_000 + votes.statement
    assert np.unique(pairs).size == len(votes)
    raw = np.loadtxt(
        folder / "votes.csv", delimiter=",", skiprows=1, usecols=(0, 2, 3, 4), dtype=np.int64
    )
    i = int(np.argmax(np.bincount(raw[:, 2] * 1000 + raw[:, 1])))  # the most repeated pair
    p, s = divmod(i, 1000)
    rows = raw[(raw[:, 2] == p) & (raw[:, 1] == s)]
    latest = rows[np.argmax(rows[:, 0])]
    j = np.flatnonzero((votes.participant == p) & (votes.statement == s))
    assert j.size == 1 and votes.value[j[0]] == latest[3]


def test_moderated_out_are_comments_marked_minus_one() -> None:
    conversation = read_polis(conversation_dir("15-per-hour-seattle"))
    assert len(conversation.moderated_out) == 23
    assert all(
        s.moderated == -1 for s in conversation.statements if s.id in conversation.moderated_out
    )


def test_duplicate_votes_last_one_wins_counted_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "5,,0,7,1\n9,,0,7,-1\n9,,0,7,0\n1,,1,7,1\n")
    votes = read_polis(folder).votes
    assert votes.participant.tolist() == [7, 7]
    assert votes.statement.tolist() == [0, 1]
    assert votes.value.tolist() == [0, 1]  # same timestamp 9: the later row wins


def test_unknown_statement_names_file_and_row(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "1,,0,7,1\n2,,42,7,1\n")
    with pytest.raises(
        ConsultationDataError, match=r"votes\.csv row 3: vote for unknown statement 42"
    ):
        read_polis(folder)


@pytest.mark.parametrize("bad", ["2", "-2", "0.5", "yes", ""])
def test_vote_values_other_than_minus_one_zero_one_are_rejected(tmp_path: Path, bad: str) -> None:
    folder = _folder(tmp_path, f"1,,0,7,1\n2,,1,7,{bad}\n")
    with pytest.raises(ConsultationDataError, match=r"votes\.csv row 3"):
        read_polis(folder)


def test_empty_conversation_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConsultationDataError, match="has no votes"):
        read_polis(_folder(tmp_path, ""))


def test_missing_votes_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConsultationDataError, match=r"neither votes\.csv nor participants-votes"):
        read_polis(_folder(tmp_path, None))


def test_wide_file_is_used_when_votes_csv_is_absent(tmp_path: Path) -> None:
    wide = (
        "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n"
        "3,0,0,2,1,1,1,-1\n4,,0,1,0,0,,0\n"
    )
    votes = read_polis(_folder(tmp_path, None, wide=wide)).votes
    assert list(zip(votes.participant, votes.statement, votes.value, strict=True)) == [
        (3, 0, 1),
        (3, 1, -1),
        (4, 1, 0),
    ]


def test_wide_file_bad_vote_names_row_and_column(tmp_path: Path) -> None:
    wide = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n3,0,0,2,1,1,1,5\n"
    with pytest.raises(ConsultationDataError, match=r"participants-votes\.csv row 2, column 1"):
        read_polis(_folder(tmp_path, None, wide=wide))


def test_wide_file_unknown_statement_column(tmp_path: Path) -> None:
    wide = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,77\n3,0,0,1,1,0,1,\n"
    with pytest.raises(ConsultationDataError, match=r"unknown statement\(s\) \[77\]"):
        read_polis(_folder(tmp_path, None, wide=wide))


def test_duplicate_comment_id_and_bad_moderation(tmp_path: Path) -> None:
    with pytest.raises(ConsultationDataError, match=r"comments\.csv row 3: duplicate comment-id 0"):
        read_polis(_folder(tmp_path, "1,,0,7,1\n", comments="1,,0,9,0,0,1,a\n2,,0,9,0,0,1,b\n"))
    with pytest.raises(ConsultationDataError, match=r"column moderated: 3"):
        read_polis(_folder(tmp_path, "1,,0,7,1\n", comments="1,,0,9,0,0,3,a\n"))


def test_burst_of_votes_is_reported(tmp_path: Path) -> None:
    rows = "".join(f"{1000 + i},,{i % 2},7,1\n" for i in range(200))
    conversation = read_polis(_folder(tmp_path, rows))
    assert any("participant 7 cast 200 votes within one minute" in w for w in conversation.warnings)
    assert len(conversation.votes) == 2


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_export_then_import_round_trips(tmp_path: Path, name: str) -> None:
    conversation = read_polis(conversation_dir(name))
    write_polis(tmp_path / "full", conversation)
    again = read_polis(tmp_path / "full")
    assert again.statements == conversation.statements
    for field in ("participant", "statement", "value", "timestamp"):
        assert np.array_equal(getattr(again.votes, field), getattr(conversation.votes, field))
    (tmp_path / "full" / "votes.csv").unlink()
    wide = read_polis(tmp_path / "full").votes
    for field in ("participant", "statement", "value"):
        assert np.array_equal(getattr(wide, field), getattr(conversation.votes, field))


def test_votes_from_records_validates_like_files() -> None:
    with pytest.raises(ConsultationDataError, match="row 2: vote 3"):
        Votes.from_records([(1, 1, 1), (1, 2, 3)])
    votes = Votes.from_records([(2, 1, 1), (1, 1, -1), (2, 1, 0)])
    assert votes.participant.tolist() == [1, 2] and votes.value.tolist() == [-1, 0]


def test_a_nul_character_is_refused_naming_the_file_and_row(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "5,,0,7,1\n", comments="1,,0,9,0,0,1,a\x00b\n")
    with pytest.raises(ConsultationDataError, match=r"comments\.csv row 2: holds a NUL"):
        read_polis(folder)
