"""Which time expressions a figure's words give it, and what earlier sentences said about time.

A clause's own expressions apply to its figures. A clause with none takes them from the clause before it in the
sentence; a relative clause ("..., when it closed at $41.07") takes the date it refers back to; a sentence with
none takes the day last named with its subject, a heading's time ("For the week:"), or the article's running day.
"Since ..." after a superlative ("its worst day since Feb. 5") qualifies the figure, it is not its period.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..models import Moment
from .statements import Figure, SentenceView
from .text import Clause
from .timex import TimeExpr, TKind

SUPERLATIVES = frozenset("""worst best biggest largest steepest sharpest lowest highest most least first weakest
strongest longest heaviest deepest fastest greatest smallest top record""".split())
PRESENT = frozenset("is are stands stand trades trade now currently has have remains remain sits".split())
PAST = frozenset("was were had did closed ended finished settled fell rose opened traded".split())
SNAPSHOT_WORDS = frozenset("all data prices quotes figures market trading".split())
DAY_KINDS = (TKind.DAY, TKind.PREVIOUS, TKind.EVENT)
PERIOD_KINDS = (TKind.SPAN, TKind.WEEK, TKind.MONTH, TKind.YEAR)


@dataclass(frozen=True)
class TimeSpec:
    """The time words a figure came with, and what the article said before; sessions.py resolves it."""

    day: TimeExpr | None = None  # a day, "the previous session", an event's day
    period: TimeExpr | None = None  # a span, week, month or year
    moment: Moment | None = None  # stated moment of the session
    words: tuple[str, ...] = ()  # the words used, for people
    running_day: dt.date | None = None  # the day earlier sentences gave this subject (or the article)
    how: str = ""  # where the time came from
    current: bool = False  # stated as of now ("is up 3%", "now stands at")
    stretch: int | None = None  # the last "N sessions in a row", for "over that stretch"
    last_date: dt.date | None = None  # the last date named, for "since then"
    anytime: bool = False  # the stated moment names no time of day ("intraday", "at one point")


@dataclass
class RunningTime:
    """What earlier sentences said about time."""

    days: dict[str, dt.date] = field(default_factory=dict)  # the near day last named with each subject
    running_day: dt.date | None = None
    heading: tuple[TimeExpr, ...] = ()
    carry: Moment | None = None  # after-hours / pre-market carries on until other time words
    stretch: int | None = None
    last_date: dt.date | None = None
    events: dict[str, dt.date] = field(default_factory=dict)  # "explosion" -> the day the article gives it
    snapshot: bool = False  # a line such as "All data as of 10:44:47 AM" dates the article's figures
    last_period: TimeExpr | None = None  # the last period a figure was measured over ("over the same period")


def usable(sv: SentenceView, e: TimeExpr) -> bool:
    """Whether an expression can date a figure: not a future or background event's time, and not inside a
    superlative's "since" ("its worst day since Feb. 5", "the biggest fall since the company listed in May
    2012", "for the first time since 2008")."""
    if e.background or e.future:
        return False
    figures = {k for q in sv.quantities for k in range(q.first, q.last)}
    since = None
    for i in range(e.first, max(-1, e.first - 16), -1):
        if i in figures or sv.toks[i].text in ";:":
            break
        if sv.toks[i].low == "since":
            since = i
            break
    at = since if since is not None else e.first
    window = 6 if since is not None else 4  # "its worst day since ...", "its biggest one-day drop in three months"
    for i in range(at - 1, max(-1, at - window), -1):
        if i in figures or sv.toks[i].text in ";:":
            return True
        if sv.toks[i].low in SUPERLATIVES or (sv.toks[i].low == "time" and i > 0 and sv.toks[i - 1].low == "first"):
            return False
    return True


