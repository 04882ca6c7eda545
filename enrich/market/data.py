"""The market-data facade: bars of a symbol in the prices quoted on the day, and share counts.

Where data comes from, in order: folders given with --data (and a market/ folder beside the
article), then the store, then Yahoo (never with --offline). Whatever the source, prices come
back un-adjusted for the splits between each bar and the date the vendor adjusted them to.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import DataError, OfflineError, UnknownSymbolError
from ..models import Bar, DataProblem, PriceSeries
from .directory import DirectorySource
from .source import RawBar, SharesRow, Split
from .store import Store
from .symbols import SymbolHistory, builtin_spans
from .yahoo import YahooSource


SHARES_STALE = 400  # days: a share count older than that (about four quarterly reports) is not used


@dataclass(frozen=True)
class SharesAt:
    shares: float
    date: dt.date
    source: str
    symbol: str
    split_factor: float = 1.0  # splits between the count's date and the session, applied


def quoted(raw: list[RawBar], splits: list[Split], symbol: str,
           problems: tuple[DataProblem, ...] = ()) -> PriceSeries:
    """Undo the vendor's split adjustment: each bar times the splits after it up to its basis date."""
    bars = []
    for b in raw:
        f = 1.0
        for s in splits:
            if b.date < s.date <= b.basis_date:
                f *= s.ratio
        bars.append(Bar(b.date, b.open * f, b.high * f, b.low * f, b.close * f, b.volume / f))
    n_splits = len({s.date for s in splits if raw and raw[0].date < s.date <= raw[-1].basis_date})
    basis = "as quoted on each day" + (f" (un-adjusted for {n_splits} split{'s' * (n_splits > 1)})" if n_splits else "")
    src = raw[-1].source if raw else ""
    fetched = max((b.fetched_at for b in raw), default="")
    inside = tuple(sorted({(s.date, s.ratio) for s in splits if raw and raw[0].date < s.date <= raw[-1].date}))
    return PriceSeries(symbol, tuple(bars), basis, src, fetched, problems, inside)


def _within(problems: list[DataProblem], start: dt.date, end: dt.date) -> tuple[DataProblem, ...]:
    return tuple(p for p in problems if p.date is None or start <= p.date <= end)


def _bears_on(p: DataProblem, counted: dt.date, day: dt.date) -> bool:
    """A share-count row set aside bears on `day` when it may have been a later count than the one used."""
    return p.date is None or counted < p.date <= day


