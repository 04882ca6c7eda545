"""Which markets an article is about: the place words it writes, the money it writes the local way, and the
cities it names for a market's index ("bourses in Shanghai, Hong Kong and Tokyo", "Madrid fell 12%").

Each is found in one pass over the text (an automaton, a pattern, or a pattern tried only where it can begin),
so that an article's context costs little beside reading it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import ahocorasick

from .instruments import markets

# Words that set an article in a market are in data/markets.csv ("places"); money written the local way too. Each
# pattern is run only on a text holding one of its marks (a string every match of it contains): a scan of a text
# by a pattern that begins with a word boundary costs far more than looking for the marks.
LOCAL_MONEY = (
    (re.compile(r"\d(?:[\d,.]*\d)?p\b"), "XLON", tuple(f"{d}p" for d in "0123456789")),  # "446p"
    (re.compile(r"£"), "XLON", ("£",)),
    (re.compile(r"(?:\bRs\.?|₹|\bINR)\s?\d"), "XBOM", ("Rs", "₹", "INR")),
    (re.compile(r"¥|\bJPY\b"), "XTKS", ("¥", "JPY")),
    (re.compile(r"\bHK\$"), "XHKG", ("HK$",)),
    (re.compile(r"\bA\$|\$A\s?\d"), "XASX", ("A$", "$A")),  # "A$97.10", "$A97.10"
    (re.compile(r"\bC\$"), "XTSE", ("C$",)),
    (re.compile(r"(?<![A-Za-z$])\$\s?\d"), "XNYS", ("$",)),  # a dollar with no country letters
    (re.compile(r"\bUS\$|\bUSD\b"), "XNYS", ("US$", "USD")),
)
EURO = re.compile(r"€\s?\d|\d\s?€|\bEUR\s?\d")  # a euro figure: a cue for every euro market (_euro_areas)


@lru_cache(maxsize=1)
def _places() -> tuple[ahocorasick.Automaton, dict[str, set[str]]]:
    """Every place word of every market, for one pass over a text, and word -> the calendars it sets."""
    calendars: dict[str, set[str]] = {}
    for market in markets().values():
        for place in market.places:
            calendars.setdefault(place, set()).add(market.area)
    auto = ahocorasick.Automaton()
    for word in calendars:
        auto.add_word(word, word)
    auto.make_automaton()
    return auto, calendars


def place_words(text: str) -> list[tuple[int, str]]:
    """(start, word) of each place word written as a word (no letter, digit, "_" or "$" before it, no letter,
    digit or "_" after it), the longest where several start together, none inside another."""
    auto, _ = _places()
    longest: dict[int, str] = {}
    for last, word in auto.iter(text):
        start = last - len(word) + 1
        before = text[start - 1] if start else " "
        after = text[last + 1] if last + 1 < len(text) else " "
        if before.isalnum() or before in "_$" or after.isalnum() or after == "_":
            continue
        if len(word) > len(longest.get(start, "")):
            longest[start] = word
    out: list[tuple[int, str]] = []
    for start in sorted(longest):
        if not out or start >= out[-1][0] + len(out[-1][1]):
            out.append((start, longest[start]))
    return out


@lru_cache(maxsize=1)
def _euro_areas() -> tuple[str, ...]:
    """The market areas whose shares trade in euros: a euro price says the article is about one of them (which
    one, its places and the listings' sizes decide)."""
    return tuple(sorted({m.area for m in markets().values() if m.currency == "EUR"}))


class Context:
    """The markets an article is about (by market area: see Market.area): where it sets itself (its places, its
    local money) and how often, and which of those cues stand near a given spot (a wrap's "In Frankfurt, ...")."""

    NEAR_BEFORE, NEAR_AFTER = 250, 80

    def __init__(self, text: str) -> None:
        calendars = _places()[1]
        self.cues: list[tuple[int, str]] = [(at, area) for at, word in place_words(text) for area in calendars[word]]
        for money, area, marks in LOCAL_MONEY:
            if any(mark in text for mark in marks):
                self.cues += [(m.start(), area) for m in money.finditer(text)]
        if "€" in text or "EUR" in text:
            self.cues += [(m.start(), area) for m in EURO.finditer(text) for area in _euro_areas()]
        self.cues.sort()
        self.counts: dict[str, int] = {}
        for _, area in self.cues:
            self.counts[area] = self.counts.get(area, 0) + 1

    @classmethod
    def of_cues(cls, cues: list[tuple[int, str]]) -> "Context":
        """A context read from given cues (position, market area) rather than from words of a text."""
        context = cls("")
        context.cues = sorted(cues)
        for _, area in context.cues:
            context.counts[area] = context.counts.get(area, 0) + 1
        return context

    def __contains__(self, area: object) -> bool:
        return area in self.counts

    def near(self, pos: int) -> dict[str, int]:
        """Area -> closeness of its nearest cue around `pos` (higher is nearer; cues before count double)."""
        out: dict[str, int] = {}
        first = bisect_left(self.cues, (pos - self.NEAR_BEFORE, ""))  # the cues are sorted by position
        for i in range(first, len(self.cues)):
            at, area = self.cues[i]
            if at > pos + self.NEAR_AFTER:
                break
            if pos - self.NEAR_BEFORE <= at:
                closeness = -(pos - at if at <= pos else 2 * (at - pos))
                out[area] = max(out.get(area, closeness), closeness)
        return out


def companions_area(areas: list[str], home: str) -> str | None:
    """The foreign market most companies of an article belong to: at least two, and more than of `home`."""
    counts = {area: areas.count(area) for area in areas}
    area, count = max(counts.items(), key=lambda kv: kv[1], default=(home, 0))
    return area if area != home and count >= 2 and count > counts.get(home, 0) else None


def market_context(text: str) -> Context:
    return Context(text)


@lru_cache(maxsize=1)
def cities() -> dict[str, str]:
    """A market's city -> its benchmark index ("Madrid fell 12%" is the IBEX)."""
    out: dict[str, str] = {}
    for market in markets().values():
        if market.places and market.mic != "XNYS":
            out.setdefault(market.places[0], market.benchmark)
    return out


MARKET_PLURALS = r"(?i:bourses|markets|exchanges|stocks|shares|indices|indexes)"  # "bourses in Shanghai, ..."
_MARKET_PLURAL = re.compile(MARKET_PLURALS)


def city_pattern() -> re.Pattern[str]:
    """A city standing for its market: "bourses in Shanghai, Hong Kong and Tokyo", "the Milan stock market",
    "Madrid fell 12%". Group "city" (one per match; a list is read by `CITY_LIST`)."""
    names = "|".join(re.escape(c) for c in sorted(cities(), key=len, reverse=True))
    return re.compile(
        rf"(?:{MARKET_PLURALS}\s+in\s+(?P<list>(?:(?:{names})(?:,\s*|\s+and\s+|,\s+and\s+)?)+))"
        rf"|(?:\b(?P<city>{names})(?:'s)?\s+(?:stock\s+market|bourse|stock\s+exchange\s+index|benchmark|index|"
        rf"(?:fell|rose|gained|lost|dropped|slipped|climbed|jumped|shed|added|tumbled|slumped|rallied|advanced|"
        rf"declined|was\s+(?:up|down))\s+(?:by\s+)?\d))")


@lru_cache(maxsize=1)
def _city_pattern() -> re.Pattern[str]:
    return city_pattern()


def city_matches(text: str) -> list[re.Match[str]]:
    """The matches of city_pattern() in a text, as finditer finds them, tried only where one can begin."""
    out: list[re.Match[str]] = []
    end = 0
    for start in city_match_starts(text):
        m = None if start < end else _city_pattern().match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def city_match_starts(text: str) -> list[int]:
    """Where in a text a match of city_pattern() can begin, in order: at a city's name, or at the plural before
    "in" before it ("bourses in Shanghai"). Trying the pattern only there finds what finditer finds, without
    trying it at every character."""
    at: set[int] = set()
    for city in cities():
        i = text.find(city)
        while i >= 0:
            at.add(i)
            at.add(_plural_in_before(text, i))
            i = text.find(city, i + 1)
    return sorted(at)


def _plural_in_before(text: str, i: int) -> int:
    """The start of "<market plural> in " right before position i ("stocks in "), else i."""
    k = i
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == i or text[k - 2:k] != "in":
        return i
    j = k = k - 2
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == j:
        return i
    for n in (6, 7, 9):  # the lengths of the plurals
        if k >= n and _MARKET_PLURAL.fullmatch(text, k - n, k):
            return k - n
    return i


CITY_LIST_ITEM = re.compile(r"[A-Z][\w ]*?(?=,|\s+and\s+|$)")
