"""Package-deal analysis: Accord against negmas on the same scenarios, side by side.

Run: .venv/bin/python bench/analysis.py   (writes the "analysis" section of docs/benchmarks.md)

Both engines get the same numbers: negmas's ufuns are built from Accord's imported scenario, so
the timings compare algorithms, not XML readers. Timed: frontier plus Nash point (negmas:
`pareto_frontier` + `nash_points`; Accord: `analyse`, which also computes Kalai–Smorodinsky,
egalitarian and utilitarian points and the full frontier rather than its rational part).
negmas runs in a child process stopped after NEGMAS_CAP seconds.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from accord.domain.analysis import (  # noqa: E402
    Constraint,
    Issue,
    Party,
    Scenario,
    ScenarioError,
    analyse,
    load_genius,
)
from bench._report import machine_line, write_section  # noqa: E402

GENIUS = REPO / ".." / "shared" / "data" / "genius"
NEGMAS_CAP = 120.0
N_LARGEST = 20
SCALING_EXPONENTS = (3, 6, 9, 12, 15, 18, 21)
NEGMAS_SCALING_LIMIT = 2 * 10**6


def synthetic(n_parties: int, n_issues: int, n_options: int, seed: int = 0) -> Scenario:
    """Random weights (Dirichlet) and scores with three decimals, best option of each issue 1."""
    rng = np.random.default_rng(seed)
    issues = tuple(
        Issue(f"issue{k}", tuple(f"o{j}" for j in range(n_options))) for k in range(n_issues)
    )
    parties = []
    for p in range(n_parties):
        weights = rng.dirichlet(np.ones(n_issues))
        scores = {}
        for issue in issues:
            raw = rng.random(n_options)
            scores[issue.name] = {
                o: round(float(v), 3) for o, v in zip(issue.options, raw / raw.max(), strict=True)
            }
        parties.append(
            Party(
                f"party{p}",
                {i.name: float(w) for i, w in zip(issues, weights, strict=True)},
                scores,
            )
        )
    return Scenario(issues, tuple(parties), name=f"{n_parties}x{n_issues}x{n_options}")


def _negmas_child(spec: tuple[str, object], queue: multiprocessing.Queue) -> None:
    from negmas.outcomes import make_issue
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.ops import nash_points, pareto_frontier
    from negmas.preferences.value_fun import TableFun

    kind, value = spec
    scenario = load_genius(value) if kind == "folder" else synthetic(*value)  # type: ignore[misc]
    issues = [make_issue(values=list(i.options), name=i.name) for i in scenario.issues]
    ufuns = []
    for party in scenario.parties:
        ufun = LinearAdditiveUtilityFunction(
            values=[TableFun(dict(party.scores[i.name])) for i in scenario.issues],
            weights=[party.weights[i.name] for i in scenario.issues],
            issues=issues,
        )
        ufun.reserved_value = party.reservation
        ufuns.append(ufun)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        frontier, _ = pareto_frontier(ufuns, issues=issues)
        nash_points(ufuns, frontier, issues=issues)
        queue.put((time.perf_counter() - started, len(frontier)))


def negmas_time(spec: tuple[str, object]) -> tuple[float | None, int | None]:
    """negmas's seconds and rational-frontier size, or (None, None) past NEGMAS_CAP."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_negmas_child, args=(spec, queue))
    child.start()
    child.join(NEGMAS_CAP)
    if child.is_alive():
        child.terminate()
        child.join()
        return None, None
    return queue.get() if not queue.empty() else (None, None)


def accord_time(scenario: Scenario) -> tuple[float, int, float, int]:
    result = analyse(scenario)
    rational = int(np.all(result.frontier.utilities >= scenario.reservations, axis=1).sum())
    return result.seconds, len(result.frontier), result.frontier.epsilon, rational


