"""Linking two lists and flagging duplicates: decisions, explanations, one-to-one, relatives."""

from __future__ import annotations

from accord.domain.exchange import Record, dedupe, link, make_record


def person(
    rid: str, surname: str, given: str, patronymic: str = "", born: str = "", **more: str
) -> Record:
    values = {"surname": surname, "given_name": given, "patronymic": patronymic, "birth_date": born}
    return make_record(rid, int(rid.strip("LRM") or 0) + 1, values | more)


UKRAINIAN = [
    person("L1", "Зеленський", "Олексій", "Петрович", "03.04.1990"),
    person("L2", "Шевченко", "Іван", "Миколайович", "12.12.1985"),
    person("L3", "Шевченко", "Петро", "Миколайович", "12.12.1985"),
    person("L4", "Бондаренко", "Сергій", "Юрійович", "1979-01-30", document="КВ 123456"),
    person("L5", "Мельник", "Ольга", "Андріївна", "21.06.1995"),
]
RUSSIAN = [
    person("R1", "Зеленский", "Алексей", "Петрович", "04.03.1990"),
    person("R2", "Шевченко", "Иван", "Николаевич", "1985-12-12"),
    person("R3", "Шевченко", "Пётр", "Николаевич", "1985-12-12"),
    person("R4", "Бондаренко", "Сергей", "", "30.01.1979", document="KB123456"),
    person("R9", "Кравчук", "Леонид", "Макарович", "10.01.1934"),
]


def _pairs(links: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {item.left_id: item.right_id for item in links}


def test_ukrainian_and_russian_spellings_are_linked() -> None:
    links = link(UKRAINIAN, RUSSIAN)
    assert _pairs(links) == {"L1": "R1", "L2": "R2", "L3": "R3", "L4": "R4"}


def test_confident_links_are_accepted() -> None:
    decisions = {item.left_id: item.decision for item in link(UKRAINIAN, RUSSIAN)}
    assert decisions["L2"] == decisions["L3"] == decisions["L4"] == "accept"


def test_every_link_explains_each_field() -> None:
    first = next(item for item in link(UKRAINIAN, RUSSIAN) if item.left_id == "L1")
    fields = {f.field: f for f in first.fields}
    assert fields["surname"].level == "exact"
    assert (fields["given_name"].left, fields["given_name"].right) == ("Олексій", "Алексей")
    assert fields["birth_date"].level == "swapped"
    assert fields["document"].level == "missing" and fields["document"].weight == 0
    assert abs(sum(f.weight for f in first.fields) - first.weight) < 0.05
    assert 0 < first.score <= 1


def test_document_numbers_typed_in_either_script_agree() -> None:
    fourth = next(item for item in link(UKRAINIAN, RUSSIAN) if item.left_id == "L4")
    assert {f.field: f.level for f in fourth.fields}["document"] == "exact"


def test_links_are_one_to_one() -> None:
    doubled = [*RUSSIAN, person("R5", "Зеленский", "Алексей", "Петрович", "03.04.1990")]
    links = link(UKRAINIAN, doubled)
    assert len({item.left_id for item in links}) == len(links)
    assert len({item.right_id for item in links}) == len(links)


def test_brothers_are_never_linked_crosswise() -> None:
    brothers = [RUSSIAN[2]]
    links = link(UKRAINIAN[1:2], brothers)
    assert all(item.decision != "accept" for item in links)


def test_latin_list_links_to_cyrillic() -> None:
    latin = [
        person("M1", "Zelenskyi", "Oleksii", "", "1990-04-03"),
        person("M2", "Shevchenko", "Ivan", "", "12/12/1985"),
        person("M3", "Shevchenko", "Petro", "", "12/12/1985"),
        person("M4", "Bondarenko", "Sergey", "", "30.01.1979", document="KB123456"),
    ]
    assert _pairs(link(UKRAINIAN, latin)) == {"L1": "M1", "L2": "M2", "L3": "M3", "L4": "M4"}


def test_strangers_are_not_linked() -> None:
    assert link(UKRAINIAN[4:], RUSSIAN[4:]) == []


def test_empty_lists() -> None:
    assert link([], RUSSIAN) == [] and link(UKRAINIAN, []) == []
    assert dedupe([]) == []


def test_a_repeated_row_is_flagged_as_a_duplicate() -> None:
    records = [*UKRAINIAN, person("L9", "Зеленський", "Олексій", "Петрович", "03.04.1990")]
    groups = dedupe(records)
    repeated = next(g for g in groups if "L9" in g.record_ids)
    assert set(repeated.record_ids) == {"L1", "L9"}
    assert repeated.decision == "duplicate"
    assert repeated.rows == (2, 10)


def test_twins_are_flagged_for_review_not_merged() -> None:
    groups = dedupe(UKRAINIAN)
    twins = next(g for g in groups if "L2" in g.record_ids)
    assert set(twins.record_ids) == {"L2", "L3"}
    assert twins.decision == "review"
    assert "given names differ" in twins.pairs[0].note


def test_dedupe_leaves_distinct_people_alone() -> None:
    assert all("L5" not in g.record_ids for g in dedupe(UKRAINIAN))


def test_blocking_codes_agree_between_lists_of_different_vocabularies() -> None:
    """A surname typo leaves only the given name + birth date pass to find the pair; the right
    list has many more distinct given names than the left, which must not shift its codes."""
    names = ["Андрей", "Борис", "Виктор", "Глеб", "Денис", "Егор", "Захар", "Игорь", "Кирилл"]
    strangers = [
        person(f"R{i + 10}", f"Фамилия{i}", name, "", f"{i + 1:02d}.01.2001")
        for i, name in enumerate(names)
    ]
    left = [person("L1", "Шевченко", "Іван", "", "14.02.1990")]
    right = [person("R1", "Щевчнко", "Иван", "", "14.02.1990"), *strangers]
    assert _pairs(link(left, right)) == {"L1": "R1"}


def test_the_garbage_collector_is_restored_after_bulk_work() -> None:
    import gc

    link(UKRAINIAN, RUSSIAN)
    assert gc.isenabled()
    gc.disable()
    try:
        dedupe(UKRAINIAN)
        assert not gc.isenabled()
    finally:
        gc.enable()
