"""Claims to sessions: the time words around a figure, the article's running day and moment, and the
publish time, resolved through the listing exchange's calendar. Pure."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Protocol

from . import timerefs as tr
from .calendar import Calendar, Phase, SessionTime, calendar_code, calendar_for
from .figures import Figure
from .models import Article, Kind, Mention, Moment, TimeRef

CONTRAST = re.compile(r"\b(?:while|whereas|but|although|though|and)\b|;")
FROM_BEFORE = re.compile(r"\bfrom\s+$")
AFTER_MOVE = re.compile(r"(?:%|percent|per cent|pct|cents?|\$\s?[\d.,]+|points?)[\s,]*(?:\w+\s+){0,3}(?:to|at)\s+$",
                        re.I)
# a closing price that is itself the record: "a record close of $180", "$180 -- an all-time high"
RECORD_BEFORE = re.compile(r"\b(?:record|all-time)(?:\s+(?:close|closing|high))?\s+(?:of\s+|at\s+)?(?:\w+\s+)?\$?$",
                           re.I)
RECORD_AFTER = re.compile(r"[\s,(—–-]*(?:an?\s+|its\s+|the\s+)?(?:new\s+)?(?:all-time|record|lifetime)\s+"
                          r"(high|low|close|closing|peak)\b", re.I)  # claims reads the kind from its word


class SentenceFacts(Protocol):
    start: int
    directions: tuple[tuple[int, int, int], ...]


@dataclass
class RunningTime:
    """What earlier sentences said about time, for figures that say nothing of it themselves."""

    running_day: dt.date | None = None  # for sentences that name no company or index
    days: dict[str, dt.date] = field(default_factory=dict)  # the day last named with each subject
    carry: Moment | None = None  # after-hours / pre-market carries to the next sentence
    carry_once: bool = False  # the carried moment lasts one sentence only
    article_day: dt.date | None = None  # a date-only article that names its own date writes of that session
    last_date: dt.date | None = None
    stretch: int | None = None
    where: dict[str, SessionTime] = field(default_factory=dict)  # the publish time located, per calendar

    def after_quiet_sentence(self) -> None:
        """A sentence with no figures and no time words: what after_sentence([], set(), False) does."""
        if self.carry_once:
            self.carry, self.carry_once = None, False

    def after_sentence(self, found: list[tr.Found], named: set[str], has_figures: bool) -> None:
        """Carry this sentence's days, stretches and moments forward."""
        near_days = [f.day for f in found if f.kind == "day" and f.day is not None and f.near]
        for f in found:
            if f.kind == "day" and f.day is not None:
                self.last_date = f.day
            if f.kind == "range" and f.range_kind == "stretch":
                g = dict(f.groups)
                self.stretch = tr._num(g.get("n3") or g.get("n4") or g.get("n5") or "")
        if near_days:
            latest = max(near_days)
            if named:
                for sym in named:
                    self.days[sym] = latest
            else:
                self.running_day = latest
        # after-hours / pre-market carry on until time words change them; "in early trading" carries to
        # the very next sentence only ("... dropping 8.5% in early trading. Elsewhere the S&P was down 0.1%")
        moments_here = [f.moment for f in found if f.kind == "moment"]
        outside = [m for m in moments_here if m in (Moment.AFTER_HOURS, Moment.PRE_MARKET)]
        if outside and has_figures:
            self.carry, self.carry_once = outside[-1], False
        elif Moment.INTRADAY in moments_here and has_figures:
            self.carry, self.carry_once = Moment.INTRADAY, True
        elif any(f.kind == "day" for f in found) or moments_here or self.carry_once:
            self.carry, self.carry_once = None, False


