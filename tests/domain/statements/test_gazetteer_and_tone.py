"""The shipped gazetteer and the tone lexicon, on the cases the docs promise."""

from __future__ import annotations

import pytest

from accord.domain.statements import agreement_claim, default_gazetteer, tone_of


@pytest.mark.parametrize(
    ("phrase", "party"),
    [
        ("the Kremlin", "Russia"),
        ("Ukraine's foreign ministry", "Ukraine"),
        ("US Secretary of State", "United States"),
        ("Presidential Special Envoy", "United States"),
        ("Russian President Vladimir Putin's envoy", "Russia"),
        ("Ukraine's envoy to Russia", "Ukraine"),
        ("the UAE's foreign ministry", "United Arab Emirates"),
        ("a taxi driver", None),
    ],
)
def test_party_is_the_earliest_named(phrase, party):
    assert default_gazetteer().party_of(phrase) == party


def test_lowercase_us_is_not_the_united_states():
    assert default_gazetteer().party_of("they told us nothing") is None


@pytest.mark.parametrize(
    ("quote", "tone"),
    [
        ("There is positive movement forward", "positive"),
        ("the talks were not productive", "negative"),
        ("Russia had exploited a truce to stockpile munitions", "negative"),
        ("the delegations will meet on Friday", "neutral"),
    ],
)
def test_tone_lexicon(quote, tone):
    assert tone_of(quote) == tone


@pytest.mark.parametrize(
    ("quote", "claim"),
    [
        ("Russia and Ukraine have agreed to exchange 314 prisoners", "agreed"),
        ("the sides reached a deal on the energy truce", "agreed"),
        ("the parties have not agreed on the map", "not agreed"),
        ("there is no agreement on territory yet", "not agreed"),
        ("Kyiv rejected the demand", "not agreed"),
        ("the talks were productive", None),
    ],
)
def test_agreement_claims(quote, claim):
    assert agreement_claim(quote) == claim
