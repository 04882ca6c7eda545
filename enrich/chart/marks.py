"""What each of the article's figures puts on a chart: where it goes (a point at the session it was judged
on, a span from a range's start session to its end, a point inside the day's range bar for a moment during
the session), and the words of its entry in the figures key. Pure: no matplotlib here.

The point of a figure is where the article's number would put the price: a close at its value, a move at
the previous close moved by it, a market value at the price that value implies. A supported figure lands
on the data; a contradicted one lands where the article said, away from it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..instruments import instrument
from ..market.data import SharesAt
from ..models import Claim, Judgement, Kind, Moment, PriceSeries, Verdict
from .axis import SessionAxis
from .formats import NumberFormat, day

PRICE_KINDS = (Kind.CLOSE, Kind.OPEN, Kind.HIGH, Kind.LOW, Kind.PRICE, Kind.INDEX_LEVEL)
PCT_KINDS = (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE)
IN_SESSION = (Moment.INTRADAY, Moment.EXTREME, Moment.CLOCK_TIME)
SharesFn = Callable[[dt.date], SharesAt | None]


@dataclass(frozen=True)
class Mark:
    """One figure of the article on the chart and in its key."""

    number: int  # its number in the key, in article order
    verdict: Verdict
    panel: str  # "price", "volume", or "" when it cannot be placed (off the chart): key only
    x: float  # slot on the session axis (a figure after the close sits half a slot after its session)
    y: float  # the price (or volume) the article's figure implies
    quote: str
    said: str  # the article's figure, in the chart's number format
    data: str  # what the data says, in the same format
    when: str  # "6 Aug", or "20 Sep to 24 Dec" for a range
    reason: str = ""  # why unverifiable, in words
    span: tuple[float, float] | None = None  # a range: the slots of its start and end sessions
    base: float | None = None  # a range: the start session's close (or the stated base price)
    day_range: tuple[float, float] | None = None  # a moment during the session: that day's low and high


@dataclass(frozen=True)
class _Entry:
    """What every mark of one figure carries wherever it is drawn: its number, verdict and key words."""

    number: int
    verdict: Verdict
    quote: str
    said: str
    when: str
    reason: str

    def at(self, panel: str, x: float, y: float, data: str, *, day_range: tuple[float, float] | None = None,
           span: tuple[float, float] | None = None, base: float | None = None, when: str | None = None) -> Mark:
        """The mark drawn at (x, y) on `panel`, with what the data says; `when` replaces the entry's day."""
        return Mark(number=self.number, verdict=self.verdict, panel=panel, x=x, y=y, quote=self.quote,
                    said=self.said, data=data, when=self.when if when is None else when, reason=self.reason,
                    span=span, base=base, day_range=day_range)


@dataclass(frozen=True)
class LargestMove:
    x: float
    y: float
    text: str  # "-18.96% on 26 Jul, about -$119.1bn"


def _said(c: Claim, fmt: NumberFormat) -> str:
    hedge = f"{c.approx} " if c.approx else ""
    if c.kind in PCT_KINDS or c.kind is Kind.RANGE_PCT_CHANGE:
        return hedge + fmt.pct(c.value, c.decimals)
    if c.kind in (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE):
        scaled = c.unit_scale in (1e6, 1e9, 1e12) and abs(c.value) >= c.unit_scale
        return hedge + fmt.value(c.value, c.decimals if scaled else None)
    if c.kind is Kind.VOLUME:
        return hedge + fmt.volume(c.value)
    if c.kind is Kind.ABS_CHANGE:
        return hedge + fmt.change(c.value, c.decimals)
    return hedge + fmt.price(c.value, c.decimals)


def _quoted_units(c: Claim) -> float:
    """Quote units per unit of the claim's number: 100 when the article writes pounds for a share quoted
    in pence."""
    market = instrument(c.symbol).market
    return market.per_major if market.per_major != 1 and c.currency == market.currency else 1.0


