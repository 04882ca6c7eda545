"""What a vendor's daily bar must satisfy to be used, and what happens to one that does not.

Real archives carry glitch rows: a 1968 bar whose High is below its Low, a close outside the day's
range, a zero price, the same date twice, a row out of date order. One such row must not refuse a
whole folder, and must not be used either: it is set aside with a DataProblem naming its file and
line, and everything else is kept. The same rules serve a folder read with --data, a folder imported
into the store and Yahoo's answers, so each gives the same bars.

    a price (High, Low, Close) zero or negative, or the Open negative   set aside
    High below Low, or Close outside [Low, High]                        set aside
    a negative volume, a date after today                               set aside
    the same date twice with the same values                            one kept
    the same date twice with different values (a conflict)              both set aside: neither can be trusted
    a row out of date order                                             set aside (the longest run in order is kept)

An Open of 0 is "not recorded" in old Yahoo rows, not a bad row; it becomes NaN. The Open is not
checked against the range: vendors' opening prints (auctions) fall outside it often enough.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
from dataclasses import dataclass, replace

from ..models import DataProblem

# Vendors round each field on its own; a close a millionth above the high is rounding, not a glitch.
REL_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Row:
    """One vendor row as read, before it is checked."""

    line: int | None  # where it is in its file (None for an answer from the network)
    date: dt.date
    open: float
    high: float
    low: float
    close: float
    adj_close: float
    volume: float

    def values(self) -> tuple[float, ...]:
        return self.open, self.high, self.low, self.close, self.adj_close, self.volume


def _fault(r: Row, today: dt.date) -> str:
    """Why the row cannot be used, or ''."""
    if any(math.isnan(v) for v in (r.high, r.low, r.close)):
        return "a price is missing"
    if min(r.high, r.low, r.close) <= 0:
        return f"a zero or negative price (High {r.high:g}, Low {r.low:g}, Close {r.close:g})"
    if r.open < 0:
        return f"a negative Open {r.open:g}"
    slack = REL_TOLERANCE * r.high
    if r.high + slack < r.low:
        return f"High {r.high:g} is below Low {r.low:g}"
    if not r.low - slack <= r.close <= r.high + slack:
        return f"Close {r.close:g} is outside the day's range [{r.low:g}, {r.high:g}]"
    if r.volume < 0:
        return f"a negative volume {r.volume:g}"
    if r.date > today:
        return "a date after today"
    return ""


def _where(r: Row) -> str:
    return f"line {r.line}" if r.line is not None else "another row"


def sound_rows(rows: list[Row], file: str, symbol: str, today: dt.date) -> tuple[list[Row], list[DataProblem]]:
    """The rows fit to use, in date order, and a problem for each row set aside (in file order)."""
    problems: list[DataProblem] = []

    def aside(r: Row, message: str) -> None:
        problems.append(DataProblem(file, r.line, r.date, f"{r.date}: {message}; the row is set aside", symbol))

    kept: list[Row] = []
    for r in rows:
        fault = _fault(r, today)
        if fault:
            aside(r, fault)
        else:
            kept.append(replace(r, open=math.nan) if r.open == 0 else r)

    by_date: dict[dt.date, list[Row]] = {}
    for r in kept:
        by_date.setdefault(r.date, []).append(r)
    unique: list[Row] = []
    for r in kept:
        same_day = by_date[r.date]
        if len(same_day) == 1:
            unique.append(r)
        elif all(_same(o, same_day[0]) for o in same_day):
            if r is same_day[0]:
                unique.append(r)
            else:
                problems.append(DataProblem(file, r.line, r.date, f"{r.date}: repeats {_where(same_day[0])} "
                                                                   f"with the same values; one is kept", symbol))
        else:
            others = ", ".join(_where(o) for o in same_day if o is not r)
            aside(r, f"the date is also on {others} with other values (Close {r.close:g} here), a conflict "
                     f"no row can settle")

    in_order, out_of_order = _longest_in_order(unique)
    for r, between in out_of_order:
        aside(r, f"out of date order (it sits among the rows of {between})")
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    return in_order, problems


def _same(a: Row, b: Row) -> bool:
    return all(x == y or (math.isnan(x) and math.isnan(y)) for x, y in zip(a.values(), b.values()))


def _rising_run(rows: list[Row]) -> set[int]:
    """Indexes of a longest run of rows whose dates rise in file order (patience sorting, n log n)."""
    tails: list[int] = []  # tails[k]: the row ending the rising run of length k+1 with the smallest last date
    tail_dates: list[dt.date] = []
    back: list[int] = [-1] * len(rows)
    for i, r in enumerate(rows):
        k = bisect.bisect_left(tail_dates, r.date)
        back[i] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(i)
            tail_dates.append(r.date)
        else:
            tails[k] = i
            tail_dates[k] = r.date
    keep: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        keep.add(i)
        i = back[i]
    return keep


def _longest_in_order(rows: list[Row]) -> tuple[list[Row], list[tuple[Row, str]]]:
    """Keep the longest run of rows in date order; the rest are out of order. A file written newest
    first (its longest run falls) is read in the other direction, not set aside row by row."""
    keep = _rising_run(rows)
    backwards = _rising_run(rows[::-1])
    if len(backwards) > len(keep):
        rows = rows[::-1]
        keep = backwards
    in_order = [r for i, r in enumerate(rows) if i in keep]
    before: list[dt.date | None] = []  # the last kept date before each row, and the first after it
    last: dt.date | None = None
    for i, r in enumerate(rows):
        before.append(last)
        last = r.date if i in keep else last
    out = []
    nxt: dt.date | None = None
    for i in range(len(rows) - 1, -1, -1):
        if i in keep:
            nxt = rows[i].date
        else:
            out.append((rows[i], " to ".join(str(d) for d in (before[i], nxt) if d is not None)))
    return in_order, out[::-1]
