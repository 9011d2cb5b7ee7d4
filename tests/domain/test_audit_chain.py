"""The hash chain detects edits, deletions and reordering, and names where."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from accord.domain.audit import GENESIS, ChainLink, digest, link_hash, verify_chain


def build_chain(actions: list[str]) -> list[tuple[ChainLink, str]]:
    chain, prev = [], GENESIS
    for seq, action in enumerate(actions, start=1):
        link = ChainLink(
            seq,
            "alice",
            action,
            "talks.Position",
            str(seq),
            digest({"a": action}),
            f"2026-02-05T10:00:{seq:02d}",
            prev,
        )
        prev = link_hash(link)
        chain.append((link, prev))
    return chain


actions = st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=20)


@given(actions)
def test_an_untouched_chain_verifies(names: list[str]) -> None:
    assert verify_chain(build_chain(names)) is None


@given(actions, st.data())
def test_an_edited_entry_is_named(names: list[str], data: st.DataObject) -> None:
    chain = build_chain(names)
    index = data.draw(st.integers(0, len(chain) - 1))
    link, stored = chain[index]
    chain[index] = (replace(link, actor="mallory"), stored)
    broken = verify_chain(chain)
    assert broken is not None and broken.seq == index + 1


@given(actions, st.data())
def test_a_deleted_entry_is_named(names: list[str], data: st.DataObject) -> None:
    chain = build_chain(names)
    index = data.draw(st.integers(0, len(chain) - 2))
    del chain[index]
    broken = verify_chain(chain)
    assert broken is not None and broken.seq == index + 2


def test_reordered_entries_break_the_chain() -> None:
    chain = build_chain(["a", "b", "c"])
    chain[1], chain[2] = chain[2], chain[1]
    broken = verify_chain(chain)
    assert broken is not None and broken.seq == 3


def test_digest_is_stable_under_key_order() -> None:
    assert digest({"a": 1, "b": "Київ"}) == digest({"b": "Київ", "a": 1})
