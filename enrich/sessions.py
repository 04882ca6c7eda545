"""Time words to trading sessions: a pure function of a figure's time words, the publish time and the exchange
calendar. No session it returns is after the publish time.

- The reference session: the day the words name ("on Monday", "Oct. 9, 2008", "the previous session"), else the
  day earlier sentences named, else the latest session at or before the publish time. A day named after the
  publish date is capped to it.
- A period ("this year", "over the past six months", "since May 2", "last week", "in March 2000") gives the
  session a change is measured from: the last close before the period began.
- The moment: the stated one; else, for the session in progress when the article appeared (and a publish time
  that has a time of day), a clock time the bars cannot see; else the close.
- Candidates: the other sessions a vague period allows ("last week" for a one-day move: each session of that
  week, then the `NEARBY` sessions on either side of it), never one after the publish time.
"""
from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

from .calendar import Calendar, Phase
from .errors import NoSessionsError
from .models import Article, Kind, Moment, TimeRef
from .reader.timex import CALENDAR_SPANS, TimeExpr, TKind
from .reader.timing import TimeSpec

IN_PROGRESS = "; the session was in progress when the article was published, so the figure is as of then"
NEARBY = 2  # sessions searched beside a vague period for a one-day move (README, "Verdict rules")
MOVES = (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.ABS_CHANGE, Kind.MARKET_CAP_CHANGE, Kind.RANGE_PCT_CHANGE)


def _day_of(e: TimeExpr, base: dt.date, cal: Calendar) -> dt.date | None:
    if e.kind is TKind.PREVIOUS:
        return cal.offset(base, -1)
    if e.edge == "first" and e.day is not None:
        return cal.session_on_or_after(e.day)
    if e.edge == "last" and e.until is not None:
        return cal.session_on_or_before(e.until)
    return e.day


def resolve(spec: TimeSpec, kind: Kind, article: Article, cal: Calendar, *, extreme: str = "", side: str = "high",
            snapshot: bool = False) -> TimeRef:
    """The session(s) a figure refers to. Raises NoSessionsError for a day outside the calendar."""
    if article.published is None:
        return TimeRef("", None, Moment.CLOSE, why="publish time unknown")
    where = cal.locate(article.published)
    ref_local = article.published.date()
    latest = where.session
    words = ", ".join(spec.words)
    why = spec.how
    moment = spec.moment
    stated = moment is not None
    if moment is Moment.PRE_MARKET and where.phase in (Phase.BEFORE_OPEN, Phase.CLOSED) and where.next_session:
        latest = where.next_session  # "up 4% in premarket trading" before the open: the coming session
    # a publish date without a time: its time is a guess, so the words may name any session up to that date
    cap = max(latest, cal.session_on_or_before(ref_local)) if article.published_date_only else latest
    base = latest if spec.running_day is None else min(cal.session_on_or_before(min(spec.running_day, ref_local)),
                                                         cap)
    candidates: tuple[dt.date, ...] = ()
    session, from_session = base, None
    if spec.day is not None:
        day = _day_of(spec.day, base, cal)
        if day is not None:
            session = cal.session_on_or_before(min(day, ref_local))
            session = min(session, cap)
            why = f"'{spec.day.text}' relative to the publish date {ref_local}"
            if session != day and spec.day.kind is TKind.DAY:
                why += f" ({day} was not a trading day)"
    period = spec.period
    if period is not None:
        completed = cap if where.phase is not Phase.DURING else cal.offset(latest, -1)
        session, from_session, candidates, pwhy = _period(period, spec, kind, session, latest, cap, completed, cal,
                                                          day_given=spec.day is not None)
        why = f"{why}; {pwhy}" if why else pwhy
    if extreme and kind in (Kind.HIGH, Kind.LOW, Kind.CLOSE, Kind.INDEX_LEVEL, Kind.PRICE, Kind.RANGE_PCT_CHANGE):
        window = _extreme_window(extreme, session, spec.extreme_within or period, cal)
        if window is not None:
            candidates = tuple(reversed(cal.between(*window)))
            why += f"; the extreme of {window[0]} to {window[1]}"
            if kind is not Kind.RANGE_PCT_CHANGE and window[1] < session:
                session = window[1]  # "its July 2021 peak of $308.53": a level of that month, not of today
    if moment is Moment.CLOCK_TIME and spec.clock is not None and _at_close(spec.clock, session, cal):
        moment = Moment.CLOSE  # "at 4 p.m." in New York, "at 16:30 London time": the closing print
    running = in_progress(article, cal, session) or (snapshot and session == where.session)
    # stated as of now while the session runs ("is down 5% this morning"): as of the moment of writing
    if moment is None or (running and moment is Moment.INTRADAY and (spec.anytime or spec.current)):
        moment = Moment.CLOCK_TIME if running else Moment.CLOSE
        if moment is Moment.CLOCK_TIME:
            why += IN_PROGRESS
    alternatives: tuple[dt.date, ...] = ()
    if not spec.words and spec.running_day is None and article.published_date_only and session == cap \
            and from_session is None and not candidates:
        alternatives = (cal.offset(session, -1),)  # no time words and no time of day: the day before is a reading
    return TimeRef(words, session, moment, from_session, candidates, why.strip("; "), "", stated,
                   side if extreme and candidates else "", cap, alternatives, spec.listing)


