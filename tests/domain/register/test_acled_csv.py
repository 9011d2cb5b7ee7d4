from datetime import date

from accord.domain.register import (
    EXPORT_COLUMNS,
    canonical_sub_event_type,
    category_errors,
    content_hash,
    decode,
    parse_acled_csv,
    write_acled_csv,
)

TODAY = date(2026, 2, 10)
START = date(2026, 1, 27)
HEADER = (
    "event_date,event_type,sub_event_type,actor1,admin1,location,latitude,longitude,"
    "fatalities,source,notes\n"
)
GOOD = (
    "2026-02-03,Explosions/Remote violence,Shelling/artillery/missile attack,"
    "Military Forces of Russia,Kyiv,Kyiv,50.45,30.52,0,Ukrainian MoD,Strike on a substation\n"
)


def parse(text: str):
    return parse_acled_csv(text, today=TODAY, earliest=START)


def test_a_good_row_is_read_with_canonical_categories_and_a_hash() -> None:
    result = parse(
        HEADER + GOOD.replace("Explosions/Remote violence", "explosions/remote VIOLENCE")
    )
    assert result.errors == []
    [row] = result.rows
    assert row.row == 2 and row.event_type == "Explosions/Remote violence"
    assert row.latitude == 50.45 and row.fatalities == 0 and len(row.content_hash) == 64


def test_old_acled_date_format_is_accepted() -> None:
    result = parse(HEADER + GOOD.replace("2026-02-03", "03 February 2026"))
    assert result.rows[0].event_date == date(2026, 2, 3)


def test_future_date_is_a_row_numbered_error() -> None:
    result = parse(HEADER + GOOD + GOOD.replace("2026-02-03", "2026-03-01"))
    assert [str(e) for e in result.errors] == ["row 3, event_date: 2026-03-01 is in the future."]


def test_date_before_the_truce_is_an_error() -> None:
    result = parse(HEADER + GOOD.replace("2026-02-03", "2026-01-20"))
    assert result.errors[0].row == 2 and "before the truce" in result.errors[0].message


def test_coordinates_out_of_range_and_half_pairs_are_errors() -> None:
    bad_lat = GOOD.replace("50.45", "95.0")
    bad_lon = GOOD.replace("30.52", "-190")
    half = GOOD.replace(",30.52,", ",,")
    nan = GOOD.replace("50.45", "nan")
    result = parse(HEADER + bad_lat + bad_lon + half + nan)
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "latitude"),
        (3, "longitude"),
        (4, "longitude"),
        (5, "latitude"),
    ]
    assert result.rows == []


def test_unknown_categories_are_errors() -> None:
    unknown_type = GOOD.replace("Explosions/Remote violence", "Sabotage")
    wrong_sub = GOOD.replace("Shelling/artillery/missile attack", "Armed clash")
    result = parse(HEADER + unknown_type + wrong_sub)
    assert [(e.row, e.column) for e in result.errors] == [(2, "event_type"), (3, "sub_event_type")]


def test_malformed_rows_are_errors() -> None:
    short = "2026-02-03,Battles\n"
    bad_number = GOOD.replace(",0,Ukrainian", ",many,Ukrainian")
    bad_date = GOOD.replace("2026-02-03", "yesterday")
    result = parse(HEADER + short + bad_number + bad_date)
    assert [(e.row, e.column) for e in result.errors] == [
        (2, ""),
        (3, "fatalities"),
        (4, "event_date"),
    ]


def test_missing_columns_and_empty_files_are_header_errors() -> None:
    assert parse("").errors[0].row == 1
    assert "sub_event_type" in parse("event_date,event_type\n").errors[0].message


def test_not_utf8_is_refused() -> None:
    try:
        decode(b"\xff\xfe\x00bad")
    except ValueError as error:
        assert "UTF-8" in str(error)
    else:
        raise AssertionError("decoded")


def test_duplicate_rows_in_one_file_count_once() -> None:
    result = parse(HEADER + GOOD + GOOD)
    assert len(result.rows) == 1 and result.duplicates_in_file == 1


def test_export_round_trips_and_guards_formulas() -> None:
    row = {c: "" for c in EXPORT_COLUMNS} | {
        "event_date": "2026-02-03",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "notes": "=HYPERLINK(evil)",
        "latitude": "-10.5",
        "longitude": "20",
    }
    text = write_acled_csv([row])
    assert "'=HYPERLINK" in text and ",-10.5," in text
    again = parse(text)
    assert again.errors == [] and again.rows[0].notes == "=HYPERLINK(evil)"


def test_hash_ignores_spacing_and_case_of_places() -> None:
    base = {
        "event_date": date(2026, 2, 3),
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
    }
    assert content_hash(**base, location="Kyiv ") == content_hash(**base, location="kyiv")
    assert content_hash(**base, fatalities=1) != content_hash(**base, fatalities=2)


def test_category_helpers() -> None:
    assert canonical_sub_event_type("battles", "armed CLASH") == "Armed clash"
    assert category_errors("Battles", "Grenade") and not category_errors("Riots", "Mob violence")


def test_a_nul_character_is_refused_naming_the_line() -> None:
    try:
        decode(b"event_date,location\n2026-02-03,Kh\x00arkiv\n")
    except ValueError as error:
        assert "Line 2 holds a NUL" in str(error)
    else:
        raise AssertionError("decoded")