def _bound(sv: SentenceView, e: TimeExpr) -> int | None:
    """The figure an expression belongs to alone: "its previous close of $37.57", "2/03/2022: -$210.0 billion"."""
    j = e.last
    while j < len(sv.toks) and sv.toks[j].low in ("of", "at", ":", "was", "'s", "close", "closing", "price"):
        j += 1
    for q in sv.quantities:
        if q.first == j and j > e.last:
            return q.first
    return None


def _fronted(sv: SentenceView, e: TimeExpr, c: Clause) -> bool:
    """A period that opens its clause ("Over the past six months Nike rose 18%, while the S&P 500 gained 6%") scopes
    over the clauses after it; one that ends a clause ("Intel has lost 15% so far this year, while the index fell
    1.3%") is that clause's own."""
    return not any(c.first <= n.first < e.first for n in sv.names) and not any(
        c.first <= q.first < e.first for q in sv.quantities)


def _end_marker(sv: SentenceView, e: TimeExpr) -> bool:
    """"through Friday's close", "as of Tuesday", "until March 5": a day that ends a period named elsewhere."""
    words = [t.low for t in sv.toks[max(0, e.first - 2):e.first + 1]]
    return any(w in ("through", "until", "till", "thru") for w in words) or words[-2:] == ["as", "of"]


def _gap(e: TimeExpr, fig: Figure) -> int:
    return fig.q.first - e.last if e.last <= fig.q.first else e.first - fig.q.last


def _nearest(exprs: list[TimeExpr], fig: Figure) -> TimeExpr | None:
    """The expression closest to the figure (one before it wins a tie)."""
    def distance(e: TimeExpr) -> tuple[int, int]:
        gap = fig.q.first - e.last if e.last <= fig.q.first else e.first - fig.q.last
        return gap, 0 if e.last <= fig.q.first else 1
    return min(exprs, key=distance) if exprs else None


def own_times(sv: SentenceView, c: Clause) -> list[TimeExpr]:
    return [e for e in sv.times if c.first <= e.first < c.last and usable(sv, e)]


def _antecedent(sv: SentenceView, c: Clause) -> TimeExpr | None:
    """The date a relative clause refers back to: the last date, month or year before it (the one inside
    "since ..." too), or a run of sessions ("the five days ending April 3")."""
    for e in reversed(sv.times):
        if e.last > c.first:
            continue
        if e.kind in (TKind.DAY, TKind.MONTH, TKind.YEAR, TKind.WEEK):
            return e
        if e.kind is TKind.SPAN and e.inner is not None:
            return e.inner
        if e.kind is TKind.SPAN and e.span == "sessions":
            return e
    return None