def largest_scenarios() -> list[tuple[str, Path, Scenario]]:
    found = []
    for folder in sorted({p.parent for p in GENIUS.rglob("*.xml")}):
        try:
            scenario = load_genius(folder)
        except ScenarioError:
            continue
        found.append((folder.resolve().relative_to(GENIUS.resolve()).as_posix(), folder, scenario))
    found.sort(key=lambda item: -item[2].n_outcomes)
    return found[:N_LARGEST]


def _cell(seconds: float | None) -> str:
    return f">{NEGMAS_CAP:.0f}" if seconds is None else f"{seconds:.3f}"


def scenario_rows() -> tuple[list[str], list[float], list[bool]]:
    rows, ratios, capped = [], [], []
    for name, folder, scenario in largest_scenarios():
        ours, size, epsilon, rational = accord_time(scenario)
        theirs, their_size = negmas_time(("folder", str(folder)))
        ratio = (NEGMAS_CAP if theirs is None else theirs) / ours
        ratios.append(ratio)
        capped.append(theirs is None)
        shown = f"≥{ratio:,.0f}" if theirs is None else f"{ratio:,.0f}"
        exactness = "exact" if epsilon == 0 else f"ε={epsilon:.3g}"
        rows.append(
            f"| {name} | {len(scenario.parties)} | {scenario.n_outcomes:,} | {size} ({exactness})"
            f" | {rational} | {their_size if their_size is not None else '–'} | {ours:.3f}"
            f" | {_cell(theirs)} | {shown}× |"
        )
        print(rows[-1], flush=True)
    return rows, ratios, capped


def scaling_rows() -> list[str]:
    rows = []
    for exponent in SCALING_EXPONENTS:
        n_issues = math.ceil(exponent / math.log10(5))
        scenario = synthetic(3, n_issues, 5)
        ours, size, epsilon, _ = accord_time(scenario)
        theirs = None
        if scenario.n_outcomes <= NEGMAS_SCALING_LIMIT:
            theirs, _ = negmas_time(("synthetic", (3, n_issues, 5)))
            their_cell = _cell(theirs)
        else:
            their_cell = "not run"
        exactness = "exact" if epsilon == 0 else f"ε={epsilon:.3g}"
        rows.append(
            f"| 3 x {n_issues} x 5 | {scenario.n_outcomes:.2e} | {size} ({exactness}) |"
            f" {ours:.3f} | {their_cell} |"
        )
        print(rows[-1], flush=True)
    return rows


def milp_rows() -> list[str]:
    """The MILP fallback: issues chained by `excludes` rules into one group of 8^7 > 10^6
    combinations (too many for a compound unit), 2 and 3 parties."""
    rows = []
    for n_parties in (2, 3):
        rng = np.random.default_rng(7)
        issues = tuple(Issue(f"i{k}", tuple(f"o{j}" for j in range(8))) for k in range(7))
        parties = []
        for p in range(n_parties):
            weights = rng.random(7)
            weights /= weights.sum()
            parties.append(
                Party(
                    f"p{p}",
                    {i.name: float(w) for i, w in zip(issues, weights, strict=True)},
                    {i.name: {o: float(rng.integers(0, 1001)) / 1000 for o in i.options}
                     for i in issues},
                    0.2,
                )
            )  # fmt: skip
        constraints = tuple(
            Constraint("excludes", f"i{k}", "o0", f"i{k + 1}", "o0") for k in range(6)
        )
        scenario = Scenario(issues=issues, parties=tuple(parties), constraints=constraints)
        began = time.perf_counter()
        result = analyse(scenario)
        seconds = time.perf_counter() - began
        rows.append(
            f"| {n_parties} x 7 x 8, 6 rules | {scenario.n_outcomes:,} | {len(result.frontier)}"
            f" (ε={result.frontier.epsilon:.2g}) | {seconds:.2f} |"
        )
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    started = time.perf_counter()
    rows, ratios, capped = scenario_rows()
    median = statistics.median(ratios)
    big = synthetic(3, 30, 5)
    cpu_started = time.process_time()
    big_seconds, big_size, big_epsilon, _ = accord_time(big)
    big_cpu = time.process_time() - cpu_started
    scaling = scaling_rows()
    milp = milp_rows()
    total = time.perf_counter() - started
    load = os.getloadavg()[0]
    big_line = (
        f"{big.n_outcomes:.2e} outcomes: frontier of {big_size} packages"
        f" ({'exact' if big_epsilon == 0 else f'epsilon {big_epsilon:.3g}'}) in"
        f" **{big_seconds:.2f} s** wall, {big_cpu:.2f} s CPU (goal < 10 s exact:"
        f" {'met' if big_seconds < 10 and big_epsilon == 0 else 'NOT met'}); negmas cannot"
        f" enumerate it. Load average at the end of the run: {load:.1f} on 2 cores (other"
        " engineers' jobs share the machine, so wall times are inflated)."
    )
    write_section("analysis", _markdown(rows, median, capped, big_line, scaling, milp, total))


