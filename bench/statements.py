"""Statement benchmark: Accord vs textacy's direct_quotations vs a simple regex baseline, on the
same gold-annotated articles; writes the "statements" section of docs/benchmarks.md.

Run: .venv/bin/python bench/statements.py [--spacy-model DIR]

textacy needs an English spaCy pipeline with a parser. None is on PyPI from Explosion; pass the
directory of one (or set ACCORD_BENCH_SPACY_MODEL), see docs/statements.md for the exact steps
and the provenance caveat. Without one, textacy is reported as "could not run".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures" / "statements"


def _texts(folder: str) -> list[Path]:
    return sorted((FIXTURES / folder).glob("*.txt"))


SETS = {
    "seed (hand gold, test case)": [FIXTURES / "abu-dhabi.txt"],
    "dev (synthetic, tuned on)": _texts("dev"),
    "held-out v1 (synthetic; tuned on after its unseen run)": _texts("heldout"),
    "held-out v2 (synthetic, unseen)": _texts("heldout2"),
    "real dev (VOA, public domain; tuned on; includes former held-out A)": _texts("real/dev"),
    "real held-out B (VOA, public domain; fixed from its miss lists, no longer unseen)": _texts(
        "real/heldout_b"
    ),
    "real held-out C (VOA; tuned on after its one clean run: 0.753 / 0.847)": _texts(
        "real/heldout_c"
    ),
    "real held-out D (VOA; tuned on after its one clean run: 0.786 / 0.855)": _texts(
        "real/heldout_d"
    ),
    "real held-out E (VOA; tuned on after its one clean run: 0.867 / 0.933)": _texts(
        "real/heldout_e"
    ),
    "real held-out F (VOA; tuned on after its one clean run: 0.729 / 0.860)": _texts(
        "real/heldout_f"
    ),
    "real held-out G (VOA; tuned on after its one clean run: 0.790 / 0.941)": _texts(
        "real/heldout_g"
    ),
    "real held-out H (VOA; blind gold, one clean run, never tuned on)": _texts("real/heldout_h"),
}
SPEED_ROUNDS = 20
#: Articles textacy refused (odd number of quotation marks).
BAILOUTS: set[int] = set()


@dataclass(frozen=True)
class Found:
    """A system's statement reduced to what is scored."""

    speaker: str
    start: int
    end: int


