"""Slowloris against the real server: 100 clients trickle their headers and never finish.

Granian (Rust, hyper) reads headers without a Python thread, so the trickling clients hold no
worker thread: an ordinary request is still answered while they are connected, and each of
them is disconnected once the header timeout passes although it keeps sending. Slow *bodies*
are another matter (granian has no body timeout): see docs/deploy.md, the proxy buffers them.
"""

from __future__ import annotations

import contextlib
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from tests.durability.install import Server, installation

SLOW_CLIENTS = 100
HEADER_TIMEOUT = 4  # seconds, passed to `accord serve` (production default: 10)
DEADLINE = 180.0  # generous, for a loaded machine: a hang fails instead of blocking the suite

pytestmark = pytest.mark.slow


class SlowClients:
    """Sockets that send a request line, then one more header line now and then, forever."""

    def __init__(self, port: int) -> None:
        self.sockets: list[socket.socket] = []
        self.closed: set[int] = set()
        for _ in range(SLOW_CLIENTS):
            sock = socket.create_connection(("127.0.0.1", port), timeout=30)
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            sock.setblocking(False)
            self.sockets.append(sock)

    def trickle(self) -> None:
        """One header line on every open socket; note those the server has hung up on."""
        for index, sock in enumerate(self.sockets):
            if index in self.closed:
                continue
            try:
                sock.send(b"X-Slow: still-coming\r\n")
                if sock.recv(4096) == b"":
                    self.closed.add(index)
            except BlockingIOError:
                continue  # nothing to read: the server is still waiting for the headers
            except OSError:
                self.closed.add(index)  # reset by the server

    def close(self) -> None:
        for sock in self.sockets:
            sock.close()


def health(server: Server) -> int:
    with urllib.request.urlopen(f"{server.base}/health", timeout=30) as response:
        return response.status


def test_slow_header_senders_neither_starve_the_server_nor_outlive_the_timeout(
    tmp_path: Path,
) -> None:
    with installation("sqlite", tmp_path) as install:
        install.run("migrate")
        install.env["ACCORD_HEADER_TIMEOUT_SECONDS"] = str(HEADER_TIMEOUT)
        server = Server(install, workers=1, threads=2)  # few threads: starvation would show
        server.start()
        slow = SlowClients(server.port)
        try:
            answered = []
            deadline = time.monotonic() + DEADLINE
            while len(slow.closed) < SLOW_CLIENTS and time.monotonic() < deadline:
                slow.trickle()
                if len(slow.closed) < SLOW_CLIENTS // 2:  # most slow clients still connected
                    answered.append(health(server))
                time.sleep(0.5)
            assert answered and set(answered) == {200}, answered
            assert len(slow.closed) == SLOW_CLIENTS, f"{len(slow.closed)} cut off"
            assert server.alive(), server._log_tail()
            assert health(server) == 200
        finally:
            slow.close()
            with contextlib.suppress(Exception):
                server.kill_all()
