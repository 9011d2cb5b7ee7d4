"""The demo's framework text: two approved releases, the 314 clause agreed by all."""

from __future__ import annotations

from accord.demo.load import demo_seat, load_demo
from accord.domain.text import State, clause_state
from accord.texts import selectors
from accord.texts.models import Text


def test_demo_text_is_released_by_two_mediators_and_marked(db) -> None:
    process, created = load_demo()
    assert created
    text = Text.objects.get(process=process)
    versions = list(text.versions.order_by("number"))
    assert [v.is_released for v in versions] == [True, True]
    assert all(v.released_by.username == "mediator" for v in versions)
    assert all(v.approved_by.username == "mediator2" for v in versions)
    assert versions[0].open_brackets > versions[1].open_brackets
    ukraine = demo_seat(process, "UA")
    reading = selectors.reading(seat=ukraine, text=text)
    acc = selectors.acceptance(seat=ukraine, text=text)
    state, _ = clause_state(reading.document.clause("1.1"), acc)
    assert state is State.AGREED
    assert clause_state(reading.document.clause("2.1"), acc)[0] is State.OPEN
    assert "Donbas" in reading.version.notation
