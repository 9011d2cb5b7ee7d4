"""Every gold file is verbatim, and the engine keeps its measured quality on the annotated sets.

The thresholds sit below the figures in docs/benchmarks.md so that a regression fails loudly;
the benchmark, not this test, reports the exact numbers.
"""

from __future__ import annotations

import json

import pytest

from accord.domain.statements import extract

from ._gold import FIXTURES

SETS = {"dev": 0.95, "heldout": 0.9, "heldout2": 0.9}


def _gold(path):
    lines = path.with_suffix(".gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _articles(name):
    paths = sorted((FIXTURES / name).glob("*.txt"))
    assert paths, f"no articles in {FIXTURES / name}"
    return paths


@pytest.mark.parametrize("name", SETS)
def test_gold_quotes_are_verbatim(name):
    for path in _articles(name):
        text = path.read_text(encoding="utf-8")
        for row in _gold(path):
            assert text[row["start"] : row["end"]] == row["quote"], (path.name, row)


def _overlap(a, b):
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared / max(a[1] - a[0], b[1] - b[0], 1)


@pytest.mark.parametrize(("name", "floor"), SETS.items())
def test_speaker_and_quote_f1_stays_above_floor(name, floor):
    tp = found_total = gold_total = 0
    for path in _articles(name):
        gold = _gold(path)
        found = extract(path.read_text(encoding="utf-8"), doc_id=path.stem)
        used: set[int] = set()
        for row in gold:
            for index, item in enumerate(found):
                same = item.speaker.casefold() == row["speaker"].casefold()
                span = _overlap((item.start, item.end), (row["start"], row["end"]))
                if index not in used and same and span >= 0.5:
                    used.add(index)
                    tp += 1
                    break
        found_total += len(found)
        gold_total += len(gold)
    precision, recall = tp / found_total, tp / gold_total
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= floor, f"{name}: F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f}) below {floor}"
