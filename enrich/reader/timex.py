"""Time expressions: the typed nodes of when a figure was true, read from a sentence's tokens.

Each reader is one phenomenon (a date, a weekday, a month, a span back from the reference session, a clock time, a
moment of the session); it returns the node and where it ends, or None. The node types are in timenodes.py, the
readers of days and calendar periods in timedays.py; spans, moments and events are read here. Dates are resolved
against the publish date ("Monday" is the Monday at or before it); sessions are sessions.py's business.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..models import Moment
from .timedays import DayReaders
from .timenodes import (CALENDAR_SPANS, ORDINALS, Opening, Openings, TimeExpr, TKind, anchor_of, month_end,
                        months_back, opening_of, opens_with)

TIMES_OF_DAY = frozenset("early late morning afternoon midday mid-day mid-morning mid-afternoon midsession mid-session "
                         "lunchtime late-morning early-afternoon".split())
PLACE_WORDS = frozenset("u.s. us - street".split())  # "early U.S. trading", "late Wall Street trade"
TRADING_NOUNS = frozenset("trading trade deals dealings session business".split())
# Spans back from the reference session named by one lexicon phrase: its class, the span and how many units.
SPAN_PHRASES = (("time.ytd", "ytd", 0), ("time.mtd", "mtd", 0), ("time.wtd", "wtd", 0), ("time.qtd", "qtd", 0),
                ("time.stretch_back", "stretch", 0), ("time.since_ipo", "ipo", 0), ("time.past_year", "years", 1),
                ("time.past_week", "sessions", 5))
SPAN_CLASSES = frozenset(c for c, _, _ in SPAN_PHRASES)
MOMENT_PHRASES = (("moment.after_hours", Moment.AFTER_HOURS), ("moment.pre_market", Moment.PRE_MARKET),
                  ("moment.clock", Moment.CLOCK_TIME), ("moment.open", Moment.OPEN), ("moment.close", Moment.CLOSE),
                  ("moment.intraday", Moment.INTRADAY), ("moment.during", Moment.INTRADAY))
COUNT_LEADS = ("over", "in", "during", "for", "within", "across")  # "over the past six months", "in two days"
OWNERS = ("the", "its", "their")
BACK_WORDS = ("past", "last", "previous", "prior", "preceding", "first", "latest")
RUN_ORDINALS = {w: n for n, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                                             "twelfth".split(), start=2)}
BEFORE_ANCHOR = ("previous", "prior", "preceding")  # "the previous three sessions" end before the day named

__all__ = ["CALENDAR_SPANS", "TKind", "TimeExpr", "TimeReader", "month_end"]


class TimeReader(DayReaders):
    """Finds the time expressions of one sentence, relative to `ref` (the publish date, in the outlet's zone)."""

    # The readers in the order find() tries them at a token; the first that reads something wins.
    READERS = ("_clock", "_numeric_date", "_edge", "_ending", "_span", "_previous", "_event", "_relative_day", "_date",
               "_weekday", "_quarter", "_month", "_year", "_moment")

    def find(self) -> list[TimeExpr]:
        out: list[TimeExpr] = []
        end = 0  # where the last expression found ends: the next one starts at or after it
        for i in OPENINGS.any.where(self.toks, self.tags):  # most tokens begin no time expression: only these can
            if i < end:
                continue
            after = (self.toks[i + 1], self.tags.classes_at(i + 1)) if i + 1 < len(self.toks) else None
            for k in OPENINGS.admitting(self.toks[i], self.tags.classes_at(i), after):  # a reader is only tried where
                found = READER_OPENINGS[k][0](self, i)  # it can begin
                if found is not None:
                    out.append(self._qualified(found))
                    end = found.last
                    break
        return out

    # -- readers of spans, moments and events ----------------------------------------------------------
    @opens_with(words="since the", classes=" ".join(c for c, _, _ in SPAN_PHRASES) + " time.last_week",
                also="_counted")
    def _span(self, i: int) -> TimeExpr | None:
        """Spans back from the reference session: "this year", "so far this month", "this week", "last week",
        "over the past six months", "in two days", "four sessions in a row", "over that stretch", "since May 2",
        "since its IPO"."""
        tags = self.tags
        for cls, span, n in SPAN_PHRASES if not SPAN_CLASSES.isdisjoint(tags.classes_at(i)) else ():
            p = tags.starts(i, cls)
            if p is not None:
                if span == "ytd" and self._word(p.last) in ("ago", "earlier"):
                    continue
                return self._node(i, p.last, TKind.SPAN, span=span, n=n)
        p = tags.starts(i, "time.last_week")
        if p is not None:
            # on a Sunday the trading week just ended is "last week" (Sunday papers write so; the week ahead is
            # "this week"), on any other day the calendar week before the reference date's
            monday = self.ref - dt.timedelta(days=self.ref.weekday() + (0 if self.ref.weekday() == 6 else 7))
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

    @opens_with(words="the first last final year month week in on during")
    def _edge(self, i: int) -> TimeExpr | None:
        """"the first trading day of 2022", "the last session of March", "in the year's last session": one
        session at the edge of a period."""
        j = i + 1 if self._word(i) == "the" else i
        if self._word(i) in ("in", "on", "during") and self._word(i + 1) == "the":
            j = i + 2
        if self._word(j) in ("year", "month", "week") and self._word(j + 1) == "'s":
            return self._own_edge(i, j)
        if j == i + 2:
            return None
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

    def _own_edge(self, i: int, j: int) -> TimeExpr | None:
        """"the year's last session", "the month's first trading day", "the week's final session": the edge of the
        reference date's own year, month or week."""
        which = self._word(j + 2)
        k = j + 3 + (self._word(j + 3) == "trading")
        if which not in ("first", "last", "final") or self._word(k) not in ("day", "session"):
            return None
        ref, unit = self.ref, self._word(j)
        first, until = _period_of(unit, ref)
        last_weekday = until - dt.timedelta(days=max(0, until.weekday() - 4))
        if which != "first" and last_weekday > ref:  # "the week's final session" on a Monday: last week's
            first, until = _period_of(unit, first - dt.timedelta(days=1))
        return self._node(i, k + 1, TKind.DAY, day=first, until=until, edge="first" if which == "first" else "last")

    @opens_with(words="the", classes="number_words", digits=True)
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

    @opens_with(words=COUNT_LEADS + OWNERS + BACK_WORDS, classes="number_words", digits=True)
    def _counted(self, i: int) -> TimeExpr | None:
        """"over the past six months", "in the previous three sessions", "in two days", "four sessions in a row",
        "a five-day losing streak", "eight straight trading days", "52 weeks ago"."""
        j = i
        lead = self._word(j) in COUNT_LEADS
        if lead:
            j += 1
        if self._word(j) in OWNERS:
            j += 1
        before, first = "", self._word(j) == "first"
        if self._word(j) in BACK_WORDS:
            before = "before" if self._word(j) in BEFORE_ANCHOR else ""
            j += 1
            lead = True
        hedge = self.tags.starts(j, "hedge")
        if hedge is not None and lead:
            j = hedge.last  # "in at least 19 years", "in more than a decade"
        n = self._count(j)
        if n is None:
            return self._ordinal_run(i, j) if j > i else None  # ("its fifth straight loss")
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
        if first and unit in ("months", "weeks") and self._word(j) == "of":
            return self._from_year_start(i, j + 1, count, unit)
        row = self.tags.starts(j, "time.row")
        if row is not None:
            return self._node(i, row.last, TKind.SPAN, span="sessions", n=count)
        streak = self.tags.starts(j, "time.streak") or (self.tags.starts(j + 1, "time.streak")
                                                        if self._word(j) in ("losing", "winning") else None)
        if streak is not None and unit == "sessions":
            return self._node(i, streak.last, TKind.SPAN, span="sessions", n=count)
        if self._word(j) in ("ago", "earlier", "before"):
            back = {"sessions": dt.timedelta(days=count), "weeks": dt.timedelta(weeks=count)}.get(unit)
            day = self.ref - back if back is not None else months_back(self.ref, count * (12 if unit == "years" else 1))
            return self._node(i, j + 1, TKind.DAY, day=day)
        if not lead:
            return None
        return self._node(i, j, TKind.SPAN, span=unit, n=count, edge=before)

    def _ordinal_run(self, i: int, j: int) -> TimeExpr | None:
        """"its fifth straight loss", "a third consecutive session of gains": a run of that many sessions."""
        count = RUN_ORDINALS.get(self._word(j))
        if count is None or self._word(j + 1) not in ("straight", "consecutive", "successive"):
            return None
        k = j + 2
        p = self.tags.starts(k, "direction.noun") or self.tags.starts(k, "time.unit_session")
        return None if p is None else self._node(i, p.last, TKind.SPAN, span="sessions", n=count)

    def _from_year_start(self, i: int, k: int, count: int, unit: str) -> TimeExpr | None:
        """"the first six months of the year", "the first 10 weeks of 2023": a calendar period from the year's
        start (the year begun by the reference date when none is written)."""
        written = self._year_at(k)
        if self._word(k) in ("the", "this") and self._word(k + 1) == "year":
            year, k = (self.ref.year if self.ref.month > 1 or unit == "weeks" else self.ref.year - 1), k + 2
        elif self._word(k) == "last" and self._word(k + 1) == "year":
            year, k = self.ref.year - 1, k + 2
        elif written is not None:
            year, k = written, k + 1
        else:
            return None
        start = dt.date(year, 1, 1)
        if unit == "months" and count <= 12:
            until = month_end(dt.date(year, count, 1))
        elif unit == "weeks" and count <= 52:
            until = start + dt.timedelta(weeks=count, days=-1)
        else:
            return None
        return self._node(i, k, TKind.QUARTER, day=start, until=until)

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
        if self._word(j) == "the":  # "since the start of March": the edge of a month, read whole
            e = self._month(j)
            if e is not None and e.edge:
                return self._node(i, e.last, TKind.SPAN, span="since", day=anchor_of(e), inner=self._qualified(e))
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
                return self._node(i, last, TKind.SPAN, span="since", day=anchor_of(e), inner=self._qualified(e))
        return self._since_event(i)

    def _since_event(self, i: int) -> TimeExpr | None:
        """"Since Jeff Immelt became chief executive in September 2001, the stock has lost 75%": a "since" clause
        that opens the sentence, states no figure and dates its event anchors the span of the clause after it."""
        if i != 0:
            return None
        comma = next((k for k in range(i + 2, min(len(self.toks), i + 18)) if self._word(k) == ","), None)
        if comma is None or any(self._word(k) in ("%", "$", "percent") for k in range(i, comma)):
            return None
        for k in range(comma - 1, i + 1, -1):
            if self._word(k - 1) not in ("in", "on"):
                continue
            for read in (self._date, self._month, self._year):
                e = read(k)
                if e is not None and e.day is not None and e.last <= comma:
                    return self._node(i, e.last, TKind.SPAN, span="since", day=anchor_of(e), inner=self._qualified(e))
        return None

    @opens_with(classes=" ".join(c for c, _ in MOMENT_PHRASES), also="_trading_time_of_day")
    def _moment(self, i: int) -> TimeExpr | None:
        for cls, moment in MOMENT_PHRASES:
            p = self.tags.starts(i, cls)
            if p is not None:
                return self._node(i, p.last, TKind.MOMENT, moment=moment, anytime=cls == "moment.during")
        return self._trading_time_of_day(i)

    @opens_with(words=TIMES_OF_DAY)
    def _trading_time_of_day(self, i: int) -> TimeExpr | None:
        """A time of day with a market's place between it and the trading noun: "in early New York trading",
        "in late European deals", "in afternoon Tokyo trade". (Without a place, the lexicon's phrases decide.)"""
        if self._word(i) not in TIMES_OF_DAY:
            return None
        j = i + 1
        while j < min(len(self.toks), i + 4) and (self.toks[j].text[:1].isupper() or self._word(j) in PLACE_WORDS):
            j += 1
        if j == i + 1 or self._word(j) not in TRADING_NOUNS:
            return None
        return self._node(i, j + 1, TKind.MOMENT, moment=Moment.INTRADAY)

    @opens_with(words="the")
    def _event(self, i: int) -> TimeExpr | None:
        """"on the day of the explosion", "the day of the announcement": a day the article dates elsewhere."""
        if self._word(i) == "the" and self._word(i + 1) == "day" and self._word(i + 2) == "of" \
                and self._word(i + 3) == "the" and i + 4 < len(self.toks) and self.toks[i + 4].is_word:
            return self._node(i, i + 5, TKind.EVENT, event=self._word(i + 4))
        return None


# Each reader of TimeReader.READERS with the opening it declares (@opens_with); OPENINGS indexes them for find()'s
# gate (trying every reader at every token costs six times the instructions). Built once from the readers' own
# declarations, so the gate cannot drift from a hand list.
READER_OPENINGS: tuple[tuple[Callable[[TimeReader, int], TimeExpr | None], Opening], ...] = tuple(
    (getattr(TimeReader, name), opening_of(TimeReader, name)) for name in TimeReader.READERS)
# What may follow "the" where a reader reads something: a number ("the 3rd of September", "the five days ending
# April 3"), a month ("the March quarter"), an ordinal or a period's edge ("the second quarter", "the first trading
# day of 2022", "the year's last session"), a word looking back ("the past six months"), or the period a close
# ends ("ended the week 3.7% higher"), or "the day of the explosion". Most of an article's "the"s begin none.
AFTER_THE = Opening(frozenset({*ORDINALS, *BACK_WORDS, "last", "final", "q", "year", "month", "week", "quarter",
                               "day"}), frozenset({"number_words", "month"}), digits=True)
OPENINGS = Openings([opening for _, opening in READER_OPENINGS], then={"the": AFTER_THE})
ANY_OPENING = OPENINGS.any


def _period_of(unit: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the year, month or (Monday to Friday) week holding `day`."""
    if unit == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if unit == "month":
        first = day.replace(day=1)
        return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=4)