def resolve(article: Article, fig: Figure, clause: tuple[int, int], found: list[tr.Found], t: RunningTime,
            kind: Kind, subject: str, mentions: list[Mention], ctx: SentenceFacts | None, default: Calendar
            ) -> tuple[TimeRef | None, float | None]:
    """The session(s) a figure refers to; (None, None) when it names a period no session can stand for."""
    if article.published is None:
        return TimeRef("", None, Moment.CLOSE, why="publish time unknown"), None
    text = article.text
    cal = default if not subject or calendar_code(subject) == default.code else _calendar_or(subject, default)
    ref_local = article.published.date()
    where = t.where.get(cal.code)
    if where is None:
        where = t.where[cal.code] = cal.locate(article.published)

    def usable(f: tr.Found) -> bool:
        # an expression in another clause counts only if no other company or index is named in between
        if clause[0] <= f.start < clause[1]:
            return True
        lo, hi = (f.end, fig.start) if f.end <= fig.start else (fig.end, f.start)
        return not any(lo <= m.start < hi for m in mentions)

    def own_verb() -> bool:
        # a range named earlier in the sentence carries over to later figures ("over that stretch the Nasdaq has
        # slid 8.7%, the Dow 8%"; "plummeted last week, wiping out $100 billion"), but not into a clause with a
        # subject and a verb of its own ("..., while the Philadelphia Semiconductor Index fell 1.3%")
        return ctx is not None and any(clause[0] <= d[0] and d[1] <= fig.start for d in ctx.directions) and any(
            clause[0] <= m.start < fig.start for m in mentions) and CONTRAST.search(
            text[max(ctx.start, clause[0] - 12):fig.start]) is not None

    days: list[tr.Found] = []
    moments: list[tr.Found] = []
    ranges: list[tr.Found] = []
    for f in found:
        if f.kind == "day":
            if usable(f):
                days.append(f)
        elif f.kind == "moment":
            if usable(f):
                moments.append(f)
        elif clause[0] <= f.start < clause[1] or 0 <= f.start - fig.end <= 40 or (f.end <= fig.start
                                                                                   and not own_verb()):
            ranges.append(f)
    words: list[str] = []
    day_f = tr.nearest(days, fig.start, clause)
    rng = None
    if kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.MARKET_CAP_CHANGE, Kind.ABS_CHANGE):
        rng = tr.nearest(ranges, fig.start, clause) or next(
            (f for f in ranges if 0 <= f.start - fig.end <= 40), None)
    from_price = kind in (Kind.CLOSE, Kind.PRICE) and FROM_BEFORE.search(text, max(0, fig.start - 8), fig.start)
    if from_price:
        rng = next((f for f in found if f.kind == "range"), None)
    if rng is not None and day_f is not None and rng.range_kind in ("week", "month") and \
            abs(day_f.start - fig.start) < abs(rng.start - fig.start):
        rng = None
    if rng is not None and rng.range_kind == "other_year":
        own = [f for f in found if clause[0] <= f.start < clause[1] and f is not rng]
        if clause[0] <= rng.start < clause[1] or (rng.end <= fig.start and not own):
            return None, None
        rng = None
    if rng is not None and kind is Kind.ABS_CHANGE:
        return None, None  # a money change over several sessions: no kind states it
    if rng is not None and day_f is not None and not day_f.near:
        day_f = None  # a far date beside a range is its start, not its end
    mom_f = tr.nearest(moments, fig.start, clause)
    if mom_f is not None:
        specific = [f for f in moments if f.moment in (Moment.AFTER_HOURS, Moment.PRE_MARKET, Moment.CLOCK_TIME)
                    and clause[0] <= f.start < clause[1]]
        if specific and mom_f.moment in (Moment.INTRADAY, Moment.OPEN, Moment.CLOSE):
            mom_f = specific[0]
    why = ""
    candidates: tuple[dt.date, ...] = ()
    running = t.days.get(subject, t.running_day)
    if day_f is not None and day_f.range_kind == "previous":
        day: dt.date | None = cal.offset(running or where.session, -1)
        words.append(text[day_f.start:day_f.end])
        why = "the session before the day in the text"
    elif day_f is not None and day_f.day is not None:
        day = day_f.day
        words.append(text[day_f.start:day_f.end])
        why = f"'{words[-1]}' relative to the publish date {ref_local}"
    elif running is not None:
        day = running
        why = "the day named earlier in the article"
    elif t.article_day is not None:
        day = t.article_day
        why = "the publish date, which the article names as a trading day"
    else:
        day = None
    moment = day_f.moment_hint if day_f is not None and day_f.moment_hint else None
    if mom_f is not None and (moment is None or day_f is None or
                              abs(mom_f.start - fig.start) < abs(day_f.start - fig.start)):
        moment = mom_f.moment
        words.append(text[mom_f.start:mom_f.end])
    elif moment is None and day_f is None and t.carry is not None and rng is None:
        moment = t.carry
        why = f"{moment.value.replace('_', '-')} as in the sentence before"
    stated = moment is not None
    if kind in (Kind.HIGH, Kind.LOW):
        moment = Moment.EXTREME if moment not in (Moment.AFTER_HOURS, Moment.PRE_MARKET) else moment
    if kind is Kind.OPEN:
        moment = Moment.OPEN
    if kind is Kind.CLOSE and moment in (Moment.INTRADAY, Moment.EXTREME, Moment.OPEN, None):
        moment = Moment.CLOSE
    after_move = kind is Kind.PRICE and AFTER_MOVE.search(text, clause[0], fig.start)
    if day is None:
        if moment in (Moment.PRE_MARKET, Moment.OPEN) and where.phase in (Phase.BEFORE_OPEN, Phase.CLOSED):
            session = where.next_session or where.session
        else:
            session = where.session
        why = why or "the latest session at or before the publish time"
    else:
        day = min(day, ref_local)
        session = cal.session_on_or_before(day)
        if session != day:
            why += f"; {day} was not a trading day"
    if moment is None:
        moment = tr.default_moment(where, article.published_date_only, session)
    kind_hint = ""
    if after_move and moment is Moment.CLOSE:
        kind_hint = "close"
        why += "; a price after a move at the close is the close"
    extreme = ""
    context = text[max(0, fig.start - 60):min(len(text), fig.end + 60)]
    if kind in (Kind.HIGH, Kind.LOW) or (kind is Kind.CLOSE and (
            RECORD_BEFORE.search(text, max(0, fig.start - 30), fig.start) or RECORD_AFTER.match(text, fig.end))):
        window = _extreme_window(context, session, cal)
        if window:
            candidates = tuple(reversed(cal.between(*window)))
            extreme = "low" if kind is Kind.LOW or (kind is Kind.CLOSE and _LOW_WORD.search(context)) else "high"
            why += f"; the {extreme} of {window[0]} to {window[1]}"
    from_session = None
    base = None
    if rng is not None:
        words.append(text[rng.start:rng.end])
        last_date = max((f.day for f in found if f.kind == "day" and f.day and f.end <= rng.start),
                        default=t.last_date)
        if rng.range_kind == "week" and "last week" in text[rng.start:rng.end].lower() and day_f is None:
            monday, friday = tr.week_bounds(ref_local, "last")
            session = cal.session_on_or_before(friday)
            candidates = tuple(cal.between(monday - dt.timedelta(days=7), friday + dt.timedelta(days=7)))
            extreme = ""
            moment = Moment.CLOSE
            why = f"'last week' = {monday} to {friday}; every session of it and the weeks around it is a candidate"
        elif not (rng.range_kind == "month" and kind is Kind.MARKET_CAP_CHANGE):
            from_session, base, rwhy = tr.range_start(rng, session, cal, ref_local, last_date=last_date,
                                                      stretch=t.stretch)
            if rng.range_kind == "month" and dict(rng.groups).get("mon") and from_session is not None:
                nxt = cal.session_on_or_after(from_session + dt.timedelta(days=1))
                session = min(session, cal.session_on_or_before(tr.month_end(nxt)))
            if from_session is None and base is None:
                return None, None
            why += f"; range: {rwhy}"
            moment = Moment.CLOSE
            if from_price and from_session is not None:
                session, from_session, base = from_session, None, None
                why = "the start of the period the sentence names"
    return TimeRef(", ".join(words), session, moment, from_session, candidates, why.strip("; "), kind_hint,
                   stated, extreme if candidates else ""), base


