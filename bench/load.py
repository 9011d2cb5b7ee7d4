"""Load against granian on loopback: page views, writes, and a trivial view as the ceiling.

`python -m bench.load [--users 50] [--seconds 20]`: a fresh SQLite installation (or a fresh
PostgreSQL database when DATABASE_URL is postgres) with the test table, `accord serve`, then
USERS threads each with its own API token loop for SECONDS over three kinds of request:
page views (the process dashboard, signed in), writes (POST a position) and /health (the
ceiling: the same server and stack with almost no work). Writes section "load" of
docs/benchmarks.md with throughput and p50/p95/p99 per kind. Bounded in time, loopback only.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from bench._report import machine_line, write_section
from tests.durability.install import Server, database_kinds, installation
from tests.table import PASSWORD


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def signed_in_opener(base: str, username: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{base}/login/").read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    body = f"username={username}&password={PASSWORD}&csrfmiddlewaretoken={token}".encode()
    request = urllib.request.Request(f"{base}/login/", data=body, headers={"Referer": base})
    opener.open(request).read()
    return opener


def drive(server: Server, token: str, pid: int, iid: int, users: int, seconds: float) -> dict:
    samples: dict[str, list[float]] = {"page": [], "write": [], "ceiling": []}
    errors = {"count": 0}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def user(index: int) -> None:
        opener = signed_in_opener(server.base, "ua")
        write = {"issue_id": iid, "stance": f"load {index}", "visibility": "own"}
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        kinds = [
            ("page", lambda: opener.open(f"{server.base}/p/{pid}/")),
            (
                "write",
                lambda: urllib.request.urlopen(
                    urllib.request.Request(
                        f"{server.base}/api/processes/{pid}/positions",
                        data=json.dumps(write).encode(),
                        headers=headers,
                        method="POST",
                    )
                ),
            ),
            ("ceiling", lambda: urllib.request.urlopen(f"{server.base}/health")),
        ]
        n = 0
        while time.monotonic() < stop:
            kind, call = kinds[n % 3]
            n += 1
            started = time.perf_counter()
            try:
                with call() as response:
                    response.read()
            except (OSError, http.client.HTTPException):
                with lock:
                    errors["count"] += 1
                continue
            with lock:
                samples[kind].append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"samples": samples, "errors": errors["count"], "seconds": seconds}


def row(kind: str, values: list[float], seconds: float) -> str:
    p50, p95, p99 = (percentile(values, q) for q in (50, 95, 99))
    rate = len(values) / seconds
    return f"| {kind} | {len(values)} | {rate:.1f} | {p50:.0f} | {p95:.0f} | {p99:.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    lines = [machine_line(), ""]
    for kind in database_kinds():
        with tempfile.TemporaryDirectory() as tmp, installation(kind, Path(tmp)) as install:
            pid, iid = install.build_table()
            token = install.run("token", "create", "ua", "load").stdout.strip().splitlines()[-1]
            server = Server(install)
            server.start()
            try:
                result = drive(server, token, pid, iid, args.users, args.seconds)
            finally:
                server.kill_all()
        lines += [
            f"**{kind}**, {args.users} concurrent users, {args.seconds:.0f} s, "
            f"granian 1 worker × 8 threads, {result['errors']} errors",
            "",
            "| request | count | per second | p50 ms | p95 ms | p99 ms |",
            "|---|---|---|---|---|---|",
            *(row(k, v, args.seconds) for k, v in result["samples"].items() if v),
            "",
        ]
    write_section("load", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
