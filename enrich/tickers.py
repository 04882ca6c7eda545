"""Symbols an article writes out: "(NASDAQ: FB)", "NYSE:JPM", "$FB", "FB.O", "(TSLA)", "Persimmon (PSN)" in a
London report, "C stock", a bare "TSLA", or in its market's report a bare "ONGC"; and which listed line each names.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import mention_rules as rules
from .gazetteer import Entry, Gazetteer, fold
from .instruments import markets
from .models import Mention

UPPER_RUN = re.compile(r"[A-Z](?:[A-Z&\-]{0,8}[A-Z])?(?![a-z])")  # not the capital of a capitalised word
EXCHANGE_BEFORE = re.compile(r"\(?(?:NASDAQ|Nasdaq|NYSE American|NYSE|NYSEArca|AMEX|LSE|TSX|BSE|NSE|ASX|HKEX|"
                             r"TYO|TSE|SGX|JSE|ETR|EPA|FRA)\s*:\s*$")
RIC_AFTER = re.compile(r"\.(?:OQ|O|N|L|NS|BO|T|HK|DE|PA)\b")
EXCHANGE_SUFFIX = {"LSE": "L", "TSX": "TO", "ASX": "AX", "BSE": "BO", "NSE": "NS", "HKEX": "HK", "TYO": "T", "TSE": "T",
                   "SGX": "SI", "JSE": "JO", "ETR": "DE", "FRA": "DE", "EPA": "PA"}
STOCK_AFTER = re.compile(r"\s+(?:stock|shares)\b")
BARE_TICKER_STOP = {"CEO", "CFO", "SEC", "GDP", "IPO", "USA", "EPS", "ETF", "AI", "IT", "US", "UK", "EU", "ALL", "KEY",
                    "LOW", "NOW", "CAT", "ON", "A", "AN", "ARE", "BIG", "FAST", "EDIT", "PM", "AM", "NYSE", "CNBC",
                    "AFP", "AP", "FBI", "FED", "IMF", "ECB", "DHA", "PST", "EST", "EDT", "IST", "GMT", "UTC", "RTT",
                    "BST", "CET", "HKT", "JST", "FTSE", "DAX", "CAC", "OK", "TV", "PC", "NHS", "BBC", "CNN", "RBI",
                    "ADS", "ADR", "ADRS", "GDR", "GDRS", "ADSS"}  # depositary receipts and shares


def _shouting(text: str, pos: int) -> bool:
    """True inside an all-capitals line (a headline or a label), where capitals are not tickers."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    line = text[lo:hi if hi >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6


