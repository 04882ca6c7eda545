"""The typed nodes of time expressions, and the helpers every time reader shares.

A node says when a figure was true as the words put it: a day, a calendar period, a span back from the reference
session, a moment of the session or a clock time. Dates are resolved against the publish date; sessions are
sessions.py's business.
"""
from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from ..models import Moment
from .lexicon import Tags
from .text import Token

class TKind(str, Enum):
    DAY = "day"  # one calendar day: a date, a weekday, today, yesterday
    PREVIOUS = "previous"  # the session before the reference one ("the previous session")
    MONTH = "month"  # a calendar month, [day, until]
    YEAR = "year"  # a calendar year, [day, until]
    WEEK = "week"  # a calendar week, [day, until] ("last week")
    QUARTER = "quarter"  # a calendar quarter, [day, until] ("in the second quarter", "Q3 2023"), or the months or
    # weeks from a year's start ("the first six months of the year")
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
    edge: str = ""  # DAY "first"/"last": the first or last session of [day, until] ("the first trading day of 2022");
    # SPAN "before": it ends the session before the day the text is about ("over the previous three sessions")
    anytime: bool = False  # MOMENT during the session at no stated time of day ("intraday", "at one point")


CALENDAR_SPANS = (TKind.WEEK, TKind.MONTH, TKind.QUARTER, TKind.YEAR)  # named periods with a first and last day


def anchor_of(e: TimeExpr) -> dt.date | None:
    """The day a move "since" or "from" a time is measured from: a day itself ("since March 3"); the day before a
    period or its start ("since May", "since the start of February": the last close before it); the last day of
    "the end of February"."""
    if e.day is None:
        return None
    if e.edge == "last" and e.until is not None:
        return e.until
    return e.day if e.kind is TKind.DAY and not e.edge else e.day - dt.timedelta(days=1)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def num(tok: Token) -> int | None:
    t = tok.text
    return int(t) if t.isdigit() else None


def months_back(day: dt.date, n: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - n, 12)
    return dt.date(y, m + 1, min(day.day, 28))


@dataclass(frozen=True)
class Opening:
    """What a time reader can begin with at the token find() offers it: one of its literal first words (lowered),
    a lexicon phrase of one of its classes starting there, or (`digits`) a token that begins with a digit. Each
    reader declares its opening beside its code (@opens_with); find() skips, at each token, the readers whose
    opening the token cannot be, and every reader at the many tokens no time expression can begin with. A reader
    that learns to begin with something new must say so in its @opens_with line (tests/test_time_gate.py runs
    every reader ungated over the examples in the readers' docstrings to catch one that does not)."""

    words: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()
    digits: bool = False

    def admits(self, tok: Token, classes: Set[str]) -> bool:
        """Whether a reader with this opening may read something at a token (`classes`: the lexicon classes of
        the phrases starting there, and the classes above them: Tags.classes_at)."""
        return tok.low in self.words or (self.digits and tok.is_number) or not self.classes.isdisjoint(classes)

    def where(self, tokens: tuple[Token, ...], tags: Tags) -> list[int]:
        """The tokens of a sentence this opening admits, in order: the same as testing admits() at every token,
        without a call per token."""
        at = {i for i, t in enumerate(tokens) if t.low in self.words or (self.digits and t.is_number)}
        return sorted(at.union(tags.starting(self.classes)))

    def __or__(self, other: Opening) -> Opening:
        return Opening(self.words | other.words, self.classes | other.classes, self.digits or other.digits)


