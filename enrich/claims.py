"""Statements to claims: the kinds of eval/FORMAT.md, signed values, hedges, quotes and sessions.

The reader (enrich/reader) says what each figure is in words (a move, a level, a market value...), whose it is
and with which time words; here that becomes a claim kind for the subject (an index's level, a company's close),
and the time words become sessions through the subject's exchange calendar (sessions.py).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from . import tolerance as tol
from .calendar import Calendar, get_calendar
from .errors import NoSessionsError
from .instruments import instrument
from .models import Article, Claim, Kind, Mention, Moment, TimeRef
from .reader.read import Reader, Statement
from .reader.timex import CALENDAR_SPANS, TKind
from .sessions import in_progress, resolve

LEVELS = {"close": Kind.CLOSE, "open": Kind.OPEN, "high": Kind.HIGH, "low": Kind.LOW, "price": Kind.PRICE}
OUTSIDE = (Moment.AFTER_HOURS, Moment.PRE_MARKET)


def kind_of(st: Statement, quoted_bare: bool = False) -> Kind | None:
    """The claim kind a statement makes for its subject, or None when it makes none. `quoted_bare`: its sentence
    gives the price without a currency too ("ended at 168,500, down 2,000"), so a whole number is a price move."""
    f, q = st.figure, st.figure.q
    index = instrument(st.symbol).is_index
    r = f.reading
    if r in ("change", "restate", "gapped"):
        if q.unit == "pct":
            return Kind.INDEX_PCT_CHANGE if index else Kind.PCT_CHANGE
        if q.unit == "money":
            if q.large:
                return None if index else Kind.MARKET_CAP_CHANGE
            return None if index else Kind.ABS_CHANGE
        if q.unit == "points" or (q.unit == "plain" and q.scale == 1 and (index or q.decimals > 0 or quoted_bare)):
            return Kind.ABS_CHANGE  # "up 5.2m" (members, subscribers) is a count, not a price move
        return None
    if r == "from_extreme":
        return Kind.RANGE_PCT_CHANGE if q.unit == "pct" else None
    if r == "value_change":
        return Kind.MARKET_CAP_CHANGE if q.unit == "money" and not index else None
    if r == "value":
        return Kind.MARKET_CAP if q.unit == "money" and not index else None
    if r == "volume":
        return Kind.VOLUME if q.unit == "plain" and q.value >= 1000 and not index else None
    if r in ("level", "after_move", "before_move"):
        if q.unit == "pct" or (q.unit == "money" and q.large):
            return None
        level = f.level or "price"
        if index:
            if q.unit == "money":
                return None
            return LEVELS[level] if level in ("high", "low") else Kind.INDEX_LEVEL
        if q.unit == "points" or (q.unit == "plain" and q.value >= 1e5 and level not in ("close", "open")):
            return None  # (a price without its currency, "ended the session at 168,500", is one when a close names it)
        return LEVELS.get(level, Kind.PRICE)
    return None


class ClaimBuilder:
    def __init__(self, default: Calendar, descriptors: dict[str, str] | None = None) -> None:
        self.default = default
        self.reader = Reader(descriptors)

    def calendar(self, symbol: str) -> Calendar:
        code = instrument(symbol).calendar
        if code == self.default.code:
            return self.default
        try:
            return get_calendar(code)
        except (ValueError, KeyError):
            return self.default

    def extract(self, article: Article, mentions: Sequence[Mention], titled: Sequence[Mention] = ()) -> list[Claim]:
        """The article's claims; `titled` are the mentions of a title the text does not carry."""
        reading = self.reader.read(article, mentions, titled)
        bare = {(st.sentence, st.symbol) for st in reading.statements  # a sentence quoting a price without currency
                if st.figure.q.unit == "plain" and st.figure.reading in ("level", "after_move")}
        drafts = [d for d in (self._draft(article, st, reading.snapshot, (st.sentence, st.symbol) in bare)
                              for st in reading.statements) if d is not None]
        intraday = _intraday_sessions(drafts, reading.during, reading.headlines)
        out: list[Claim] = []
        for st, kind, time in drafts:
            claim = self._claim(article, st, kind, time, intraday)
            if claim is not None:
                out.append(claim)
        return out

    def _draft(self, article: Article, st: Statement, snapshot: bool, quoted_bare: bool = False
               ) -> tuple[Statement, Kind, TimeRef] | None:
        """The kind a statement makes and its sessions, before what the whole article says is weighed."""
        kind = kind_of(st, quoted_bare)
        if kind is None:
            return None
        f = st.figure
        spec = st.time
        if kind in (Kind.HIGH, Kind.LOW) and st.extreme == "new":
            kind = Kind.PRICE  # "a new low of $36.90": a price the stock reached, lower than before
        if kind is Kind.PRICE and st.extreme in ("record", "year"):
            kind = Kind.LOW if st.side == "low" else Kind.HIGH  # "down from nearly $300 -- an all-time high"
        if kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE) and (
                (spec.period is not None and spec.period.kind in (TKind.SPAN, *CALENDAR_SPANS))
                or st.base_price is not None):
            kind = Kind.RANGE_PCT_CHANGE
        if f.reading == "before_move" and spec.period is not None and spec.day is None:
            kind = Kind.CLOSE  # "sliding from $32.25 to $6.51" over three years: the close it started from
        try:
            time = resolve(spec, kind, article, self.calendar(st.symbol), extreme=_extreme(st, kind),
                           side=st.side or ("low" if kind is Kind.LOW else "high"), snapshot=snapshot)
        except NoSessionsError as e:
            time = TimeRef(", ".join(spec.words), None, Moment.CLOSE, why=str(e))
        if st.modal == "requirement" or (st.modal and time.moment not in OUTSIDE):
            return None
        cal = self.calendar(st.symbol)
        if f.reading == "value" and f.level == "from" and time.from_session is not None:
            time = replace(time, session=time.from_session, from_session=None, candidates=(),
                           why=time.why + "; the value the change started from")
        own = spec.period is not None and 0 <= spec.period.first - f.q.last <= 2  # "from $497 in August 2021"
        if own and f.reading == "before_move" and kind is Kind.CLOSE:
            kind = Kind.PRICE  # a price of that month, whichever day
        if f.reading == "before_move" and time.session is not None and not time.extreme and not own:
            named = time.session
            if time.from_session is not None:
                time = replace(time, session=time.from_session, moment=Moment.CLOSE, candidates=(), alternatives=(),
                               why=time.why + "; the close the move started from")
            elif not spec.day_adjacent:  # "rose 1.3% on Thursday from $59.24": Wednesday's close
                time = replace(time, session=cal.offset(named, -1), moment=Moment.CLOSE, alternatives=(),
                               why=time.why + "; the previous close, which a one-day move starts from")
            kind = Kind.CLOSE if kind in (Kind.PRICE, Kind.CLOSE) else kind
        back = spec.period
        if kind in LEVEL_KINDS and back is not None and back.kind is TKind.SPAN and time.from_session is not None \
                and back.text.split()[-1] in ("ago", "earlier", "before") and 0 <= back.first - f.q.last <= 6:
            # "A$39.20 on the same day a year earlier", "from A$210 billion a year ago": a level of that day
            time = replace(time, session=time.from_session, from_session=None, candidates=(),
                           why=time.why + "; the level of that day")
            kind = Kind.CLOSE if kind is Kind.PRICE else kind
        if kind in (Kind.HIGH, Kind.LOW) and spec.moment is Moment.CLOCK_TIME and spec.clock is None \
                and time.moment is Moment.CLOCK_TIME and not in_progress(article, cal, time.session):
            # "slipped below $50 soon after the opening bell": a level crossed early in the session is in the day's
            # range whenever it was crossed
            time = replace(time, moment=Moment.INTRADAY, why=time.why + "; a level crossed during the session")
        if kind is Kind.CLOSE and f.reading == "level" and f.level == "close" and time.moment in OUTSIDE:
            time = replace(time, moment=Moment.CLOSE)  # "about 25% below its $14.63 close", after hours
        if in_progress(article, cal, time.session) and time.moment is not Moment.CLOCK_TIME and (
                tol.hedge_band(f.hedge) == "as much as" or kind is Kind.VOLUME):
            time = replace(time, moment=Moment.CLOCK_TIME, why=time.why + "; the session was still running")
        if kind is Kind.VOLUME and _just_after_close(article, cal, time) and tol.hedge_band(f.hedge) != "more than":
            time = replace(time, moment=Moment.CLOCK_TIME, why=time.why + "; a count published minutes after the "
                                                                         "close is preliminary (late prints follow)")
        return st, kind, time

    def _claim(self, article: Article, st: Statement, kind: Kind, time: TimeRef,
               intraday: set[tuple[str, dt.date]]) -> Claim | None:
        f, q = st.figure, st.figure.q
        if not time.moment_stated and time.moment is Moment.CLOSE and time.from_session is None and (
                st.symbol, time.session) in intraday:
            time = replace(time, moment=Moment.INTRADAY, why=time.why + "; the article reports this session "
                                                                         "while it ran")
        if kind is Kind.PRICE and time.moment is Moment.CLOSE and not time.candidates and (
                f.reading == "after_move" or time.moment_stated):
            kind = Kind.CLOSE  # "to $45.87", or "at $110.00" at 4 p.m. or at the close: the closing price
        if kind is Kind.RANGE_PCT_CHANGE and st.base_price is None and not time.extreme and f.reading != "from_extreme" \
                and (time.from_session is None or _one_session(self.calendar(st.symbol), time)):
            # no start, or the session before: "dropped 1.4% from Monday's close" on Tuesday is Tuesday's move
            kind = Kind.INDEX_PCT_CHANGE if instrument(st.symbol).is_index else Kind.PCT_CHANGE
            time = replace(time, from_session=None)
        signed = kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.RANGE_PCT_CHANGE, Kind.ABS_CHANGE,
                          Kind.MARKET_CAP_CHANGE)
        value = abs(q.value)
        if signed:
            value = -value if (f.sign or q.sign or 1) < 0 else value
        currency = q.currency or instrument(st.symbol).market.quote_unit
        text = article.text
        return Claim(article.id, st.symbol, kind, value, text[st.quote_start:st.quote_end], st.quote_start,
                     st.quote_end, f.hedge, currency, q.decimals, q.scale, time, st.base_price,
                     st.offer_price if kind in (Kind.PCT_CHANGE, Kind.ABS_CHANGE) else None)


