"""When an article was published, with its UTC offset, and how that was decided.

In this order, the first that gives a time wins, and `published_how` says which:

    1. the input's own field (JSON "published"), when it reads as a date or time
    2. the HTML page's metadata: JSON-LD datePublished, article:published_time and kin, a <time> element
    3. a publication line or dateline in the text, by its place and wording (datelines.py), not any date
    4. the date in the article's URL (/2019/04/16/), a date only
    5. --published

A time with its own offset keeps it ("Fri, 27 Jul 2018 18:00:00 +0900", "... GMT"). Time-zone
abbreviations are ambiguous and common parsers get them wrong for news: dateutil drops "IST"
and returns a naive time; others read it as Irish or Israel time. Here an abbreviation is read
with the outlet's region (from the URL, the publication line and the text's currency and place
names), and the choice is recorded. A time that is no clock time ("03:60") leaves the date only.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from .datelines import STAMPS, Stamp, publication_lines, stamp_of
from .errors import InputError

REGION_TZ = {
    "US": "America/New_York", "UK": "Europe/London", "IE": "Europe/Dublin", "IN": "Asia/Kolkata",
    "AU": "Australia/Sydney", "LK": "Asia/Colombo", "TR": "Europe/Istanbul", "DE": "Europe/Berlin",
    "FR": "Europe/Paris", "JP": "Asia/Tokyo", "HK": "Asia/Hong_Kong", "SG": "Asia/Singapore", "CA": "America/Toronto",
    "NZ": "Pacific/Auckland", "ZA": "Africa/Johannesburg", "IL": "Asia/Jerusalem", "PK": "Asia/Karachi",
    "CN": "Asia/Shanghai", "AE": "Asia/Dubai", "ES": "Europe/Madrid", "IT": "Europe/Rome", "NL": "Europe/Amsterdam",
    "CH": "Europe/Zurich", "MY": "Asia/Kuala_Lumpur", "PH": "Asia/Manila", "NG": "Africa/Lagos", "KE": "Africa/Nairobi",
}
REGION_NAMES = {"US": "the US", "UK": "the UK", "IE": "Ireland", "IN": "India", "AU": "Australia", "LK": "Sri Lanka",
                "TR": "Turkey", "IL": "Israel", "CN": "China", "PK": "Pakistan"}
TLD_REGION = {
    "uk": "UK", "ie": "IE", "in": "IN", "au": "AU", "lk": "LK", "tr": "TR", "de": "DE", "fr": "FR", "jp": "JP",
    "hk": "HK", "sg": "SG", "ca": "CA", "nz": "NZ", "za": "ZA", "il": "IL", "pk": "PK", "cn": "CN", "ae": "AE",
    "es": "ES", "it": "IT", "nl": "NL", "ch": "CH", "my": "MY", "ph": "PH", "ng": "NG", "ke": "KE",
}
DOMAIN_REGION = {
    "business-standard.com": "IN", "economictimes.indiatimes.com": "IN", "indiatimes.com": "IN", "livemint.com": "IN",
    "moneycontrol.com": "IN", "thehindu.com": "IN", "thehindubusinessline.com": "IN", "ndtv.com": "IN",
    "hindustantimes.com": "IN", "financialexpress.com": "IN", "news18.com": "IN", "businesstoday.in": "IN",
    "cityam.com": "UK", "netimperative.com": "UK", "ft.com": "UK", "theguardian.com": "UK", "bbc.com": "UK",
    "thisismoney.co.uk": "UK", "dailymail.co.uk": "UK", "independent.co.uk": "UK", "sky.com": "UK",
    "standard.co.uk": "UK", "investmentweek.co.uk": "UK", "proactiveinvestors.co.uk": "UK", "express.co.uk": "UK",
    "irishtimes.com": "IE", "independent.ie": "IE", "rte.ie": "IE", "smh.com.au": "AU", "afr.com": "AU",
    "scmp.com": "HK", "straitstimes.com": "SG", "hirunews.lk": "LK", "dailymirror.lk": "LK", "t24.com.tr": "TR",
    "dailysabah.com": "TR", "hurriyetdailynews.com": "TR", "thenationalnews.com": "AE", "gulfnews.com": "AE",
    "japantimes.co.jp": "JP", "nikkei.com": "JP", "theglobeandmail.com": "CA", "financialpost.com": "CA",
    "dawn.com": "PK", "nation.com.pk": "PK",
}
TEXT_REGION = [
    (re.compile(r"Business Standard|\bcrore\b|\blakh\b|\bRs\.? ?\d|Mumbai|New Delhi|Bengaluru|\bSensex\b|\bNifty\b"), "IN"),
    (re.compile(r"£|\bFTSE\b|\bLondon\b"), "UK"),
    (re.compile(r"\(DHA\)|Istanbul|\(AA\)"), "TR"),
    (re.compile(r"\$A\d|\bASX\b|Sydney"), "AU"),
    (re.compile(r"Dublin|Irish Times"), "IE"),
]
# Literal pieces, one of which a text must hold before its cue pattern is tried: a substring test is far
# cheaper than running an alternation over the whole text.
TEXT_REGION_GATES = [("Business Standard", "crore", "lakh", "Rs", "Mumbai", "New Delhi", "Bengaluru", "Sensex", "Nifty"),
                     ("£", "FTSE", "London"), ("(DHA)", "Istanbul", "(AA)"), ("$A", "ASX", "Sydney"),
                     ("Dublin", "Irish Times")]
# Abbreviation -> offset in minutes, by region where it is ambiguous ("*" = any other region).
ABBREV: dict[str, dict[str, int]] = {
    "IST": {"IN": 330, "LK": 330, "IE": 60, "IL": 120, "*": 330},
    "EST": {"*": -300}, "EDT": {"*": -240}, "CST": {"CN": 480, "*": -360}, "CDT": {"*": -300},
    "MST": {"*": -420}, "MDT": {"*": -360}, "PST": {"*": -480}, "PDT": {"*": -420},
    "GMT": {"*": 0}, "UTC": {"*": 0}, "Z": {"*": 0}, "BST": {"*": 60}, "CET": {"*": 60}, "CEST": {"*": 120},
    "JST": {"*": 540}, "HKT": {"*": 480}, "SGT": {"*": 480}, "AEST": {"*": 600}, "AEDT": {"*": 660},
    "PKT": {"*": 300}, "TRT": {"*": 180}, "SLST": {"*": 330}, "KST": {"*": 540}, "WIB": {"*": 420},
}
ZONE_NAMES = {"ET": "America/New_York", "EASTERN": "America/New_York", "PT": "America/Los_Angeles",
              "CT": "America/Chicago"}
# Regions that write numeric dates month first ("05/06/2020" is 6 May); the others write the day first.
MONTH_FIRST = {"US", "CA", "PH"}
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)")


@dataclass(frozen=True)
class Published:
    when: dt.datetime | None
    how: str
    date_only: bool
    region: str


@dataclass(frozen=True)
class Reading:
    """One value read as a publish time: when, whether only the date was known, how, and any caveat."""

    when: dt.datetime | None
    date_only: bool = False
    how: str = ""
    problem: str = ""  # why the value could not be read (when is None), or what was left out of it


def region_of(url: str, text: str) -> tuple[str, str]:
    """The outlet's region and why: the URL's domain, then cues in the text; US by default."""
    host = (urlparse(url).hostname or "").lower().strip(".") if url else ""
    if host:
        for domain, region in DOMAIN_REGION.items():
            if host == domain or host.endswith("." + domain):
                return region, f"outlet {domain}"
        sub = host.split(".")[0]
        if sub in ("uk", "in", "au", "ca", "ie") and host.count(".") >= 2:
            return sub.upper(), f"regional edition {host}"
        tld = host.rsplit(".", 1)[-1]
        if tld in TLD_REGION:
            return TLD_REGION[tld], f"domain .{tld}"
    for (pattern, region), gate in zip(TEXT_REGION, TEXT_REGION_GATES):
        if any(g in text for g in gate):
            m = pattern.search(text)
            if m:
                return region, f"text mentions {m.group(0)!r}"
    return "US", "no regional cue; assumed a US outlet"


def _zone(stamp: Stamp, region: str) -> tuple[dt.tzinfo, str]:
    if stamp.offset is not None:
        return dt.timezone(dt.timedelta(minutes=stamp.offset)), "with its offset"
    tz = stamp.zone
    if tz in ABBREV:
        table = ABBREV[tz]
        minutes = table.get(region, table["*"])
        label = f"{tz} read as UTC{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        if len(table) > 1:
            label += f" for an outlet in {REGION_NAMES.get(region, region)}"
        return dt.timezone(dt.timedelta(minutes=minutes)), label
    if tz in ZONE_NAMES:
        return ZoneInfo(ZONE_NAMES[tz]), f"{tz} read as {ZONE_NAMES[tz]}"
    unknown = f" ({tz!r} is no zone enrich knows)" if tz else ""
    return ZoneInfo(REGION_TZ.get(region, "America/New_York")), f"no zone stated{unknown}; read in the {region} " \
                                                                  f"outlet's zone"


def assume_time(day: dt.date, region: str) -> dt.datetime:
    """A time for a date-only stamp: after the close for US outlets, local noon elsewhere."""
    tz = ZoneInfo(REGION_TZ.get(region, "America/New_York"))
    hour = 16 if region == "US" else 12
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=tz)


def _from_stamp(stamp: Stamp, region: str) -> Reading:
    order = "" if stamp.month_first is None else f"; read {'month' if stamp.month_first else 'day'} first"
    if stamp.hour is None:
        dropped = f"; its time {stamp.bad_time!r} is no clock time, so the date only" if stamp.bad_time else ""
        return Reading(assume_time(stamp.day, region), True, f"date only{order}{dropped}", dropped[2:])
    tzinfo, label = _zone(stamp, region)
    d = stamp.day
    return Reading(dt.datetime(d.year, d.month, d.day, stamp.hour, stamp.minute, tzinfo=tzinfo), False,
                   label + order)


def parse_value(value: str, region: str) -> Reading:
    """A value given as a publish time: an ISO date or datetime, an RFC 2822 time (RSS, e-mail), or a
    stamp as pages print them. Reading(None, problem=...) when it is none of these."""
    value = str(value).strip()
    if not value:
        return Reading(None, problem="it is empty")
    if len(value) == 10:
        try:
            return Reading(assume_time(dt.date.fromisoformat(value), region), True, "date only")
        except ValueError:
            pass
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            zone = ZoneInfo(REGION_TZ.get(region, "America/New_York"))
            return Reading(parsed.replace(tzinfo=zone), False, f"no offset given; read in the {region} outlet's zone")
        return Reading(parsed, False, "with its offset")
    except ValueError:
        pass
    if re.search(r"\b(?:GMT|UTC|UT)\b|[+-]\d{4}\b", value):  # an RSS / e-mail time with its own offset
        try:
            rfc = email.utils.parsedate_to_datetime(value)
            if rfc.tzinfo is not None:
                return Reading(rfc, False, "with its offset")
        except (TypeError, ValueError, IndexError):
            pass
    for pattern in STAMPS:
        m = pattern.search(value)
        if m:
            stamp = stamp_of(m, region in MONTH_FIRST)
            if stamp is not None:
                return _from_stamp(stamp, region)
    return Reading(None, problem="it is not a date or time enrich can read (e.g. 2018-08-06T14:35-04:00)")


def check_option(value: str | None) -> None:
    """Refuse a --published value that cannot be read, before any article is."""
    if value is None:
        return
    reading = parse_value(value, "US")
    if reading.when is None or reading.problem:
        raise InputError(f"--published {value[:60]!r}: {reading.problem}; give a date or an ISO time such as "
                         f"2018-08-06T14:35-04:00")


def _in_text(text: str, region: str) -> tuple[Reading, str] | None:
    """The best publication line or dateline of the text, read, and the line as quoted."""
    lines = publication_lines(text, region in MONTH_FIRST)
    if not lines:
        return None
    best = lines[0]
    return _from_stamp(best.stamp, region), f"{best.line[:120]!r} ({best.why})"


def _in_url(url: str, region: str) -> Reading | None:
    m = URL_DATE.search(urlparse(url).path if url else "")
    if not m:
        return None
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return Reading(assume_time(day, region), True, "date only")


def _assumed(when: dt.datetime, why_region: str) -> str:
    return f"time assumed {when.strftime('%H:%M %Z')} ({why_region})"


def resolve(field: str | None, text: str, url: str = "", fallback: str | None = None,
            html_dates: Sequence[tuple[str, str]] = ()) -> Published:
    """Publish time from the input's field, the page's metadata, a publication line or dateline, the URL's
    date, else `fallback` (--published); else unknown, and said so. `html_dates` are (where, value)."""
    region, why_region = region_of(url, text)
    notes: list[str] = []
    sources: list[tuple[str, str]] = []
    if field not in (None, ""):
        sources.append(("published field", str(field)))
    sources += [(f"HTML {where}", value) for where, value in html_dates]
    for where, value in sources:
        r = parse_value(value, region)
        if r.when is None:
            notes.append(f"the {where} {value[:40]!r} was not used: {r.problem}")
            continue
        how = f"{where} {value[:60]!r}, {r.how}"
        if r.date_only:
            # The text may state the time of day the value leaves out.
            found = _in_text(text, region)
            # Only a time with its zone: a guessed zone can put the publication inside a session and make
            # every current figure a clock-time one, against a field that chose to give the date only.
            if found and not found[0].date_only and found[0].when and found[0].when.date() == r.when.date() \
                    and not found[0].how.startswith("no zone stated"):
                return _published(found[0].when, f"publication line {found[1]}, {found[0].how} ({where} gave the "
                                                 f"date only)", False, region, notes)
            how += f"; {_assumed(r.when, why_region)}"
        return _published(r.when, how, r.date_only, region, notes)
    found = _in_text(text, region)
    if found is not None and (when := found[0].when) is not None:
        r, line = found
        how = f"publication line {line}, {r.how}"
        return _published(when, how + (f"; {_assumed(when, why_region)}" if r.date_only else ""), r.date_only,
                          region, notes)
    r_url = _in_url(url, region)
    if r_url is not None and r_url.when is not None:
        return _published(r_url.when, f"the date in the URL, {_assumed(r_url.when, why_region)}", True, region, notes)
    if fallback:
        r = parse_value(fallback, region)
        if r.when is not None:
            return _published(r.when, f"--published option, {r.how}", r.date_only, region, notes)
    return _published(None, "unknown: no publish time in the input or the text; pass --published", False, region,
                      notes)


def _published(when: dt.datetime | None, how: str, date_only: bool, region: str, notes: list[str]) -> Published:
    return Published(when, how + "".join(f"; {n}" for n in notes), date_only, region)