def _markdown(
    rows: list[str],
    median: float,
    capped: list[bool],
    big_line: str,
    scaling: list[str],
    milp: list[str],
    total: float,
) -> str:
    goal_median = "met" if median >= 100 else "NOT met"
    return "\n".join(
        [
            "## Package-deal analysis (Accord vs negmas)",
            "",
            "Command: `.venv/bin/python bench/analysis.py`",
            "",
            machine_line(),
            "",
            "Same numbers for both: negmas's ufuns are built from Accord's import of each GENIUS",
            "scenario. Timed, excluding file parsing: negmas `pareto_frontier` + `nash_points`",
            "(it enumerates every outcome); Accord `analyse` (dynamic programme over issues, full",
            "frontier, Nash, Kalai–Smorodinsky, egalitarian, utilitarian). negmas's frontier holds",
            "only rational outcomes, so its size is compared with Accord's rational count. negmas",
            f"is stopped after {NEGMAS_CAP:.0f} s (shown as >{NEGMAS_CAP:.0f}; the ratio is then a",
            "lower bound, counted at the cap in the median). Where negmas's frontier is larger",
            "than Accord's rational count, the extra points are ties broken by floating-point",
            "noise: Accord sums exact 1e-12 units, negmas binary floats, in which equal sums can",
            "differ in the last bit so that dominated points survive (see docs/analysis.md).",
            "",
            f"### The {len(rows)} largest scenarios of ../shared/data/genius",
            "",
            "| scenario | parties | outcomes | Accord frontier | rational | negmas frontier |"
            " Accord s | negmas s | speed-up |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"Median speed-up: **{median:,.0f}×** (goal ≥ 100×: {goal_median};"
            f" {sum(capped)} negmas runs hit the cap).",
            "",
            "### 3 parties x 30 issues x 5 options",
            "",
            big_line,
            "",
            "### Scaling (3 parties, 5 options per issue, random scores with 3 decimals)",
            "",
            "| scenario | outcomes | Accord frontier | Accord s | negmas s |",
            "|---|---|---|---|---|",
            *scaling,
            "",
            f"negmas is run only up to {NEGMAS_SCALING_LIMIT:.0e} outcomes.",
            "",
            "### MILP fallback (constraints tying more than 10^6 combinations; HiGHS)",
            "",
            "| scenario | outcomes | frontier (certified ε) | Accord s |",
            "|---|---|---|---|",
            *milp,
            "",
            "The frontier on this path is an epsilon-Pareto set from an epsilon-constraint grid;",
            "the bargaining points are optimal within 1e-6 (docs/analysis.md). negmas has no",
            "constraints, so there is no side-by-side here.",
            "",
            f"Whole run: {total / 60:.1f} min. Note: the journal_learning six_issues scenario"
            " (70 parties) exceeds the stage cap for many parties and is answered as an"
            " epsilon-Pareto set; its certified ε is the covering error actually incurred.",
        ]
    )


if __name__ == "__main__":
    main()
