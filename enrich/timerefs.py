"""Time words in a sentence ("on Monday", "Thursday's close", "last week", "mid-day", "so far this year")
and how they become trading sessions, relative to the publish time, through the exchange calendar."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

from .calendar import Calendar, Phase, SessionTime
from .models import Moment
from .textcase import icase

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = _MON + r"\s+\d{1,2}(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{2})?"
_N = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}

# Every pattern of this module reads the lowered text (textcase.lowered): `re` matches plain text several times
# faster than it matches with re.I.
MOMENT_PATTERNS: list[tuple[Moment, re.Pattern[str]]] = [
    (Moment.AFTER_HOURS, icase(r"after[- ]hours?|extended[- ]trading|extended[- ]hours|after the bell|"
                               r"after-market|aftermarket|after[- ]market trading|post-market|postmarket")),
    (Moment.PRE_MARKET, icase(r"pre-?market|before the (?:opening )?bell|ahead of the (?:open|bell)")),
    (Moment.CLOCK_TIME, icase(r"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|at the opening of trading|"
                              r"in the first (?:few )?minutes|shortly after the (?:open|bell)|minutes into")),
    (Moment.OPEN, icase(r"when the market opened|at the open\b|at the opening bell|\bopened\b|opening price|"
                        r"at the start of trading")),
    (Moment.EXTREME, icase(r"as much as|as high as|as low as|\bup to\b|a high of|a low of|\btouch\w*|"
                           r"session high|session low|intraday high|intraday low|at one point")),
    (Moment.INTRADAY, icase(r"mid-?day|early trad\w*|morning trad\w*|early morning trade|in (?:early |late )?"
                            r"morning|afternoon trad\w*|during the (?:day|session)|intra-?day|earlier in the "
                            r"session|(?:were|was|is|are) (?:currently )?trading|in early deals|in early trade|"
                            r"\bis (?:climbing|falling|rising|sliding|jumping|up|down)\b")),
    (Moment.CLOSE, icase(r"\bclos(?:e|ed|ing)\b|\bended\b|\bending\b|\bfinish\w*|\bsettled\b|final bell|"
                         r"regular session|regular close|end of trading|end the day|\bto end\b")),
]

DAY_PATTERN = icase(
    r"(?P<wd>\b(?:last\s+|this\s+|on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?)"
    r"|(?P<today>\btoday(?:'s|’s)?|\bthis (?:morning|afternoon)|\btonight|\bnow\b)"
    r"|(?P<yday>\byesterday(?:'s|’s)?|\blast night(?:'s|’s)?)"
    r"|(?P<prev>\bthe previous (?:session|day|trading day)|\bthe day before|\ba day earlier|\bthe prior session)"
    r"|(?P<yend>\b(?:ended|end of|close of|closed)\s+(?P<y>(?:19|20)\d{2}))"
    r"|(?P<date>\b(?:on\s+)?" + _DATE + r")")


def _groups(*named: tuple[str, str]) -> str:
    """Named alternatives, each starting at a word boundary (so a match can only start where a word does)."""
    return "|".join(rf"(?P<{name}>\b(?:{body}))" for name, body in named)


RANGE_PATTERN = icase(_groups(
    ("ytd", r"so far this year|this year|year[- ]to[- ]date|so far in (?P<y1>(?:19|20)\d{2})|in (?:early |late |mid-?)?"
            r"(?P<y2>(?:19|20)\d{2})(?! \w+ (?:ago|before))|for the year|since the (?:start|beginning) of the year|"
            r"YTD\b|so far in the year"),
    ("yago", r"over the (?:past|last) (?:year|twelve months|12 months|52 weeks)|in the (?:past|last) (?:year|twelve "
             r"months|12 months)|over (?:twelve|12) months|than a year (?:earlier|ago|before)|from a year "
             r"(?:earlier|ago)|a year ago|year[- ]on[- ]year|over the year"),
    ("nunits", r"(?:over|in|during) the (?:past|last) (?P<n1>" + _N + r") (?P<u1>years|months|weeks|days|sessions|"
               r"trading days)"),
    ("nover", r"over (?P<n2>" + _N + r") (?P<u2>days|sessions|trading days|weeks)"),
    ("stretch", r"(?P<n3>" + _N + r") (?:straight )?(?:sessions|trading days|days) in a row|(?P<n4>" + _N
                + r") straight (?:sessions|days)|(?P<n5>" + _N + r")-day (?:losing |winning )?streak"),
    ("that", r"over that (?:stretch|period|span)|during that (?:stretch|period)|in that (?:stretch|period|time)"),
    ("week", r"(?:over|in) the (?:past|last) week|this week|last week|the past week"),
    ("vague", r"in (?:a|one) (?:month|week|year)\b|within (?:a|one) (?:month|week)\b"),
    ("month", r"(?:over|in|during|for) (?P<mon>January|February|March|April|May|June|July|August|September|October|"
              r"November|December)(?:\s+(?P<y3>(?:19|20)\d{2}))?\b(?!\s+\d)|last month|this month"),
    ("since", r"since (?P<since_what>then|" + _DATE + r"|" + _MON + r"(?:\s+(?:19|20)\d{2})?|last (?:Monday|Tuesday|"
              r"Wednesday|Thursday|Friday)|(?:Monday|Tuesday|Wednesday|Thursday|Friday))"),
    ("record", r"(?:record|all-time) close (?:of|on) (?P<rdate>" + _DATE + r")|its (?P<rdate2>" + _DATE
               + r") record(?: close| high)?"),
    ("ipo", r"(?:from|since|above|below) (?:the|its) \$(?P<ipo_price>\d+(?:\.\d+)?) (?:IPO|offer(?:ing)?) price|"
            r"(?:IPO|offer(?:ing)?) price of \$(?P<ipo_price2>\d+(?:\.\d+)?)"),
))


@dataclass(slots=True)  # made by the thousand per second: not frozen (frozen init is ~3x slower)
class Found:
    start: int
    end: int
    kind: str  # moment | day | range
    moment: Moment | None = None
    day: dt.date | None = None
    near: bool = False  # a day close to the publish date (may become the running day)
    moment_hint: Moment | None = None  # "Thursday's close"
    range_kind: str = ""
    groups: tuple[tuple[str, str | None], ...] = ()


def _num(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


_DATE_TEXT = re.compile(r"(?:on\s+)?(" + _MON + r")\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d{2}))?", re.I)
_MONTH_YEAR = re.compile(_MON + r"(?:\s+((?:19|20)\d{2}))?$", re.I)
_WEEKDAY_IN = re.compile(r"(monday|tuesday|wednesday|thursday|friday)", re.I)


def parse_date(text: str, ref: dt.date) -> dt.date | None:
    m = _DATE_TEXT.match(text.strip())
    if not m:
        return None
    mon = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(m.group(1).rstrip(".").lower()[:3]))
    year = int(m.group(3)) if m.group(3) else ref.year
    try:
        day = dt.date(year, mon, int(m.group(2)))
    except ValueError:
        return None
    if not m.group(3) and day > ref + dt.timedelta(days=2):
        day = day.replace(year=year - 1)
    return day


DATE = "<date>"  # a month name followed by a number: what a written date needs
CLOCK = "<clock>"  # "am" or "pm" after a number: "10am", "4 pm"
MOMENT_WORDS = {
    Moment.AFTER_HOURS: ("after hour", "after-hour", "extended", "after the bell", "after-market", "aftermarket",
                         "after market", "post-market", "postmarket"),
    Moment.PRE_MARKET: ("pre-market", "premarket", "before the", "ahead of the"),
    Moment.CLOCK_TIME: ("a.m", "p.m", CLOCK, "opening of trading", "first few", "first minutes", "shortly after",
                        "minutes into"),
    Moment.OPEN: ("open", "start of trading"),
    Moment.EXTREME: ("as much as", "as high as", "as low as", "up to", "a high of", "a low of", "touch", "session high",
                     "session low", "intraday high", "intraday low", "one point"),
    Moment.INTRADAY: ("mid-day", "midday", "early trad", "morning", "afternoon trad", "during the", "intraday",
                      "intra-day", "earlier in the session", "trading", "early deals", "early trade", "is climbing",
                      "is falling", "is rising", "is sliding", "is jumping", "is up", "is down"),
    Moment.CLOSE: ("clos", "ended", "ending", "finish", "settled", "final bell", "regular session", "regular close",
                   "end of trading", "end the day", "to end"),
}


# Words without which a pattern family cannot match: a sentence lacking all of them skips that scan.
DAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight", "now",
             "this morning", "this afternoon", "yesterday", "last night", "previous session", "previous day",
             "previous trading day", "day before", "day earlier", "prior session")
RANGE_WORDS = ("year", "ytd", "in 19", "in 20", "in early", "in late", "in mid", "month", "week", "the past",
               "the last", "days", "sessions", " row", "straight", "streak", "that stretch", "that period",
               "that span", "that time", "within", "since", "record", "all-time", "ipo", "offer") + tuple(
    f"{before} {month}" for before in ("in", "over", "during", "for") for month in MONTHS)
YEAR_END = "<year end>"  # "ended 2017", "close of 2008": the day pattern's year-end words before a year
_YEAR_END_WORDS = ("ended", "end of", "close of", "closed")
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d{2}")
DAY_SET = frozenset(DAY_WORDS) | {DATE, YEAR_END}
RANGE_SET = frozenset(RANGE_WORDS)
MOMENT_SETS = [frozenset(MOMENT_WORDS[moment]) for moment, _ in MOMENT_PATTERNS]
_EVERY = DAY_SET | RANGE_SET | frozenset().union(*MOMENT_SETS)
_WORDS = tuple(w for w in dict.fromkeys(DAY_WORDS + RANGE_WORDS + tuple(w for ws in MOMENT_WORDS.values() for w in ws))
               if w not in (DATE, CLOCK, YEAR_END))
_MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_SET = frozenset(_MONTH_ABBR)
_LEXER_ONLY = _MONTH_ABBR + ("am", "pm")  # looked for too, then confirmed by what is around them
_DATE_AT = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")


def _automaton() -> ahocorasick.Automaton:
    found = ahocorasick.Automaton()
    for w in dict.fromkeys(_WORDS + _LEXER_ONLY + _YEAR_END_WORDS):
        found.add_word(w, w)
    found.make_automaton()
    return found


# Every occurrence of every gate word (overlapping ones too: "close of" and "clos") in one pass over the
# text, in C (Aho-Corasick): several times faster than any one pattern `re` can run for ~120 words.
_GATE = _automaton()
_GATE_WORDS = frozenset(_WORDS)


class TimeWords:
    """The gate words of an article with their positions, from one pass over the lower-cased text; a sentence
    then runs only the pattern families whose words it holds, and only near those words."""

    __slots__ = ("pos", "words")

    def __init__(self, low: str) -> None:
        pairs: list[tuple[int, str]] = []
        for last, w in _GATE.iter(low):
            at = last - len(w) + 1
            if w in _MONTH_SET:  # a written date: "august 7", "in may 5"
                if _DATE_AT.match(low, at):
                    pairs.append((at, DATE))
                continue
            if w == "am" or w == "pm":  # "10am", "4 pm"
                if at and not low[at + 2:at + 3].isalpha() and (
                        low[at - 1].isdigit() or low[at - 1] == " " and low[at - 2:at - 1].isdigit()):
                    pairs.append((at, CLOCK))
                continue
            if w in _YEAR_END_WORDS:
                if _YEAR_AFTER.match(low, at + len(w)):
                    pairs.append((at, YEAR_END))
                if w not in _GATE_WORDS:
                    continue
            elif w == "now" and (low[at - 1:at].isalpha() or low[at + 3:at + 4].isalpha()):
                continue  # "known", "nowhere"
            pairs.append((at, w))
        pairs.sort()
        self.pos = [p for p, _ in pairs]
        self.words = [w for _, w in pairs]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The indexes of the words found in text[start:end]."""
        return bisect.bisect_left(self.pos, start), bisect.bisect_left(self.pos, end)

    def anchors(self, i: int, j: int, family: frozenset[str]) -> list[int]:
        return [self.pos[k] for k in range(i, j) if self.words[k] in family]


