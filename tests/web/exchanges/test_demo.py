"""The demo's illustrative lists: deterministic, 40 rows each, a few pairs left in review."""

from __future__ import annotations

from accord.demo.load import demo_seat, load_demo
from accord.exchanges import selectors
from accord.exchanges.demo import demo_lists
from accord.exchanges.models import Exchange


def test_demo_lists_are_deterministic() -> None:
    assert demo_lists() == demo_lists()
    ua, ru = demo_lists()
    assert len(ua.decode().splitlines()) == 41 and len(ru.decode().splitlines()) == 41


def test_demo_loads_a_reconciled_exchange(db) -> None:
    process, _ = load_demo()
    exchange = Exchange.objects.get(process=process)
    assert exchange.agreed_number == 314 and exchange.illustrative
    summary = selectors.summary(seat=demo_seat(process, None), exchange=exchange)
    assert summary.reconciled >= 30 and 1 <= summary.in_review <= 5