class TickerReader:
    """Reads written symbols against the gazetteer's lines; a market's Yahoo suffix turns a local ticker into its
    line ("PSN" in a London report is PSN.L)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._suffixes = {m.area: m.suffix for m in reversed(list(markets().values())) if m.suffix}
        self._homes = {us: home for home, us in gazetteer.us_lines.items()}  # "MUFG" -> 8306.T
        # a word that names a market ("ASX", "FTSE", "UK") is the market when written bare, not a ticker
        self._market_words = frozenset(p for m in markets().values() for p in m.places if p.isupper())

    def find(self, text: str, day: dt.date | None, symbol_on: Callable[[str, dt.date], str] | None,
             taken: set[int], context: rules.Context, ending_at: dict[int, Mention]) -> list[Mention]:
        """Symbols written out: "(NASDAQ: FB)", "NYSE:JPM", "$FB", "FB.O", "(TSLA)", "Persimmon (PSN)" in a
        London report, "C stock", a bare "TSLA" or, in its market's report, a bare "ONGC"."""
        out = []
        low: str | None = None  # the folded text, made on first need
        for m in UPPER_RUN.finditer(text):
            a, b = m.span()
            if a and (text[a - 1].isalnum() or text[a - 1] in "^_&") or text[b:b + 1].isalnum():
                continue  # inside a word, or a capitalised word
            sym = m.group()
            before, after = text[max(0, a - 16):a], text[b:b + 9]
            tag = EXCHANGE_BEFORE.search(before)
            start, end = a, b
            if tag:  # "(NASDAQ: FB)", "NYSE:JPM"
                kind, start = "exchange", a - (len(before) - tag.start())
                end = b + 1 if text[start] == "(" and after.startswith(")") else b
            elif before.endswith("$") and (len(before) < 2 or not before[-2].isalnum()):
                kind, start = "cashtag", a - 1
            elif RIC_AFTER.match(after) and (after[1:3] in ("OQ", "O ", "N ") or after[1:2] in "ON"
                                             or f"{sym}.{RIC_AFTER.match(after).group()[1:]}" in self.gaz.entries):  # type: ignore[union-attr]
                kind, end = "ric", b + RIC_AFTER.match(after).end()  # type: ignore[union-attr]
            elif before.endswith("(") and (after.startswith(")") or after.startswith(".)")) and len(sym) >= 2:
                kind = "parens"
            elif STOCK_AFTER.match(after) and (not before or before[-1] in " \n\t(\"“"):
                kind = "stock"
            elif 3 <= len(sym) <= 6:
                kind = "bare"
            else:
                continue
            market_word = kind == "bare" and sym in self._market_words
            if sym in BARE_TICKER_STOP or market_word or start in taken or a in taken or rules.CLOCK_BEFORE.search(before):
                continue  # a common abbreviation, a name already read, a time zone ("9:30 a.m. EST")
            if kind == "stock" and len(sym) == 1 and rules.SHARE_CLASS_BEFORE.search(before):
                continue  # "the B shares": a class of shares
            entry = self.ticker(sym, kind, text[start:end], context, ending_at.get(a - 2) or ending_at.get(a - 1))
            if entry is None or kind == "bare" and _shouting(text, a):
                continue
            if kind not in ("exchange", "ric", "cashtag"):
                entry = self._home_line(entry, context, {m.symbol for m in ending_at.values()})
            symbol = symbol_on(entry.symbol, day) if symbol_on and day else entry.symbol
            role = "index" if entry.is_index else "company"
            if role == "company":
                low = low if low is not None else fold(text)
                role = "source" if rules.is_source(text, low, start, end) else role  # "according to LSEG data"
            out.append(Mention(symbol, entry.name, text[start:end], start, end, role, entry.exchange))
        return out

    def _home_line(self, entry: Entry, context: rules.Context, named: set[str]) -> Entry:
        """A foreign company's US ticker written in a report from its home market ("MUFG shares" in Tokyo), or in
        one that names the company's home line already ("Mitsubishi UFJ ... MUFG shares"), names the home line."""
        home = self.gaz.entries.get(self._homes.get(entry.symbol, ""))
        counts = context.counts
        if home is None or home.symbol not in named and counts.get(home.calendar, 0) <= counts.get(entry.calendar, 0):
            return entry
        return home

    def ticker(self, sym: str, kind: str, written: str, context: rules.Context, named: Mention | None) -> Entry | None:
        """The line a written ticker names. With a market suffix ("VOD.L") it is that line; a parenthesised one
        after a name is that company's line if it fits, else the line of the article's market; a bare one counts
        only when the hand-kept table knows it, or it is a large company's ticker in its market's report."""
        entries = self.gaz.entries
        if kind == "exchange":  # "(LSE: BARC)" is BARC.L; "(NYSE: BP)" the New York line
            venue = written.lstrip("(").split(":")[0].strip().upper()
            suffix = EXCHANGE_SUFFIX.get(venue, "")
            return entries.get(f"{sym}.{suffix}" if suffix else sym) or entries.get(sym)
        if kind == "ric" and "." in written:
            suffix = written.rsplit(".", 1)[1]
            return entries.get(f"{sym}.{suffix}") if suffix not in ("O", "OQ", "N") else entries.get(sym)
        counts = context.counts
        found = [entries.get(f"{sym}.{self._suffixes[c]}") for c in sorted(counts, key=lambda c: -counts[c])
                 if c in self._suffixes]
        local = [e for e in found if e is not None]
        mine = entries.get(named.symbol) if named is not None else None
        if mine is not None and named is not None and named.symbol.split(".")[0] == sym and mine.calendar in context:
            return mine  # "Persimmon (PSN)" in a London report
        if mine is not None and local:
            return local[0]  # "Fresnillo (FRES)" in a London report is the London line, whatever the name says
        if mine is not None and (named.symbol.split(".")[0] == sym):  # type: ignore[union-attr]
            return mine
        if kind in ("cashtag", "ric"):
            return entries.get(sym)
        if kind == "parens" and local and (sym not in entries or named is not None):
            return max(local, key=lambda e: (e.primary, e.size))
        if kind in ("parens", "stock"):
            return entries.get(sym)
        if sym in self.gaz.curated:
            return entries.get(sym)
        big = [e for e in local if e.primary and e.size >= 4]
        return big[0] if big else None
