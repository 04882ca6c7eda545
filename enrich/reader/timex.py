"""Time expressions: the typed nodes of when a figure was true, read from a sentence's tokens.

Each reader below is one phenomenon (a date, a weekday, a month, a span back from the reference session, a clock
time, a moment of the session); it returns the node and where it ends, or None. Dates are resolved against the
publish date here ("Monday" is the Monday at or before it); sessions are sessions.py's business.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from ..models import Moment
from .lexicon import Tags
from .text import Token


class TKind(str, Enum):
    DAY = "day"  # one calendar day: a date, a weekday, today, yesterday
    PREVIOUS = "previous"  # the session before the reference one ("the previous session")
    MONTH = "month"  # a calendar month, [day, until]
    YEAR = "year"  # a calendar year, [day, until]
    WEEK = "week"  # a calendar week, [day, until] ("last week")
    QUARTER = "quarter"  # a calendar quarter, [day, until] ("in the second quarter", "Q3 2023")
    SPAN = "span"  # from an anchor to the reference session ("this year", "over the past six months", "since May 2")
    MOMENT = "moment"  # when in the session ("after hours", "mid-day", "at the close")
    CLOCK = "clock"  # a stated clock time ("at 10:15 am", "by 1445 GMT")
    EVENT = "event"  # "on the day of the explosion": the day the article gives that event elsewhere


@dataclass(frozen=True)
class TimeExpr:
    first: int  # tokens [first, last) of its sentence
    last: int
    start: int  # characters in the article
    end: int
    text: str
    kind: TKind
    day: dt.date | None = None  # DAY; the first day of MONTH/YEAR/WEEK; a SPAN's anchor day ("since May 2")
    until: dt.date | None = None  # the last day of MONTH/YEAR/WEEK
    moment: Moment | None = None  # MOMENT; a DAY's own moment ("Thursday's close")
    span: str = ""  # SPAN: ytd mtd wtd qtd sessions weeks months years since ipo stretch
    n: int = 0  # SPAN: how many sessions/weeks/months/years
    near: bool = False  # a DAY within a week of the publish date: it may run on to later sentences
    background: bool = False  # the time of an event, not of a figure ("results after Tuesday's close")
    future: bool = False  # after the publish date ("next week", "will report on Thursday")
    event: str = ""  # EVENT: the noun that names the event
    clock: dt.time | None = None  # CLOCK
    inner: TimeExpr | None = None  # SPAN "since": the date, month or year it runs from
    edge: str = ""  # DAY "first"/"last": the first or last session of [day, until] ("the first trading day of 2022")
    anytime: bool = False  # MOMENT during the session at no stated time of day ("intraday", "at one point")


CALENDAR_SPANS = (TKind.WEEK, TKind.MONTH, TKind.QUARTER, TKind.YEAR)  # named periods with a first and last day
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _num(tok: Token) -> int | None:
    t = tok.text
    return int(t) if t.isdigit() else None


class TimeReader:
    """Finds the time expressions of one sentence, relative to `ref` (the publish date, in the outlet's zone)."""

    def __init__(self, tokens: tuple[Token, ...], tags: Tags, ref: dt.date) -> None:
        self.toks = tokens
        self.tags = tags
        self.ref = ref
        self.readers: list[Callable[[int], TimeExpr | None]] = [
            self._clock, self._numeric_date, self._edge, self._ending, self._span, self._previous, self._event,
            self._relative_day, self._date, self._weekday, self._quarter, self._month, self._year, self._moment]

    def find(self) -> list[TimeExpr]:
        out: list[TimeExpr] = []
        i, n = 0, len(self.toks)
        while i < n:
            found = None
            for read in self.readers:
                found = read(i)
                if found is not None:
                    break
            if found is None:
                i += 1
                continue
            out.append(self._qualified(found))
            i = found.last
        return out

    # -- helpers ----------------------------------------------------------------------------------------
    def _node(self, first: int, last: int, kind: TKind, **kw: object) -> TimeExpr:
        a, b = self.toks[first].start, self.toks[last - 1].end
        return TimeExpr(first, last, a, b, "", kind, **kw)  # type: ignore[arg-type]

    def _word(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def _skip_dot(self, i: int) -> int:
        return i + 1 if self._word(i) == "." else i

    def _month_at(self, i: int) -> tuple[int, int] | None:
        p = self.tags.starts(i, "month")
        if p is None:
            return None
        if self._word(i) == "may" and not (self._word(i + 1).isdigit() or self._word(i - 1) in (
                "in", "of", "since", "early", "late", "mid", "until", "through", "from", "during", "last", "this")):
            return None  # "may" the verb
        if self._word(i) in ("mar", "jan", "dec", "sep", "jun", "jul") and self.toks[i].text[0].islower():
            return None  # "mar", "dec" as words
        return int(p.cls.rsplit(".", 1)[1]), self._skip_dot(p.last)

    def _year_at(self, i: int) -> int | None:
        if i < len(self.toks) and len(self.toks[i].text) == 4 and self.toks[i].text.isdigit():
            y = int(self.toks[i].text)
            if 1900 <= y <= self.ref.year + 1:
                return y
        return None

    def _past(self, month: int, day: int = 1) -> int:
        """The year of the latest (month, day) not more than two days after the reference date."""
        y = self.ref.year
        d = _safe_date(y, month, min(day, 28))
        if d is not None and d > self.ref + dt.timedelta(days=2):
            y -= 1
        return y

    def _qualified(self, e: TimeExpr) -> TimeExpr:
        """The text of the expression, and whether it is in the future or the time of a background event."""
        first = e.first
        if self._word(first - 1) in ("on", "at", "by", "in", "during", "for", "from", "through", "until", "as"):
            first -= 1  # keep the preposition in the quoted words
        a, b = self.toks[first].start, self.toks[e.last - 1].end
        text = "".join(t.text if not t.space_before or k == first else " " + t.text
                       for k, t in enumerate(self.toks[first:e.last], first))
        future = e.future or (e.day is not None and e.day > self.ref) or self._future_word(first)
        background = e.background or (e.kind in (TKind.DAY, TKind.PREVIOUS) and self._background(first, e.last))
        return TimeExpr(first, e.last, a, b, text, e.kind, e.day, e.until, e.moment, e.span, e.n, e.near,
                        background, future, e.event, e.clock, e.inner, e.edge, e.anytime)

    def _future_word(self, first: int) -> bool:
        if any(self.tags.ends(j, "time.future") is not None for j in range(max(0, first - 2), first + 1)):
            return True
        for j in range(first, max(-1, first - 6), -1):  # a timetable verb earlier in the phrase
            if j < first and self._word(j) in (",", ";", ".", ":"):
                return False
            if self.tags.ends(j, "time.schedule") is not None:
                return True
        return False

    def _background(self, first: int, last: int) -> bool:
        """"ahead of Friday's jobs report", "results after Tuesday's close": the day of an event, not a figure."""
        if self.tags.starts(last, "time.event_after") is not None:
            return True
        if self._word(last) == "'s" and self.tags.starts(last + 1, "time.event_after") is not None:
            return True
        # "after Tuesday's sharp gains", "ahead of Friday's report": an event before or after the figure's session
        lead = self._word(first - 1) if self._word(first) not in ("after", "before") else self._word(first)
        return lead in ("after", "before", "following") or self._word(first - 2) == "ahead"

    # -- readers, one phenomenon each --------------------------------------------------------------------
    def _clock(self, i: int) -> TimeExpr | None:
        """"10:15 am", "11:07 a.m. EDT", "15:30 GMT", "1445 GMT", "10am", "4 p.m.", "10:26:31 AM"."""
        toks = self.toks
        if not toks[i].is_number:
            return None
        j, minute = i + 1, 0
        h = _num(toks[i])
        dotted = toks[i].text.split(".")
        if h is None and len(dotted) == 2 and dotted[0].isdigit() and len(dotted[1]) == 2 and dotted[1].isdigit() \
                and (self._am_pm(j) is not None or self.tags.starts(j, "time.zone") is not None):
            h, minute = int(dotted[0]), int(dotted[1])  # "11.45am", "9.30 GMT": the British way
            with_colon = True
        elif h is None:
            return None
        elif self._word(j) == ":" and j + 1 < len(toks) and toks[j + 1].text.isdigit() and len(toks[j + 1].text) == 2:
            minute = int(toks[j + 1].text)
            j += 2
            if self._word(j) == ":" and j + 1 < len(toks) and toks[j + 1].text.isdigit():
                j += 2  # seconds
            with_colon = True
        else:
            with_colon = False
        if not with_colon and len(toks[i].text) == 4 and toks[i].text.isdigit() and \
                self.tags.starts(j, "time.zone") is not None:
            h, minute = divmod(int(toks[i].text), 100)  # "1445 GMT"
            with_colon = True
        half = self._am_pm(j)
        if half is not None:
            j, pm = half
            if h > 12 or h == 0:
                return None
            h = h % 12 + (12 if pm else 0)
        elif not with_colon:
            return None
        zone = self.tags.starts(j, "time.zone")
        if zone is not None:
            j = zone.last
        if h > 23 or minute > 59:
            return None  # "25:30" or "10:70": a ratio or a score, not a clock
        return self._node(i, j, TKind.CLOCK, clock=dt.time(h, minute))

    def _am_pm(self, j: int) -> tuple[int, bool] | None:
        w = self._word(j)
        if w in ("am", "pm"):
            return j + 1, w == "pm"
        if w in ("a", "p") and self._word(j + 1) == "." and self._word(j + 2) == "m":
            return self._skip_dot(j + 3), w == "p"
        return None

    def _numeric_date(self, i: int) -> TimeExpr | None:
        """"7/26/2018", "2/03/2022", "9/8/20", "2018-07-26" (month first, as US outlets and quote boards write)."""
        toks = self.toks
        if not toks[i].text.isdigit() or i + 4 >= len(toks):
            return None
        sep = self._word(i + 1)
        if sep not in ("/", "-") or self._word(i + 3) != sep or not toks[i + 2].text.isdigit() \
                or not toks[i + 4].text.isdigit() or any(t.space_before for t in toks[i + 1:i + 5]):
            return None
        a, b, c = int(toks[i].text), int(toks[i + 2].text), int(toks[i + 4].text)
        if len(toks[i].text) == 4:
            day = _safe_date(a, b, c)
        else:
            year = c + (2000 if c < 70 else 1900) if c < 100 else c
            day = _safe_date(year, a, b) or _safe_date(year, b, a)
        if day is None:
            return None
        return self._node(i, i + 5, TKind.DAY, day=day, near=abs((self.ref - day).days) <= 7)

    def _date(self, i: int) -> TimeExpr | None:
        """"March 3, 2016", "Oct. 9, 2008", "Jan. 28", "July 26th 2018", "3 September 2020", "the 3rd of September",
        with a weekday before it or not ("Monday, October 10")."""
        start = i
        wd = self._word(i)
        if wd in WEEKDAYS and self._word(i + 1) == ",":
            i += 2
        m = self._month_at(i)
        if m is not None:
            month, j = m
            day = self._day_number(j)
            if day is None:
                return None
            d, j = day
            if self._word(j) == "," and self._year_at(j + 1) is not None:
                j += 1
            year = self._year_at(j)
            if year is not None:
                j += 1
            else:
                year = self._past(month, d)
            when = _safe_date(year, month, d)
            return None if when is None else self._node(start, j, TKind.DAY, day=when,
                                                        near=abs((self.ref - when).days) <= 7)
        j = i + 1 if self._word(i) == "the" else i
        day = self._day_number(j)
        if day is None:
            return None
        d, j = day
        if self._word(j) == "of":
            j += 1
        m = self._month_at(j)
        if m is None:
            return None
        month, j = m
        year = self._year_at(j)
        if year is not None:
            j += 1
        else:
            year = self._past(month, d)
        when = _safe_date(year, month, d)
        return None if when is None else self._node(start, j, TKind.DAY, day=when,
                                                    near=abs((self.ref - when).days) <= 7)

    def _day_number(self, j: int) -> tuple[int, int] | None:
        if j >= len(self.toks) or not self.toks[j].text.isdigit() or len(self.toks[j].text) > 2:
            return None
        d = int(self.toks[j].text)
        if not 1 <= d <= 31:
            return None
        j += 1
        if self._word(j) in ("st", "nd", "rd", "th") and not self.toks[j].space_before:
            j += 1
        return d, j

    def _weekday(self, i: int) -> TimeExpr | None:
        """"Monday", "on Friday", "last Thursday", "Thursday's close", "Tuesday afternoon"."""
        w = self._word(i)
        if w not in WEEKDAYS:
            return None
        first = i - 1 if self._word(i - 1) in ("last", "this", "past", "previous", "next") else i
        back = (self.ref.weekday() - WEEKDAYS.index(w)) % 7
        qualifier = self._word(first) if first < i else ""
        if qualifier in ("last", "past", "previous") and back == 0:
            back = 7
        j = i + 1
        moment = None
        if self._word(j) == "'s":
            j += 1
            nxt = self.tags.starts(j, "level.close")
            if nxt is not None and self._word(j) in ("close", "closing", "regular", "final"):
                moment = Moment.CLOSE
        if self.tags.starts(j, "moment.after_hours") is not None:
            moment = Moment.AFTER_HOURS
        elif self._word(j) in ("morning", "afternoon", "midday"):
            moment = Moment.INTRADAY
            j += 1
        day = self.ref - dt.timedelta(days=back)
        if qualifier == "next":
            return self._node(first, j, TKind.DAY, day=self.ref + dt.timedelta(days=(7 - back) % 7 or 7),
                              future=True)
        return self._node(first, j, TKind.DAY, day=day, near=True, moment=moment)

    def _relative_day(self, i: int) -> TimeExpr | None:
        """"today", "this morning", "yesterday", "last night"."""
        p = self.tags.starts(i, "time.today")
        if p is not None and self.tags.starts(i, "moment") is not None and \
                self.tags.starts(i, "moment").last > p.last:  # type: ignore[union-attr]
            return None  # "overnight trading" is a moment, not a day
        if p is not None:  # "this morning" written that morning is as of now, not a past time of day
            part = self._word(p.last - 1) in ("morning", "afternoon")
            return self._node(i, p.last, TKind.DAY, day=self.ref, near=True,
                              moment=Moment.INTRADAY if part else None, anytime=part)
        p = self.tags.starts(i, "time.yesterday")
        if p is not None:  # "last night" in a morning paper is the session before, closed or not
            return self._node(i, p.last, TKind.DAY, day=self.ref - dt.timedelta(days=1), near=True)
        return None

    def _previous(self, i: int) -> TimeExpr | None:
        p = self.tags.starts(i, "time.previous")
        if p is None:
            return None
        if self._word(p.last) in ("'s",) or self.tags.starts(p.last, "level.close") is not None:
            return self._node(i, p.last, TKind.PREVIOUS, moment=Moment.CLOSE)
        return self._node(i, p.last, TKind.PREVIOUS)

    def _month(self, i: int) -> TimeExpr | None:
        """"in March", "March 2000", "in early February", "last month", "over November", "November's"."""
        for cls, back in (("time.last_month", 1),):
            p = self.tags.starts(i, cls)
            if p is not None:
                first = (self.ref.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
                return self._node(i, p.last, TKind.MONTH, day=first, until=month_end(first))
        start = i
        part = self._part(i)
        if part is not None:
            i = part[1]
        m = self._month_at(i)
        if m is None:
            return None
        month, j = m
        prev = self._word(start - 1)
        year = self._year_at(j)
        if year is None and part is None and prev not in ("in", "since", "of", "during", "over", "for", "from",
                                                          "until", "through", "last", "this", "its", "their"):
            if self._word(j) != "'s":
                return None
        if year is not None:
            j += 1
        else:
            year = self._past(month)
        first = dt.date(year, month, 1)
        if self._word(j) == "'s":
            j += 1
        return self._node(start, j, TKind.MONTH, day=first, until=month_end(first))

    def _quarter(self, i: int) -> TimeExpr | None:
        """"in the second quarter", "the fourth quarter of 2008", "Q3 2023", "in Q1": a calendar quarter (the
        latest one begun by the reference date when no year is written); "second-quarter earnings" is the time
        of results, not of a figure."""
        start = i
        if self._word(i) == "the":
            i += 1
        n = ORDINALS.get(self._word(i))
        j = i + 1
        if self._word(i) == "q" and self._word(j) in ("1", "2", "3", "4"):  # "Q3" is written as one word
            n, j = int(self._word(j)), j + 1
        if n is None:
            return None
        if self._word(i) == "q":
            pass
        elif self._word(j) == "-" and self._word(j + 1) == "quarter":
            j += 2
        elif self._word(j) == "quarter":
            j += 1
        else:
            return None
        year = None
        if self._word(j) == "of" and self._year_at(j + 1) is not None:
            year, j = self._year_at(j + 1), j + 2
        elif self._year_at(j) is not None:
            year, j = self._year_at(j), j + 1
        if year is None:
            year = self.ref.year if dt.date(self.ref.year, 3 * n - 2, 1) <= self.ref else self.ref.year - 1
        first = dt.date(year, 3 * n - 2, 1)
        node = self._node(start, j, TKind.QUARTER, day=first, until=month_end(dt.date(year, 3 * n, 1)))
        results = self.tags.starts(j, "time.event_after") or self.tags.starts(j, "not_market")
        return replace(node, background=True) if results is not None else node

    def _part(self, i: int) -> tuple[str, int] | None:
        for cls in ("time.season_early", "time.season_late", "time.season_mid"):
            p = self.tags.starts(i, cls)
            if p is not None:
                j = p.last
                if self._word(j) == "-":
                    j += 1
                return cls.rsplit("_", 1)[1], j
        return None

    def _year(self, i: int) -> TimeExpr | None:
        """"in 2017", "for 2019", "2008's", "in late 2006", "last year"."""
        p = self.tags.starts(i, "time.last_year")
        if p is not None:
            y = self.ref.year - 1
            return self._node(i, p.last, TKind.YEAR, day=dt.date(y, 1, 1), until=dt.date(y, 12, 31))
        start = i
        part = self._part(i)
        if part is not None:
            i = part[1]
        year = self._year_at(i)
        if year is None:
            return None
        prev = self._word(start - 1)
        j = i + 1
        possessive = self._word(j) == "'s"
        closed = self.tags.ends(start, "level.close") is not None or self.tags.ends(start, "level.open") is not None
        closed = closed or self._names_a_period(j)  # "the Nikkei's 2023 gain", "its 2022 closing low"
        if part is None and not possessive and not closed and prev not in (
                "in", "for", "during", "of", "since", "throughout", "through", "over", "until", "from"):
            return None  # a year is a time after a preposition or a verb that ends ("finished 2019 at $39.18")
        if possessive:
            j += 1
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if part is not None:
            first, last = {"early": (first, dt.date(year, 4, 30)), "late": (dt.date(year, 9, 1), last),
                           "mid": (dt.date(year, 5, 1), dt.date(year, 8, 31))}[part[0]]
        return self._node(start, j, TKind.YEAR, day=first, until=last)

    def _names_a_period(self, j: int) -> bool:
        """A year written before a move or a level it bounds: "2023 gain", "2022 closing low", "2019 high"."""
        if self._word(j) in ("closing", "intraday", "trading"):
            j += 1
        return any(self.tags.starts(j, cls) is not None for cls in ("direction.noun", "level.high", "level.low"))

    def _span(self, i: int) -> TimeExpr | None:
        """Spans back from the reference session: "this year", "so far this month", "this week", "last week",
        "over the past six months", "in two days", "four sessions in a row", "over that stretch", "since May 2",
        "since its IPO"."""
        tags = self.tags
        for cls, span in (("time.ytd", "ytd"), ("time.mtd", "mtd"), ("time.wtd", "wtd"), ("time.qtd", "qtd"),
                          ("time.stretch_back", "stretch"), ("time.since_ipo", "ipo"), ("time.past_year", "years"),
                          ("time.past_week", "sessions")):
            p = tags.starts(i, cls)
            if p is not None:
                if span == "ytd" and self._word(p.last) in ("ago", "earlier"):
                    continue
                n = {"years": 1, "sessions": 5}.get(span, 0)
                return self._node(i, p.last, TKind.SPAN, span=span, n=n)
        p = tags.starts(i, "time.last_week")
        if p is not None:
            monday = self.ref - dt.timedelta(days=self.ref.weekday() + 7)
            return self._node(i, p.last, TKind.WEEK, day=monday, until=monday + dt.timedelta(days=4))
        counted = self._counted(i)
        if counted is not None:
            return counted
        if self._word(i) == "since":
            return self._since(i)
        whole = {"week": "wtd", "month": "mtd", "quarter": "qtd", "year": "ytd"}.get(self._word(i + 1))
        if whole and self._word(i) == "the" and tags.ends(i, "level.close") is not None:
            return self._node(i, i + 2, TKind.SPAN, span=whole, edge="last")  # "ended the week 3.7% higher": closed
        return None

    def _edge(self, i: int) -> TimeExpr | None:
        """"the first trading day of 2022", "the last session of March": one session at the edge of a period."""
        j = i + 1 if self._word(i) == "the" else i
        which = self._word(j)
        if which not in ("first", "last", "final"):
            return None
        j += 1
        if self._word(j) == "trading":
            j += 1
        if self._word(j) not in ("day", "session") or self._word(j + 1) not in ("of", "in"):
            return None
        period = self._year(j + 2) or self._month(j + 2)
        if period is None:
            return None
        return self._node(i, period.last, TKind.DAY, day=period.day, until=period.until,
                          edge="first" if which == "first" else "last")

    def _ending(self, i: int) -> TimeExpr | None:
        """"the five days ending April 3, 2020", "the three sessions through Friday": a run of sessions that ends
        on a day the text names."""
        j = i + 1 if self._word(i) == "the" else i
        n = self._count(j)
        if n is None:
            return None
        count, j = n
        unit = self.tags.starts(j, "time.unit_session")
        if unit is None or self._word(unit.last) not in ("ending", "ended", "through", "to", "until"):
            return None
        end = self._date(unit.last + 1) or self._weekday(unit.last + 1)
        if end is None or end.day is None:
            return None
        return self._node(i, end.last, TKind.SPAN, span="sessions", n=count, day=end.day, until=end.day)

    def _counted(self, i: int) -> TimeExpr | None:
        """"over the past six months", "in the previous three sessions", "in two days", "four sessions in a row",
        "a five-day losing streak", "eight straight trading days", "52 weeks ago"."""
        j = i
        lead = self._word(j) in ("over", "in", "during", "for", "within", "across")
        if lead:
            j += 1
        if self._word(j) in ("the", "its", "their"):
            j += 1
        if self._word(j) in ("past", "last", "previous", "prior", "first", "latest"):
            j += 1
            lead = True
        hedge = self.tags.starts(j, "hedge")
        if hedge is not None and lead:
            j = hedge.last  # "in at least 19 years", "in more than a decade"
        n = self._count(j)
        if n is None:
            return None
        count, j = n
        if self._word(j) == "-":
            j += 1
        unit = None
        for cls, name in (("time.unit_session", "sessions"), ("time.unit_week", "weeks"), ("time.unit_month", "months"),
                          ("time.unit_year", "years")):
            p = self.tags.starts(j, cls)
            if p is not None:
                unit, j = name, p.last
                break
        if unit is None:
            return None
        row = self.tags.starts(j, "time.row")
        if row is not None:
            return self._node(i, row.last, TKind.SPAN, span="sessions", n=count)
        streak = self.tags.starts(j, "time.streak") or (self.tags.starts(j + 1, "time.streak")
                                                        if self._word(j) in ("losing", "winning") else None)
        if streak is not None and unit == "sessions":
            return self._node(i, streak.last, TKind.SPAN, span="sessions", n=count)
        if self._word(j) in ("ago", "earlier", "before"):
            back = {"sessions": dt.timedelta(days=count), "weeks": dt.timedelta(weeks=count)}.get(unit)
            day = self.ref - back if back is not None else _months_back(self.ref, count * (12 if unit == "years" else 1))
            return self._node(i, j + 1, TKind.DAY, day=day)
        if not lead:
            return None
        return self._node(i, j, TKind.SPAN, span=unit, n=count)

    def _count(self, j: int) -> tuple[int, int] | None:
        if j < len(self.toks) and self.toks[j].text.isdigit() and len(self.toks[j].text) <= 3:
            return int(self.toks[j].text), j + 1
        p = self.tags.starts(j, "number_words")
        if p is not None and p.value is not None and p.value >= 1 and p.value == int(p.value):
            return int(p.value), p.last
        return None

    def _since(self, i: int) -> TimeExpr | None:
        """"since March 3, 2016", "since July 22nd", "since Oct. 9, 2008", "since 1999", "since last Thursday",
        "since then"; a "since" that opens a clause ("since it lost $6.19 on Jan. 28") is not a span."""
        j = i + 1
        if self._word(j) == "then":
            return self._node(i, j + 1, TKind.SPAN, span="since")
        owned = self._word(j) in ("its", "their", "the")  # "since its March 13 low"
        for read in (self._date, self._weekday, self._month, self._year):
            e = read(j + owned)
            if e is not None and e.day is not None:
                last = e.last
                if owned:
                    level = next((self.tags.starts(last, c) for c in ("level.low", "level.high", "level.close")
                                  if self.tags.starts(last, c) is not None), None)
                    if level is None:
                        return None
                    last = level.last
                anchor = e.day if e.kind is TKind.DAY else e.day - dt.timedelta(days=1)
                inner = self._qualified(e)
                return self._node(i, last, TKind.SPAN, span="since", day=anchor, inner=inner)
        return None

    def _moment(self, i: int) -> TimeExpr | None:
        for cls, moment in (("moment.after_hours", Moment.AFTER_HOURS), ("moment.pre_market", Moment.PRE_MARKET),
                            ("moment.clock", Moment.CLOCK_TIME), ("moment.open", Moment.OPEN),
                            ("moment.close", Moment.CLOSE), ("moment.intraday", Moment.INTRADAY),
                            ("moment.during", Moment.INTRADAY)):
            p = self.tags.starts(i, cls)
            if p is not None:
                return self._node(i, p.last, TKind.MOMENT, moment=moment, anytime=cls == "moment.during")
        return None

    def _event(self, i: int) -> TimeExpr | None:
        """"on the day of the explosion", "the day of the announcement": a day the article dates elsewhere."""
        if self._word(i) == "the" and self._word(i + 1) == "day" and self._word(i + 2) == "of" \
                and self._word(i + 3) == "the" and i + 4 < len(self.toks) and self.toks[i + 4].is_word:
            return self._node(i, i + 5, TKind.EVENT, event=self._word(i + 4))
        return None


def _months_back(day: dt.date, n: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - n, 12)
    return dt.date(y, m + 1, min(day.day, 28))
