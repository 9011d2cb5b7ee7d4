"""Shapes the sixth round fixed, each on made-up text: the speaker misses held-out G showed
(tuned on after its one clean run, 0.790 / 0.941), with the near variants that must stay as
they were."""

from __future__ import annotations

from accord.domain.statements import extract


def _speakers(text: str) -> list[str]:
    return [s.speaker for s in extract(text, doc_id="t")]


def test_a_misspelt_surname_after_a_courtesy_title_is_the_full_name_it_nearly_spells():
    text = (
        "Prime Minister Anna Kowalczyk said the plan works.\n\n"
        "Mr. Kowalcyk said the talks will resume."
    )
    assert _speakers(text) == ["Anna Kowalczyk", "Anna Kowalczyk"]


def test_a_real_title_before_a_near_spelling_keeps_the_name_as_written():
    text = (
        "Prime Minister Anna Kowalczyk said the plan works.\n\n"
        "Senator Kowalcyk said the talks will resume."
    )
    assert _speakers(text)[1] != "Anna Kowalczyk"
