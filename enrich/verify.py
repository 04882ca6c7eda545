"""Judge each claim against the bars of its session: supported, contradicted or unverifiable, and why.

Pure: takes the claim, the symbol's bars (in prices quoted on the day) and a share count, and returns a
Judgement. Fetching the bars is the pipeline's job.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from . import tolerance as tol
from .instruments import instrument
from .market.data import SharesAt
from .models import Bar, Claim, Judgement, Kind, Moment, PriceSeries, Verdict

PRICE_KINDS = (Kind.CLOSE, Kind.OPEN, Kind.HIGH, Kind.LOW, Kind.PRICE, Kind.INDEX_LEVEL)
MOVE_KINDS = (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.ABS_CHANGE, Kind.MARKET_CAP_CHANGE)
VALUE_KINDS = (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE)
UNCHECKABLE = {Moment.AFTER_HOURS: "after_hours", Moment.PRE_MARKET: "pre_market", Moment.CLOCK_TIME: "clock_time"}
MONEY_KINDS = (Kind.CLOSE, Kind.OPEN, Kind.HIGH, Kind.LOW, Kind.PRICE, Kind.ABS_CHANGE, *VALUE_KINDS)
DOLLARS = frozenset({"USD", "AUD", "CAD", "HKD", "SGD", "NZD", "TWD"})  # a bare "$" is read as USD: any of these


def other_money(c: Claim) -> bool:
    """The figure is money of another currency than the line trades in (an A$ price against a London line): the
    line's bars cannot check it. A bare "$" (read as US dollars) may be any dollar."""
    if c.kind not in MONEY_KINDS or not c.currency:
        return False
    m = instrument(c.symbol).market
    said, own = c.currency.upper(), {m.currency.upper(), m.quote_unit.upper()}
    return said not in own and not (said == "USD" and own & DOLLARS)
Actual = tuple[float, float, str, dict[str, object]]


def _day(d: dt.date) -> str:
    return d.strftime("%a %d %b %Y").replace(" 0", " ")


def money(x: float, symbol: str) -> str:
    """A price or value in the symbol's own quoting ("$12.40", "446.00p", "Rs 1,234.50"); index points bare."""
    inst = instrument(symbol)
    if inst.is_index:
        return f"{x:,.2f}"
    ax, sign = abs(x), "-" if x < 0 else ""
    unit = inst.market.quote_unit
    prefix = {"USD": "$", "GBP": "£", "EUR": "€", "INR": "Rs ", "JPY": "¥", "HKD": "HK$"}.get(unit, "")
    suffix = {"GBp": "p", "ZAc": "c"}.get(unit, "" if prefix else f" {unit}")
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if ax >= scale:
            return f"{sign}{prefix}{ax / scale:.4g} {word}{suffix}"
    return f"{sign}{prefix}{ax:,.2f}{suffix}"


def _pct(a: float, b: float) -> float:
    return (a / b - 1.0) * 100.0


def _step(series: PriceSeries, i: int) -> float:
    """The rounding of the vendor's closes near bar i: 0.1 when they are all whole tenths (an index stored to one
    decimal), else 0 (no rounding wider than a cent to allow for)."""
    near = series.bars[max(0, i - 5):i + 5]  # vendors store in single precision: 6298.899902 is 6298.9
    if near and all(abs(b.close * 10 - round(b.close * 10)) < 0.01 for b in near):
        return 0.1 if any(abs(b.close - round(b.close)) > 0.001 for b in near) else 1.0
    return 0.0