# How far before its first gate word a match can start: patterns are tried only at word starts this close
# before a gate word. Periods: "so far this year", "twelve-day winning streak", "above its $38.00 IPO price";
# days: "last Monday", "on Aug. 7", "the previous session".
LEAD = 40
DAY_LEAD = 16
_WORD_START = re.compile(r"\b\w")


def _scan(pattern: re.Pattern[str], low: str, start: int, end: int, anchors: list[int] | None, lead: int = LEAD
          ) -> Iterator[re.Match[str]]:
    """pattern.finditer(low, start, end), trying only word starts at most `lead` characters before an anchor.
    Exact for patterns whose every alternative starts with \\b and a word character and holds a gate word."""
    if anchors is None:
        yield from pattern.finditer(low, start, end)
        return
    done = start
    for a in anchors:
        lo = max(done, a - lead)
        for w in _WORD_START.finditer(low, lo, a + 1):
            if w.start() < done:
                continue
            m = pattern.match(low, w.start(), end)
            if m is not None:
                yield m
                done = max(m.end(), m.start() + 1)
        done = max(done, a + 1)


_WEEKDAY = re.compile(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday")
_CLOSE_AFTER = re.compile(r"\s*(?:regular\s+)?(?:close|closing|session)")
_INTRADAY_AFTER = re.compile(r"\s*(?:morning|afternoon|midday|mid-day)")
_NIGHT_AFTER = re.compile(r"\s*(?:night|evening)")
_CONDITIONAL = re.compile(r"\b(?:if|unless|next|until)\s+(?:\w+\s+)?$")
_RANGE_KINDS = ("ytd", "yago", "nunits", "nover", "stretch", "that", "week", "vague", "month", "since", "record", "ipo")


def find(text: str, low: str, start: int, end: int, ref_local: dt.date, words: TimeWords | None,
         days_only: bool = False) -> list[Found]:
    """Every time expression in text[start:end] (a sentence), with offsets into text; no moments with
    days_only. `low` is lowered(text)."""
    if words is None:  # every family over the whole sentence: what the gate must agree with
        i, j, present = 0, 0, _EVERY
    else:
        i, j = words.span(start, end)
        if i == j:
            return []
        present = frozenset(words.words[i:j])
    out: list[Found] = []
    if not days_only:
        for (moment, pattern), family in zip(MOMENT_PATTERNS, MOMENT_SETS):
            if not present.isdisjoint(family):
                for m in pattern.finditer(low, start, end):
                    out.append(Found(m.start(), m.end(), "moment", moment=moment))
    if not present.isdisjoint(DAY_SET):
        for m in _scan(DAY_PATTERN, low, start, end, words and words.anchors(i, j, DAY_SET), DAY_LEAD):
            g = m.lastgroup
            a, b = m.span()
            if g == "wd":
                said = m.group()
                back = (ref_local.weekday() - WEEKDAYS.index(_WEEKDAY.search(said).group())) % 7  # type: ignore[union-attr]
                if said.startswith("last ") and back == 0:
                    back = 7
                hint = None
                if _CLOSE_AFTER.match(low, b, end) and "'s" in said.replace("’", "'"):
                    hint = Moment.CLOSE
                elif _INTRADAY_AFTER.match(low, b, end):
                    hint = Moment.INTRADAY
                elif _NIGHT_AFTER.match(low, b, end):
                    hint = Moment.AFTER_HOURS
                out.append(Found(a, b, "day", day=ref_local - dt.timedelta(days=back), near=True, moment_hint=hint))
            elif g == "today":
                out.append(Found(a, b, "day", day=ref_local, near=True))
            elif g == "yday":
                out.append(Found(a, b, "day", day=ref_local - dt.timedelta(days=1), near=True))
            elif g == "prev":
                out.append(Found(a, b, "day", range_kind="previous"))
            elif g == "yend":
                out.append(Found(a, b, "day", day=dt.date(int(m.group("y")), 12, 31), moment_hint=Moment.CLOSE))
            elif g == "date":
                day = parse_date(m.group(), ref_local)
                if day is not None:
                    out.append(Found(a, b, "day", day=day, near=abs((ref_local - day).days) <= 7))
    if not present.isdisjoint(RANGE_SET):
        for m in _scan(RANGE_PATTERN, low, start, end, words and words.anchors(i, j, RANGE_SET)):
            kind = next(k for k in _RANGE_KINDS if m.group(k))
            if kind == "vague":
                out.append(Found(m.start(), m.end(), "range", range_kind="other_year"))
                continue
            if kind == "ytd":
                y = m.group("y1") or m.group("y2")
                if y and int(y) != ref_local.year:
                    # "in 2000" names another year: a past period, not year to date
                    out.append(Found(m.start(), m.end(), "range", range_kind="other_year", groups=(("year", y),)))
                    continue
            groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            out.append(Found(m.start(), m.end(), "range", range_kind=kind, groups=groups))
    if not any(f.kind == "day" for f in out):
        return out
    ranges = [(f.start, f.end) for f in out if f.kind == "range"]
    future = FUTURE.search(low, start, end) is not None
    return [f for f in out if f.kind != "day" or not (
        future or _CONDITIONAL.search(low, max(start, f.start - 14), f.start) or any(a <= f.start < b for a, b in ranges))]


FUTURE = re.compile(r"\b(?:will|stays?|is to|are to|expected to|scheduled to|plans? to|is due to|next)\b")


def nearest(found: list[Found], pos: int, clause: tuple[int, int]) -> Found | None:
    """The expression nearest to `pos`: in the same clause, or before it in the sentence."""
    best, best_key = None, (2, 0)
    lo, hi = clause
    for f in found:
        inside = lo <= f.start < hi
        if inside or f.end <= pos:
            key = (0 if inside else 1, min(abs(f.start - pos), abs(f.end - pos)))
            if key < best_key:
                best, best_key = f, key
    return best


def default_moment(where: SessionTime, date_only: bool, session: dt.date) -> Moment:
    """With no moment stated: during the session if the article was published during it (`where` locates the
    publish time), else the close."""
    if date_only:
        return Moment.CLOSE
    if where.phase is Phase.DURING and where.session == session:
        return Moment.INTRADAY
    return Moment.CLOSE


def range_start(r: Found, end: dt.date, cal: Calendar, ref_local: dt.date, *, last_date: dt.date | None,
                stretch: int | None) -> tuple[dt.date | None, float | None, str]:
    """(from_session, stated base price, why) for a range expression ending at session `end`."""
    g = dict(r.groups)
    k = r.range_kind
    if k == "ytd":
        return cal.session_on_or_before(dt.date(end.year - 1, 12, 31)), None, "year to date"
    if k == "yago":
        return cal.session_on_or_before(_years_back(end, 1)), None, "one year back"
    if k in ("nunits", "nover"):
        n = _num(g.get("n1") or g.get("n2") or "")
        unit = (g.get("u1") or g.get("u2") or "").lower()
        if n is None:
            return None, None, ""
        if unit.startswith("year"):
            return cal.session_on_or_before(_years_back(end, n)), None, f"{n} years back"
        if unit.startswith("month"):
            return cal.session_on_or_before(_months_back(end, n)), None, f"{n} months back"
        if unit.startswith("week"):
            return cal.session_on_or_before(end - dt.timedelta(weeks=n)), None, f"{n} weeks back"
        return cal.offset(end, -n), None, f"{n} sessions back"
    if k == "stretch" or k == "that":
        n = stretch if k == "that" else _num(g.get("n3") or g.get("n4") or g.get("n5") or "")
        if not isinstance(n, int):
            return None, None, ""
        return cal.offset(end, -n), None, f"{n} sessions back"
    if k == "week":
        return cal.session_on_or_before(end - dt.timedelta(days=7)), None, "one week back"
    if k == "month":
        name = (g.get("mon") or "").lower()
        if name:
            mon = MONTHS.index(name) + 1
            year = int(g["y3"]) if g.get("y3") else (ref_local.year if mon <= ref_local.month else ref_local.year - 1)
            return cal.session_on_or_before(dt.date(year, mon, 1) - dt.timedelta(days=1)), None, f"over {name.title()}"
        first = ref_local.replace(day=1)
        return cal.session_on_or_before(first - dt.timedelta(days=1)), None, "this month"
    if k == "since":
        what = g.get("since_what") or ""
        if what.lower() == "then":
            last = last_date
            return (cal.session_on_or_before(last), None, "since the date named before") if isinstance(
                last, dt.date) else (None, None, "")
        day = parse_date(what, ref_local)
        if day is None:
            m = _MONTH_YEAR.match(what.strip())
            if m:
                mon = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(what.strip().lower()[:3]))
                year = int(m.group(1)) if m.group(1) else ref_local.year
                day = dt.date(year, mon, 1) - dt.timedelta(days=1)
            else:
                wd = _WEEKDAY_IN.search(what)
                if wd:
                    back = (ref_local.weekday() - WEEKDAYS.index(wd.group(1).lower())) % 7 or 7
                    day = ref_local - dt.timedelta(days=back)
        if day is None:
            return None, None, ""
        return cal.session_on_or_before(day), None, f"since {what}"
    if k == "record":
        day = parse_date(g.get("rdate") or g.get("rdate2") or "", ref_local)
        return (cal.session_on_or_before(day), None, "from the record close") if day else (None, None, "")
    if k == "ipo":
        price = float(g.get("ipo_price") or g.get("ipo_price2") or 0)
        return None, price, "from the IPO price"
    return None, None, ""


def month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def week_bounds(ref_local: dt.date, which: str) -> tuple[dt.date, dt.date]:
    """Monday and Friday of 'this' or 'last' calendar week."""
    monday = ref_local - dt.timedelta(days=ref_local.weekday())
    if which == "last":
        monday -= dt.timedelta(days=7)
    return monday, monday + dt.timedelta(days=4)


def _years_back(day: dt.date, n: int) -> dt.date:
    try:
        return day.replace(year=day.year - n)
    except ValueError:
        return day.replace(year=day.year - n, day=28)


def _months_back(day: dt.date, n: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 - n, 12)
    return dt.date(y, m + 1, min(day.day, 28))