class Openings:
    """The openings of a list of readers, indexed once by word, by class and for digits: which readers (by their
    places in the list, in order) may begin at a token, without asking each reader's opening in turn. `any` is
    the union of them all: the tokens where some reader may begin.

    `then` narrows a word that opens many readers and begins nothing by itself ("the"): the readers it admits are
    tried only where the next token admits the word's follower opening ("the first trading day", "the 3rd of
    September", "the past six months"); a reader admitted there by a class or a digit is tried as before."""

    def __init__(self, openings: Sequence[Opening], then: Mapping[str, Opening] | None = None) -> None:
        self.any = functools.reduce(operator.or_, openings)
        self.then = dict(then or {})
        by_word: dict[str, list[int]] = {}
        self.by_class: dict[str, tuple[int, ...]] = {}
        for k, opening in enumerate(openings):
            for w in opening.words:
                by_word.setdefault(w, []).append(k)
            for c in opening.classes:
                self.by_class[c] = (*self.by_class.get(c, ()), k)
        self.by_word = {w: tuple(ks) for w, ks in by_word.items()}
        self.digits = tuple(k for k, opening in enumerate(openings) if opening.digits)

    def admitting(self, tok: Token, classes: Set[str], after: tuple[Token, Set[str]] | None = None) -> Sequence[int]:
        """The places of the readers whose opening admits the token (as Opening.admits), in order; `after` is the
        next token with its classes (None at the sentence's end), which `then` may ask about."""
        ks: Sequence[int] = self.by_word.get(tok.low, ())
        follower = self.then.get(tok.low)
        if follower is not None and (after is None or not follower.admits(*after)):
            ks = ()
        more = [self.by_class[c] for c in classes if c in self.by_class]
        if tok.is_number:
            more.append(self.digits)
        if not more:
            return ks
        return sorted(set(ks).union(*more))


R = TypeVar("R", bound=Callable[..., object])


def opens_with(words: str | Iterable[str] = (), classes: str = "", digits: bool = False, also: str = "") -> Callable[
        [R], R]:
    """Declare what a time reader can begin with (an Opening: words and classes space-separated, or words as a
    collection); `also` names the helpers it calls at its own first token, whose openings are added to its own."""
    opening = Opening(frozenset(words.split() if isinstance(words, str) else words), frozenset(classes.split()),
                      digits)

    def declare(read: R) -> R:
        setattr(read, "opening", (opening, also.split()))
        return read
    return declare


def opening_of(owner: type, name: str) -> Opening:
    """The opening the reader `name` of class `owner` declared with @opens_with, with its helpers' openings."""
    declared = getattr(getattr(owner, name), "opening", None)
    if declared is None:
        raise TypeError(f"time reader {owner.__name__}.{name} declares no @opens_with")
    opening: Opening = declared[0]
    helpers: list[str] = declared[1]
    for helper in helpers:
        opening = opening | opening_of(owner, helper)
    return opening


class TimeWords:
    """What every time reader needs: the sentence's tokens and tags, the reference date, and node building."""

    def __init__(self, tokens: tuple[Token, ...], tags: Tags, ref: dt.date) -> None:
        self.toks = tokens
        self.tags = tags
        self.ref = ref

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
        before = self._word(i - 1)
        if self._word(i) == "may" and not (self._word(i + 1).isdigit() or before in (
                "in", "of", "since", "early", "late", "mid", "until", "through", "from", "during", "last", "this")
                or (before.isdigit() and 1 <= int(before) <= 31) or (i > 0 and self.toks[i].text == "May")):
            return None  # "may" the verb; "21 May" and "May" capitalised inside a sentence are the month
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
        d = safe_date(y, month, min(day, 28))
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
        possessive = "'s" in (self._word(last - 1), self._word(last))  # "Thursday's ECB rate decision"
        start = last + (self._word(last) == "'s")
        for k in range(start, min(start + (3 if possessive else 1), len(self.toks))):
            if self.tags.starts(k, "time.event_after") is not None:
                return True
            if not self.toks[k].is_word:
                break
        owned = last + (1 if self._word(last) == "'s" else 0)
        if owned < len(self.toks) and (self.toks[owned].is_number or self.toks[owned].text in ("$", "£", "€", "¥", "₹")):
            return False  # "even after Friday's 19.6% drop": the day of the figure it owns
        # "after Tuesday's sharp gains", "ahead of Friday's report": an event before or after the figure's session
        lead = self._word(first - 1) if self._word(first) not in ("after", "before") else self._word(first)
        return lead in ("after", "before", "following") or self._word(first - 2) == "ahead"