def times_for(sv: SentenceView, fig: Figure, clause: Clause, state: RunningTime, subject: str | None) -> TimeSpec:
    exprs = own_times(sv, clause)
    how = "the clause's own words"
    if clause.role == "relative":
        ante = _antecedent(sv, clause)
        if ante is not None:
            exprs = [e for e in exprs if e.kind in (TKind.MOMENT, TKind.CLOCK)] + [ante]
            how = f"the date the clause refers back to ({ante.text})"
    has_moment = any(e.kind in (TKind.MOMENT, TKind.CLOCK) for e in exprs)
    end_only = [e for e in exprs if e.kind in DAY_KINDS and _end_marker(sv, e)]
    if not any(e.kind in DAY_KINDS + PERIOD_KINDS for e in exprs) or (
            end_only and not any(e.kind in PERIOD_KINDS for e in exprs)):
        wanted = PERIOD_KINDS if end_only else DAY_KINDS + PERIOD_KINDS + ((TKind.MOMENT,) if not has_moment else ())
        for prev in reversed([c for c in sv.clauses if c.last <= clause.first]):
            inherited = [e for e in own_times(sv, prev) if e.kind in wanted and (
                clause.role != "own" or e.kind not in PERIOD_KINDS or _fronted(sv, e, prev))]
            if inherited:
                exprs = exprs + inherited
                how = "the words of the clause before"
                break
    exprs = [e for e in exprs if _bound(sv, e) in (None, fig.q.first)]
    exprs = _from_anchor(sv, fig, exprs)
    day = _nearest([e for e in exprs if e.kind in DAY_KINDS], fig)
    period = _nearest([e for e in exprs if e.kind in PERIOD_KINDS], fig)
    if day is not None and period is not None and not _end_marker(sv, day) and _gap(day, fig) < _gap(period, fig) \
            and not (period.kind is TKind.SPAN and period.span in ("sessions", "stretch")):
        period = None  # "fell 11% on Thursday after the investigator who ... in 2008": the nearer day dates it
    if period is not None and period.kind is TKind.SPAN and period.span == "stretch" and not state.stretch \
            and state.last_period is not None:
        period = state.last_period  # "over the same period": the period named before
    if period is None and fig.reading in ("change", "restate", "gapped"):
        period = _since_clause(sv, fig)
    if day is not None and day.kind is TKind.EVENT:
        when = state.events.get(day.event)
        day = None if when is None else TimeExpr(day.first, day.last, day.start, day.end, day.text, TKind.DAY,
                                                 day=when)
    moments = [e for e in exprs if e.kind in (TKind.MOMENT, TKind.CLOCK)]
    moment = _moment(moments, day)
    if moment is not None and moments and _closed_between(sv, moments, fig):
        moment = Moment.CLOSE  # "After touching $9.95 earlier in the session, the shares ended at $10.06, down 49c"
    running = state.days.get(subject or "", state.running_day) if day is None else None
    if day is None and period is None:
        if state.heading:
            for e in state.heading:
                if e.kind in DAY_KINDS and day is None:
                    day = e
                elif e.kind in PERIOD_KINDS and period is None:
                    period = e
            how = "the heading above it"
        else:
            how = "the day named earlier" if running else "no time words"
        if moment is None and not moments and state.carry is not None:
            moment = state.carry
            how += f"; {state.carry.value.replace('_', '-')} as in the sentence before"
    words = tuple(e.text for e in exprs)
    anytime = bool(moments) and all(e.anytime for e in moments if e.moment is moment)
    return TimeSpec(day, period, moment, words, running, how, _current(sv, fig, clause), state.stretch,
                    state.last_date, anytime)


