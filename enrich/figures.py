"""Numbers as outlets write them: "USD 184.24", "$1.2bn", "19 per cent", "97 cents", "a penny"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .textcase import icase, lowered, trie_pattern

WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "half a": 0.5, "half": 0.5}
SCALES = {"bn": 1e9, "billion": 1e9, "b": 1e9, "mn": 1e6, "million": 1e6, "m": 1e6, "mln": 1e6, "tn": 1e12,
          "trillion": 1e12, "trn": 1e12, "crore": 1e7, "lakh": 1e5, "k": 1e3, "thousand": 1e3}
CURRENCY_BEFORE = {"us$": "USD", "$us": "USD", "u.s.$": "USD", "usd": "USD", "us $": "USD", "$": "USD", "£": "GBP",
                   "€": "EUR", "rs": "INR", "rs.": "INR", "inr": "INR", "₹": "INR", "¥": "JPY", "hk$": "HKD",
                   "a$": "AUD", "$a": "AUD", "c$": "CAD", "gbp": "GBP", "eur": "EUR"}
CURRENCY_AFTER = {"us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "usd": "USD", "euros": "EUR",
                  "pounds": "GBP", "rupees": "INR"}

_NUM = r"\d{1,3}(?:,\d{3,4})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = r"(?:" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
_SCALE = r"(?:\s?(?:bn|billion|mn|mln|million|tn|trn|trillion|crore|lakh)\b|(?<=\d)(?:b|m|k)\b)"
_CUR_BEFORE = r"(?:US\$|\$US|U\.S\.\s?\$|USD|US\s\$|HK\$|A\$|\$A|C\$|Rs\.?|INR|GBP|EUR|\$|£|€|₹|¥)"
_CUR_AFTER = r"(?:US dollars|U\.S\. dollars|dollars|USD|euros|pounds|rupees)"
_PCT = r"(?:\s?%|\s?percent\b|\s?per\s?cent\b|\s?pct\b|(?<=\d)pc\b|\s?percentage points?\b)"

FIGURE = icase(
    r"(?P<neg>-|−|minus\s)?"
    r"(?:"
    r"(?P<cur>" + _CUR_BEFORE + r")\s?(?P<num1>" + _NUM + r")(?P<scale1>" + _SCALE + r")?(?:\s?(?P<cur1b>" + _CUR_AFTER
    + r")\b)?"
    r"|(?P<num2>" + _NUM + r"|\b" + _WORD + r")(?P<pct>" + _PCT + r")"
    r"|(?P<num3>" + _NUM + r")\s?(?P<cents>cents?)\b"
    r"|(?P<penny>\ba penny\b|\bone cent\b|\ba cent\b)"
    r"|(?P<num4>" + _NUM + r")(?P<scale4>" + _SCALE + r")?\s(?P<cur4>" + _CUR_AFTER + r")\b"
    r"|(?P<num5>" + _NUM + r")\s?(?P<points>points?)\b"
    r"|(?P<num6>" + _NUM + r")(?P<scale6>" + _SCALE + r")?"
    r")")  # matched against the lowered text

HEDGES = [
    "approximately", "about", "around", "roughly", "some", "nearly", "almost", "just under", "close to", "just over",
    "more than", "over", "above", "at least", "topping", "less than", "under", "below", "as much as", "up to",
    "as little as", "just shy of", "upwards of", "in excess of", "north of", "a little over", "a little under",
    "well over", "well above", "an estimated", "an approximate", "topped", "crossed", "passed", "surpassed",
    "exceeded",
]
HEDGE_BEFORE = re.compile(r"(?:^|[\s(])(" + trie_pattern(HEDGES) + r")\s+(?:a\s+|an\s+)?$")  # lowered text
HEDGE_CANON = {"approximately": "about", "an estimated": "about", "an approximate": "about", "upwards of": "more than",
               "in excess of": "more than", "north of": "more than", "a little over": "just over",
               "a little under": "just under", "well over": "more than", "well above": "more than",
               "just shy of": "just under", "as little as": "at least", "topped": "topping", "crossed": "topping",
               "passed": "topping", "surpassed": "topping", "exceeded": "topping"}


@dataclass(slots=True)  # made by the thousand per second: not frozen (frozen init is ~3x slower)
class Figure:
    start: int
    end: int
    text: str
    number: float  # as written, before scale
    value: float  # in units: money in currency units, percent in percent
    unit: str  # money | pct | points | plain
    currency: str
    decimals: int
    scale: float  # what one written unit is worth (1e9 for "bn", 0.01 for cents)
    negative: bool  # written with a minus sign
    in_parens: bool


def _num(text: str) -> tuple[float, int]:
    t = text.lower()
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t]), 0
    t = t.replace(",", "")
    return float(t), (len(t.split(".")[1]) if "." in t else 0)


# Where a figure can start; the full pattern is tried only there (much faster than scanning with it).
# A run of digits (or a sign or currency symbol and the digits after it); the loop in _anchors decides where in
# it a figure can start. One character class first lets `re` skip ahead quickly.
ANCHOR_RUN = re.compile(r"[-−$£€₹¥\d][\d.,]*")
SYMBOLS = "$£€₹¥"
CURRENCY_BEFORE_DIGIT = re.compile(r"(?:US\$|\$US|U\.S\.\s?\$|USD|US\s\$|HK\$|A\$|\$A|C\$|Rs\.?|INR|GBP|EUR)\s?$")
PCT_WORD = re.compile(r"%|p(?:er\s?cent|ct)")  # after a number word ("eight per cent"); digits are anchors already
WORD_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")\s?$")


def _anchors(text: str, low: str) -> list[int]:
    found = []
    for run in ANCHOR_RUN.finditer(text):
        pos, c = run.start(), run.group()[0]
        if c.isdigit():
            if pos and (text[pos - 1].isalnum() or text[pos - 1] in "_.,"):
                continue  # inside a word or a number ("A320", "1,5")
            digit = pos
        else:
            nxt = text[pos + 1:pos + 2]
            if c in "-−" and not (nxt.isdigit() or nxt in SYMBOLS or "A" <= nxt <= "Z"):
                continue  # the hyphen of "mid-day"
            found.append(pos)
            if not nxt.isdigit():
                continue
            digit = pos + 1
        before = CURRENCY_BEFORE_DIGIT.search(text, max(0, digit - 7), digit)
        found.append(before.start() if before else digit)
    # number words count only before a percent word ("eight per cent") or as "a penny", "a cent"
    for m in PCT_WORD.finditer(low):
        before = WORD_BEFORE.search(low, max(0, m.start() - 16), m.start())
        if before:
            found.append(before.start())
    for w in ("a penny", "one cent", "a cent", "minus "):
        at = low.find(w)
        while at >= 0:
            found.append(at)
            at = low.find(w, at + 1)
    return sorted(set(found))


def _matches(text: str, low: str):  # type: ignore[no-untyped-def]
    end = 0
    for start in _anchors(text, low):
        if start < end:
            continue
        m = FIGURE.match(low, start)
        if m is not None and m.end() > m.start():
            end = m.end()
            yield m


def find_figures(text: str, low: str | None = None) -> list[Figure]:
    """Every number in `text` (`low` is its lowered form, when the caller has it)."""
    out = []
    for m in _matches(text, lowered(text) if low is None else low):
        g = m.group  # one group at a time: groupdict() builds all twenty
        sign = g("neg")
        neg = bool(sign) and not (m.start() > 0 and text[m.start() - 1].isalnum())
        cur = ""
        if g("num1"):
            num, dec = _num(g("num1"))
            scale = SCALES[g("scale1").strip().lower()] if g("scale1") else 1.0
            unit, cur = "money", CURRENCY_BEFORE.get(" ".join(g("cur").lower().split()), "USD")
        elif g("num2"):
            num, dec = _num(g("num2"))
            scale, unit = 1.0, "pct"
        elif g("num3"):
            num, dec = _num(g("num3"))
            scale, unit, cur = 0.01, "money", "USD"
        elif g("penny"):
            num, dec, scale, unit, cur = 1.0, 0, 0.01, "money", "USD"
        elif g("num4"):
            num, dec = _num(g("num4"))
            scale = SCALES[g("scale4").strip().lower()] if g("scale4") else 1.0
            unit, cur = "money", CURRENCY_AFTER.get(g("cur4").lower(), "USD")
        elif g("num5"):
            num, dec = _num(g("num5"))
            scale, unit = 1.0, "points"
        else:
            num, dec = _num(g("num6"))
            scale = SCALES[g("scale6").strip().lower()] if g("scale6") else 1.0
            unit = "plain"
        start = m.start() if neg else m.start() + (len(sign) if sign else 0)
        in_parens = text[max(0, start - 1):start] == "(" or text[max(0, start - 2):start] == "(-"
        out.append(Figure(start, m.end(), text[start:m.end()], num, num * scale, unit, cur, dec, scale, neg,
                          in_parens))
    return out


def hedge_before(low: str, pos: int) -> str:
    """The hedge word just before position `pos` of the lowered text ("some", "nearly", ...), or ""."""
    m = HEDGE_BEFORE.search(low[max(0, pos - 30):pos])
    if not m:
        return ""
    h = m.group(1)
    return HEDGE_CANON.get(h, h)
