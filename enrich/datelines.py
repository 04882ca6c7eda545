"""Date stamps as news pages write them, and which of them is a publication line or a dateline.

A stamp is a date with an optional time of day and zone, in any of the forms outlets print:

    "Tue, August 07 2018. 00:05 IST"   "Sep. 27, 2018, 04:54 PM"   "October 12, 2017 / 2:58 PM"
    "06 February 2022 - 20:15"         "05/06/2020 | 10:49am EDT"   "Fri, 27 Jul 2018 18:00:00 +0900"
    "2019-03-04T10:15:00-05:00"        "Dec 22 2017 | 3:51 PM IST"

Not every date near the top of an article is its publish date ("went public on May 18, 2012" in the
first paragraph is not). A stamp counts as the publication line only by where it is and how it is
worded: in the head or the tail of the text, and either labelled ("Published:", "Posted on",
"Updated"), or alone on its line but for a byline or an outlet's name ("06 February 2022 - 20:15
Spencer Soper"), or a dateline opening the story ("WASHINGTON, July 26, 2018 (Reuters) -").

This module only reads; published.py turns a stamp into a time with the outlet's zone.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

HEAD = 1000  # characters from the start where a publication line or dateline may begin
TAIL = 400  # and from the end ("First Published: ..." under the story)
LINE = 200  # characters of a line read for a stamp: publication lines are short

MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"], 1)}
_MONTH = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
# The time after a date: a separator, then H:MM[:SS], am/pm, a zone abbreviation and/or a numeric offset.
_TIME = (r"(?:\s*(?:[,|/\u2022\u00b7\u2013\u2014-]|\.|\bat\b)?\s*(?:at\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})"
         r"(?::(?P<s>\d{2}))?(?!\d)\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?(?![a-z]))?"
         r"(?:\s*(?P<tz>[A-Z]{1,5})\b)?(?:\s*(?P<off>[+-]\d{1,2}:?\d{2}))?)?")
STAMPS = [
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\.?" + _TIME),
    re.compile(_WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\.?" + _TIME),
    re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/" + _YEAR + _TIME),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})"
               r"(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<off>Z|[+-]\d{2}:?\d{2})?(?:\s*(?P<tz>[A-Z]{2,5})\b)?)?"),
]
# Words that name the line a stamp is on; rank 0 = the publication, 2 = a later update.
_LABEL = re.compile(r"\b(?P<label>first published|published|posted|dated|date|filed|created|released|last updated|"
                    r"updated|last modified|modified)\b(?:\s+(?:on|at))?\s*[:\-|]?\s*$", re.I)
_LATER = ("updated", "modified")
# A dateline: the place in capitals (and a state), the stamp, the agency in brackets, a dash.
_PLACE = re.compile(r"^\s*(?:[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+)*,?\s*(?:[A-Z][a-z]{1,5}\.,?\s*)?)?$")
_AFTER_DATELINE = re.compile(r"^\s*(?:\([^()]{1,40}\))?\s*(?:--|[-\u2013\u2014])")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.&-]*|\S*\d\S*")


@dataclass(frozen=True)
class Stamp:
    """A date as written, with the time of day and zone when given (nothing resolved yet)."""

    day: dt.date
    hour: int | None  # 0-23, None when no (valid) time was written
    minute: int
    zone: str  # an abbreviation as written ("IST", "EDT"), or ""
    offset: int | None  # minutes east of UTC when a numeric offset was written ("+0900", "Z")
    text: str  # the stamp as written
    bad_time: str = ""  # a time that is not a clock time ("25:30", "03:60"), read as the date only
    month_first: bool | None = None  # for "05/06/2020": how the numbers were read (None: not numeric)


def _offset(text: str) -> int:
    if text == "Z":
        return 0
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * (int(digits[:-2]) * 60 + int(digits[-2:]))


def stamp_of(m: re.Match[str], month_first: bool) -> Stamp | None:
    """The stamp a pattern match writes, or None when it is not a real date (31 February)."""
    g = m.groupdict()
    read_month_first = None
    try:
        if g.get("mon"):
            month = MONTHS[g["mon"][:3].lower()]
            day_n = int(g["d"])
        elif g.get("a"):
            a, b = int(g["a"]), int(g["b"])
            read_month_first = b > 12 or (a <= 12 and month_first)
            month, day_n = (a, b) if read_month_first else (b, a)
        else:
            month, day_n = int(g["m"]), int(g["d"])
        day = dt.date(int(g["y"]), month, day_n)
    except (ValueError, KeyError):
        return None
    text = m.group(0).strip()
    if g.get("h") is None:
        return Stamp(day, None, 0, "", None, text, month_first=read_month_first)
    hour, minute, second = int(g["h"]), int(g["mi"]), int(g.get("s") or 0)
    ampm = re.sub(r"[.\s]", "", g.get("ampm") or "").lower()
    if ampm and not 1 <= hour <= 12:
        hour = 99  # "15:00 pm" is no time
    elif ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    zone = (g.get("tz") or "").upper()
    offset = _offset(g["off"]) if g.get("off") else None
    if hour > 23 or minute > 59 or second > 59 or (offset is not None and abs(offset) > 14 * 60):
        bad = m.group(0)[m.start("h") - m.start():].strip()
        return Stamp(day, None, 0, "", None, text, bad_time=bad, month_first=read_month_first)
    if zone in ("GMT", "UTC", "UT") and offset is not None:
        zone = ""  # "GMT+0530": the offset says it all
    return Stamp(day, hour, minute, zone, offset, text, month_first=read_month_first)


_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # every stamp has one; most lines have none


def stamps(text: str, month_first: bool = True) -> list[tuple[int, int, Stamp]]:
    """Every stamp in `text` as (start, end, stamp), in order, the longest reading at each place."""
    if not _ANY_YEAR.search(text):
        return []
    found: dict[int, tuple[int, Stamp]] = {}
    for pattern in STAMPS:
        for m in pattern.finditer(text):
            s = stamp_of(m, month_first)
            if s is not None and (m.start() not in found or found[m.start()][0] < m.end()):
                found[m.start()] = (m.end(), s)
    out, last_end = [], -1
    for start in sorted(found):
        end, s = found[start]
        if start >= last_end:  # a stamp inside another ("27 Jul 2018" in "Fri, 27 Jul 2018 ...") is not a second one
            out.append((start, end, s))
            last_end = end
    return out


@dataclass(frozen=True)
class Line:
    """A stamp the text states as its own publication (or update) time, and why it counts as one."""

    stamp: Stamp
    rank: int  # 0 labelled as the publication, 1 a line or dateline of its own, 2 labelled as an update
    why: str
    line: str  # the whole line, for people


def _classify(prefix: str, suffix: str) -> tuple[int, str] | None:
    label = _LABEL.search(prefix)
    if label:
        word = label.group("label").lower()
        return (2 if any(w in word for w in _LATER) else 0), f"labelled {label.group('label')!r}"
    if len(prefix) + len(suffix) <= LINE:
        rest = _WORD.findall(re.sub(r"^\s*[Bb]y\s", " ", prefix) + " " + suffix)
        if len(rest) <= 5 and all(w[0].isupper() or w.lower() in ("by", "and") for w in rest):
            return 1, "a line of its own" if not rest else "a line of its own beside a byline or an outlet's name"
    if _PLACE.match(prefix) and _AFTER_DATELINE.match(suffix[:LINE]):
        return 1, "the story's dateline"
    return None


def _line_starts(text: str, lo: int, hi: int) -> Iterator[int]:
    """Where the lines that begin in [lo, hi) begin."""
    if lo == 0 or text[lo - 1] == "\n":
        yield lo
    pos = text.find("\n", lo, hi)
    while 0 <= pos < hi - 1:
        yield pos + 1
        pos = text.find("\n", pos + 1, hi)


def publication_lines(text: str, month_first: bool = True) -> list[Line]:
    """The stamps in the head or tail of `text` worded as a publication line or dateline, best first.
    Only the first LINE characters of a line are read: a publication line is short, and a dateline
    opens its paragraph (so a long article costs no more than a short one)."""
    head_end = min(len(text), HEAD)
    tail_start = max(head_end, len(text) - TAIL)
    found: list[tuple[int, int, Line]] = []
    for start in [*_line_starts(text, 0, head_end), *_line_starts(text, tail_start, len(text))]:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:min(end, start + LINE)]
        for s_start, s_end, stamp in stamps(line, month_first):
            suffix = text[start + s_end:min(end, start + s_end + LINE + 1)]
            kind = _classify(line[:s_start], suffix)
            if kind is not None:
                found.append((kind[0], start + s_start, Line(stamp, kind[0], kind[1], line.strip())))
    found.sort(key=lambda t: (t[0], t[1]))
    return [f[2] for f in found]
