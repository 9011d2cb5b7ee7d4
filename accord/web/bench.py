"""The load benchmark's ceiling: the same server and middleware with (almost) no view work.

Mounted at /_bench/ceiling only when ACCORD_BENCH_CEILING=1 (bench/load.py sets it on the
throwaway installation it serves); a normal installation has no such URL. It touches no
database and no session, so its latency is what granian plus Django's stack cost by themselves.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from accord.web.env import env_bool

ENABLED = env_bool("ACCORD_BENCH_CEILING", False)


def ceiling(request: HttpRequest) -> HttpResponse:
    """A constant, tiny page."""
    return HttpResponse(b"ok\n", content_type="text/plain")
