"""GENIUS import: the semantics followed, and a clear error for every bad input handled."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.domain.analysis import ScenarioError, export_genius, load_genius
from tests.domain.analysis._oracle import genius_root

DOMAIN = """<negotiation_template><utility_space number_of_issues="2">
<objective index="0" name="root" type="objective" etype="objective">
<issue index="1" name="Territory" type="discrete" etype="discrete" vtype="discrete">
<item index="1" value="freeze"/><item index="2" value="withdraw"/></issue>
<issue index="2" name="Guarantees" lowerbound="1" upperbound="3" type="integer" etype="integer"
 vtype="integer"/>
</objective></utility_space></negotiation_template>"""

PROFILE = """<utility_space><objective index="0" name="root" type="objective" etype="objective">
<issue index="1" name="Territory" type="discrete" etype="discrete" vtype="discrete">
<item index="1" value="freeze" evaluation="{freeze}"/>
<item index="2" value="withdraw" evaluation="4"/></issue>
<issue index="2" name="Guarantees" lowerbound="1" upperbound="3" type="integer" etype="integer"
 vtype="integer"><evaluator ftype="linear" slope="0.6" offset="0.2"/></issue>
<weight index="1" value="{w1}"/><weight index="2" value="0.4"/>
</objective><reservation value="0.25"/><discount_factor value="0.9"/></utility_space>"""


def write_scenario(folder: Path, freeze: str = "2", w1: str = "0.6", **extra: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "domain.xml").write_text(DOMAIN)
    (folder / "a.xml").write_text(PROFILE.format(freeze=freeze, w1=w1))
    (folder / "b.xml").write_text(PROFILE.format(freeze="8", w1="0.5").replace('"0.4"', '"0.5"'))
    for name, text in extra.items():
        (folder / name).write_text(text)
    return folder


def test_semantics_normalisation_integer_issues_reservation_and_discount(tmp_path: Path) -> None:
    scenario = load_genius(write_scenario(tmp_path / "s"))
    assert scenario.party_names == ("a.xml", "b.xml")
    assert scenario.issues[1].options == ("1", "2", "3")
    a = scenario.parties[0]
    assert a.scores["Territory"] == {"freeze": 0.5, "withdraw": 1.0}  # evaluation / max
    assert a.scores["Guarantees"] == pytest.approx({"1": 0.2, "2": 0.8, "3": 1.0})  # clamped
    assert a.reservation == 0.25 and a.discount == 0.9
    assert scenario.parties[1].scores["Territory"] == {"freeze": 1.0, "withdraw": 0.5}
    assert scenario.utilities({"Territory": "freeze", "Guarantees": "2"})[0] == pytest.approx(
        0.6 * 0.5 + 0.4 * 0.8
    )


def test_a_domain_file_path_finds_its_profiles(tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "s")
    assert load_genius(folder / "domain.xml").party_names == ("a.xml", "b.xml")


def expect_error(folder: Path, *fragments: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_genius(folder)
    for fragment in fragments:
        assert fragment in str(caught.value)


def test_malformed_xml_names_file_line_and_column(tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "s", **{"c.xml": "<utility_space><objective>"})
    expect_error(folder, "c.xml", "line 1, column 26", "malformed XML")


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<utility_space>&lol2;</utility_space>"
    )
    expect_error(write_scenario(tmp_path / "s", **{"c.xml": bomb}), "c.xml", "unsafe XML")


def test_external_entities_are_refused(tmp_path: Path) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<utility_space>&e;</utility_space>"
    )
    expect_error(write_scenario(tmp_path / "s", **{"c.xml": xxe}), "c.xml", "unsafe XML")


def test_missing_profiles(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "domain.xml").write_text(DOMAIN)
    expect_error(folder, "no utility profiles")


def test_missing_domain_and_missing_path(tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "s")
    (folder / "domain.xml").unlink()
    expect_error(folder, "expected one GENIUS domain file, found 0")
    expect_error(tmp_path / "nowhere", "no such scenario folder")


def test_weights_not_summing_to_one(tmp_path: Path) -> None:
    expect_error(write_scenario(tmp_path / "s", w1="0.9"), "a.xml", "weights sum to 1.3, not 1")


def test_empty_issue(tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "s")
    empty = DOMAIN.replace('<item index="1" value="freeze"/><item index="2" value="withdraw"/>', "")
    (folder / "domain.xml").write_text(empty)
    expect_error(folder, "domain.xml", '<issue name="Territory" index="1">', "no <item> options")


def test_scores_out_of_range(tmp_path: Path) -> None:
    expect_error(write_scenario(tmp_path / "s", freeze="-1"), "a.xml", 'value="freeze"', "negative")


def test_score_that_is_not_a_number(tmp_path: Path) -> None:
    expect_error(write_scenario(tmp_path / "s", freeze="high"), "a.xml", "evaluation='high'")


def test_reservation_out_of_range(tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "s")
    (folder / "a.xml").write_text(PROFILE.format(freeze="2", w1="0.6").replace('"0.25"', '"1.5"'))
    expect_error(folder, "a.xml", "reservation value is 1.5")


def test_profile_missing_an_option_or_an_issue(tmp_path: Path) -> None:
    folder = write_scenario(tmp_path / "s")
    text = PROFILE.format(freeze="2", w1="0.6")
    (folder / "a.xml").write_text(
        text.replace('<item index="2" value="withdraw" evaluation="4"/>', "")
    )
    expect_error(folder, "a.xml", "no evaluation of 'withdraw'")
    (folder / "a.xml").write_text(text.replace('name="Territory"', 'name="Borders"'))
    expect_error(folder, "a.xml", "issue 'Borders' is not in the domain")


def test_non_additive_profile_is_refused(tmp_path: Path) -> None:
    nonlinear = (
        '<utility_space><objective index="0"><utility maxutility="1"><ufun type="PlainUfun">'
        "</ufun></utility></objective></utility_space>"
    )
    expect_error(write_scenario(tmp_path / "s", **{"c.xml": nonlinear}), "c.xml", "non-additive")


def test_real_data_errors_name_the_file() -> None:
    folder = genius_root() / "anac" / "y2016" / "SYAgent"
    expect_error(folder, "JapanTrip_util1.xml", "weights sum to 1.1")


@pytest.mark.parametrize(
    "name", ["anac/y2010/ItexvsCypress", "anac/y2015/group9-killer_robot", "other/web_service"]
)
def test_export_round_trips(tmp_path: Path, name: str) -> None:
    scenario = load_genius(genius_root() / name)
    domain, profiles = export_genius(scenario, tmp_path / "out")
    assert len(profiles) == len(scenario.parties)
    again = load_genius(domain)
    assert again.issues == scenario.issues
    for ours, theirs in zip(again.parties, scenario.parties, strict=True):
        for issue in scenario.issues:
            assert ours.scores[issue.name] == pytest.approx(theirs.scores[issue.name], abs=1e-12)
    assert [p.weights for p in again.parties] == [p.weights for p in scenario.parties]
    assert [p.reservation for p in again.parties] == [p.reservation for p in scenario.parties]
    assert all(
        a.tobytes() == b.tobytes() for a, b in zip(again.tables(), scenario.tables(), strict=True)
    )