# Trades of the closing auction and late reports still add to a day's volume for some minutes after the bell.
LATE_PRINTS = dt.timedelta(minutes=15)


LEVEL_KINDS = (Kind.PRICE, Kind.CLOSE, Kind.OPEN, Kind.HIGH, Kind.LOW, Kind.MARKET_CAP, Kind.INDEX_LEVEL, Kind.VOLUME)


def _one_session(cal: Calendar, time: TimeRef) -> bool:
    """A change measured from the session right before its own: one session's move."""
    try:
        return time.session is not None and time.from_session == cal.offset(time.session, -1)
    except NoSessionsError:
        return False


def _just_after_close(article: Article, cal: Calendar, time: TimeRef) -> bool:
    """A day's volume published within a quarter hour of that day's close ("Volume came to 81.3 million shares" at
    4:07 p.m.) is the count so far; published later, it is the day's volume."""
    if article.published is None or article.published_date_only or time.session is None:
        return False
    close = cal.close_time(time.session)
    return close <= article.published < close + LATE_PRINTS


def _intraday_sessions(drafts: list[tuple[Statement, Kind, TimeRef]], written_during: frozenset[dt.date],
                       headlines: frozenset[tuple[int, int]]) -> set[tuple[str, dt.date]]:
    """(symbol, session) pairs the article reports while they ran: the text writes about that session at a time
    of day ("in midday trading", "crossed 10,000 in afternoon trading on Wednesday") and states no figure at its
    close ("closed", "at the close"; headlines aside). The figures of such a session with no time words are
    intraday too."""
    during: set[dt.date] = set(written_during)
    closed: set[dt.date] = set()
    for st, kind, time in drafts:
        if time.session is None or st.sentence in headlines:
            continue
        if time.moment is Moment.INTRADAY and time.moment_stated and not st.time.anytime:
            during.add(time.session)
        if (time.moment is Moment.CLOSE and time.moment_stated) or st.figure.level == "close":
            closed.add(time.session)
    sessions = during - closed
    return {(st.symbol, time.session) for st, _, time in drafts if time.session in sessions}


def _extreme(st: Statement, kind: Kind) -> str:
    if st.figure.reading == "from_extreme":
        return st.extreme or "record"
    if kind in (Kind.HIGH, Kind.LOW) and not st.extreme and st.time.day is None and st.time.period is not None \
            and st.time.period.kind in CALENDAR_SPANS:
        return "period"  # "peaked at $588.84 in October 2020": the high of that month
    if kind in (Kind.HIGH, Kind.LOW, Kind.CLOSE, Kind.INDEX_LEVEL, Kind.PRICE) and st.extreme != "new":
        return st.extreme
    return ""
