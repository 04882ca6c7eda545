"""Judge each claim against the bars of its session: supported, contradicted or unverifiable, and why.

Pure: takes the claim, the symbol's bars (in prices quoted on the day) and a share count, and
returns a Judgement. Fetching the bars is the pipeline's job.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from . import tolerance as tol
from .market.data import SharesAt
from .models import Bar, Claim, Judgement, Kind, Moment, PriceSeries, Verdict

PRICE_KINDS = (Kind.CLOSE, Kind.OPEN, Kind.HIGH, Kind.LOW, Kind.PRICE, Kind.INDEX_LEVEL)
MOVE_KINDS = (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.ABS_CHANGE, Kind.MARKET_CAP_CHANGE)
UNCHECKABLE = {Moment.AFTER_HOURS: "after_hours", Moment.PRE_MARKET: "pre_market", Moment.CLOCK_TIME: "clock_time"}


def _day(d: dt.date) -> str:
    return d.strftime("%a %d %b %Y").replace(" 0", " ")


def money(x: float, symbol: str) -> str:
    if symbol.startswith("^"):
        return f"{x:,.2f}"
    ax = abs(x)
    sign = "-" if x < 0 else ""
    if ax >= 1e12:
        return f"{sign}${ax / 1e12:.3g} trillion"
    if ax >= 1e9:
        return f"{sign}${ax / 1e9:.4g} billion"
    if ax >= 1e6:
        return f"{sign}${ax / 1e6:.4g} million"
    return f"{sign}${ax:,.2f}"


def _pct(a: float, b: float) -> float:
    return (a / b - 1.0) * 100.0


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

    # -- the figure each kind implies, as an interval [lo, hi] of what the data allows -------------
    def actual(self, c: Claim, day: dt.date, moment: Moment) -> tuple[float, float, str, dict[str, object]] | None:
        """(lo, hi, what, extra evidence) for the claim at `day`, or None when a bar is missing."""
        bar, prev = self.s.bar(day), self.s.previous(day)
        if bar is None:
            return None
        extra: dict[str, object] = {}
        sym = self.s.symbol
        if c.kind in PRICE_KINDS:
            point = {Kind.CLOSE: bar.close, Kind.OPEN: bar.open, Kind.HIGH: bar.high, Kind.LOW: bar.low}.get(c.kind)
            if c.kind in (Kind.PRICE,) or (c.kind is Kind.INDEX_LEVEL and moment is Moment.INTRADAY):
                return bar.low, bar.high, f"traded between {money(bar.low, sym)} and {money(bar.high, sym)}", extra
            point = bar.close if point is None else point
            return point, point, f"{c.kind.value if c.kind is not Kind.INDEX_LEVEL else 'close'} {money(point, sym)}", extra
        if c.kind is Kind.VOLUME:
            return bar.volume, bar.volume, f"volume {bar.volume:,.0f} shares", extra
        if c.kind is Kind.RANGE_PCT_CHANGE:
            base = c.base_price
            frm = c.time.from_session if c.time else None
            if base is None:
                if frm is None or self.s.bar(frm) is None:
                    return None
                base = self.s.bar(frm).close  # type: ignore[union-attr]
                extra["from_session"], extra["from_close"] = frm.isoformat(), round(base, 4)
            else:
                extra["base_price"] = base
            p = _pct(bar.close, base)
            extra["pct_change"] = round(p, 4)
            return p, p, f"{p:+.2f}% from {money(base, sym)} to {money(bar.close, sym)}", extra
        if prev is None:
            return None
        lo_p, hi_p, cl = bar.low, bar.high, bar.close
        if moment is Moment.OPEN:
            lo_p = hi_p = bar.open
        elif moment is Moment.CLOSE:
            lo_p = hi_p = cl
        if c.kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE):
            lo, hi = _pct(lo_p, prev.close), _pct(hi_p, prev.close)
            extra["pct_change"] = round(_pct(cl, prev.close), 4)
            what = (f"{lo:+.2f}%" if lo == hi else f"{lo:+.2f}% to {hi:+.2f}% during the session") + \
                f" against the previous close {money(prev.close, sym)}"
            return lo, hi, what, extra
        if c.kind is Kind.ABS_CHANGE:
            lo, hi = lo_p - prev.close, hi_p - prev.close
            extra["abs_change"] = round(cl - prev.close, 4)
            return lo, hi, f"{money(lo, sym)}" + (f" to {money(hi, sym)}" if lo != hi else "") + \
                f" from {money(prev.close, sym)}", extra
        if c.kind in (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE):
            sh = self.shares(day)
            if sh is None:
                return None
            extra.update(shares=int(sh.shares), shares_date=sh.date.isoformat(), shares_source=sh.source)
            if c.kind is Kind.MARKET_CAP:
                lo, hi = (cl, cl) if moment is Moment.CLOSE else (bar.low, bar.high)
                lo, hi = sh.shares * lo, sh.shares * hi
                extra["market_cap"] = round(sh.shares * cl)
                return lo, hi, f"{money(sh.shares * cl, sym)} at the close ({sh.shares / 1e9:.4g} billion shares)", extra
            lo, hi = sh.shares * (lo_p - prev.close), sh.shares * (hi_p - prev.close)
            extra["market_cap_change"] = round(sh.shares * (cl - prev.close))
            return lo, hi, (f"{money(sh.shares * (cl - prev.close), sym)} ({cl - prev.close:+.2f} a share x "
                            f"{sh.shares / 1e9:.4g} billion shares)"), extra
        return None

    def judge(self, c: Claim) -> Judgement:
        t = c.time
        assert t is not None and t.session is not None
        moment = t.moment
        ev = self.evidence(t.session)
        if moment in UNCHECKABLE:
            return Judgement(c, Verdict.UNVERIFIABLE, UNCHECKABLE[moment], ev,
                             f"{c.symbol}'s figure is {moment.value.replace('_', '-')}"
                             f"{' (a stated time of day)' if moment is Moment.CLOCK_TIME else ''}; daily bars cannot "
                             f"check it. Regular session {_day(t.session)}: close "
                             f"{money(self.s.bar(t.session).close, c.symbol) if self.s.bar(t.session) else 'n/a'}.")
        if t.extreme and c.kind in (Kind.HIGH, Kind.LOW, Kind.CLOSE):
            return self._judge_extreme(c, ev)
        sessions = [t.session] + [d for d in t.candidates if d != t.session]
        first = None
        for i, day in enumerate(sessions):
            got = self.actual(c, day, moment)
            if got is None:
                if i == 0:
                    reason = "no_shares" if c.kind in (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE) and \
                        self.s.bar(day) is not None else "no_data"
                    first = (reason, day)
                continue
            lo, hi, what, extra = got
            ok = tol.overlaps(c, lo, hi)
            if not ok and c.approx in tol.EXTREME and c.kind in MOVE_KINDS:
                ok = self._extreme(c, day)
            if i == 0:
                first = (lo, hi, what, extra, ok)
            if ok:
                note = "" if i == 0 else self._date_note(c, day)
                ev = {**self.evidence(day), **extra}
                return Judgement(c, Verdict.SUPPORTED, "", ev, self._sentence(c, day, what, True), note)
        if first is None or isinstance(first[0], str):
            reason, day = first if first else ("no_data", t.session)
            msg = ("no share count at or before the session" if reason == "no_shares"
                   else f"no {c.symbol} data for {_day(day)}")
            return Judgement(c, Verdict.UNVERIFIABLE, reason, ev, f"Cannot check {c.quote!r}: {msg}.")
        lo, hi, what, extra, _ = first
        ev = {**ev, **extra}
        return Judgement(c, Verdict.CONTRADICTED, "", ev, self._sentence(c, t.session, what, False))

    def _judge_extreme(self, c: Claim, ev: dict[str, object]) -> Judgement:
        """A record, a 52-week or a month's high or low: the figure is checked against that extreme of the
        candidate sessions, as the day's high (low) or as a close (outlets write "record high" for both; a
        "record close" is checked as a close only)."""
        t = c.time
        assert t is not None and t.session is not None
        days = sorted({t.session, *t.candidates})
        bars = [(d, b) for d in days if (b := self.s.bar(d)) is not None]
        if not bars:
            return Judgement(c, Verdict.UNVERIFIABLE, "no_data", ev,
                             f"Cannot check {c.quote!r}: no {c.symbol} data from {_day(days[0])} to {_day(days[-1])}.")
        pick = max if t.extreme == "high" else min
        readings = [] if c.kind is Kind.CLOSE else [(t.extreme, pick(bars, key=lambda db: getattr(db[1], t.extreme)))]
        readings.append(("close", pick(bars, key=lambda db: db[1].close)))
        most = "highest" if t.extreme == "high" else "lowest"

        def said(what: str, day: dt.date, bar: Bar) -> str:
            return (f"{most} {what} from {_day(bars[0][0])} to {_day(bars[-1][0])}: "
                    f"{money(getattr(bar, what), self.s.symbol)} on {_day(day)}")

        for what, (day, bar) in readings:
            value = getattr(bar, what)
            if tol.overlaps(c, value, value):
                return Judgement(c, Verdict.SUPPORTED, "", self.evidence(day),
                                 self._sentence(c, day, said(what, day, bar), True))
        what, (day, bar) = readings[0]  # none fits: the day's extreme (or, for a record close, the close)
        return Judgement(c, Verdict.CONTRADICTED, "", self.evidence(day),
                         self._sentence(c, day, said(what, day, bar), False))

    def _extreme(self, c: Claim, day: dt.date) -> bool:
        bar, prev = self.s.bar(day), self.s.previous(day)
        if bar is None or prev is None:
            return False
        if c.kind is Kind.ABS_CHANGE:
            ext = bar.high - prev.close if c.value > 0 else bar.low - prev.close
        else:
            ext = _pct(bar.high if c.value > 0 else bar.low, prev.close)
        return abs(ext) + tol.vendor_noise(c.kind, c.value) + tol.half_unit(c) >= abs(c.value) and ext * c.value > 0

    def _date_note(self, c: Claim, day: dt.date) -> str:
        t = c.time
        assert t is not None and t.session is not None
        said = t.text or "the session the text implies"
        rel = "before" if day < t.session else "after"
        return (f"Date: the text says {said!r} (judged as around {_day(t.session)}), but the move that fits is "
                f"on {_day(day)}, {abs((t.session - day).days)} days {rel}; check the wording.")

    def _sentence(self, c: Claim, day: dt.date, what: str, ok: bool) -> str:
        verdict = "agrees" if ok else "does not agree"
        hedge = f" ({c.approx})" if c.approx else ""
        return (f"{c.symbol} on {_day(day)}: {what}. The article's {c.quote!r}{hedge} {verdict} "
                f"(accepted: {tol.describe(c)}).")