def _period(e: TimeExpr, spec: TimeSpec, kind: Kind, session: dt.date, latest: dt.date, cap: dt.date,
            completed: dt.date, cal: Calendar, day_given: bool) -> tuple[dt.date, dt.date | None, tuple[dt.date, ...], str]:
    """(end session, session the change is measured from, candidate sessions, why) for a period. `latest` is the
    latest session at the publish time, `cap` the last one the words may name, `completed` the last that had
    closed when the article appeared."""
    if e.kind in CALENDAR_SPANS:
        assert e.day is not None and e.until is not None
        first = cal.session_on_or_after(e.day)
        end = min(cal.session_on_or_before(e.until), cap)
        if first > end:
            raise NoSessionsError(f"no session of '{e.text}' before the publish date")
        start = cal.offset(first, -1)
        inside = tuple(cal.between(first, end))
        if kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.MARKET_CAP_CHANGE, Kind.ABS_CHANGE) \
                and e.kind is TKind.WEEK:
            # "plummeted last week": the week as a whole, else one of its sessions, else one of the NEARBY sessions
            # around it (nearest first), never one that had not closed when the article appeared
            lo = cal.offset(first, -NEARBY)
            hi = min(cal.offset(end, NEARBY), completed)
            around = sorted(cal.between(lo, hi), key=lambda d: (not first <= d <= end, abs((d - first).days),
                                                                 abs((d - end).days)))
            return end, start, tuple(around), f"'{e.text}' = {e.day} to {e.until}; each of its sessions, then " \
                                              f"{NEARBY} sessions around it, are candidates"
        return end, start, inside, f"'{e.text}' = {first} to {end}"
    if e.kind is TKind.SPAN and e.until is not None:
        end = min(cal.session_on_or_before(e.until), cap)  # "the five days ending April 3"
    elif day_given:
        end = session
    else:
        end = session if spec.running_day else latest
    span, n = e.span, e.n
    if e.edge == "last" and not day_given:
        end = min(end, completed)  # "ended the month 12% lower": the period as it closed, not the one begun since
    if span == "ytd":
        return end, cal.session_on_or_before(dt.date(end.year - 1, 12, 31)), (), "year to date"
    if span == "mtd":
        return end, cal.session_on_or_before(end.replace(day=1) - dt.timedelta(days=1)), (), "month to date"
    if span == "qtd":
        q0 = dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)
        return end, cal.session_on_or_before(q0 - dt.timedelta(days=1)), (), "quarter to date"
    if span == "wtd":
        monday = end - dt.timedelta(days=end.weekday())
        return end, cal.session_on_or_before(monday - dt.timedelta(days=1)), (), "week to date"
    if e.edge == "before" and e.day is not None:  # "fell 4.8% on Monday, after losing 5.6% over the previous
        end = cal.offset(cal.session_on_or_before(min(e.day, cap)), -1)  # three sessions": to Friday's close
    elif e.edge == "before" and (day_given or spec.running_day):
        end = cal.offset(end, -1)  # "... on Wednesday. It had gained 1.4% over the previous two sessions"
    if span == "sessions" and n:
        return end, cal.offset(end, -n), (), f"{n} sessions back"
    if span == "weeks" and n:
        return end, cal.session_on_or_before(end - dt.timedelta(weeks=n)), (), f"{n} weeks back"
    if span in ("months", "years") and n:
        months = n * (12 if span == "years" else 1)
        y, m = divmod(end.year * 12 + end.month - 1 - months, 12)
        back = dt.date(y, m + 1, min(end.day, calendar.monthrange(y, m + 1)[1]))  # (Dec 30 back a year: Dec 30)
        return end, cal.session_on_or_before(back), (), f"{n} {span} back"
    if span == "stretch" and spec.stretch:
        return end, cal.offset(end, -spec.stretch), (), f"the {spec.stretch} sessions named before"
    if span == "since":
        anchor = e.day if e.day is not None else spec.last_date
        if anchor is not None:
            return end, cal.session_on_or_before(anchor), (), f"since {anchor}"
    if span == "ipo":
        return end, None, (), "since the listing"
    raise NoSessionsError(f"'{e.text}' names no start the data can place")