def _from_anchor(sv: SentenceView, fig: Figure, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """"Down 62.64% from 52 weeks ago (May 8, 2019)", "35% higher than a year earlier": a day after "from",
    "since" or "than", following a move, is where the move is measured from, not the move's day."""
    if fig.reading not in ("change", "restate", "gapped") or fig.q.unit != "pct":
        return exprs
    out: list[TimeExpr] = []
    anchored = False
    for e in exprs:
        lead = sv.toks[e.first].low
        if e.kind is TKind.DAY and e.first >= fig.q.last and (lead in ("from", "since", "than") or (
                anchored and sv.toks[e.first - 1].text == "(")):
            if not anchored:
                out.append(TimeExpr(e.first, e.last, e.start, e.end, e.text, TKind.SPAN, day=e.day, span="since"))
            anchored = True
            continue
        out.append(e)
    return out


def _since_clause(sv: SentenceView, fig: Figure) -> TimeExpr | None:
    """"has climbed 5,800 per cent since Steve Jobs unveiled the first iPhone in January 2007": a "since" clause
    after the move, dated by its own time words."""
    words = [t.low for t in sv.toks]
    for i in range(fig.q.last, len(words)):
        if any(q.first == i for q in sv.quantities):
            return None
        if words[i] == "since":
            dated = [e for e in sv.times if e.first > i and e.kind in (TKind.DAY, TKind.MONTH, TKind.YEAR)]
            if dated and usable(sv, dated[0]):
                e = dated[0]
                anchor = e.day if e.kind is TKind.DAY or e.day is None else e.day - dt.timedelta(days=1)
                return TimeExpr(e.first, e.last, e.start, e.end, e.text, TKind.SPAN, day=anchor, span="since",
                                inner=e)
            return None
    return None


def _closed_between(sv: SentenceView, moments: list[TimeExpr], fig: Figure) -> bool:
    near = min(moments, key=lambda e: _gap(e, fig))
    if near.last > fig.q.first:
        return False
    return any(p.cls == "level.close" and p.first < fig.q.first for p in sv.tags.within(near.last, fig.q.first,
                                                                                        "level.close"))


def _moment(moments: list[TimeExpr], day: TimeExpr | None) -> Moment | None:
    for want in (Moment.AFTER_HOURS, Moment.PRE_MARKET):
        if any(e.moment is want for e in moments):
            return want
    for e in moments:
        if e.kind is TKind.CLOCK:
            return Moment.CLOSE if e.clock == dt.time(16, 0) and "4" in e.text else Moment.CLOCK_TIME
    if moments:
        return moments[0].moment
    return day.moment if day is not None else None


def _current(sv: SentenceView, fig: Figure, clause: Clause) -> bool:
    """Stated as of now: a present-tense verb or "now" before the figure in its clause, or no verb at all."""
    words = [t.low for t in sv.toks[clause.first:fig.q.first]]
    if any(w in PAST for w in words):
        return False
    if any(w in PRESENT for w in words):
        return True
    return not any(sv.tags.within(clause.first, fig.q.first, cls) for cls in ("direction.verb", "level"))


def after_sentence(sv: SentenceView, state: RunningTime, named: list[str], has_figures: bool) -> None:
    """Carry this sentence's days, stretches, moments and events on to the next sentences."""
    exprs = [e for e in sv.times if usable(sv, e)]
    if exprs and not has_figures and not sv.names and _only_time(sv):
        state.heading = tuple(exprs)  # "For the week:", "On Friday:"
        return
    for e in sv.times:
        if e.kind in (TKind.MONTH, TKind.YEAR) and e.until is not None:
            state.last_date = e.until  # "BofA ended 2008 at $14.08 ... it has fallen 67% since then"
        if e.kind is TKind.DAY and e.day is not None:
            state.last_date = e.day
            nxt = sv.toks[e.last].low if e.last < len(sv.toks) else ""
            if nxt.isalpha() and sv.tags.starts(e.last, "level") is None and sv.tags.starts(e.last, "direction") is None:
                state.events.setdefault(nxt, e.day)  # "the April 20 explosion"
            prev = sv.toks[e.first - 1].low if e.first > 1 else ""
            if prev in ("on", "of") and e.first >= 2 and sv.toks[e.first - 2].is_word:
                state.events.setdefault(sv.toks[e.first - 2].low, e.day)  # "the explosion on April 20"
        if e.kind is TKind.SPAN and e.span == "sessions" and e.n:
            state.stretch = e.n
        if e.kind is TKind.CLOCK and not has_figures and sv.toks[0].low in SNAPSHOT_WORDS and any(
                t.low == "as" for t in sv.toks[:e.first]):
            state.snapshot = True  # "All data as of 10:26:31 AM"
    near = [e.day for e in exprs if e.kind is TKind.DAY and e.near and e.day is not None]
    if near:
        for sym in named:
            state.days[sym] = max(near)
        state.running_day = max(near)
    moments = [e.moment for e in exprs if e.kind is TKind.MOMENT]
    outside = [m for m in moments if m in (Moment.AFTER_HOURS, Moment.PRE_MARKET)]
    if outside and has_figures:
        state.carry = outside[-1]
    elif exprs:
        state.carry = None


def _only_time(sv: SentenceView) -> bool:
    covered = {k for e in sv.times for k in range(e.first, e.last)}
    return all(k in covered or not t.is_word or t.low in ("on", "for", "in", "the", "and", "over")
               for k, t in enumerate(sv.toks))
