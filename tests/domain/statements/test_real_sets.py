"""The real VOA sets: every article has its provenance, every gold quote is verbatim, and the
engine keeps the quality measured on them.

The floors sit about one statement below the figures measured at the end of the third session:
real dev 0.984 / 1.000 (tuned on; includes the former held-out A, whose one unseen run gave
0.780 / 0.780), held-out B 1.000 / 1.000 (its first run gave 0.579 / 0.789; fixed from its miss
lists since, no longer unseen), held-out C 1.000 / 1.000 (its one clean run gave 0.753 /
0.847; tuned on since) and, after its second round, held-out D 0.992 / 0.992 (its one clean
run gave 0.786 / 0.855; tuned on since). None of these is an unseen figure any more: they
guard against regressions only. Held-out E's one clean run gave 0.867 / 0.933 (engine
b8901df); the fourth session then tuned on E (round four: 0.943 / 0.992) and raised its floor
to about one statement below that. Held-out F's one clean run gave 0.729 / 0.860 (engine
6e20e7f); the fifth round then tuned on F (0.957 / 0.974) and raised its floor to about one
statement below that. Held-out G's one clean run gave 0.790 / 0.941 (engine 55b777d); round
six then tuned on G (1.000 / 1.000) and raised its floor to about one statement below that.
Scoring is the
benchmark's: speaker by name or surname (pronouns never match), spans overlapping by at least
half of the longer one, matched one to one.
"""

from __future__ import annotations

import json

import pytest

from accord.domain.statements import extract

from ._gold import FIXTURES

REAL = FIXTURES / "real"
#: set folder -> (speaker+quote F1 floor, span F1 floor)
FLOORS = {
    "dev": (0.96, 0.98),
    "heldout_b": (0.95, 0.95),
    "heldout_c": (0.97, 0.97),
    "heldout_d": (0.97, 0.97),
    # its one clean run (engine b8901df) gave 0.867 / 0.933; tuned on in round four: 0.943 / 0.992
    "heldout_e": (0.92, 0.97),
    # its one clean run (engine 6e20e7f) gave 0.729 / 0.860; tuned on in round five: 0.957 / 0.974
    "heldout_f": (0.94, 0.95),
    # its one clean run (engine 55b777d) gave 0.790 / 0.941; tuned on in round six: 1.000 / 1.000
    "heldout_g": (0.98, 0.98),
    # its one clean run (engine 789c0b0) gave 0.785 / 0.919; never tuned on
    "heldout_h": (0.77, 0.90),
}
FOLDERS = tuple(FLOORS)


def _manifest() -> dict:
    return json.loads((REAL / "MANIFEST.json").read_text(encoding="utf-8"))


def _articles(folder: str):
    paths = sorted((REAL / folder).glob("*.txt"))
    assert paths, f"no articles in {REAL / folder}"
    return paths


def _gold(path) -> list[dict]:
    lines = path.with_suffix(".gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_manifest_lists_every_article_with_provenance_and_licence():
    # only the sets scored here: a set still being annotated blind is not read by this test
    entries = {
        entry["file"]: entry for entry in _manifest()["articles"] if entry.get("split") in FOLDERS
    }
    on_disk = {f"{folder}/{path.name}" for folder in FOLDERS for path in _articles(folder)}
    assert set(entries) == on_disk
    for name, entry in entries.items():
        assert entry["split"] == name.split("/")[0], name
        for key in ("title", "publisher", "url", "date", "licence", "retrieved"):
            assert entry.get(key), (name, key)
        assert "public domain" in entry["licence"].lower(), name
        assert entry["statements"] == len(_gold(REAL / name)), name


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_gold_quote_is_a_verbatim_substring_of_its_source(folder):
    for path in _articles(folder):
        text = path.read_text(encoding="utf-8")
        gold = _gold(path)
        assert gold, path.name
        for row in gold:
            assert row["quote"] in text, (path.name, row["quote"])
            assert text[row["start"] : row["end"]] == row["quote"], (path.name, row)
            assert row["kind"] in ("direct", "indirect", "mixed"), (path.name, row)


def _same_speaker(found: str, gold: str) -> bool:
    found_words, gold_words = found.casefold().split(), gold.casefold().split()
    if not found_words or found.casefold() in ("he", "she", "they", "it", "we", "i"):
        return False
    return found_words == gold_words or found_words[-1] == gold_words[-1]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared / max(a[1] - a[0], b[1] - b[0], 1)


def _matches(found, gold, with_speaker: bool) -> int:
    used: set[int] = set()
    for row in gold:
        for index, item in enumerate(found):
            if index in used or _overlap((item.start, item.end), (row["start"], row["end"])) < 0.5:
                continue
            if with_speaker and not _same_speaker(item.speaker, row["speaker"]):
                continue
            used.add(index)
            break
    return len(used)


def _f1(tp: int, n_found: int, n_gold: int) -> float:
    precision, recall = tp / n_found if n_found else 0.0, tp / n_gold
    return 2 * precision * recall / (precision + recall) if tp else 0.0


@pytest.mark.parametrize(("folder", "floors"), FLOORS.items())
def test_speaker_quote_and_span_f1_stay_above_the_measured_floor(folder, floors):
    tp = span_tp = n_found = n_gold = 0
    for path in _articles(folder):
        gold = _gold(path)
        found = extract(path.read_text(encoding="utf-8"), doc_id=path.stem)
        tp += _matches(found, gold, with_speaker=True)
        span_tp += _matches(found, gold, with_speaker=False)
        n_found += len(found)
        n_gold += len(gold)
    f1, span_f1 = _f1(tp, n_found, n_gold), _f1(span_tp, n_found, n_gold)
    assert f1 >= floors[0], f"{folder}: speaker+quote F1 {f1:.3f} below {floors[0]}"
    assert span_f1 >= floors[1], f"{folder}: span F1 {span_f1:.3f} below {floors[1]}"
