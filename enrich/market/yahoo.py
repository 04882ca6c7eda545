"""Yahoo Finance through yfinance: the only module that imports yfinance.

One request per symbol covers the whole span from the first day asked for to today, with
actions, so the same answer gives the bars and every split since (needed to turn Yahoo's
split-adjusted prices back into the prices quoted on the day). The result goes to the store
with a coverage row, so a second run over the same span makes no request.

Yahoo's answers are checked row by row like a data folder (rows.py): a glitch row is set aside
and recorded in the store's problems. Every request is bounded and the first one that fails to
connect or times out marks Yahoo down for the rest of the run (network.py). An answer the store
cannot take (locked by a long import, a full disk) is kept in memory and used for this run; after
the first such failure the store is not tried again this run, so no run waits on it twice.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import DataError, OfflineError, ProviderError, StoreError, UnknownSymbolError
from ..models import DataProblem
from .network import Breaker, Timeouts, YahooDown, guard, new_session
from .rows import Row, sound_rows
from .source import RawBar, SharesRow, Split
from .store import Store, now_utc

SOURCE = "yahoo (yfinance)"


@dataclass(frozen=True)
class Unstored:
    """An answer the store could not take, used from memory for the rest of the run."""

    start: dt.date
    bars: tuple[RawBar, ...]
    splits: tuple[Split, ...]
    problems: tuple[DataProblem, ...]


def _is_rate_limit(exc: BaseException) -> bool:
    # not a bare "429" in the message: the message of any failure may hold a URL or a port number with it
    status = getattr(getattr(exc, "response", None), "status_code", None)
    return type(exc).__name__ == "YFRateLimitError" or status == 429 or "Too Many Requests" in str(exc) or \
        "HTTP Error 429" in str(exc)


def _is_timeout(exc: BaseException) -> bool:
    return "timeout" in type(exc).__name__.lower() or "timed out" in str(exc).lower()


def _is_unreachable(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return any(w in text for w in ("connectionerror", "could not resolve", "name or service", "failed to connect",
                                   "connection refused", "network is unreachable", "max retries"))


def _is_missing(exc: BaseException) -> bool:
    name = type(exc).__name__
    text = str(exc)
    return name in ("YFPricesMissingError", "YFTzMissingError", "YFInvalidPeriodError", "YFTickerMissingError") or (
        "delisted" in text or "No data found" in text or "404 Client Error" in text or "Quote not found" in text)


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """yfinance logs its failures to stderr itself; ours become one clear error, so hush it meanwhile."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


