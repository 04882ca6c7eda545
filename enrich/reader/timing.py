"""Which time expressions a figure's words give it, and what earlier sentences said about time.

A clause's own expressions apply to its figures. A clause with none takes them from the clause before it in the
sentence; a relative clause ("..., when it closed at $41.07") takes the date it refers back to; a sentence with
none takes the day last named with its subject, a heading's time ("For the week:"), or the article's running day.
"Since ..." after a superlative ("its worst day since Feb. 5") qualifies the figure, it is not its period.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from ..models import Moment
from .nodes import Figure, SentenceView
from .scope import bound, closing_clock, end_marker, fronted, same_predicate, usable
from .text import Clause
from .timenodes import anchor_of
from .timex import CALENDAR_SPANS, TimeExpr, TKind

PRESENT = frozenset("is are stands stand trades trade now currently has have remains remain sits".split())
PAST = frozenset("was were had did closed ended finished settled fell rose opened traded".split())
SNAPSHOT_WORDS = frozenset("all data prices quotes figures market trading".split())
CONTRASTS = frozenset("while whereas compared versus against".split())  # a comparison shares its period
DAY_KINDS = (TKind.DAY, TKind.PREVIOUS, TKind.EVENT)
PERIOD_KINDS = (TKind.SPAN, *CALENDAR_SPANS)


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
    clock: TimeExpr | None = None  # a stated clock time ("at 4 p.m. ET"), which may be the exchange's close
    day_adjacent: bool = False  # the day's words stand right beside the figure ("$60.48 on the day of the ...")
    extreme_within: TimeExpr | None = None  # the month or year a high or low was in ("from its March low")
    listing: bool = False  # the words name the listing's first session ("finished its first day of trading")


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
    first_day: dt.date | None = None  # the first day the article names for its figures
    during: set[dt.date] = field(default_factory=set)  # days written about at a time of day ("in afternoon trading")


def _gap(e: TimeExpr, fig: Figure) -> int:
    return fig.q.first - e.last if e.last <= fig.q.first else e.first - fig.q.last


def _nearest(exprs: list[TimeExpr], fig: Figure) -> TimeExpr | None:
    """The expression closest to the figure (one before it wins a tie)."""
    def distance(e: TimeExpr) -> tuple[int, int]:
        gap = fig.q.first - e.last if e.last <= fig.q.first else e.first - fig.q.last
        return gap, 0 if e.last <= fig.q.first else 1
    return min(exprs, key=distance) if exprs else None


def own_times(sv: SentenceView, c: Clause, fig: Figure | None = None) -> list[TimeExpr]:
    return [e for e in sv.times if c.first <= e.first < c.last and usable(sv, e, fig)]


def _antecedent(sv: SentenceView, c: Clause) -> TimeExpr | None:
    """The date a relative clause refers back to: the last date, month or year before it (the one inside
    "since ..." too), or a run of sessions ("the five days ending April 3")."""
    for e in reversed(sv.times):
        if e.last > c.first:
            continue
        if e.kind is TKind.DAY or e.kind in CALENDAR_SPANS:
            return e
        if e.kind is TKind.SPAN and e.inner is not None:
            return e.inner
        if e.kind is TKind.SPAN and e.span == "sessions":
            return e
    return None


def _restates_before(sv: SentenceView, prev: Clause, clause: Clause, fig: Figure) -> bool:
    """Clauses set after a semicolon or a colon that restate or spell out the one before it share its period
    ("GE has lagged the market over the past year: its 68.4 percent tumble is steeper than the 41.5 percent slide
    in the S&P 500", "gained 12.4% in 2023; the index itself rose 7.8%"); a clause with a subject named anew
    ("...; Nvidia rose 1%") is an item of its own."""
    if not any(t.text in (";", ":") for t in sv.toks[max(0, prev.last - 1):clause.first + 1]):
        return False
    if any(n.symbol and clause.first <= n.first < fig.q.first for n in sv.names):
        return False
    head = min([q.first for q in sv.quantities if clause.first <= q.first] + [fig.q.first])
    if set(sv.words(clause.first, head)) & NOW_WORDS:  # the clause's own verb, before its first figure
        return False  # "...; they have since more than tripled", "...; the stock is down 85% from its peak"
    return not any(p.cls == "not_market" for p in sv.tags.within(prev.first, prev.last, "not_market"))
    # "a 9% rise in profit for the March quarter; the stock fell 1.2%": the results' period is not the stock's


NOW_WORDS = frozenset("is are has have since now trade trades trading currently remains remain stands stand".split())


def _before_named_day(sv: SentenceView, e: TimeExpr) -> TimeExpr:
    """"fell 4.8% on Monday, after losing 5.6% over the previous three sessions": the sessions before a day the
    sentence names earlier end before that day (sessions.py); stated in the present ("and are down 8% in the
    previous three sessions", "has lost"), they run to now."""
    if e.kind is not TKind.SPAN or e.edge != "before" or e.day is not None:
        return e
    clause = sv.clause_of(e.first)
    if {"is", "are", "has", "have"} & set(sv.words(clause.first, e.first)):
        return replace(e, edge="")
    days = [d for d in sv.times if d.kind is TKind.DAY and d.day is not None and d.last <= e.first]
    return replace(e, day=days[-1].day) if days else e


def times_for(sv: SentenceView, fig: Figure, clause: Clause, state: RunningTime, subject: str | None) -> TimeSpec:
    exprs = [_before_named_day(sv, e) for e in own_times(sv, clause, fig)]
    how = "the clause's own words"
    if clause.role == "relative":
        ante = _antecedent(sv, clause)
        if ante is not None:
            exprs = [e for e in exprs if e.kind in (TKind.MOMENT, TKind.CLOCK)] + [ante]
            how = f"the date the clause refers back to ({ante.text})"
    has_moment = any(e.kind in (TKind.MOMENT, TKind.CLOCK) for e in exprs)
    end_only = [e for e in exprs if e.kind in DAY_KINDS and end_marker(sv, e)]
    if not any(e.kind in DAY_KINDS + PERIOD_KINDS for e in exprs) or (
            end_only and not any(e.kind in PERIOD_KINDS for e in exprs)):
        wanted = PERIOD_KINDS if end_only else DAY_KINDS + PERIOD_KINDS + (
            (TKind.MOMENT, TKind.CLOCK) if not has_moment else ())  # "by 1445 GMT, with Nestle off 1.1%"
        for prev in reversed([c for c in sv.clauses if c.last <= clause.first and c.role != "relative" and not (
                clause.role == "own" and c.opener in ("a", "an"))]):  # an apposition's time is its own
            inherited = [e for e in own_times(sv, prev, fig) if e.kind in wanted and (
                clause.role != "own" or e.kind not in PERIOD_KINDS or fronted(sv, e, prev)
                or clause.opener in CONTRASTS or end_only or _restates_before(sv, prev, clause, fig))]
            # "through Friday's close" ends a period named before; "was 58.2% in 2023; the price alone rose 56.8%"
            if inherited:
                exprs = exprs + inherited
                how = "the words of the clause before"
                break
    closing = closing_clock(sv)
    if closing is not None and closing not in exprs and not any(e.kind in (TKind.MOMENT, TKind.CLOCK) for e in exprs):
        exprs = exprs + [closing]  # "Western Alliance had lost 20.9% and Zions was 8.3% lower as of 12:31 p.m. ET"
    own = [e for e in exprs if bound(sv, e) == fig.q.first]
    exprs = own or [e for e in exprs if bound(sv, e) is None and same_predicate(sv, e, fig)]
    within = None
    named = [e for e in exprs if bounds_extreme(sv, e) or (
        fig.reading == "from_extreme" and e.kind in CALENDAR_SPANS and e.first >= fig.q.last)]
    if named:  # "up 53% from its March low", "its 2022 closing low of 3,577.03": the period bounds the extreme
        within = named[0]
        exprs = [e for e in exprs if e not in named]
    exprs = _from_anchor(sv, fig, exprs)
    day = _nearest([e for e in exprs if e.kind in DAY_KINDS], fig)
    period = _nearest([e for e in exprs if e.kind in PERIOD_KINDS], fig)
    if day is not None and period is not None and not end_marker(sv, day) and _gap(day, fig) < _gap(period, fig) \
            and not (period.kind is TKind.SPAN and period.span in ("sessions", "stretch")):
        period = None  # "fell 11% on Thursday after the investigator who ... in 2008": the nearer day dates it
    runs = [e for e in sv.times if e.kind is TKind.SPAN and e.span == "sessions" and period is not None
            and e.last <= period.first]
    if period is not None and period.kind is TKind.SPAN and period.span == "stretch" and (runs or not state.stretch):
        if runs:
            period = runs[-1]  # "has fallen five days in a row; down 22.8% over that stretch"
        elif state.last_period is not None:
            period = state.last_period  # "over the same period": the period named before
    if period is None and fig.reading in ("change", "restate", "gapped"):
        period = _since_clause(sv, fig)
    if day is not None and day.kind is TKind.EVENT:
        when = state.events.get(day.event)
        day = None if when is None else TimeExpr(day.first, day.last, day.start, day.end, day.text, TKind.DAY,
                                                 day=when)
    moments = [e for e in exprs if e.kind in (TKind.MOMENT, TKind.CLOCK)]
    if day is not None and day.first >= fig.q.last:  # "By 12:40 BST, Barclays was 17% lower, deeper than the 17.7% it
        moments = [m for m in moments if not any(  # lost on Friday": a figure with a day of its own after it, past
            f.chain != fig.chain and m.last <= f.q.first < fig.q.first for f in sv.figures)]  # another's time of day
    moment = _moment(moments, day)
    said = _predicate_level(sv, fig, clause) if moment is None and fig.reading == "change" else None
    if said is not None:  # "Uber opened 4% lower", "an opening drop of 2%": the open against the previous close;
        moment = said  # "before closing up 2.7%": the close, whatever the morning words before it say
    if moment is not None and moments and _closed_between(sv, moments, fig):
        moment = Moment.CLOSE  # "After touching $9.95 earlier in the session, the shares ended at $10.06, down 49c"
    running = state.days.get(subject or "", state.running_day) if day is None else None
    if day is not None and day.kind is TKind.PREVIOUS:
        earlier = [e for e in sv.times if e.kind is TKind.DAY and e.last <= day.first and e.day is not None]
        if earlier:
            running = earlier[-1].day  # "rebounded 4% on Thursday, a day after the shares fell 7%"
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
    clock = next((e for e in moments if e.kind is TKind.CLOCK), None)
    adjacent = day is not None and (0 <= day.first - fig.q.last <= 2 or 0 <= fig.q.first - day.last <= 2)
    listing = day is None and period is None and bool(sv.tags.within(clause.first, clause.last, "time.listing"))
    return TimeSpec(day, period, moment, words, running, how, _current(sv, fig, clause), state.stretch,
                    _then(sv, period) or state.last_date, anytime, clock, adjacent, within, listing)


def bounds_extreme(sv: SentenceView, e: TimeExpr) -> bool:
    """A month, quarter or year written right before a high or low: "2022 closing low", "its March peak"."""
    if e.kind not in CALENDAR_SPANS:
        return False
    k = e.last + (1 if e.last < len(sv.toks) and sv.toks[e.last].low in ("closing", "intraday", "trading") else 0)
    return sv.tags.starts(k, "level.high") is not None or sv.tags.starts(k, "level.low") is not None


def _then(sv: SentenceView, period: TimeExpr | None) -> dt.date | None:
    """The date "since then" points back to when the sentence names it: "ended 2008 at $14.08, and it has fallen
    67% since then" (the end of a month or year, the day itself)."""
    if period is None or period.kind is not TKind.SPAN or period.span != "since" or period.day is not None:
        return None
    for e in reversed(sv.times):
        if e.last <= period.first and (e.kind is TKind.DAY or e.kind in CALENDAR_SPANS) and e.day:
            return e.until or e.day
    return None


ANCHOR_WORDS = ("from", "since", "than")  # "35% higher than a year earlier", "up 62% from 52 weeks ago"


def _from_anchor(sv: SentenceView, fig: Figure, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """"Down 62.64% from 52 weeks ago (May 8, 2019)", "35% higher than a year earlier": a day after "from",
    "since" or "than", following a move, is where the move is measured from, not the move's day."""
    if fig.reading == "from_extreme":  # "23.6% below its record close of Aug. 29": where the gap is measured from
        return [TimeExpr(e.first, e.last, e.start, e.end, e.text, TKind.SPAN, day=e.day, span="since")
                if e.kind is TKind.DAY and e.first >= fig.q.last else e for e in exprs]
    if fig.reading not in ("change", "restate", "gapped"):
        return exprs
    since = _since_clause(sv, fig)
    if since is not None and since.inner is not None:  # "since Jobs unveiled the first iPhone in January 2007"
        return [e for e in exprs if e.first != since.inner.first and e.kind not in PERIOD_KINDS] + [since]
    if fig.q.unit != "pct":
        return exprs
    out: list[TimeExpr] = []
    anchored = False
    for e in exprs:
        lead = sv.toks[e.first].low
        if lead not in ANCHOR_WORDS and e.first > 0:
            lead = sv.toks[e.first - 1].low  # "from a year earlier": the word before the expression
        if e.kind is TKind.DAY and e.first >= fig.q.last and lead in ANCHOR_WORDS and not anchored:
            out.append(TimeExpr(e.first, e.last, e.start, e.end, e.text, TKind.SPAN, day=anchor_of(e), span="since"))
            anchored = True
            continue
        if e.kind is TKind.DAY and out and out[-1].kind is TKind.SPAN and out[-1].last == e.first - 1 \
                and sv.toks[e.first - 1].text == "(" and out[-1].first >= fig.q.last:
            # "from a year earlier (June 20, 2023)", "from 52 weeks ago (May 8, 2019)": the date in brackets
            # spells out where the move is measured from
            out[-1] = TimeExpr(out[-1].first, e.last, out[-1].start, e.end, out[-1].text, TKind.SPAN, day=e.day,
                               span="since")
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
            if any(e.first == i and e.kind is TKind.SPAN for e in sv.times):
                return None  # "since its Oct. 27 low": a span read whole, with its own day
            here = sv.clause_of(i)
            dated = [e for e in sv.times if e.first > i and (e.kind is TKind.DAY or e.kind in CALENDAR_SPANS)
                     and e.first < here.last]  # (not ", closing at a record on Thursday" after it)
            if dated and usable(sv, dated[0]):
                e = dated[0]
                anchor = anchor_of(e)
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
    if any(e.kind is TKind.CLOCK for e in moments):
        return Moment.CLOCK_TIME  # sessions.py makes it the close when it is the exchange's closing time
    if moments:
        return moments[0].moment
    return day.moment if day is not None else None


def _predicate_level(sv: SentenceView, fig: Figure, clause: Clause) -> Moment | None:
    """The point of the session the figure's own verb or noun names: the last verb, move noun or level word
    before it in its clause is "opened" ("opening" right before a move noun) or a closing verb ("closed",
    "closing", "ended", "finished", "settled")."""
    said = [p for cls in ("direction.verb", "direction.noun", "level")
            for p in sv.tags.within(clause.first, fig.q.first, cls)]
    if not said:
        return None
    last = max(said, key=lambda p: (p.first, p.cls.startswith("level")))
    word = sv.toks[last.first].low
    if last.cls.startswith("level.open") and word in ("opened", "opens", "open", "opening"):
        return Moment.OPEN
    if last.cls.startswith("level.close") and (word in CLOSING_VERBS or word in ("close", "end", "finish", "settle")
                                               and last.first > 0 and sv.toks[last.first - 1].low == "to"):
        return Moment.CLOSE  # "before reversing to close 2.2% higher"
    if last.cls.startswith("direction") and last.first > 0 and sv.toks[last.first - 1].low == "opening":
        return Moment.OPEN
    return None


CLOSING_VERBS = frozenset("closed closing closes ended ending ends finished finishing finishes settled settling".split())


def _current(sv: SentenceView, fig: Figure, clause: Clause) -> bool:
    """Stated as of now: a present-tense verb or "now" before the figure in its clause, or no verb at all."""
    words = [t.low for t in sv.toks[clause.first:fig.q.first]]
    for w in reversed(words):  # the verb nearest the figure: "closed at $67.40 yesterday and is up 2.2%"
        if w in PAST:
            return False
        if w in PRESENT:
            return True
    return not any(sv.tags.within(clause.first, fig.q.first, cls) for cls in ("direction.verb", "level"))


def after_sentence(sv: SentenceView, state: RunningTime, named: list[str], has_figures: bool) -> None:
    """Carry this sentence's days, stretches, moments and events on to the next sentences."""
    exprs = [e for e in sv.times if usable(sv, e)]
    if exprs and not has_figures and not sv.names and _stamp(sv, exprs) and _short_label(sv):
        return  # a publication stamp ("07/10/2020 - 03:59", "Story from Oct 15, 2009") dates the article, not its figures
    if exprs and not has_figures and not sv.names and _only_time(sv):
        state.heading = tuple(exprs)  # "For the week:", "On Friday:"
        return
    while_open = [e for e in exprs if e.kind is TKind.MOMENT and e.moment is Moment.INTRADAY and not e.anytime]
    if while_open:  # "crossed 10,000 in afternoon trading on Wednesday": the article is written during that session
        days = [e.day for e in exprs if e.kind is TKind.DAY and e.day is not None]
        day = days[0] if days else state.running_day
        if day is not None:
            state.during.add(day)
    for e in sv.times:
        if e.kind in CALENDAR_SPANS and e.until is not None:
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
                t.low in ("as", "at") for t in sv.toks[:e.first + 1]):
            state.snapshot = True  # "All data as of 10:26:31 AM", "Prices at 3:15 p.m. HKT:"
    relative = [c for c in sv.clauses if c.role == "relative"]
    near = [e.day for e in exprs if e.kind is TKind.DAY and e.near and e.day is not None
            and not any(c.first <= e.first < c.last for c in relative)]  # "which crossed ... on Friday": background
    if near:
        for sym in named:
            state.days[sym] = max(near)
        state.running_day = max(near)
        state.first_day = state.first_day or state.running_day
    moments = [e.moment for e in exprs if e.kind is TKind.MOMENT]
    outside = [m for m in moments if m in (Moment.AFTER_HOURS, Moment.PRE_MARKET)]
    if outside and has_figures:
        state.carry = outside[-1]
    elif exprs:
        state.carry = None


def _stamp(sv: SentenceView, exprs: list[TimeExpr]) -> bool:
    """A line of a full date with its year, or a date and a clock time: when the article was written."""
    has_year = any(len(t.text) == 4 and t.text.isdigit() for e in exprs for t in sv.toks[e.first:e.last])
    return has_year or (any(e.kind is TKind.CLOCK for e in exprs) and any(e.kind is TKind.DAY for e in exprs))


def _short_label(sv: SentenceView) -> bool:
    """A few words around a date, none of them about the market."""
    words = [t for t in sv.toks if t.is_word]
    return len(words) <= 8 and not sv.tags.within(0, len(sv.toks), "direction") and \
        not sv.tags.within(0, len(sv.toks), "level")


def _only_time(sv: SentenceView) -> bool:
    covered = {k for e in sv.times for k in range(e.first, e.last)}
    return all(k in covered or not t.is_word or t.low in ("on", "for", "in", "the", "and", "over")
               for k, t in enumerate(sv.toks))