def _extreme_window(extreme: str, session: dt.date, period: TimeExpr | None, cal: Calendar
                    ) -> tuple[dt.date, dt.date] | None:
    """The sessions a "record", "52-week" or "multiyear" high or low is the extreme of; a month or year named
    with the figure ("the record high it hit in June") bounds it instead."""
    if period is not None and period.kind in CALENDAR_SPANS and period.day and period.until:
        return cal.session_on_or_after(period.day), min(cal.session_on_or_before(period.until), session)
    if extreme == "year":
        return cal.session_on_or_after(session - dt.timedelta(days=365)), session
    if extreme == "record":
        return cal.sessions[0], session
    if extreme == "multi":
        return session, session  # "a multiyear low of $4.70": that day's close or low; the years are not counted
    return None


ZONES = {"et": "America/New_York", "est": "America/New_York", "edt": "America/New_York", "eastern": "America/New_York",
         "new york time": "America/New_York", "ny time": "America/New_York", "gmt": "UTC", "utc": "UTC",
         "bst": "Europe/London", "london time": "Europe/London", "cet": "Europe/Paris", "cest": "Europe/Paris",
         "ist": "Asia/Kolkata", "mumbai time": "Asia/Kolkata", "jst": "Asia/Tokyo", "tokyo time": "Asia/Tokyo",
         "hkt": "Asia/Hong_Kong", "hk time": "Asia/Hong_Kong", "sgt": "Asia/Singapore", "aest": "Australia/Sydney",
         "aedt": "Australia/Sydney", "pt": "America/Los_Angeles", "pst": "America/Los_Angeles",
         "pdt": "America/Los_Angeles", "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
         "kst": "Asia/Seoul", "msk": "Europe/Moscow", "sast": "Africa/Johannesburg"}


def _at_close(e: TimeExpr, session: dt.date, cal: Calendar) -> bool:
    """Whether a stated clock time is the exchange's closing time that session (in the zone the text gives, else
    the exchange's own)."""
    if e.clock is None or not cal.is_session(session):
        return False
    words = e.text.lower().replace(".", "").split()
    zone = next((ZONES[" ".join(words[k:])] for k in range(len(words)) if " ".join(words[k:]) in ZONES), None)
    tz = ZoneInfo(zone) if zone else cal.tz
    stated = dt.datetime.combine(session, e.clock, tzinfo=tz)
    return abs((stated - cal.close_time(session)).total_seconds()) < 60


def in_progress(article: Article, cal: Calendar, session: dt.date | None) -> bool:
    """The session was running when the article appeared (a publish time with a time of day)."""
    if article.published is None or article.published_date_only or session is None:
        return False
    where = cal.locate(article.published)
    return where.phase is Phase.DURING and where.session == session
