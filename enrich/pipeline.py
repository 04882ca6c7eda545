"""The order of the stages, in one place:

    article -> mentions -> claims (with sessions) -> market data -> verdicts -> chart / appendix / report
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .calendar import get_calendar
from .claims import ClaimBuilder
from .gazetteer import load as load_gazetteer
from .errors import DataError, DataFileError
from .market import DirectorySource, MarketData, Store, YahooSource
from .market.data import SharesAt
from .mentions import MentionFinder
from .models import Article, Claim, Judgement, Kind, Mention, Moment, PriceSeries, Verdict
from .output import Checked as Checked, Extraction as Extraction  # the results live with their plain-data forms
from .sessions import IN_PROGRESS
from .verify import Judge


def open_market(data_dirs: list[str] | None = None, *, store_path: str | None = None, offline: bool = False,
                near: list[str] | None = None, use_store: bool = True) -> MarketData:
    """Market data from --data folders (and a market/ folder beside an article file), the store and Yahoo."""
    folders = [DirectorySource(d) for d in data_dirs or []]
    for path in near or []:
        beside = Path(path).resolve().parent / "market"
        if path != "-" and (beside / "prices").is_dir() and all(f.root != beside for f in folders):
            folders.append(DirectorySource(beside))
    store = Store(store_path) if use_store else None
    yahoo = YahooSource(store) if store is not None and not offline else None
    return MarketData(folders=folders, store=store, yahoo=yahoo, offline=offline)


class Enricher:
    """Holds what is costly to build (gazetteer, calendar, regexes) across many articles."""

    def __init__(self, market: MarketData | None = None) -> None:
        self.market = market
        self.calendar = get_calendar("XNYS")
        self.mentions = MentionFinder(valid_from=self._valid_from if market else None)
        self.claims = ClaimBuilder(self.calendar, load_gazetteer().descriptors)

    def _valid_from(self, symbol: str) -> dt.date | None:
        return self.market.symbols.valid_from(symbol) if self.market else None

    def extract(self, article: Article) -> Extraction:
        day = article.published.date() if article.published else None
        symbol_on = self.market.symbols.on if self.market else None
        mentions = self.mentions.find(article.text, day, symbol_on)
        titled = self._title_mentions(article, day, symbol_on)
        claims = _outside_hours_when_restated(_intraday_when_close_given(self.claims.extract(article, mentions,
                                                                                             titled)))
        if symbol_on and day:
            claims = [c if c.session is None else _renamed(c, symbol_on(c.symbol, c.session)) for c in claims]
        return Extraction(article, tuple(titled) + tuple(mentions), tuple(claims))

    def _title_mentions(self, article: Article, day: dt.date | None,
                        symbol_on: Callable[[str, dt.date], str] | None) -> list[Mention]:
        """The companies and indices a title names that its text does not repeat at its top ("Ericsson sheds SEK
        40bn" above "Shares in the Swedish telecom equipment maker dived 11.6%"): mentions with no place in the
        text (start = end = 0), and what the text's referring words may mean."""
        title = article.title.strip()
        if not title or title in article.text[:len(title) + 200]:
            return []  # the text carries its title: read there
        return [replace(m, start=0, end=0) for m in self.mentions.find(title, day, symbol_on)]

    def check(self, article: Article) -> Checked:
        ex = self.extract(article)
        assert self.market is not None, "check() needs market data"
        spans: dict[str, tuple[dt.date, dt.date]] = {}
        for c in ex.claims:
            if c.session is None:
                continue
            days = [c.session, *(c.time.candidates if c.time else ())]
            if c.time and c.time.from_session:
                days.append(c.time.from_session)
            lo, hi = min(days) - dt.timedelta(days=10), max(days) + dt.timedelta(days=3)
            if c.base_price is not None or (c.time is not None and c.time.listing):
                lo = dt.date(1990, 1, 1)  # the listing's first bar is wanted
            old = spans.get(c.symbol)
            spans[c.symbol] = (min(lo, old[0]), max(hi, old[1])) if old else (lo, hi)
        try:
            self.market.prefetch([(s, a, b) for s, (a, b) in spans.items()])
        except DataFileError:
            raise  # the user's data file is broken: say so rather than set figures aside
        except DataError:
            pass  # each symbol is tried again below, and its figures are set apart if it has no data
        series: dict[str, PriceSeries] = {}
        shares: dict[str, Callable[[dt.date], SharesAt | None]] = {}  # one lookup (and its cache) per symbol
        judged: list[Judgement] = []
        unchecked: list[Judgement] = []
        for c in ex.claims:
            if c.session is None:
                if article.published is None:
                    unchecked.append(Judgement(c, Verdict.UNVERIFIABLE, "no_publish_time", {},
                                               "The publish time is unknown, so the session cannot be placed; pass "
                                               "--published."))
                else:
                    why = c.time.why if c.time else ""
                    unchecked.append(Judgement(c, Verdict.UNVERIFIABLE, "no_session", {},
                                               f"No trading session can be placed for this figure ({why})."))
                continue
            if c.symbol not in series:
                try:
                    series[c.symbol] = self.market.series(c.symbol, *spans[c.symbol])
                except DataFileError:
                    raise
                except DataError as e:
                    unchecked.append(Judgement(c, Verdict.UNVERIFIABLE, "no_data", {}, str(e)))
                    continue
            s = series[c.symbol]
            if c.base_price is not None and c.time and c.time.from_session is None and s.bars:
                c = _with_from(c, s.bars[0].date)
            if c.time and c.time.listing and s.bars and c.session and 0 < (c.session - s.bars[0].date).days <= 31:
                c = _on_listing_day(c, s.bars[0].date)
            if c.symbol not in shares:
                shares[c.symbol] = self.market.shares_lookup(c.symbol)
            j = Judge(s, shares[c.symbol]).judge(c)
            (unchecked if j.reason == "no_data" else judged).append(j)
        warnings = tuple(self.market.problems_for(sorted({c.symbol for c in ex.claims})))
        return Checked(article, ex.mentions, tuple(judged), tuple(unchecked), series, warnings)


def _intraday_when_close_given(claims: list[Claim]) -> list[Claim]:
    """A move with no time words, in an article that also states that session's close move or closing
    price for the same company with other numbers, is a move during the session ("slid more than 4
    percent on Wednesday ... By the close, down 3.4 percent")."""
    moves = (Kind.PCT_CHANGE, Kind.ABS_CHANGE, Kind.INDEX_PCT_CHANGE)
    same: dict[tuple[str, dt.date | None, Kind], list[Claim]] = {}  # the others a move is compared with
    for o in claims:
        same.setdefault((o.symbol, o.session, o.kind), []).append(o)
    out = []
    for c in claims:
        t = c.time
        if t is not None and c.kind in moves and not t.moment_stated and t.moment is Moment.CLOSE and any(
                o is not c and o.value != c.value and o.time is not None and o.time.moment is Moment.CLOSE
                and o.time.moment_stated for o in same[(c.symbol, c.session, c.kind)]):
            c = replace(c, time=replace(t, moment=Moment.INTRADAY, why=t.why + "; the text gives the close "
                                                                             "separately, so this is during the session"))
        out.append(c)
    return out


def _outside_hours_when_restated(claims: list[Claim]) -> list[Claim]:
    """A move with no time of day whose very figure the article gives again for the same session as an
    after-hours or pre-market move is that move ("slumped 14 percent on Monday ... After the bell on Monday
    the shares slid 14 percent")."""
    moves = (Kind.PCT_CHANGE, Kind.ABS_CHANGE)
    outside = {(o.symbol, o.session, o.kind, o.value): o.time.moment for o in claims
               if o.kind in moves and o.time is not None and o.time.moment_stated
               and o.time.moment in (Moment.AFTER_HOURS, Moment.PRE_MARKET)}
    if not outside:
        return claims
    out = []
    for c in claims:
        t = c.time
        moment = outside.get((c.symbol, c.session, c.kind, c.value))
        if t is not None and moment is not None and not t.moment_stated:
            said = "after-hours" if moment is Moment.AFTER_HOURS else "pre-market"
            c = replace(c, time=replace(t, moment=moment, why=t.why + f"; the text gives the same move as {said} "
                                                                      f"elsewhere"))
        out.append(c)
    return out


def _renamed(c: Claim, symbol: str) -> Claim:
    return c if symbol == c.symbol else replace(c, symbol=symbol)


def _on_listing_day(c: Claim, first: dt.date) -> Claim:
    """"finished its first day of trading valued at $88 billion": the first session the data holds for it."""
    assert c.time is not None
    moment = c.time.moment if c.time.moment_stated else Moment.CLOSE  # the publish day's clock is not that day's
    return replace(c, time=replace(c.time, session=first, moment=moment, candidates=(), alternatives=(),
                                   why=c.time.why.replace(IN_PROGRESS, "")
                                   + f"; its first day of trading, {first}, the first session in the data"))


def _with_from(c: Claim, first: dt.date) -> Claim:
    assert c.time is not None
    return replace(c, time=replace(c.time, from_session=first))