class MarketData:
    def __init__(self, *, folders: list[DirectorySource] | None = None, store: Store | None = None,
                 yahoo: YahooSource | None = None, offline: bool = False) -> None:
        self.folders = list(folders or [])
        self.store = store
        self.yahoo = None if offline else yahoo
        spans = builtin_spans()
        for f in self.folders:
            spans.extend(f.symbol_spans())
        if store is not None:
            spans.extend(store.symbol_spans())
        self.symbols = SymbolHistory(spans)
        self._cache: dict[tuple[str, dt.date, dt.date], PriceSeries] = {}
        self._met: dict[str, DataProblem] = {}  # problems of the data used so far, for the CLI to warn of
        self._taken = 0
        for f in self.folders:
            self._meet(f.problems_met())

    def _meet(self, problems: Iterable[DataProblem]) -> None:
        for p in problems:
            self._met.setdefault(str(p), p)

    def take_problems(self) -> list[DataProblem]:
        """The problems of the data used since the last call (rows set aside, conflicts), each once: the
        CLI prints them as warnings. Only what bears on the spans asked for is here; `enrich data check`
        lists every problem of a folder or the store."""
        if self.yahoo is not None and self.yahoo.store_trouble:
            self._meet([DataProblem("store", None, None, f"{self.yahoo.store_trouble}; Yahoo's answers are used for "
                                                         f"this run but not kept")])
        met = list(self._met.values())
        new, self._taken = met[self._taken:], len(met)
        return new

    def problems_for(self, symbols: Iterable[str]) -> list[str]:
        """The problems of the data about these symbols in the folders (their prices, split and share rows, the
        symbols file), each once, in a fixed order: what a record warns of. They depend on nothing else read in
        the run, so N processes give the records one gives. `enrich data check` lists a folder's every problem."""
        found: list[DataProblem] = []
        for symbol in symbols:
            for member in self.symbols.family(symbol):
                for f in self.folders:
                    if f.has(member):
                        found += f.problems(member)
                    found += f.shares_problems(member)
        for f in self.folders:
            f.symbol_spans()
            found += [p for p in f.problems_met() if p.file.endswith("symbols.csv")]
        return list(dict.fromkeys(str(p) for p in found))

    def _local(self, symbol: str, start: dt.date, end: dt.date
               ) -> tuple[list[RawBar], list[Split], tuple[DataProblem, ...]] | None:
        for member in self.symbols.family(symbol):
            for f in self.folders:
                if f.has(member):
                    return f.bars(member, start, end), f.splits(member), _within(f.problems(member), start, end)
            if self.store is not None and self.store.has(member):
                rows = self.store.bars(member, start, end)
                if rows or self.store.covered(member, "bars", start, end):
                    return rows, self.store.splits(member), _within(self.store.problems(member), start, end)
            kept = self.yahoo.held(member, start, end) if self.yahoo is not None else None
            if kept is not None:
                return kept[0], kept[1], _within(kept[2], start, end)
        return None

    def _held(self, symbol: str, start: dt.date, end: dt.date) -> bool:
        """True when a folder has the symbol, or the store has fetched the whole span."""
        family = self.symbols.family(symbol)
        if any(f.has(m) for f in self.folders for m in family):
            return True
        last = min(end, dt.date.today())
        if self.yahoo is not None and any(self.yahoo.held(m, start, last) for m in family):
            return True
        return self.store is not None and any(self.store.covered(m, "bars", start, last) for m in family)

    def prefetch(self, wants: list[tuple[str, dt.date, dt.date]]) -> None:
        """Fetch every symbol no local source holds, one request per symbol (yfinance asks per symbol)."""
        if self.yahoo is None:
            return
        missing: dict[tuple[dt.date, dt.date], list[str]] = {}
        for symbol, start, end in wants:
            if not self._held(symbol, start, end):
                missing.setdefault((start, end), []).append(self.symbols.current(symbol))
        for (start, end), symbols in missing.items():
            self.yahoo.fetch(symbols, start, end)

    def series(self, symbol: str, start: dt.date, end: dt.date) -> PriceSeries:
        """Daily bars of `symbol` over [start, end], in the prices quoted on each day."""
        key = (symbol, start, end)
        if key in self._cache:
            return self._cache[key]
        found = self._local(symbol, start, end)
        if found is None or not found[0]:
            if self.yahoo is not None:
                self.yahoo.fetch([self.symbols.current(symbol)], start, end)
                found = self._local(symbol, start, end)
            elif found is None:
                where = ", ".join(f.name for f in self.folders) or "the store"
                raise OfflineError(f"no price data for {symbol} in {where} and --offline is set; import data with "
                                   f"'enrich data import DIR' or run without --offline")
        if found is None:
            raise UnknownSymbolError(symbol)
        raw, splits, problems = found
        self._meet(problems)
        if not raw:
            why = f" (set aside: {problems[0]})" if problems else ""
            raise DataError(f"no {symbol} bars between {start} and {end}; the data holds none for those "
                            f"dates{why}")
        out = quoted(raw, splits, symbol, problems)
        self._cache[key] = out
        return out

    def shares_lookup(self, symbol: str) -> Callable[[dt.date], SharesAt | None]:
        """`shares_at` for one symbol, remembered per day, with 'no data' (or a failed fetch) as None."""
        cache: dict[dt.date, SharesAt | None] = {}

        def get(day: dt.date) -> SharesAt | None:
            if day not in cache:
                try:
                    cache[day] = self.shares_at(symbol, day)
                except DataError:
                    cache[day] = None
            return cache[day]

        return get

    def benchmark(self, symbol: str, chosen: str | None, start: dt.date, end: dt.date) -> PriceSeries | None:
        """The index to compare a symbol with (the S&P 500 unless chosen; none for an index), if data exists."""
        bench = chosen or ("^GSPC" if not symbol.startswith("^") else None)
        if not bench or bench == symbol:
            return None
        try:
            return self.series(bench, start, end)
        except DataError:
            return None

    def shares_at(self, symbol: str, day: dt.date) -> SharesAt | None:
        """The latest sourced share count at or before `day`, adjusted for splits since its date; none when that
        count is more than SHARES_STALE days old (companies report it each quarter: an older one is another
        company's share count in all but name, after buybacks and issues)."""
        rows: list[SharesRow] = []
        splits: list[Split] = []
        problems: list[DataProblem] = []
        for member in self.symbols.family(symbol):
            for f in self.folders:
                rows += f.shares(member)
                splits += f.splits(member)
                problems += f.shares_problems(member)
            if self.store is not None:
                rows += self.store.shares(member)
                splits += self.store.splits(member)
                problems += self.store.shares_problems(member)
        best = max((r for r in rows if day - dt.timedelta(days=SHARES_STALE) <= r.date <= day), key=lambda r: r.date,
                   default=None)
        # A count row that could not be read may be the count for this day: then there is none to trust.
        blocking = [p for p in problems if _bears_on(p, best.date if best else dt.date.min, day)]
        if blocking:
            self._meet(blocking)
            return None
        if best is None and self.yahoo is not None:
            current = self.symbols.current(symbol)
            self.yahoo.fetch_shares(current, day - dt.timedelta(days=400), day)
            rows = self.store.shares(current) if self.store else []
            best = max((r for r in rows if day - dt.timedelta(days=SHARES_STALE) <= r.date <= day),
                       key=lambda r: r.date, default=None)
        if best is None:
            return None
        factor = 1.0
        for s in {(s.date, s.ratio) for s in splits}:
            if best.date < s[0] <= day:
                factor *= s[1]
        return SharesAt(best.shares * factor, best.date, best.source, best.symbol, factor)