class MarkBuilder:
    """Marks for one chart: the series it draws, its session axis, its number format and share counts."""

    def __init__(self, series: PriceSeries, axis: SessionAxis, fmt: NumberFormat, shares_at: SharesFn | None):
        self.s, self.axis, self.fmt, self.shares_at = series, axis, fmt, shares_at

    def marks(self, judgements: list[Judgement]) -> list[Mark]:
        return [self.mark(n, j) for n, j in numbered(judgements)]

    def mark(self, number: int, j: Judgement) -> Mark:
        c = j.claim
        session = _judged_session(j)
        reason = j.reason.replace("_", " ")
        bar = self.s.bar(session) if session else None
        x = self.axis.x(session) if session else None
        said = _said(c, self.fmt)
        if bar is None or x is None or session is None:
            when = day(session, year=True) if session else "no session"
            return Mark(number, j.verdict, "", 0.0, 0.0, c.quote, said, "not in this chart's window", when, reason)
        prev = self.s.previous(session)
        moment = c.time.moment if c.time else Moment.CLOSE
        f, units = self.fmt, _quoted_units(c)
        entry = _Entry(number, j.verdict, c.quote, said, day(session), reason)
        if moment is Moment.AFTER_HOURS:
            x, ref = x + 0.5, bar.close  # after the close: against that close
        elif moment is Moment.PRE_MARKET:
            x, ref = x - 0.5, (prev.close if prev else bar.open)
        else:
            ref = prev.close if prev else bar.open
        in_session = moment in IN_SESSION
        day_range = (bar.low, bar.high) if in_session else None
        if c.kind is Kind.RANGE_PCT_CHANGE:
            return self._range(c, j, x, bar.close, entry)
        if c.kind is Kind.VOLUME:
            return entry.at("volume", x, c.value, f"{f.volume(bar.volume)} shares")
        if c.kind in PRICE_KINDS:
            point = {Kind.OPEN: bar.open, Kind.HIGH: bar.high, Kind.LOW: bar.low}.get(c.kind, bar.close)
            data = f"{f.price(bar.low)} to {f.price(bar.high)} in the session" if in_session or (
                c.kind is Kind.PRICE and moment is not Moment.CLOSE) else f"{c.kind.value} {f.price(point)}"
            if c.kind is Kind.INDEX_LEVEL and not in_session:
                data = f"close {f.price(bar.close)}"
            if c.kind is Kind.PRICE and moment is not Moment.CLOSE:
                day_range = (bar.low, bar.high)
            return entry.at("price", x, c.value * units, data, day_range=day_range)
        if c.kind in PCT_KINDS:
            y = ref * (1 + c.value / 100)
            if in_session:
                data = f"{f.pct((bar.low / ref - 1) * 100)} to {f.pct((bar.high / ref - 1) * 100)} in the session"
            elif moment in (Moment.AFTER_HOURS, Moment.PRE_MARKET):
                data = f"close {f.price(bar.close)}; daily bars hold no {moment.value.replace('_', '-')} prices"
            else:
                data = f"{f.pct((bar.close / ref - 1) * 100)} at the close"
            return entry.at("price", x, y, data, day_range=day_range)
        if c.kind is Kind.ABS_CHANGE:
            y = ref + c.value * units
            data = (f"{f.change(bar.low - ref)} to {f.change(bar.high - ref)} in the session" if in_session
                    else f"{f.change(bar.close - ref)} at the close")
            return entry.at("price", x, y, data, day_range=day_range)
        if c.kind in (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE):
            return self._value(c, session, bar.close, ref, x, entry)
        return entry.at("price", x, bar.close, f"close {f.price(bar.close)}")

    def _range(self, c: Claim, j: Judgement, x: float, close: float, entry: _Entry) -> Mark:
        f = self.fmt
        start = c.time.from_session if c.time and c.time.from_session else None
        if start is None and isinstance(j.evidence.get("from_session"), str):
            start = dt.date.fromisoformat(str(j.evidence["from_session"]))
        first = self.s.bar(start) if start else None
        ref = c.base_price * _quoted_units(c) if c.base_price is not None else (first.close if first else None)
        if ref is None:
            return entry.at("price", x, close, f"close {f.price(close)}")
        data = f"{f.pct((close / ref - 1) * 100)}, {f.price(ref)} to {f.price(close)}"
        span = (self.axis.x_near(start), x) if start else None
        when = f"{day(start)} to {entry.when}" if start else entry.when
        return entry.at("price", x, ref * (1 + c.value / 100), data, span=span, base=ref, when=when)

    def _value(self, c: Claim, session: dt.date, close: float, ref: float, x: float, entry: _Entry) -> Mark:
        f = self.fmt
        sh = self.shares_at(session) if self.shares_at else None
        if sh is None or sh.shares <= 0:
            return entry.at("price", x, close, "no share count for the session")
        per_share = c.value * f.per_major / sh.shares  # the article's value, as a price in quote units
        if c.kind is Kind.MARKET_CAP:
            return entry.at("price", x, per_share, f"{f.value(sh.shares * close / f.per_major)} at the close")
        return entry.at("price", x, ref + per_share, f"{f.value(sh.shares * (close - ref) / f.per_major)} at the close")


def numbered(judgements: list[Judgement]) -> list[tuple[int, Judgement]]:
    """A chart's figures numbered 1, 2, ... in the order the article states them."""
    return list(enumerate(sorted(judgements, key=lambda j: (j.claim.start, j.claim.end)), start=1))


def _judged_session(j: Judgement) -> dt.date | None:
    got = j.evidence.get("session")
    if isinstance(got, str):
        try:
            return dt.date.fromisoformat(got)
        except ValueError:
            pass
    return j.claim.session


def largest_move(series: PriceSeries, axis: SessionAxis, fmt: NumberFormat,
                 shares_at: SharesFn | None) -> LargestMove | None:
    """The window's largest one-day move, close to close, with the market value it moved where shares are
    known."""
    best = None
    for d in axis.sessions[1:]:
        bar, prev = series.bar(d), series.previous(d)
        if bar is None or prev is None or prev.close <= 0:
            continue
        move = bar.close / prev.close - 1
        if best is None or abs(move) > abs(best[1]):
            best = (d, move, bar)
    if best is None:
        return None
    d, move, bar = best
    prev = series.previous(d)
    assert prev is not None
    text = f"{fmt.pct(move * 100)} on {day(d)}"
    sh = shares_at(d) if shares_at else None
    if sh is not None and not fmt.is_index:
        text += f", about {fmt.value((bar.close - prev.close) * sh.shares / fmt.per_major)} of market value"
    x = axis.x(d)
    assert x is not None
    return LargestMove(x, bar.close, text)
