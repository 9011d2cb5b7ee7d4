"""Exchange-list linkage: Accord against splink (DuckDB) on the same generated lists.

Run: `.venv/bin/python bench/exchange.py` (about 10 minutes on 2 cores; `--quick` for a smoke run).
Writes the "exchange" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from accord.domain.exchange import Record, link, read_rows, to_latin  # noqa: E402
from accord.domain.exchange.synthetic import PairedLists, generate  # noqa: E402
from bench._report import machine_line, write_section  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
SPLINK_MAX = 10_000
SEED = 20260


@dataclass
class Score:
    """Quality and time of one engine on one pair of lists."""

    engine: str
    size: int
    side: str
    f1: float
    precision: float
    recall: float
    accept_precision: float
    review_share: float
    seconds: float
    read_seconds: float = 0.0
    cpu_seconds: float = 0.0


def evaluate(lists: PairedLists, side: str, pairs: list[tuple[str, str, str]]) -> tuple[float, ...]:
    """F1, precision, recall, auto-accept precision, review share of (left, right, decision)."""
    person = lists.person_of
    correct = [person[("left", a)] == person[(side, b)] for a, b, _ in pairs]
    truth = lists.truth(side)
    found = {person[("left", a)] for (a, _, _), ok in zip(pairs, correct, strict=True) if ok}
    precision = sum(correct) / max(len(pairs), 1)
    recall = len(found & truth) / max(len(truth), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    accepted = [ok for (_, _, d), ok in zip(pairs, correct, strict=True) if d == "accept"]
    accept_precision = sum(accepted) / max(len(accepted), 1)
    review = sum(d == "review" for _, _, d in pairs) / max(len(lists.left), 1)
    return f1, precision, recall, accept_precision, review


def run_accord(
    lists: PairedLists, side: str, size: int
) -> tuple[Score, list[Record], list[Record]]:
    start, cpu = time.perf_counter(), time.process_time()
    left = read_rows(lists.left, name="left").records
    right = read_rows(getattr(lists, side), name=side).records
    read_seconds = time.perf_counter() - start
    links = link(left, right)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    pairs = [(x.left_id, x.right_id, x.decision) for x in links]
    score = Score("Accord", size, side, *evaluate(lists, side, pairs), seconds, read_seconds, cpu)
    return score, left, right


def _splink_frame(records: list[Record]) -> object:
    """What a splink user would feed it: passport romanisation, ISO date, folded document."""
    import pandas as pd

    def date_of(r: Record) -> str | None:
        return (
            r.birth_date.readings[0].isoformat() if r.birth_date and r.birth_date.readings else None
        )

    return pd.DataFrame(
        {
            "unique_id": [r.id for r in records],
            "surname": [to_latin(r.surname, r.language).lower() or None for r in records],
            "given_name": [to_latin(r.given_name, r.language).lower() or None for r in records],
            "patronymic": [to_latin(r.patronymic, r.language).lower() or None for r in records],
            "birth_date": [date_of(r) for r in records],
            "birth_year": [str(r.birth_date.year) if r.birth_date else None for r in records],
            "document": [r.document or None for r in records],
        }
    )


def run_splink(
    lists: PairedLists, side: str, size: int, left: list[Record], right: list[Record]
) -> Score:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    frames = _splink_frame(left), _splink_frame(right)
    start, cpu = time.perf_counter(), time.process_time()
    db = DuckDBAPI()
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("surname", [0.95, 0.88]),
            cl.JaroWinklerAtThresholds("given_name", [0.95, 0.88]),
            cl.JaroWinklerAtThresholds("patronymic", [0.95, 0.88]),
            cl.LevenshteinAtThresholds("birth_date", [1, 2]),
            cl.ExactMatch("document"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("surname", "given_name"),
            block_on("surname", "birth_year"),
            block_on("given_name", "birth_date"),
            block_on("document"),
        ],
    )
    linker = Linker([db.register(frames[0]), db.register(frames[1])], settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("surname", "given_name", "birth_date")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    predictions = linker.inference.predict(threshold_match_probability=0.3).as_pandas_dataframe()
    pairs = _greedy_one_to_one(predictions)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return Score("splink", size, side, *evaluate(lists, side, pairs), seconds, 0.0, cpu)


def _greedy_one_to_one(predictions: object) -> list[tuple[str, str, str]]:
    """splink scores pairs but does not assign; take pairs by descending probability."""
    ordered = predictions.sort_values("match_probability", ascending=False)  # type: ignore[attr-defined]
    used_l: set[str] = set()
    used_r: set[str] = set()
    pairs = []
    for a, b, p in zip(
        ordered["unique_id_l"], ordered["unique_id_r"], ordered["match_probability"], strict=True
    ):
        if a in used_l or b in used_r:
            continue
        used_l.add(a)
        used_r.add(b)
        pairs.append((a, b, "accept" if p >= 0.99 else "review"))
    return pairs


SIDE_LABEL = {"right": "Russian Cyrillic", "latin": "Latin (mediator)"}


def goals(scores: list[Score]) -> list[str]:
    """Each goal of issue 5, met or not, from the Accord rows."""
    accord = [s for s in scores if s.engine == "Accord"]
    biggest = max(s.size for s in accord)

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    cyr = min(s.f1 for s in accord if s.side == "right")
    lat = min(s.f1 for s in accord if s.side == "latin")
    acc = min(s.accept_precision for s in accord)
    review = max(s.review_share for s in accord)
    big = max(s.seconds for s in accord if s.size == biggest)
    big_cpu = max(s.cpu_seconds for s in accord if s.size == biggest)
    return [
        f"- F1 >= 0.99 Cyrillic-Cyrillic: lowest {cyr:.4f}, {verdict(cyr >= 0.99)}.",
        f"- F1 >= 0.98 against the Latin list: lowest {lat:.4f}, {verdict(lat >= 0.98)}.",
        f"- Auto-accept precision >= 0.999: lowest {acc:.5f}, {verdict(acc >= 0.999)}.",
        f"- Review queue < 3% of records: highest {review:.2%}, {verdict(review < 0.03)}.",
        f"- {biggest:,} x {biggest:,} in < 30 s: {big:.0f} s wall, {verdict(big < 30)} "
        f"(reading included, on the shared machine; see the load average above); the run "
        f"itself used {big_cpu:.0f} s of CPU, {verdict(big_cpu < 30)} as CPU time.",
    ]


def render(scores: list[Score], notes: list[str]) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "## Exchange lists: record linkage (Accord vs splink)",
        "",
        machine_line(),
        f"Load average when it finished: {load} (2 cores shared with other sessions, so wall "
        "times are pessimistic; CPU seconds count the time the run itself was on a core, all "
        "its threads included).",
        "",
        "Command: `.venv/bin/python bench/exchange.py`. Lists from "
        "`accord.domain.exchange.synthetic.generate(n, seed=20260)`: n persons per list, 90% on "
        "both, Ukrainian Cyrillic list (left) against the Russian Cyrillic list (`ru`) and the "
        "Latin mediator list (`latin`). F1 is one-to-one (a person counts once); "
        "review share is review links / left records. Time includes reading and normalising "
        "both lists (Accord's read time in brackets).",
        "",
        "| engine | n | second list | F1 | precision | recall | auto-accept precision "
        "| review share | seconds (wall) | CPU seconds |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in scores:
        read = f" ({s.read_seconds:.1f} read)" if s.read_seconds else ""
        lines.append(
            f"| {s.engine} | {s.size:,} | {SIDE_LABEL[s.side]} | {s.f1:.4f} | {s.precision:.4f} | "
            f"{s.recall:.4f} | {s.accept_precision:.5f} | {s.review_share:.2%} | "
            f"{s.seconds:.1f}{read} | {s.cpu_seconds:.1f} |"
        )
    lines += ["", "Goals of issue 5:", "", *goals(scores), ""]
    lines += [line for note in notes for line in (note, "")]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 persons only, no report")
    args = parser.parse_args()
    sizes = SIZES[:1] if args.quick else SIZES
    scores: list[Score] = []
    for size in sizes:
        began = time.perf_counter()
        lists = generate(size, seed=SEED)
        print(f"generated {size:,} in {time.perf_counter() - began:.0f} s", flush=True)
        for side in ("right", "latin"):
            accord, left, right = run_accord(lists, side, size)
            scores.append(accord)
            print(accord, flush=True)
            if size <= SPLINK_MAX:
                scores.append(run_splink(lists, side, size, left, right))
                print(scores[-1], flush=True)
    notes = [
        "splink 5 (DuckDB) is given what a careful user would prepare: names romanised by the "
        "passport systems (KMU 55 for Ukrainian, ICAO for Russian, through Accord's reader), "
        "the day-first ISO date, the folded document number; its parameters are trained with "
        "random-sampling u and EM, and its pairs with p >= 0.3 are made one-to-one greedily "
        "(p >= 0.99 counted as auto-accept). It gets no Ukrainian/Russian given-name table and "
        "no cross-system phonetic key: that difference is what this benchmark measures.",
        f"splink is run up to {SPLINK_MAX:,} persons per list to keep the whole run near ten "
        "minutes on two shared cores.",
        "splink's seconds cover training and prediction only: it is handed the lists already "
        "read and romanised by Accord, so its time leaves out the reading Accord's time includes.",
        "Accord accepts a pair at probability >= 0.99, or >= 0.95 (`Thresholds.exclusive`) when "
        "no rival pair of either record comes within 6 bits and no field disagrees; on held-out "
        "seeds (7 and 99, 20,000 persons) auto-accept precision stayed >= 0.9998 with the rule.",
        "Most of what stays in Accord's review queue is pairs agreeing on surname and given name "
        "with no birth date or patronymic to confirm them (about 8% of those are wrong at 100,000 "
        "persons), pairs with a rival (another record with the same names and a field left "
        "blank), and brothers whose given names differ.",
    ]
    if not args.quick:
        write_section("exchange", render(scores, notes))


if __name__ == "__main__":
    main()
