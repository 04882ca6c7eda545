"""When an article was published, with its UTC offset, and how that was decided.

Time-zone abbreviations are ambiguous and common parsers get them wrong for news: dateutil
drops "IST" and returns a naive time; others read it as Irish or Israel time. Here an
abbreviation is read with the outlet's region (from the URL, the publication line and the
text's currency and place names), and the choice is recorded.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from .textcase import near

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
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
MONTH_RE = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
TIME_RE = r"(?:,?\s*(?:at\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?\s*(?P<tz>[A-Z]{1,5}\b)?)?"
PUBLISHED_LINES = [
    # "First Published: Tue, August 07 2018. 00:05 IST", "Sep. 27, 2018, 04:54 PM", "Oct 11, 2011"
    re.compile(r"(?:(?:First |Last )?(?:Published|Updated|Posted)(?: on| at)?:?\s*)?(?:[A-Z][a-z]{2,8},?\s+)?"
               + MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\.?" + TIME_RE),
    # "26 July 2018 10:00 BST"
    re.compile(r"(?:(?:Published|Updated|Posted)(?: on)?:?\s*)?(?P<d>\d{1,2})\s+" + MONTH_RE + r",?\s+(?P<y>(?:19|20)\d{2})"
               + TIME_RE),
    # "07/10/2020 - 03:59" (month first, as US sites write it)
    re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})(?:\s*-\s*|\s+)" + TIME_RE.replace(",?\\s*", "")),
    # ISO
    re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2})?"
               r"(?P<off>Z|[+-]\d{2}:?\d{2})?)?"),
]


# What the publication-line patterns need: a capitalised month name (at most 64 characters into a match:
# "First Published on: Wednesday, August 7, 2018"), or an ISO date.
MONTH_AT = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
ISO_AT = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")


@dataclass(frozen=True)
class Published:
    when: dt.datetime | None
    how: str
    date_only: bool
    region: str


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


def _offset(tz: str | None, region: str) -> tuple[dt.tzinfo | None, str]:
    if not tz:
        return None, ""
    tz = tz.upper()
    if tz in ABBREV:
        table = ABBREV[tz]
        minutes = table.get(region, table["*"])
        label = f"{tz} read as UTC{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        if len(table) > 1:
            label += f" for an outlet in {REGION_NAMES.get(region, region)}"
        return dt.timezone(dt.timedelta(minutes=minutes)), label
    if tz in ZONE_NAMES:
        return ZoneInfo(ZONE_NAMES[tz]), f"{tz} read as {ZONE_NAMES[tz]}"
    return None, ""


def assume_time(day: dt.date, region: str) -> dt.datetime:
    """A time for a date-only stamp: after the close for US outlets, local noon elsewhere."""
    tz = ZoneInfo(REGION_TZ.get(region, "America/New_York"))
    hour = 16 if region == "US" else 12
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=tz)


def parse_value(value: str, region: str) -> tuple[dt.datetime | None, bool, str]:
    """An explicit published value (ISO date or datetime, or a publication line)."""
    value = value.strip()
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return assume_time(day, region), True, "date only"
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=ZoneInfo(REGION_TZ.get(region, "America/New_York")))
            return parsed, False, f"no offset given; read in the {region} outlet's zone"
        return parsed, False, "with its offset"
    except ValueError:
        found = find_in_text(value, region)
        return found[0], found[1], found[2]


def find_in_text(text: str, region: str) -> tuple[dt.datetime | None, bool, str]:
    """The first publication line or dateline with a year in the text, or (None, False, '')."""
    head_tail = text[:600] + "\n" + text[-400:]
    months = [m.start() for m in MONTH_AT.finditer(head_tail)]
    for pattern, gate in zip(PUBLISHED_LINES, ("month", "month", "/", "iso")):
        if gate == "month":
            found = near(pattern, head_tail, months, 64)  # the text between month names is never scanned
        elif gate == "/":
            found = pattern.finditer(head_tail) if "/" in head_tail else iter(())
        else:
            found = pattern.finditer(head_tail) if ISO_AT.search(head_tail) else iter(())
        for m in found:
            g = m.groupdict()
            try:
                month = int(g["m"]) if g.get("m") else MONTHS[g["mon"][:3].lower()]
                day = dt.date(int(g["y"]), month, int(g["d"]))
            except (ValueError, KeyError, TypeError):
                continue
            line = m.group(0).strip()
            if g.get("h") is None:
                return assume_time(day, region), True, f"date from the text {line!r}"
            hour, minute = int(g["h"]), int(g["mi"])
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            if g.get("off"):
                off = g["off"]
                tzinfo: dt.tzinfo | None = dt.timezone.utc if off == "Z" else dt.timezone(
                    dt.timedelta(hours=int(off[:3]), minutes=int(off[0] + off[-2:])))
                label = "offset in the text"
            else:
                tzinfo, label = _offset(g.get("tz"), region)
            if tzinfo is None:
                tzinfo = ZoneInfo(REGION_TZ.get(region, "America/New_York"))
                label = f"no zone stated; read in the {region} outlet's zone"
            when = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tzinfo)
            return when, False, f"from the text {line!r}; {label}"
    return None, False, ""


def resolve(field: str | None, text: str, url: str = "", fallback: str | None = None) -> Published:
    """Publish time from the input's field, else the text, else `fallback` (--published), else unknown."""
    region, why_region = region_of(url, text)
    if field:
        when, date_only, how = parse_value(str(field), region)
        if when is not None:
            if date_only:
                # The text may state the time of day the field leaves out.
                in_text, text_date_only, text_how = find_in_text(text, region)
                if in_text is not None and not text_date_only and in_text.date() == when.date():
                    return Published(in_text, f"{text_how} (the published field gave the date only)", False, region)
                how = f"date only in the input; time assumed {when.strftime('%H:%M %Z')} ({why_region})"
            return Published(when, f"published field, {how}", date_only, region)
    when, date_only, how = find_in_text(text, region)
    if when is not None:
        if date_only:
            how += f"; time assumed {when.strftime('%H:%M %Z')} ({why_region})"
        return Published(when, how, date_only, region)
    if fallback:
        when, date_only, how = parse_value(fallback, region)
        if when is not None:
            return Published(when, f"--published option, {how}", date_only, region)
    return Published(None, "unknown: no publish time in the input or the text; pass --published", False, region)