class Judge:
    def __init__(self, series: PriceSeries, shares: Callable[[dt.date], SharesAt | None]) -> None:
        self.s = series
        self.shares = shares

    def evidence(self, day: dt.date) -> dict[str, object]:
        bar, prev = self.s.bar(day), self.s.previous(day)
        ev: dict[str, object] = {"session": day.isoformat()}
        if prev is not None:
            ev["prev_close"] = round(prev.close, 4)
        if bar is not None:
            ev.update(open=round(bar.open, 4), high=round(bar.high, 4), low=round(bar.low, 4),
                      close=round(bar.close, 4), volume=int(bar.volume))
        ev.update(self.s.provenance(day))  # source, snapshot date, basis, and data problems bearing on the day
        return ev

    def _unit(self, c: Claim) -> float:
        """Bars in the claim's unit: a London price written in pounds is compared with bars in pence / 100."""
        m = instrument(c.symbol).market
        if m.per_major != 1.0 and (c.currency == m.currency or c.kind in VALUE_KINDS):
            return 1.0 / m.per_major
        return 1.0

    # -- the figure each kind implies, as an interval [lo, hi] of what the data allows -------------
    def actual(self, c: Claim, day: dt.date, moment: Moment, frm: dt.date | None = None) -> Actual | None:
        """(lo, hi, what, extra evidence) for the claim at `day` (a change measured from session `frm` when given,
        else from the session before), or None when a bar is missing."""
        i = self.s.index_of(day)
        if i is None:
            return None
        bar = self.s.bars[i]
        prev = self.s.bars[i - 1] if i else None
        k = self._unit(c)
        sym = self.s.symbol
        if c.kind in PRICE_KINDS:
            if c.kind is Kind.PRICE or (moment is Moment.INTRADAY and c.kind is Kind.INDEX_LEVEL):
                return bar.low * k, bar.high * k, f"traded between {money(bar.low, sym)} and " \
                                                  f"{money(bar.high, sym)}", {}
            point = {Kind.OPEN: bar.open, Kind.HIGH: bar.high, Kind.LOW: bar.low}.get(c.kind, bar.close)
            what = {Kind.OPEN: "open", Kind.HIGH: "high", Kind.LOW: "low"}.get(c.kind, "close")
            return point * k, point * k, f"{what} {money(point, sym)}", {}
        if c.kind is Kind.VOLUME:
            return bar.volume, bar.volume, f"volume {bar.volume:,.0f} shares", {}
        if c.kind is Kind.RANGE_PCT_CHANGE:
            return self._range(c, bar, frm)
        if frm is not None and c.kind in (Kind.ABS_CHANGE, Kind.MARKET_CAP_CHANGE, Kind.PCT_CHANGE,
                                          Kind.INDEX_PCT_CHANGE):
            start = self.s.bar(frm)
            if start is None:
                return None
            prev, extra = start, {"from_session": frm.isoformat(), "from_close": round(start.close, 4)}
        else:
            extra = {}
        if prev is None and c.offer_price is not None:  # the first day of trading: the move from the IPO price
            prev = replace(bar, close=c.offer_price / k)
            extra["offer_price"] = c.offer_price
        if prev is None:
            return None
        lo_p, hi_p = bar.low, bar.high
        if moment is Moment.OPEN:
            lo_p = hi_p = bar.open
        elif moment is Moment.CLOSE or frm is not None:
            lo_p = hi_p = bar.close
        cl = bar.close
        if c.kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE):
            lo, hi = _pct(lo_p, prev.close), _pct(hi_p, prev.close)
            extra["pct_change"] = round(_pct(cl, prev.close), 4)
            what = (f"{lo:+.2f}%" if lo == hi else f"{lo:+.2f}% to {hi:+.2f}% during the session") + \
                (f" against the IPO price {money(prev.close, sym)}" if "offer_price" in extra
                 else f" against the previous close {money(prev.close, sym)}")
            return lo, hi, what, extra
        if c.kind is Kind.ABS_CHANGE:
            lo, hi = (lo_p - prev.close) * k, (hi_p - prev.close) * k
            extra["abs_change"] = round(cl - prev.close, 4)
            return lo, hi, f"{money(lo / k, sym)}" + (f" to {money(hi / k, sym)}" if lo != hi else "") + \
                f" from {money(prev.close, sym)}", extra
        return self._value(c, day, bar, prev, lo_p, hi_p, k, extra)

    def _range(self, c: Claim, bar: Bar, frm: dt.date | None) -> Actual | None:
        """A change over several sessions: from a stated base price, from the close of the session the period
        starts at, or from the extreme of a span ("21% below its record high")."""
        extra: dict[str, object] = {}
        t = c.time
        base = c.base_price
        if base is not None:
            extra["base_price"] = base
            base = base / self._unit(c)
        elif frm is not None and self.s.bar(frm) is not None:
            base = self.s.bar(frm).close  # type: ignore[union-attr]
            extra["from_session"], extra["from_close"] = frm.isoformat(), round(base, 4)
            base /= self.s.split_factor(frm, bar.date)  # in the shares of the later day
        elif t is not None and not t.extreme and self.s.previous(bar.date) is not None and frm is None:
            base = self.s.previous(bar.date).close  # type: ignore[union-attr]  # a single session of a vague period
            extra["prev_close"] = round(base, 4)
        elif t is not None and t.extreme and t.candidates:
            bars = [(d, b) for d in t.candidates if d < bar.date and (b := self.s.bar(d)) is not None]
            if not bars:
                return None
            pick = max if t.extreme == "high" else min
            d, b = pick(bars, key=lambda db: db[1].close / self.s.split_factor(db[0], bar.date))
            extra["from_session"], extra["from_close"] = d.isoformat(), round(b.close, 4)
            base = b.close / self.s.split_factor(d, bar.date)
        else:
            return None
        p = _pct(bar.close, base)
        extra["pct_change"] = round(p, 4)
        return p, p, f"{p:+.2f}% from {money(base, self.s.symbol)} to {money(bar.close, self.s.symbol)}", extra

    def _value(self, c: Claim, day: dt.date, bar: Bar, prev: Bar, lo_p: float, hi_p: float, k: float,
               extra: dict[str, object]) -> Actual | None:
        sh = self.shares(day)
        if sh is None:
            return None
        sym = self.s.symbol
        cl = bar.close
        extra.update(shares=int(sh.shares), shares_date=sh.date.isoformat(), shares_source=sh.source)
        if c.kind is Kind.MARKET_CAP:
            lo, hi = (cl, cl) if lo_p == hi_p else (bar.low, bar.high)
            extra["market_cap"] = round(sh.shares * cl * k)
            return sh.shares * lo * k, sh.shares * hi * k, \
                f"{money(sh.shares * cl, sym)} at the close ({sh.shares / 1e9:.4g} billion shares)", extra
        lo, hi = sh.shares * (lo_p - prev.close) * k, sh.shares * (hi_p - prev.close) * k
        extra["market_cap_change"] = round(sh.shares * (cl - prev.close) * k)
        return lo, hi, (f"{money(sh.shares * (cl - prev.close), sym)} ({cl - prev.close:+.2f} a share x "
                        f"{sh.shares / 1e9:.4g} billion shares)"), extra

    def judge(self, c: Claim) -> Judgement:
        t = c.time
        assert t is not None and t.session is not None
        moment = t.moment
        ev = self.evidence(t.session)
        if moment in UNCHECKABLE:
            bar = self.s.bar(t.session)
            return Judgement(c, Verdict.UNVERIFIABLE, UNCHECKABLE[moment], ev,
                             f"{c.symbol}'s figure is {moment.value.replace('_', '-')}"
                             f"{' (a stated time of day)' if moment is Moment.CLOCK_TIME else ''}; daily bars cannot "
                             f"check it. Regular session {_day(t.session)}: close "
                             f"{money(bar.close, c.symbol) if bar else 'n/a'}"
                             + (f", range {money(bar.low, c.symbol)} to {money(bar.high, c.symbol)}." if bar else "."))
        if c.kind is Kind.VOLUME and moment is Moment.INTRADAY:
            return Judgement(c, Verdict.UNVERIFIABLE, "clock_time", ev, f"{c.quote!r} counts the shares traded up to "
                             f"a moment of the session; the day's volume ({ev.get('volume', 'n/a')}) cannot check it.")
        if t.extreme and c.kind in (Kind.HIGH, Kind.LOW, Kind.CLOSE, Kind.INDEX_LEVEL, Kind.PRICE):
            return self._judge_extreme(c, ev)
        # candidates are other sessions a vague period allows; for a gap from an extreme they are where to look
        # for the extreme, not other sessions the figure could be of
        others = [] if c.kind is Kind.RANGE_PCT_CHANGE and t.extreme else [d for d in t.candidates if d != t.session]
        sessions = [t.session] + others
        first: tuple[float, float, str, dict[str, object], bool] | None = None
        missing = ""
        for n, day in enumerate(sessions):
            # the stated period first (a change over it from its start); the candidates are single sessions
            got = self.actual(c, day, moment, t.from_session if n == 0 else None)
            if got is None:
                if n == 0:
                    missing = "no_shares" if c.kind in VALUE_KINDS and self.s.bar(day) is not None else "no_data"
                continue
            lo, hi, what, extra = got
            step = _step(self.s, self.s.index_of(day) or 0)
            ok = tol.overlaps(c, lo, hi, step)
            if not ok and tol.is_extreme(c) and c.kind in MOVE_KINDS:
                ok = self._extreme(c, day)
            if n == 0:
                first = (lo, hi, what, extra, ok)
            if ok:
                note = "" if n == 0 else self._date_note(c, day)
                return Judgement(c, Verdict.SUPPORTED, "", {**self.evidence(day), **extra},
                                 self._sentence(c, day, what, True, step), note)
        if first is None:
            msg = ("no share count at or before the session" if missing == "no_shares"
                   else f"no {c.symbol} data for {_day(t.session)}")
            return Judgement(c, Verdict.UNVERIFIABLE, missing or "no_data", ev, f"Cannot check {c.quote!r}: {msg}.")
        lo, hi, what, extra, _ = first
        step = _step(self.s, self.s.index_of(t.session) or 0)
        for day in t.alternatives:  # the words leave the session open and another reading fits: say so
            got = self.actual(c, day, moment)
            if got is not None and tol.overlaps(c, got[0], got[1], step):
                return Judgement(c, Verdict.UNVERIFIABLE, "ambiguous_session", {**ev, **extra},
                                 f"{c.quote!r} gives no day and the article no time of day: it does not fit "
                                 f"{_day(t.session)} ({what}) but fits {_day(day)}; the text leaves the session open.",
                                 f"Date: it fits {_day(day)}; say which day.")
        if other_money(c):
            return Judgement(c, Verdict.UNVERIFIABLE, "other_currency", {**ev, **extra},
                             f"{c.quote!r} is in {c.currency}; {c.symbol} trades in {instrument(c.symbol).currency}, "
                             f"so its bars ({what}) cannot check it.")
        return Judgement(c, Verdict.CONTRADICTED, "", {**ev, **extra}, self._sentence(c, t.session, what, False, step),
                         self._neighbour_note(c, moment))

    def _neighbour_note(self, c: Claim, moment: Moment) -> str:
        """For a figure that does not fit its session but fits the one before or after it (never one after
        publication): a note, the verdict unchanged ("closed at $58.79 on Wednesday": Tuesday's close)."""
        t = c.time
        assert t is not None and t.session is not None
        i = self.s.index_of(t.session)
        if i is None or c.kind is Kind.RANGE_PCT_CHANGE:
            return ""
        for j in (i - 1, i + 1):
            if not 0 <= j < len(self.s.bars):
                continue
            day = self.s.bars[j].date
            if t.last_session is None or day > t.last_session:
                continue
            got = self.actual(c, day, moment)
            if got is not None and tol.overlaps(c, got[0], got[1]):
                return (f"Date: the figure does not fit {_day(t.session)} but fits {_day(day)}; check the date the "
                        f"text gives.")
        return ""

    def _judge_extreme(self, c: Claim, ev: dict[str, object]) -> Judgement:
        """A record, a 52-week or a month's high or low: the figure is checked against that extreme of the
        candidate sessions, as the day's high (low) or as a close (outlets write "record high" for both; a
        "record close" is checked as a close only)."""
        t = c.time
        assert t is not None and t.session is not None
        named = t.session
        days = sorted({t.session, *t.candidates})
        bars = [(d, b) for d in days if (b := self.s.bar(d)) is not None]
        if not bars:
            return Judgement(c, Verdict.UNVERIFIABLE, "no_data", ev,
                             f"Cannot check {c.quote!r}: no {c.symbol} data from {_day(days[0])} to {_day(days[-1])}.")
        sign = 1 if t.extreme == "high" else -1

        def level(what: str, day: dt.date, bar: Bar) -> float:  # in the shares of the session named
            return float(getattr(bar, what)) / self.s.split_factor(day, named) * self.s.split_factor(named, day)

        def extreme_of(what: str) -> tuple[dt.date, Bar]:
            # of equal extremes, the session the text names (ties are common in closes quoted to the cent)
            return max(bars, key=lambda db: (sign * round(level(what, *db), 6), db[0] == named))

        readings = [] if c.kind is Kind.CLOSE else [(t.extreme, extreme_of(t.extreme))]
        readings.append(("close", extreme_of("close")))
        most = "highest" if t.extreme == "high" else "lowest"
        k = self._unit(c)

        def said(what: str, day: dt.date, bar: Bar) -> str:
            quoted = getattr(bar, what)
            adjusted = level(what, day, bar)
            as_then = "" if abs(adjusted - quoted) < 1e-9 else \
                f" ({money(adjusted, self.s.symbol)} in the shares of {_day(named)}, after splits)"
            return (f"{most} {what} from {_day(bars[0][0])} to {_day(bars[-1][0])}: "
                    f"{money(quoted, self.s.symbol)} on {_day(day)}{as_then}")

        for what, (day, bar) in readings:
            value = level(what, day, bar) * k
            step = _step(self.s, self.s.index_of(day) or 0)
            if tol.overlaps(c, value, value, step):
                return Judgement(c, Verdict.SUPPORTED, "", self.evidence(day),
                                 self._sentence(c, day, said(what, day, bar), True, step))
        what, (day, bar) = readings[0]  # none fits: the day's extreme (or, for a record close, the close)
        return Judgement(c, Verdict.CONTRADICTED, "", self.evidence(day),
                         self._sentence(c, day, said(what, day, bar), False))

    def _extreme(self, c: Claim, day: dt.date) -> bool:
        bar, prev = self.s.bar(day), self.s.previous(day)
        if bar is None or prev is None:
            return False
        if c.kind is Kind.ABS_CHANGE:
            ext = (bar.high - prev.close if c.value > 0 else bar.low - prev.close) * self._unit(c)
        else:
            ext = _pct(bar.high if c.value > 0 else bar.low, prev.close)
        return abs(ext) + tol.vendor_noise(c.kind, c.value) + tol.half_unit(c) >= abs(c.value) and ext * c.value > 0

    def _date_note(self, c: Claim, day: dt.date) -> str:
        t = c.time
        assert t is not None and t.session is not None
        said = t.text or "the session the text implies"
        rel = "before" if day < t.session else "after"
        return (f"Date: the text says {said!r} (judged as around {_day(t.session)}), but the figure that fits is "
                f"on {_day(day)}, {abs((t.session - day).days)} days {rel}; check the wording.")

    def _sentence(self, c: Claim, day: dt.date, what: str, ok: bool, step: float = 0.0) -> str:
        verdict = "agrees" if ok else "does not agree"
        hedge = f" ({c.approx})" if c.approx else ""
        return (f"{c.symbol} on {_day(day)}: {what}. The article's {c.quote!r}{hedge} {verdict} "
                f"(accepted: {tol.describe(c, step)}).")
