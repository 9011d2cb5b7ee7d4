"""Consultation benchmark: Accord vs red-dwarf 0.4.0, side by side, on the real Polis
conversations and on synthetic ones; writes the "consultation" section of docs/benchmarks.md.

Run: .venv/bin/python bench/consultation.py          (real + 10k + 100k synthetic)
     .venv/bin/python bench/consultation.py --full   (also 1M participants x 1k statements)
Every measurement runs in its own subprocess (peak memory = ru_maxrss of that process).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
POLIS = ROOT / ".." / "shared" / "data" / "polis"
REAL = ("15-per-hour-seattle", "brexit-consensus", "vtaiwan.uberx")
RED_DWARF_CAP_S = 180


def _synthetic(n: int, d: int = 1000, mean_votes: int = 50, seed: int = 1):
    """n participants in three latent camps, ~mean_votes votes each on popular statements."""
    import numpy as np

    from accord.domain.consultation import Votes

    rng = np.random.default_rng(seed)
    counts = np.minimum(rng.geometric(1 / mean_votes, size=n), d)
    participant = np.repeat(np.arange(n, dtype=np.int64), counts)
    popularity = rng.power(0.5, size=d)
    statement = rng.choice(d, size=participant.size, p=popularity / popularity.sum())
    key = np.unique(participant * d + statement)
    participant, statement = np.divmod(key, d)
    camp = participant % 3
    stance = rng.choice([-1, 0, 1], size=(3, d))
    agree = rng.random(participant.size) < 0.75
    value = np.where(agree, stance[camp, statement], rng.choice([-1, 0, 1], size=participant.size))
    return Votes.from_arrays(participant, statement, value), ()


def _real(name: str):
    from accord.domain.consultation import read_polis

    conversation = read_polis(POLIS / name)
    return conversation.votes, conversation.moderated_out


def _one(engine: str, target: str) -> dict[str, object]:
    votes, mod_out = _synthetic(int(target)) if target.isdigit() else _real(target)
    started = time.perf_counter()
    if engine == "red-dwarf":
        from reddwarf.implementations.polis import run_pipeline

        records = [
            {"participant_id": int(p), "statement_id": int(s), "vote": int(v)}
            for p, s, v in zip(votes.participant, votes.statement, votes.value, strict=True)
        ]
        out = run_pipeline(votes=records, mod_out_statement_ids=list(mod_out), random_state=42)
        labels = out.participants_df["cluster_id"].dropna()
        groups = sorted(sorted(int(p) for p in labels.index[labels == g]) for g in set(labels))
        consensus = [c["tid"] for c in out.consensus["agree"] + out.consensus["disagree"]]
    else:
        from accord.domain.consultation import analyse

        mode = "red-dwarf" if engine == "accord-compat" else "default"
        result = analyse(votes, mode=mode, moderated_out=mod_out)
        groups = sorted(sorted(g.members.tolist()) for g in result.groups)
        consensus = list(result.consensus)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "peak_mb": peak_mb,
        "k": len(groups),
        "votes": len(votes),
        "groups_hash": hash(json.dumps(groups)),
        "consensus": consensus,
    }


def _measure(engine: str, target: str, threads: str, timeout: int) -> dict[str, object] | None:
    env = {
        **os.environ,
        "OPENBLAS_NUM_THREADS": threads,
        "OMP_NUM_THREADS": threads,
        "PYTHONHASHSEED": "0",
    }
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--one", engine, target],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as error:
        print(f"{engine} {target}: {type(error).__name__}", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(label: str, ours: dict | None, theirs: dict | None, ours_name: str) -> str:
    def cell(m: dict | None) -> str:
        return "not run / over cap" if m is None else f"{m['seconds']:.3f} s, {m['peak_mb']:.0f} MB"

    same = "n/a"
    if ours and theirs:
        same = (
            "yes"
            if (ours["k"], ours["groups_hash"], ours["consensus"])
            == (theirs["k"], theirs["groups_hash"], theirs["consensus"])
            else "NO"
        )
    speed = f"{theirs['seconds'] / ours['seconds']:.0f}x" if ours and theirs else "n/a"
    votes = (ours or theirs or {}).get("votes", "?")
    k = ours["k"] if ours else "?"
    cells = [label, votes, f"{ours_name} {cell(ours)}", cell(theirs), speed, k, same]
    return "| " + " | ".join(str(c) for c in cells) + " |"


def main(full: bool) -> None:
    from bench._report import machine_line, write_section

    head = (
        "| conversation | votes | Accord | red-dwarf 0.4.0 | speed-up | k | identical "
        "groups + consensus |\n|---|---|---|---|---|---|---|"
    )
    rows = []
    for name in REAL:
        ours = _measure("accord-compat", name, "1", 300)
        rows.append(_row(name, ours, _measure("red-dwarf", name, "1", 300), "compat"))
    sizes = ["10000", "100000"] + (["1000000"] if full else [])
    for size in sizes:
        ours = _measure("accord-default", size, "2", 900)
        theirs = _measure("red-dwarf", size, "2", RED_DWARF_CAP_S) if size == "10000" else None
        rows.append(_row(f"synthetic {int(size):,} x 1,000", ours, theirs, "default"))
        print(rows[-1], flush=True)
    command = ".venv/bin/python bench/consultation.py" + (" --full" if full else "")
    text = "\n".join(
        [
            "## Consultation (opinion groups, Polis maths)",
            "",
            machine_line(),
            "",
            f"Reproduce: `{command}`. Real conversations: Accord's red-dwarf-compatible mode vs "
            "red-dwarf `run_pipeline(..., random_state=42)`, both single-threaded BLAS "
            "(OPENBLAS_NUM_THREADS=1) in separate processes; time excludes CSV parsing. Synthetic: "
            "Accord's default mode (3 latent camps, ~50 votes per participant, geometric), "
            f"red-dwarf only at 10k (cap {RED_DWARF_CAP_S} s; beyond that its dense pandas pivot "
            "is not attempted). Peak memory is the process's ru_maxrss (includes the interpreter "
            "and data generation). Synthetic rows compare default mode with red-dwarf, so "
            "'identical' is not expected there.",
            "",
            head,
            *rows,
        ]
    )
    write_section("consultation", text)
    print(text)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(_one(sys.argv[2], sys.argv[3])))
    else:
        main(full="--full" in sys.argv)
