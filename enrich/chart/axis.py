"""A trading-day axis: one slot per session, so weekends and holidays leave no gaps, and date ticks a
reader can take in (every week, fortnight or month, with the year where it starts or changes).

Session i is drawn at x = i; its slot runs from i - 0.5 to i + 0.5. An instant between sessions (after the
close, a weekend, before the open) sits on the boundary i + 0.5 after the latest session; an instant
during session i sits inside its slot, as far along as the session had run.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from ..calendar import Phase, calendar_for
from ..errors import EnrichError
from .formats import day


@dataclass(frozen=True)
class SessionAxis:
    sessions: tuple[dt.date, ...]

    def x(self, d: dt.date) -> float | None:
        """The slot of session `d`, or None when it is not one of the axis's sessions."""
        i = bisect.bisect_left(self.sessions, d)
        return float(i) if i < len(self.sessions) and self.sessions[i] == d else None

    def x_near(self, d: dt.date) -> float:
        """The slot of `d`, or the boundary where `d` would fall (for dates off the axis or off its ends)."""
        i = bisect.bisect_left(self.sessions, d)
        if i < len(self.sessions) and self.sessions[i] == d:
            return float(i)
        return i - 0.5

    def instant(self, when: dt.datetime, symbol: str) -> float | None:
        """Where an instant falls on the axis, in the exchange's sessions; None when off both ends."""
        try:
            where = calendar_for(symbol).locate(when)
        except EnrichError:  # an instant outside the exchange calendar is simply not drawn
            return None
        i = self.x(where.session)
        if i is None:
            return None
        if where.phase is Phase.DURING:
            cal = calendar_for(symbol)
            start, end = cal.open_time(where.session), cal.close_time(where.session)
            return i - 0.5 + (when - start) / (end - start)
        return i + 0.5

    def ticks(self, width_px: float) -> tuple[list[float], list[str]]:
        """Tick positions and labels: the first session of each week, fortnight, month or quarter,
        whichever leaves about 70 pixels a label; the year on the first tick and where it changes."""
        n = len(self.sessions)
        room = max(2, int(width_px // 70))
        firsts = []  # (index, date) of the first session of each week
        for i, d in enumerate(self.sessions):
            if i == 0 or d.isocalendar()[:2] != self.sessions[i - 1].isocalendar()[:2]:
                firsts.append((i, d))
        picks = firsts
        if len(firsts) > room:
            picks = firsts[::2]
        if len(picks) > room:
            picks = [(i, d) for i, d in enumerate(self.sessions) if i == 0 or d.month != self.sessions[i - 1].month]
            step = 1
            while len(picks[::step]) > room:
                step += 1
            picks = picks[::step]
        picks = [(i, d) for i, d in picks if 0 < i < n - 1 or n < 3]  # no label half cut by the frame
        labels, last_year = [], None
        monthly = len(picks) > 1 and all(d.day <= 7 for _, d in picks) and len(firsts) > room * 2
        for _, d in picks:
            text = f"{d:%b}" if monthly else day(d)
            if d.year != last_year:
                text += f"\n{d.year}"
                last_year = d.year
            labels.append(text)
        return [float(i) for i, _ in picks], labels
