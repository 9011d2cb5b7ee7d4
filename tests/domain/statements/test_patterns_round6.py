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


def test_the_government_is_the_government_of_a_place_written_before():
    text = (
        "Rebels met the government of Freedonia for a third day.\n\n"
        "The government says it remains committed to the talks."
    )
    assert _speakers(text) == ["government of Freedonia"]


def test_the_government_with_no_place_named_before_stays_the_government():
    text = "Rebels met officials for a third day.\n\nThe government says it remains committed."
    assert _speakers(text) == ["government"]


def test_he_after_a_quotation_is_the_titled_subject_of_the_sentence_before():
    text = (
        "Rebel spokesman Karl Brandt says the fighting should not stop the talks.\n\n"
        "The ministry says it is committed. But army spokesman Piet Olsen was blunt.\n\n"
        '"If the talks fail, we fight," he said.'
    )
    assert _speakers(text)[-1] == "Piet Olsen"


def test_he_after_a_quotation_stays_the_last_speaker_when_the_name_is_an_object():
    text = (
        "Rebel spokesman Karl Brandt says the fighting should not stop the talks.\n\n"
        "The ministry says it is committed. Reporters asked army spokesman Piet Olsen about it.\n\n"
        '"If the talks fail, we fight," he said.'
    )
    assert _speakers(text)[-1] == "Karl Brandt"


def test_an_open_appositive_after_a_name_leaves_the_name_the_speaker():
    text = (
        "Karl Brandt, a political advisor to the Northern Front in Oslo says the violence "
        "was to be expected."
    )
    assert _speakers(text) == ["Karl Brandt"]


def test_a_comma_then_an_unnamed_subject_after_an_adverbial_stays_that_subject():
    text = "Meanwhile, a spokesman for the Northern Front says the violence was to be expected."
    assert _speakers(text) == ["spokesman"]


def test_a_name_of_an_organisation_in_an_appositive_is_the_person():
    text = (
        "A member of the Northern panel, Karl Brandt of Norway's Oslo University, says the "
        "vote will come."
    )
    assert _speakers(text) == ["Karl Brandt"]


def test_a_title_of_a_place_before_a_name_stays_the_title():
    text = "Minister of Finance Karl Brandt says the vote will come."
    assert _speakers(text) == ["Karl Brandt"]


def test_a_subject_pronoun_after_confirmed_opens_a_clause_without_that():
    text = (
        "Opposition leader Karl Brandt confirmed Thursday he sent envoys to Oslo but denied "
        "they were in talks with the government."
    )
    found = extract(text, doc_id="t")
    assert [s.speaker for s in found] == ["Karl Brandt", "Karl Brandt"]
    assert found[0].quote.startswith("he sent envoys to Oslo")
    assert found[1].quote == "they were in talks with the government"


def test_an_object_pronoun_after_confirmed_is_no_content():
    text = "Opposition leader Karl Brandt confirmed it on Thursday and denied them a visa."
    assert _speakers(text) == []


def test_a_deputy_title_is_not_the_holder_of_the_plain_title():
    text = (
        "Freedonia's deputy prime minister says the government is ready for talks. The remarks "
        "came as Prime Minister Anna Kowalczyk expanded her cabinet.\n\n"
        "Deputy Prime Minister Karl Brandt told reporters that talks can begin soon."
    )
    assert _speakers(text) == ["Karl Brandt", "Karl Brandt"]


def test_a_plain_title_is_still_its_holder():
    text = (
        "Freedonia's prime minister says the government is ready for talks.\n\n"
        "Prime Minister Anna Kowalczyk told reporters that talks can begin soon."
    )
    assert _speakers(text) == ["Anna Kowalczyk", "Anna Kowalczyk"]


def test_a_name_and_his_counterpart_speak_together_the_counterpart_by_title():
    text = (
        "Freedonian President Karl Brandt and his Sylvanian counterpart say they have agreed "
        "on a plan.\n\nLater, Sylvanian President Anna Kowalczyk said the plan works."
    )
    assert _speakers(text) == ["Karl Brandt and Anna Kowalczyk", "Anna Kowalczyk"]


def test_a_counterpart_of_another_title_is_not_resolved_to_that_holder():
    text = (
        "Freedonian President Karl Brandt and his Sylvanian counterpart say they have agreed "
        "on a plan.\n\nLater, Sylvanian Foreign Minister Anna Kowalczyk said the plan works."
    )
    assert _speakers(text)[0] == "Karl Brandt and Sylvanian counterpart"


def test_a_day_and_its_part_before_that_are_no_content():
    text = "Karl Brandt, the adviser, confirmed today morning that the government accepted."
    found = extract(text, doc_id="t")
    assert [(s.speaker, s.quote) for s in found] == [("Karl Brandt", "the government accepted")]


def test_a_part_of_the_day_alone_is_still_no_adjunct():
    text = "Karl Brandt, the adviser, confirmed the morning delivery had arrived."
    assert [s.quote for s in extract(text, doc_id="t")] == ["the morning delivery had arrived"]


def test_an_adjunct_without_that_ends_where_a_quotation_opens():
    text = 'Brandt said at a political rally in Oslo "some envoys" were "trying to mediate" there.'
    assert [(s.speaker, s.quote) for s in extract(text, doc_id="t")] == [
        ("Brandt", '"some envoys" were "trying to mediate" there')
    ]


def test_an_adjunct_with_that_still_ends_at_that():
    text = 'Brandt said in a "landmark" speech that the envoys were trying to mediate.'
    assert [s.quote for s in extract(text, doc_id="t")] == ["the envoys were trying to mediate"]


def test_an_acronym_alias_after_a_name_leaves_the_full_name_the_issuer():
    text = (
        "However, last month, the Northern Liberation Front, or the NLF, released a statement "
        "saying it was ready to talk."
    )
    assert _speakers(text) == ["Northern Liberation Front"]


def test_a_cue_of_the_subject_opening_anothers_content_is_that_speakers_report():
    text = "Karl Brandt says the Front will insist that any agreement be put to a vote."
    assert [(s.speaker, s.quote) for s in extract(text, doc_id="t")] == [
        ("Karl Brandt", "the Front will insist that any agreement be put to a vote")
    ]


def test_the_same_speaker_in_the_next_sentence_speaks_for_itself():
    text = "Karl Brandt says talks will resume. The Front insists that any deal be put to a vote."
    assert _speakers(text) == ["Karl Brandt", "Front"]


def test_added_with_a_counted_noun_object_is_no_statement():
    text = "Prime Minister Anna Kowalczyk Monday added 11 new ministers to her cabinet."
    assert _speakers(text) == []


def test_added_with_a_counted_subject_and_its_verb_is_a_statement():
    text = "Prime Minister Anna Kowalczyk added 20 people were killed in the attack."
    assert _speakers(text) == ["Anna Kowalczyk"]


def test_says_before_a_finite_verb_is_a_relative_clause_gap_not_a_statement():
    text = "The swap freed five Freedonians the government says were unjustly detained."
    assert _speakers(text) == []


def test_says_before_a_subject_and_its_verb_is_still_a_statement():
    text = "The government says they were unjustly detained."
    assert _speakers(text) == ["government"]