class YahooSource:
    """Fetches from Yahoo into a Store. `session` is the seam tests use to fake the HTTP side."""

    name = SOURCE

    def __init__(self, store: Store, *, session: Any = None, timeouts: Timeouts = Timeouts(), tries: int = 4,
                 backoff: float = 2.0, sleep: Callable[[float], None] = time.sleep,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.store = store
        self.timeouts = timeouts
        self.breaker = Breaker()
        self._session = session
        self._guarded: Any = None
        self.tries = tries
        self.backoff = backoff
        self.sleep = sleep
        self.today = today
        self.requests = 0  # chart/fundamentals calls made through yfinance, for tests and logs
        self.unstored: dict[str, Unstored] = {}
        self.store_trouble = ""  # why the store could not take an answer this run ("" while it can)

    def _ticker(self, symbol: str) -> Any:
        import yfinance as yf

        if self._guarded is None:  # made on first use: a run that needs no network builds no session
            self._guarded = guard(self._session if self._session is not None else new_session(), self.timeouts,
                                  self.breaker)
        return yf.Ticker(symbol, session=self._guarded)

    def _down(self, symbol: str, what: str) -> ProviderError:
        return ProviderError(f"Yahoo is not answering ({self.breaker.reason}: connect {self.timeouts.connect:g} s, "
                            f"read {self.timeouts.read:g} s), so {what} for {symbol} were not fetched and no more "
                            f"requests are made this run; check the network or proxy, or run with --offline and "
                            f"--data DIR")

    def _call(self, symbol: str, what: str, fn: Callable[[], Any]) -> Any:
        """Run one yfinance call with bounded retries on rate limiting; map failures to our errors."""
        delay = self.backoff
        for attempt in range(1, self.tries + 1):
            if self.breaker.down:
                raise self._down(symbol, what)
            self.requests += 1
            try:
                with warnings.catch_warnings(), _quiet("yfinance"):
                    warnings.simplefilter("ignore")
                    return fn()
            except Exception as exc:  # yfinance raises many types; sort them by what they mean
                if self.breaker.down or isinstance(exc, YahooDown):
                    raise self._down(symbol, what) from None
                if _is_rate_limit(exc):
                    if attempt == self.tries:
                        raise ProviderError(f"Yahoo rate-limited {what} for {symbol} {self.tries} times; wait a few "
                                            f"minutes and run again, or use --data DIR") from None
                    self.sleep(delay)
                    delay *= 2
                    continue
                if _is_timeout(exc):
                    raise ProviderError(f"Yahoo did not answer {what} for {symbol} within {self.timeouts.read:g} s; "
                                        f"try again, or run with --offline and --data DIR") from None
                if _is_unreachable(exc):
                    raise OfflineError(f"cannot reach Yahoo for {symbol} ({type(exc).__name__}); check the network "
                                       f"or run with --offline and --data DIR") from None
                if type(exc).__name__ == "YFPricesMissingError" and what == "prices":
                    raise DataError(f"Yahoo has no {symbol} bars in the span asked for ({exc}); choose dates when it "
                                    f"traded") from None
                if _is_missing(exc):
                    raise UnknownSymbolError(symbol, "Yahoo") from None
                raise ProviderError(f"Yahoo {what} for {symbol} failed: {type(exc).__name__}: "
                                    f"{str(exc).splitlines()[0] if str(exc) else ''}; try again or use --data DIR") from None
        raise AssertionError("unreachable")

    def fetch(self, symbols: list[str], start: dt.date, end: dt.date) -> list[str]:
        """Make sure the store holds bars of each symbol over [start, end]; return those fetched now."""
        today = self.today()
        fetched = []
        for symbol in dict.fromkeys(symbols):
            kept = self.unstored.get(symbol)
            if (kept is not None and kept.start <= start) or self.store.covered(symbol, "bars", start, min(end, today)):
                continue
            frame = self._call(symbol, "prices", functools.partial(self._history, symbol, start, today))
            if frame is None or len(frame) == 0:
                raise UnknownSymbolError(symbol, f"Yahoo (no bars from {start} to {today})")
            self._save(symbol, frame, start, today)
            fetched.append(symbol)
        return fetched

    def _history(self, symbol: str, start: dt.date, today: dt.date) -> Any:
        return self._ticker(symbol).history(
            start=start.isoformat(), end=(today + dt.timedelta(days=1)).isoformat(), interval="1d",
            auto_adjust=False, actions=True, raise_errors=True, timeout=self.timeouts.read)

    def _save(self, symbol: str, frame: Any, start: dt.date, today: dt.date) -> None:
        at = now_utc()
        rows, splits, dividends = [], [], []
        for ts, row in frame.iterrows():
            day = ts.date()
            if row.get("Stock Splits", 0) not in (0, None) and row["Stock Splits"] == row["Stock Splits"]:
                splits.append(Split(symbol, day, float(row["Stock Splits"]), SOURCE))
            if row.get("Dividends", 0) not in (0, None) and row["Dividends"] == row["Dividends"]:
                dividends.append((symbol, day, float(row["Dividends"]), SOURCE))
            if row["Close"] != row["Close"]:  # NaN: no trade that day
                continue
            adj = row.get("Adj Close", row["Close"])
            open_ = float(row["Open"]) if row["Open"] == row["Open"] else 0.0
            rows.append(Row(None, day, open_, float(row["High"]), float(row["Low"]), float(row["Close"]),
                            float(adj), float(row.get("Volume", 0) or 0)))
        sound, problems = sound_rows(rows, SOURCE, symbol, today)
        bars = [RawBar(symbol, r.date, r.open, r.high, r.low, r.close, r.adj_close, r.volume, today, SOURCE, at)
                for r in sound]
        # Today's bar may be a session still trading: it is kept, but the coverage stops at yesterday, so
        # the next run asks again and the final bar replaces it.
        done = today - dt.timedelta(days=1)
        if not self.store_trouble:
            try:
                self.store.put(bars=bars, splits=splits, dividends=dividends,
                               coverage=[(symbol, "bars", start, done, SOURCE), (symbol, "splits", start, done, SOURCE)],
                               problems=[("bars", SOURCE, p) for p in problems], replace_problems=[(symbol, SOURCE)],
                               fetched_at=at)
                return
            except StoreError as e:
                self.store_trouble = str(e)
        self.unstored[symbol] = Unstored(start, tuple(bars), tuple(splits), tuple(problems))

    def held(self, symbol: str, start: dt.date, end: dt.date) -> tuple[list[RawBar], list[Split],
                                                                        list[DataProblem]] | None:
        """This run's answer for the symbol that the store could not take, if any."""
        kept = self.unstored.get(symbol)
        if kept is None or kept.start > start:
            return None
        return [b for b in kept.bars if start <= b.date <= end], list(kept.splits), list(kept.problems)

    def fetch_shares(self, symbol: str, start: dt.date, end: dt.date) -> None:
        """Shares outstanding from Yahoo's fundamentals series, one row per date."""
        if self.store.covered(symbol, "shares", start, end):
            return
        series = self._call(symbol, "shares", lambda: self._ticker(symbol).get_shares_full(
            start=start.isoformat(), end=(end + dt.timedelta(days=1)).isoformat()))
        rows: dict[dt.date, float] = {}
        if series is not None:
            for ts, value in series.items():
                if value == value and value > 0:
                    rows[ts.date()] = float(value)  # later duplicates of a day replace earlier ones
        if self.store_trouble:
            raise ProviderError(f"Yahoo answered shares for {symbol}, but the store cannot take them: "
                                f"{self.store_trouble}")
        try:
            self.store.put(shares=[SharesRow(symbol, d, v, SOURCE + " get_shares_full")
                                   for d, v in sorted(rows.items())], coverage=[(symbol, "shares", start, end, SOURCE)])
        except StoreError as e:
            self.store_trouble = str(e)
            raise ProviderError(f"Yahoo answered shares for {symbol}, but {e}") from None
