"""How long a run waits for Yahoo, and when it stops asking.

A network that accepts connections and never answers (a proxy or a firewall that swallows packets)
must not hold a run for minutes. yfinance makes several requests per symbol (a cookie, a crumb, the
time zone, the chart), each with its own 30-second default, and would pay each of them. So the
session handed to yfinance is guarded:

- every request gets our connect and read timeouts, whatever yfinance asked for;
- the first request that cannot connect or times out marks Yahoo down for the rest of the run, and
  every later request fails at once without touching the network.

A dead network therefore costs one read timeout a run (10 s by default), a refused or unreachable
one about nothing. Rate limiting (HTTP 429) is an answer, not a failure: yahoo.py retries it a
bounded number of times with doubling waits.

yfinance accepts only a requests or curl_cffi Session, so the guard wraps the session's `request`
method (both send every verb through it) rather than the session.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CONNECT_TIMEOUT = 5.0  # seconds to open a connection
READ_TIMEOUT = 10.0  # seconds to wait for the answer (between bytes for requests; in all for curl)


@dataclass(frozen=True)
class Timeouts:
    connect: float = CONNECT_TIMEOUT
    read: float = READ_TIMEOUT


class YahooDown(ConnectionError):
    """Raised in place of a request once Yahoo has been marked down in this run."""


class Breaker:
    """Remembers, for one run, that Yahoo failed to answer, and why."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.reason = ""  # "" while Yahoo is up
        self.waited = 0.0  # seconds spent in requests that failed

    @property
    def down(self) -> bool:
        return bool(self.reason)

    def trip(self, reason: str) -> None:
        self.reason = self.reason or reason


def _failure(exc: BaseException) -> str:
    """Why a request failed, when the failure means the network or Yahoo is not answering; else ''."""
    text = f"{type(exc).__name__} {exc}".lower()
    if "timeout" in text or "timed out" in text:
        return "it did not answer in time"
    if any(w in text for w in ("connectionerror", "connection refused", "could not resolve", "name or service",
                               "failed to connect", "network is unreachable", "connection reset",
                               "remotedisconnected", "connection aborted", "max retries")):
        return "the connection failed"
    return ""


def guard(session: Any, timeouts: Timeouts, breaker: Breaker) -> Any:
    """The same session, its every request bounded by `timeouts` and stopped once `breaker` is down."""
    send = session.request

    def request(method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        if breaker.down:
            raise YahooDown(f"Yahoo is marked down for this run: {breaker.reason}")
        kwargs["timeout"] = (timeouts.connect, timeouts.read)
        started = breaker.clock()
        try:
            return send(method, url, *args, **kwargs)
        except Exception as exc:
            why = _failure(exc)
            if why:
                breaker.waited += breaker.clock() - started
                breaker.trip(why)
            raise

    session.request = request
    return session


def new_session() -> Any:
    """The session yfinance would make itself: curl_cffi with a browser's TLS fingerprint (Yahoo refuses
    many plain clients), else requests."""
    try:
        from curl_cffi import requests as curl

        return curl.Session(impersonate="chrome")
    except ImportError:  # yfinance falls back the same way where curl_cffi cannot be built
        import requests

        return requests.Session()