def _calendar_or(symbol: str, default: Calendar) -> Calendar:
    """The listing exchange's calendar, or the default where it cannot be built or does not span the date."""
    try:
        return calendar_for(symbol)
    except (ValueError, KeyError):
        return default


_YEAR_HIGH = re.compile(r"52-week|52 week|one-year|12-month", re.I)
_IN_MONTH = re.compile(r"\bin (January|February|March|April|May|June|July|August|September|October|November|December)\b")
_RECORD = re.compile(r"record|all-time|all time", re.I)
_LOW_WORD = re.compile(r"\b(?:low|lowest)\b", re.I)


def _extreme_window(context: str, session: dt.date, cal: Calendar) -> tuple[dt.date, dt.date] | None:
    """The sessions a '52-week high', 'record high' or 'high ... in June' can be from."""
    if _YEAR_HIGH.search(context):
        return cal.session_on_or_after(session - dt.timedelta(days=365)), session
    m = _IN_MONTH.search(context)
    if m:
        mon = tr.MONTHS.index(m.group(1).lower()) + 1
        year = session.year if mon <= session.month else session.year - 1
        first = dt.date(year, mon, 1)
        last = tr.month_end(first)
        return cal.session_on_or_after(first), min(cal.session_on_or_before(last), session)
    if _RECORD.search(context):
        return cal.session_on_or_after(max(dt.date(session.year - 30, 1, 2), cal.sessions[0])), session
    return None
