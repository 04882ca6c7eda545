"""Trading sessions from a real exchange calendar (exchange_calendars), with fast lookups.

exchange_calendars is slow to build (about half a second) and slow to query per call, so a
`Calendar` reads the schedule once into sorted lists and answers with bisect.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from zoneinfo import ZoneInfo

from .errors import InputError, NoSessionsError

FIRST_YEAR = 1990


class Phase(str, Enum):
    BEFORE_OPEN = "before_open"
    DURING = "during"
    AFTER_CLOSE = "after_close"
    CLOSED = "closed"  # not a session day (weekend, holiday)


@dataclass(frozen=True)
class SessionTime:
    """Where an instant falls relative to the exchange's sessions."""

    session: dt.date  # the latest session at or before the instant (its own if during/after)
    phase: Phase
    next_session: dt.date | None


def calendar_code(symbol: str) -> str:
    """The exchange calendar `symbol` trades on: the instrument's, so there is one source of truth."""
    from .instruments import instrument

    return instrument(symbol).calendar


class Calendar:
    def __init__(self, code: str = "XNYS") -> None:
        import exchange_calendars as xcals

        try:
            cal = xcals.get_calendar(code, start=f"{FIRST_YEAR}-01-02")
        except ValueError:  # some exchanges' holidays are recorded from later (Bombay from 1997)
            bound = type(xcals.get_calendar(code)).bound_min()
            cal = xcals.get_calendar(code, start=bound)
        sched = cal.schedule
        self.code = code
        self.tz = ZoneInfo(str(cal.tz))
        self.sessions: list[dt.date] = [d.date() for d in sched.index]
        self.opens: list[dt.datetime] = [t.to_pydatetime() for t in sched["open"]]
        self.closes: list[dt.datetime] = [t.to_pydatetime() for t in sched["close"]]
        self._pos = {d: i for i, d in enumerate(self.sessions)}

    def is_session(self, day: dt.date) -> bool:
        return day in self._pos

    def _check(self, day: dt.date) -> None:
        if day < self.sessions[0] or day > self.sessions[-1]:
            raise NoSessionsError(
                f"{day} is outside the {self.code} calendar ({self.sessions[0]} to {self.sessions[-1]}); "
                f"give a date in that span"
            )

    def session_on_or_before(self, day: dt.date) -> dt.date:
        self._check(day)
        i = bisect.bisect_right(self.sessions, day) - 1
        return self.sessions[max(i, 0)]

    def session_on_or_after(self, day: dt.date) -> dt.date:
        self._check(day)
        i = bisect.bisect_left(self.sessions, day)
        return self.sessions[min(i, len(self.sessions) - 1)]

    def offset(self, day: dt.date, n: int) -> dt.date:
        """The session n sessions after (n<0: before) the session on or before `day`."""
        i = self._pos[self.session_on_or_before(day)] + n
        return self.sessions[min(max(i, 0), len(self.sessions) - 1)]

    def between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        lo = bisect.bisect_left(self.sessions, start)
        hi = bisect.bisect_right(self.sessions, end)
        out = self.sessions[lo:hi]
        if not out:
            raise NoSessionsError(f"no {self.code} trading session between {start} and {end}; widen the range")
        return out

    def close_time(self, day: dt.date) -> dt.datetime:
        return self.closes[self._pos[day]]

    def open_time(self, day: dt.date) -> dt.datetime:
        return self.opens[self._pos[day]]

    def locate(self, instant: dt.datetime) -> SessionTime:
        """Which session an instant (tz-aware) belongs to, and whether before, during or after it."""
        if instant.tzinfo is None:
            raise InputError(f"time {instant.isoformat()} has no UTC offset; give one, e.g. +05:30")
        local_day = instant.astimezone(self.tz).date()
        self._check(local_day)
        if self.is_session(local_day):
            i = self._pos[local_day]
            if instant < self.opens[i]:
                phase = Phase.BEFORE_OPEN
                session = self.sessions[i - 1] if i else local_day
            elif instant < self.closes[i]:  # at the closing time the close is printed
                phase, session = Phase.DURING, local_day
            else:
                phase, session = Phase.AFTER_CLOSE, local_day
            nxt = self.sessions[i + 1] if phase is Phase.AFTER_CLOSE and i + 1 < len(self.sessions) else (
                local_day if phase is Phase.BEFORE_OPEN else None)
            return SessionTime(session, phase, nxt)
        prev = self.session_on_or_before(local_day)
        return SessionTime(prev, Phase.CLOSED, self.session_on_or_after(local_day))


@lru_cache(maxsize=8)
def get_calendar(code: str = "XNYS") -> Calendar:
    """One Calendar per exchange per process: the schedules are immutable, so sharing is safe."""
    return Calendar(code)


def calendar_for(symbol: str) -> Calendar:
    return get_calendar(calendar_code(symbol))
