"""Which line of a company a figure is of, when the company trades in several markets.

A name stands for the company's primary line (the gazetteer's choice). Three things in the text say otherwise:
- the money the figures are written in: "Rio Tinto rose 0.8% to A$118.40" prices the company's Sydney line, so
  its figures of that sentence are that line's, and so are its later figures written in no money;
- a place before "-listed" or "shares" right after the name: "Alibaba's Hong Kong-listed shares", "its Hong
  Kong stock", "its US-listed stock";
- a sentence set in one market ("In London, the shares fell 1.1%"): the company's line there, from then on.
  When no line of the company in that market is known, the figure is of a line we cannot check, so it is
  nobody's (None), not the primary line's.
A bare "$" says no more than "dollars" and moves nothing.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..instruments import line_in, line_on, lines_of, markets
from .nodes import NameNode, SentenceView
from .text import Token

LISTED = ("listed", "traded", "quoted")  # "Hong Kong-listed", "US-traded", "London-quoted"
VENUES = {"nasdaq": "XNYS", "nyse": "XNYS", "wall street": "XNYS"}  # venue words that are no place of markets.csv


@lru_cache(maxsize=1)
def _places() -> dict[tuple[str, ...], str]:
    """A place word of a market, as lower-case words -> the market area ("hong kong" -> XHKG)."""
    out: dict[tuple[str, ...], str] = {tuple(v.split()): area for v, area in VENUES.items()}
    for market in markets().values():
        for place in market.places:
            if place[:1].isupper():  # "London", "US"; not "pence" or "sterling"
                out.setdefault(tuple(place.lower().replace(".", "").split()), market.area)
    return out


def place_listing(sv: SentenceView, k: int) -> tuple[str, int] | None:
    """(market area, token after it) of a market named as where shares trade, from token k: "Hong Kong-listed",
    "US-traded", "Hong Kong shares", "London stock"."""
    toks = sv.toks
    for size in (3, 2, 1):  # "Hong Kong - listed", "US - listed"
        area = _places().get(tuple(t.low.replace(".", "") for t in toks[k:k + size]))
        if area is None or not toks[k].text[:1].isupper():
            continue
        if _listing_word(toks, k + size):
            return area, _listing_word(toks, k + size)
    letters, j = initials(toks, k)  # "U.S.-listed", "U.K. shares"
    area = _places().get((letters,)) if letters else None
    return (area, _listing_word(toks, j)) if area is not None and _listing_word(toks, j) else None


def _listing_word(toks: Sequence[Token], j: int) -> int:
    """The token after "-listed", "-traded", " shares" or " stock" at token j (0 when none is there)."""
    j += 1 if j < len(toks) and toks[j].text in ("-", "‐") else 0
    return j + 1 if j < len(toks) and (toks[j].low in LISTED or toks[j].low in ("shares", "stock", "stocks")) else 0


def initials(toks: Sequence[Token], k: int) -> tuple[str, int]:
    """A place written in initials with stops ("U.S.", "U.K."), lower-cased without them, and the token after it;
    ("", k) when none starts at token k."""
    j, letters = k, ""
    while j + 1 < len(toks) and len(toks[j].text) == 1 and toks[j].text.isupper() and toks[j + 1].text == "." \
            and (j == k or not toks[j].space_before):
        letters, j = letters + toks[j].low, j + 2
    return (letters, j) if len(letters) >= 2 else ("", k)


def listed_line(sv: SentenceView, n: NameNode, symbol: str | None) -> str | None:
    """The line a company name (or a word referring to one, resolved to `symbol`) is qualified to right after it
    ("Glencore's Hong Kong-listed shares", "its Hong Kong stock"): the company's line in that market, "" when
    none is known, None when the name is not so qualified."""
    if not symbol:
        return None
    toks = sv.toks
    k = n.last + (1 if n.last < len(toks) and toks[n.last].low in ("'s", "’s", "'") else 0)
    k += 1 if k < len(toks) and toks[k].low in ("its", "their") else 0
    found = place_listing(sv, k)
    return None if found is None else line_on(symbol, found[0]) or ""


def placed_lines(sv: SentenceView, symbols: Sequence[str], lines: dict[str, str]) -> dict[str, str]:
    """Update `lines` from a sentence set in one market ("In London, the shares fell 1.1%", "closed 2% lower in
    Hong Kong"): each company of the sentence with a line there is read on that line from now on."""
    toks = sv.toks
    areas = set()
    for k in range(len(toks) - 1):
        if toks[k].low in ("in", "on"):
            at = k + 1 + (toks[k].low == "on" and toks[k + 1].low == "the")  # "on the New York Stock Exchange"
            for size in (3, 2, 1):
                area = _places().get(tuple(t.low.replace(".", "") for t in toks[at:at + size]))
                if area is not None and toks[at].text[:1].isupper():
                    areas.add(area)
                    break
    if len(areas) != 1:
        return lines
    area = areas.pop()
    for symbol in symbols:
        line = line_on(lines.get(symbol, symbol), area)
        if line is not None:
            _read_on(lines, symbol, line)
    return lines


def _read_on(lines: dict[str, str], symbol: str, line: str) -> None:
    """From now on every line of the company of `symbol` is read as `line`."""
    for other in lines_of(symbol):
        if other == line:
            lines.pop(other, None)
        else:
            lines[other] = line


def quoted_lines(symbols: Sequence[tuple[str, str]], lines: dict[str, str]) -> dict[str, str]:
    """Update `lines` (a company's symbol -> the line the article prices it on) from one sentence's money figures,
    given as (symbol, currency) pairs: a symbol priced in one currency its line does not trade in moves to the
    line that does; priced in its own money again, it moves back (a bare "$" moves nothing: placed_lines may)."""
    money: dict[str, set[str]] = {}
    for symbol, currency in symbols:
        if currency and currency != "USD":
            money.setdefault(symbol, set()).add(currency.upper())
    for symbol, currencies in money.items():
        line = line_in(symbol, next(iter(currencies))) if len(currencies) == 1 else None
        _read_on(lines, symbol, line if line is not None else symbol)
    return lines
