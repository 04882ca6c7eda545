"""Time readers for days and calendar periods: clock times, dates, weekdays, relative days, months, quarters and
years. Each reader is one phenomenon; it returns the node it read, or None.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..models import Moment
from .timenodes import ORDINALS, WEEKDAYS, TimeExpr, TimeWords, TKind, month_end, num, opens_with, safe_date


class DayReaders(TimeWords):
    """Readers of a day or a calendar period at token i."""

    @opens_with(words="noon", digits=True)
    def _clock(self, i: int) -> TimeExpr | None:
        """"10:15 am", "11:07 a.m. EDT", "15:30 GMT", "1445 GMT", "10am", "4 p.m.", "10:26:31 AM", "by noon"."""
        toks = self.toks
        if self._word(i) == "noon":  # "just after noon", "by noon in New York"
            zone = self.tags.starts(i + 1, "time.zone")
            return self._node(i, zone.last if zone is not None else i + 1, TKind.CLOCK, clock=dt.time(12, 0))
        if not toks[i].is_number:
            return None
        j, minute = i + 1, 0
        h = num(toks[i])
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

    @opens_with(digits=True)
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
            day = safe_date(a, b, c)
        else:
            year = c + (2000 if c < 70 else 1900) if c < 100 else c
            day = safe_date(year, a, b) or safe_date(year, b, a)
        if day is None:
            return None
        return self._node(i, i + 5, TKind.DAY, day=day, near=abs((self.ref - day).days) <= 7)

    @opens_with(words={"the", *WEEKDAYS}, classes="month", digits=True)
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
            return self._day_of(start, j, month, d)
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
        return self._day_of(start, j, month, d)

    def _day_of(self, start: int, j: int, month: int, d: int) -> TimeExpr | None:
        """The day node of a date read up to token j, its year the one written there or the latest fitting."""
        year = self._year_at(j)
        if year is not None:
            j += 1
        else:
            year = self._past(month, d)
        when = safe_date(year, month, d)
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

    @opens_with(words=WEEKDAYS)
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

    @opens_with(classes="time.today time.yesterday")
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

    @opens_with(classes="time.previous")
    def _previous(self, i: int) -> TimeExpr | None:
        p = self.tags.starts(i, "time.previous")
        if p is None:
            return None
        if self._word(p.last) in ("'s",) or self.tags.starts(p.last, "level.close") is not None:
            return self._node(i, p.last, TKind.PREVIOUS, moment=Moment.CLOSE)
        return self._node(i, p.last, TKind.PREVIOUS)

    @opens_with(classes="time.last_month month", also="_part")
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
                                                          "until", "through", "last", "this", "its", "their") \
                and self.tags.ends(start, "level.close") is None:  # "ended June down 8.4%": the month it closed
            if self._word(j) != "'s":
                return None
        if year is not None:
            j += 1
        else:
            year = self._past(month)
        first = dt.date(year, month, 1)
        if self._word(j) == "'s":
            j += 1
        last = month_end(first)
        if part is not None and self._word(start) == "the" and part[0] != "mid":  # "at the start of January",
            return self._node(start, j, TKind.DAY, day=first, until=last,  # "by the end of June": its first or
                              edge="first" if part[0] == "early" else "last")  # last session
        if part is not None:  # "in early February", "in late June": a third of the month
            first, last = {"early": (first, first.replace(day=10)), "mid": (first.replace(day=11), first.replace(
                day=20)), "late": (first.replace(day=21), last)}[part[0]]
        return self._node(start, j, TKind.MONTH, day=first, until=last)

    @opens_with(words={"the", "q", *ORDINALS})
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
        if n is None and start < i:
            n, j = self._months_quarter(i)
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
        results = self.tags.starts(j, "time.event_after") or self.tags.starts(j, "not_market") or any(
            self.tags.ends(k, "not_market") for k in range(max(1, start - 2), start + 1))
        # "second-quarter earnings", "its profit for the March quarter": the time of results, not of a figure
        return replace(node, background=True) if results else node

    def _months_quarter(self, i: int) -> tuple[int | None, int]:
        """"the January-March quarter", "the March quarter" (the quarter ending in March, as Indian results
        write it): the quarter's number, and the token after its months, when "quarter" follows them."""
        m = self._month_at(i)
        if m is None:
            return None, i
        month, j = m
        if self._word(j) in ("-", "–", "to") and self._month_at(j + 1) is not None:
            month, j = self._month_at(j + 1)  # type: ignore[misc]
        if self._word(j) != "quarter" or month % 3:
            return None, i
        return month // 3, j

    @opens_with(classes="time.season_early time.season_late time.season_mid")
    def _part(self, i: int) -> tuple[str, int] | None:
        for cls in ("time.season_early", "time.season_late", "time.season_mid"):
            p = self.tags.starts(i, cls)
            if p is not None:
                j = p.last
                if self._word(j) == "-":
                    j += 1
                return cls.rsplit("_", 1)[1], j
        return None

    @opens_with(classes="time.last_year", digits=True, also="_part")
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