def load_gold(path: Path) -> list[dict]:
    lines = path.with_suffix(".gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the longer of the two spans."""
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared / max(a[1] - a[0], b[1] - b[0], 1)


def same_speaker(found: str, gold: str) -> bool:
    """Equal names, or the same surname ('Witkoff' for 'Steve Witkoff'); pronouns never match."""
    found_words, gold_words = found.casefold().split(), gold.casefold().split()
    if not found_words or found.casefold() in ("he", "she", "they", "it", "we", "i"):
        return False
    return found_words == gold_words or found_words[-1] == gold_words[-1]


def match_count(found: list[Found], gold: list[dict], with_speaker: bool) -> int:
    """Greedy one-to-one matches: span overlap >= 50% (and the same speaker if asked)."""
    used: set[int] = set()
    matched = 0
    for row in gold:
        for index, item in enumerate(found):
            if index in used or overlap((item.start, item.end), (row["start"], row["end"])) < 0.5:
                continue
            if with_speaker and not same_speaker(item.speaker, row["speaker"]):
                continue
            used.add(index)
            matched += 1
            break
    return matched


def prf(tp: int, n_found: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_found if n_found else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def accord_system() -> Callable[[str], list[Found]]:
    from accord.domain.statements import extract

    def run(text: str) -> list[Found]:
        return [Found(s.speaker, s.start, s.end) for s in extract(text, doc_id="bench")]

    return run


_NAME = r"((?:[A-Z][\w'-]+ ){0,2}[A-Z][\w'-]+)"
_CUE = r"(?:said|says|told \w+|added|wrote)"
_REGEX_TAIL = re.compile(rf"[\"“]([^\"”]+?),?[\"”],? (?:{_NAME} {_CUE}|{_CUE} {_NAME})")
_REGEX_HEAD = re.compile(rf"{_NAME} {_CUE}(?: that)? ([^\"“\n]+?)\.(?=\s|$)")


def regex_system() -> Callable[[str], list[Found]]:
    """The simplest thing: quote-then-'Name said', and 'Name said (that) clause.'"""

    def run(text: str) -> list[Found]:
        found = [
            Found(m.group(2) or m.group(3), m.start(1), m.end(1))
            for m in _REGEX_TAIL.finditer(text)
        ]
        found += [Found(m.group(1), m.start(2), m.end(2)) for m in _REGEX_HEAD.finditer(text)]
        return found

    return run


def textacy_system(model_dir: str | None) -> tuple[Callable[[str], list[Found]] | None, str]:
    """textacy.extract.triples.direct_quotations over a spaCy pipeline loaded from a directory."""
    if not model_dir or not Path(model_dir).is_dir():
        return None, "could not run: no spaCy English pipeline with a parser available offline"
    import spacy
    from textacy.extract import triples

    nlp = spacy.load(model_dir)

    def run(text: str) -> list[Found]:
        doc = nlp(text)
        found = []
        try:
            quotes = list(triples.direct_quotations(doc))
        except ValueError:  # textacy refuses documents with an odd number of quotation marks
            BAILOUTS.add(hash(text))
            return []
        for quote in quotes:
            content = quote.content
            start = content[0].idx
            end = content[-1].idx + len(content[-1])
            speaker = " ".join(token.text for token in quote.speaker)
            found.append(Found(speaker, start, end))
        return found

    meta = nlp.meta
    return run, f"spaCy {spacy.__version__}, pipeline {meta.get('name')} {meta.get('version')}"


def evaluate(run: Callable[[str], list[Found]], paths: list[Path]) -> dict[str, float]:
    totals = {"found": 0, "gold": 0, "direct_gold": 0, "tp": 0, "span_tp": 0, "direct_tp": 0}
    totals["exact"] = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        gold = load_gold(path)
        found = run(text)
        direct = [row for row in gold if row["kind"] == "direct"]
        totals["found"] += len(found)
        totals["gold"] += len(gold)
        totals["direct_gold"] += len(direct)
        totals["tp"] += match_count(found, gold, with_speaker=True)
        totals["span_tp"] += match_count(found, gold, with_speaker=False)
        totals["direct_tp"] += match_count(found, direct, with_speaker=True)
        exact = {(f.speaker.casefold(), f.start, f.end) for f in found}
        totals["exact"] += sum(
            (g["speaker"].casefold(), g["start"], g["end"]) in exact for g in gold
        )
    return totals


def speed(run: Callable[[str], list[Found]], texts: list[str], rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            run(text)
    return rounds * len(texts) / (time.perf_counter() - started)


def row(system: str, name: str, t: dict[str, float]) -> str:
    p, r, f = prf(t["tp"], t["found"], t["gold"])
    sp, sr, sf = prf(t["span_tp"], t["found"], t["gold"])
    direct_recall = t["direct_tp"] / t["direct_gold"] if t["direct_gold"] else 0.0
    return (
        f"| {name} | {system} | {t['gold']} | {t['found']} | {p:.3f} | {r:.3f} | **{f:.3f}** "
        f"| {sp:.3f} | {sr:.3f} | **{sf:.3f}** | {direct_recall:.3f} | {t['exact']}/{t['gold']} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spacy-model", default=os.environ.get("ACCORD_BENCH_SPACY_MODEL"))
    parser.add_argument("--no-write", action="store_true", help="print, do not write the docs")
    args = parser.parse_args()
    systems = {"Accord": accord_system(), "regex baseline": regex_system()}
    textacy_run, textacy_note = textacy_system(args.spacy_model)
    if textacy_run is not None:
        systems["textacy direct_quotations"] = textacy_run
    lines = [
        "| set | system | gold | found | P | R | F1 | span P | span R | span F1 | direct R "
        "| exact |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, paths in SETS.items():
        for system, run in systems.items():
            lines.append(row(system, name, evaluate(run, paths)))
        if textacy_run is None:
            lines.append(f"| {name} | textacy direct_quotations | {textacy_note} |||||||||")
    texts = [p.read_text(encoding="utf-8") for paths in SETS.values() for p in paths]
    speeds = {
        system: speed(run, texts, SPEED_ROUNDS if system != "textacy direct_quotations" else 1)
        for system, run in systems.items()
    }
    if textacy_run is not None:
        textacy_note += f"; it refused {len(BAILOUTS)} article(s) with an unclosed quotation"
    write(lines, speeds, textacy_note, len(texts), args.no_write)


EXPLANATION = """\
Speaker+quote: the speaker names the gold speaker (same name or same surname; pronouns never
match) and the spans overlap by at least 50% of the longer one, matched one to one. Span: the
overlap alone. Direct R: recall on the gold's direct quotes only (the only kind textacy looks
for). Exact: gold statements reproduced with the same offsets and speaker name.

The synthetic sets are wire-style texts written for this project (dev tuned on; held-out v1
tuned on after its one unseen run, which gave speaker+quote F1 0.746 and span F1 0.847; v2
never tuned on). The real sets are Voice of America reports (US government works, public
domain), 2007-2025, as held by the workspace's stored web corpus (the opening ~2,000 characters
of each page); provenance, licence and edits per article are in
tests/fixtures/statements/real/MANIFEST.json. Real dev (8 articles) is tuned on: its first four
articles from the start, the other four were held-out A until its one unseen run (0.780 /
0.780) and were then promoted. Real held-out B (3 articles) was annotated and committed before
its first run (0.579 / 0.789); it was never tuned on directly, but the second session fixed
shapes taken from the list of its misses in docs/statements.md, so its row is no longer a clean
unseen figure. Real held-out C (8 articles on other negotiations) was committed (b8106d3) before
the engine ever ran on it and measured once (0.753 / 0.847), then tuned on. Real held-out D (11
articles, 62 statements) was annotated blind by a helper that never ran or read the engine,
committed (d33850c) before any run, measured once at engine 455aa9b (0.786 / 0.855), then tuned
on. Real held-out E (11 articles, 62 statements) was annotated the same way, committed (a6096f9,
with a commit message naming no topic) before any run, measured once at engine b8901df (0.867 /
0.933), then tuned on in the fourth session. Real held-out F (11 articles, 59 statements) was
annotated the same way while E was being tuned on, committed (b660b17) before any run and
measured once at engine 6e20e7f (0.729 / 0.860), then tuned on (round five). Real held-out G
(11 articles, 60 statements) was annotated the same way, committed (9a0d33b) before any run and
measured once at engine 55b777d (0.790 / 0.941), then tuned on (round six). Real held-out H
(11 articles, 69 statements) was annotated the same way, committed (935fe1c) before any run and
measured once at engine 789c0b0: its row is the clean unseen-copy figure, never tuned on."""
GOALS = """\
Goals (issue 7): speaker+quote F1 >= 0.85 and span F1 >= 0.92 on unseen wire copy; >= 20
articles/s on 2 cores. Four clean unseen runs stand: held-out E (engine b8901df) met both, 0.867
and 0.933; F (6e20e7f) did not, 0.729 / 0.860; G (55b777d) 0.790 / 0.941; H (789c0b0, after
round six, never tuned on) 0.785 / 0.919. Pooled over the four (250 statements) that is about
0.79 / 0.92: the speaker goal is not met on unseen copy and the span goal is at its edge. The
earlier clean runs did not meet them either (C 0.753 / 0.847, D 0.786 / 0.855); B to G are all
tuned on since and their rows say
only that the shapes they showed are handled. One statement moves F1 by about 0.016; the
synthetic held-out figures are an optimistic bound written by the engine's author."""
COMMAND = """\
Command: `.textacy-venv/bin/python bench/statements.py --spacy-model DIR` (the textacy
environment and DIR, an English spaCy pipeline with a parser, as docs/statements.md sets them
up; with `.venv/bin/python` and no DIR, textacy is reported as not run)."""


def write(lines, speeds, textacy_note, n_texts, no_write) -> None:
    from bench._report import machine_line, write_section

    speed_lines = [
        f"- {system}: **{rate:,.0f} articles/s** (one process, one core)"
        for system, rate in speeds.items()
    ]
    speed_head = f"Speed over the {n_texts} articles (loading excluded; textacy includes parsing):"
    parts = [
        "## statements",
        "",
        COMMAND,
        machine_line(),
        "",
        EXPLANATION,
        "",
        *lines,
        "",
        f"textacy: {textacy_note}.",
        "",
        speed_head,
        *speed_lines,
        "",
        GOALS,
    ]
    markdown = "\n".join(parts)
    print(markdown)
    if not no_write:
        write_section("statements", markdown)


if __name__ == "__main__":
    main()
