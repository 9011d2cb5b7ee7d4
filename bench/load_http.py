"""A minimal asyncio HTTP/1.1 client for the load benchmark: keep-alive, cookies, CSRF.

No client library is installed (no locust, no httpx), and 200 threads of urllib would spend the
two cores the server needs; one event loop with raw sockets costs the server least. Each
simulated delegate owns one `Browser`: its own connection, its own session cookie, and the CSRF
token it read from the last page, exactly as a browser would send them back.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

HX_CSRF = re.compile(rb'"X-CSRFToken": "([^"]+)"')
FORM_CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Browser:
    """One simulated person's browser: one keep-alive connection and a cookie jar."""

    port: int
    timeout: float = 30.0
    cookies: dict[str, str] = field(default_factory=dict)
    csrf: str = ""
    _reader: asyncio.StreamReader | None = None
    _writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, *, htmx: bool = False) -> Response:
        response = await self.request("GET", path, htmx=htmx)
        self._remember_csrf(response.body)
        return response

    async def post(self, path: str, form: dict[str, str], *, htmx: bool = False) -> Response:
        """A form POST carrying the CSRF token the last page gave (field and htmx header)."""
        body = urlencode({**form, "csrfmiddlewaretoken": self.csrf}).encode()
        return await self.request("POST", path, body=body, htmx=htmx)

    def _remember_csrf(self, body: bytes) -> None:
        found = HX_CSRF.search(body) or FORM_CSRF.search(body)
        if found:
            self.csrf = found.group(1).decode()

    async def request(
        self, method: str, path: str, *, body: bytes = b"", htmx: bool = False
    ) -> Response:
        head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}"]
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if method == "POST":
            head += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
                f"X-CSRFToken: {self.csrf}",
            ]
        if htmx:
            head.append("HX-Request: true")
        raw = ("\r\n".join(head) + "\r\n\r\n").encode() + body
        reused = self._writer is not None
        try:
            return await asyncio.wait_for(self._exchange(raw), self.timeout)
        except (ConnectionError, asyncio.IncompleteReadError):
            self.close()
            if not reused:
                raise
        # The server closed an idle keep-alive connection: a browser reconnects and resends.
        return await asyncio.wait_for(self._exchange(raw), self.timeout)

    async def _exchange(self, raw: bytes) -> Response:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self._reader is not None
        self._writer.write(raw)
        await self._writer.drain()
        status_line = await self._reader.readuntil(b"\r\n")
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while (line := await self._reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                self._set_cookie(value)
            headers[name] = value
        body = await self._body(headers)
        if headers.get("connection", "").lower() == "close":
            self.close()
        return Response(status, headers, body)

    async def _body(self, headers: dict[str, str]) -> bytes:
        assert self._reader is not None
        if "content-length" in headers:
            return await self._reader.readexactly(int(headers["content-length"]))
        if headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while size := int((await self._reader.readuntil(b"\r\n")).split(b";")[0], 16):
                chunks.append(await self._reader.readexactly(size))
                await self._reader.readuntil(b"\r\n")
            await self._reader.readuntil(b"\r\n")
            return b"".join(chunks)
        body = await self._reader.read()
        self.close()
        return body

    def _set_cookie(self, value: str) -> None:
        pair, *attributes = value.split(";")
        name, _, content = pair.strip().partition("=")
        expired = any(a.strip().lower() == "max-age=0" for a in attributes)
        if expired or content in ("", '""'):
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = content

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None
