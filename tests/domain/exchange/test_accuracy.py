"""Accuracy on generated lists with a fixed seed: can fail if linkage quality regresses."""

from __future__ import annotations

import pytest

from accord.domain.exchange import Thresholds, link, read_rows
from accord.domain.exchange.synthetic import PairedLists, generate


@pytest.fixture(scope="module")
def lists() -> PairedLists:
    return generate(600, seed=11)


def _scores(lists: PairedLists, side: str) -> tuple[float, float]:
    left = read_rows(lists.left, name="left").records
    right = read_rows(getattr(lists, side), name=side).records
    links = link(left, right)
    person = lists.person_of
    correct = [person[("left", x.left_id)] == person[(side, x.right_id)] for x in links]
    truth = lists.truth(side)
    found = {person[("left", x.left_id)] for x, ok in zip(links, correct, strict=True) if ok}
    precision = sum(correct) / len(links)
    recall = len(found & truth) / len(truth)
    accepted = [ok for x, ok in zip(links, correct, strict=True) if x.decision == "accept"]
    return 2 * precision * recall / (precision + recall), sum(accepted) / len(accepted)


def test_cyrillic_lists_link_with_high_f1(lists: PairedLists) -> None:
    f1, accept_precision = _scores(lists, "right")
    assert f1 >= 0.98
    assert accept_precision >= 0.995


def test_latin_mediator_list_links_with_high_f1(lists: PairedLists) -> None:
    f1, accept_precision = _scores(lists, "latin")
    assert f1 >= 0.97
    assert accept_precision >= 0.995


def test_generated_lists_keep_their_truth(lists: PairedLists) -> None:
    assert len(lists.truth("right")) > 400
    assert all(("left", row["№"]) in lists.person_of for row in lists.left)


def test_exclusive_rule_accepts_only_unrivalled_pairs_nothing_speaks_against(
    lists: PairedLists,
) -> None:
    """Pairs accepted below `accept` (by `exclusive`) have no rival, no disagreeing field, and
    are right; turning the rule off sends exactly them back to review."""
    left = read_rows(lists.left, name="left").records
    right = read_rows(lists.latin, name="latin").records
    default = {(x.left_id, x.right_id): x for x in link(left, right)}
    strict = {
        (x.left_id, x.right_id): x for x in link(left, right, thresholds=Thresholds(exclusive=0.99))
    }
    assert default.keys() == strict.keys()
    extra = [
        pair
        for pair, x in default.items()
        if x.decision == "accept" and strict[pair].decision == "review"
    ]
    assert extra, "the generated lists hold pairs between 0.95 and 0.99"
    for pair in extra:
        found = default[pair]
        assert 0.95 <= found.score < 0.99 and found.note == ""
        assert not {f.level for f in found.fields} & {"different", "year"}
        assert lists.person_of[("left", pair[0])] == lists.person_of[("latin", pair[1])]
    assert all(
        x.decision == "review"
        for pair, x in strict.items()
        if pair not in extra and default[pair].decision == "review"
    )
