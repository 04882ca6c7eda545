"""Find every listed company and index an article names, with its span and symbol for the date."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import ahocorasick

from .gazetteer import Entry, Gazetteer, load
from .models import Mention
from .textcase import icase

TOKEN = re.compile(r"[A-Za-z0-9^&][A-Za-z0-9&.'’\-/!]*")
_TOKEN_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789^&")
_TOKEN_REST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&.'’-/!")


def _token_start(text: str, pos: int) -> bool:
    """For a `pos` holding a character a word can begin with: True when TOKEN, scanning the text from its
    start, would begin a word there (not inside one: "Phone" in "iPhone", "Bay" in "eBay")."""
    if text[pos] not in _TOKEN_REST:  # "^" can only begin a word
        return True
    q = pos - 1
    while q >= 0 and text[q] in _TOKEN_REST:
        if text[q] in _TOKEN_FIRST:
            return False
        q -= 1
    return q < 0 or text[q] not in _TOKEN_FIRST  # a "^" before the run began a word that holds it


POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")

# Names that contain a company or index name but are not one: publishers, agencies, venues.
BLOCKERS = {
    "S&P Dow Jones Indices", "Dow Jones Newswires", "Dow Jones & Co", "Dow Jones & Co.", "Dow Jones & Company",
    "Standard & Poor's", "Standard and Poor's", "Standard & Poor’s", "New York Stock Exchange", "Nasdaq Stock Market",
    "Nasdaq Stock Exchange", "Wall Street Journal", "Bloomberg Billionaires Index", "Dow Jones Industrial Average futures",
    "Apple Daily", "Apple Music", "Amazon rainforest", "Amazon River", "Google Scholar",
}
VENUE_BEFORE = re.compile(r"(?:\bon|\bat|\bin|listed on|trading on|traded on)\s+(?:the\s+)?$", re.I)
VENUE_AFTER = re.compile(r"^(?:-listed|\s+exchange|\s+market\b|\s+stock exchange|:\s*[A-Z]{1,5}\b)", re.I)
PUBLISHER_AFTER = re.compile(r"\s+(?:Indices|Newswires|reported|said)")  # "Dow Jones Newswires", "Dow Jones said"
PUBLISHER_BEFORE = re.compile(r"(?:according to|told|reported by|said)\s+$", re.I)
SOURCE_BEFORE = icase(r"(?:according to|told|data from|data show|analysts? (?:at|from)|reported by|cited by|"
                      r"compiled by|estimates from)\s+(?:the\s+)?$")
SOURCE_AFTER = icase(r"^(?:'s)?\s+(?:data|analysts?|estimates?|forecasts?|calculations?|I/B/E/S|strategists?|"
                     r"economists?)\b")
CORPORATE_CUE = icase(  # read in lowered text
    r"\b(?:Inc|Corp|shares?|stock|company|companies|firm|market value|market cap\w*|valu\w+|trillion|billion|CEO|"
    r"chief executive|earnings|results|investors|listed|Nasdaq|NYSE|quarter\w*|revenue|profit|sales|iPhone|"
    r"Wall Street|brands?|advertis\w+|boycott\w*|retailer|maker|traded|\$)\b|\$")
FIRST_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
UPPER_RUN = re.compile(r"[A-Z](?:[A-Z\-]{0,8}[A-Z])?(?![a-z])")  # not the capital of a capitalised word
EXCHANGE_BEFORE = re.compile(r"\(?(?:NASDAQ|Nasdaq|NYSE American|NYSE|NYSEArca|AMEX|LSE|TSX|BSE|NSE)\s*:\s*$")
RIC_AFTER = re.compile(r"\.(?:OQ|O|N)\b")
STOCK_AFTER = re.compile(r"\s+(?:stock|shares)\b")
BARE_TICKER_STOP = {"CEO", "CFO", "SEC", "GDP", "IPO", "USA", "EPS", "ETF", "AI", "IT", "US", "UK", "EU", "ALL", "KEY",
                    "LOW", "NOW", "CAT", "ON", "A", "AN", "ARE", "BIG", "FAST", "EDIT", "PM", "AM", "NYSE", "CNBC",
                    "AFP", "AP", "FBI", "FED", "IMF", "ECB", "DHA", "PST", "EST", "EDT", "IST", "GMT", "UTC", "RTT"}


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(".", 0, max(0, start - 1)), text.rfind("\n", 0, start), text.rfind("!", 0, start), 0)
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return text[lo:hi]


def _accept(entry: Entry, text: str, start: int, end: int, day: dt.date | None,
            valid_from: Callable[[str], dt.date | None]) -> bool:
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    if entry.is_index and entry.symbol in ("^IXIC", "^DJI") and (VENUE_BEFORE.search(before) and
                                                               entry.symbol == "^IXIC" or VENUE_AFTER.match(after)):
        return False
    if entry.symbol == "^DJI" and (PUBLISHER_BEFORE.search(before) or PUBLISHER_AFTER.match(after)):
        return False
    if entry.ambiguous:
        if FIRST_NAME_BEFORE.search(before) and not before.rstrip().endswith(("The", "the")):
            return False
        if not CORPORATE_CUE.search(_sentence(text, start, end).lower()):
            return False
        since = valid_from(entry.symbol)
        if day is not None and since is not None and day < since:
            return False
    return True


def _variants(tok: str) -> tuple[str, ...]:
    """A word as written, and without a possessive or a trailing full stop or comma."""
    if tok[-1] not in ".,'’s":
        return (tok,)
    bare = tok.rstrip(".,")
    return tuple(dict.fromkeys((tok, POSSESSIVE.sub("", tok), bare, POSSESSIVE.sub("", bare)))) if bare else (tok,)


def _shouting(text: str, pos: int) -> bool:
    """True inside an all-capitals line (a headline or a label), where capitals are not tickers."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    line = text[lo:hi if hi >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6


class MentionFinder:
    def __init__(self, gazetteer: Gazetteer | None = None,
                 valid_from: Callable[[str], dt.date | None] | None = None) -> None:
        from .market.symbols import SymbolHistory, builtin_spans

        self.gaz = gazetteer or load()
        self.valid_from = valid_from or SymbolHistory(builtin_spans()).valid_from
        self._names = self._automaton()

    def _automaton(self) -> ahocorasick.Automaton:
        """Every name and blocker, for one pass over a text (Aho-Corasick, in C). A name is kept only if each of
        its words is a whole word as TOKEN reads them ("Adamas Trust, Inc." never is)."""
        names = ahocorasick.Automaton()
        for name, blocker in [(n, False) for n in self.gaz.names] + [(b, True) for b in BLOCKERS]:
            if name and all(TOKEN.fullmatch(w) for w in name.split(" ")):
                names.add_word(name, (name, blocker))  # a blocker replaces a name written the same way
        names.make_automaton()
        return names

    def _names_at(self, text: str) -> dict[int, tuple[str, Entry | None, int]]:
        """The longest name (or blocker: entry None) starting at each word: (name, entry, end of its last
        word). A name's words are whole words one space apart; its last may carry "'s", "." or ","."""
        flat = text.replace("\u00a0", " ") if "\u00a0" in text else text  # a no-break space separates too
        best: dict[int, tuple[tuple[int, int], str, Entry | None, int]] = {}
        for last, (name, blocker) in self._names.iter(flat):
            start = last - len(name) + 1
            if not _token_start(text, start):
                continue  # inside a word: "Apple" in "Snapple"
            k = name.rfind(" ") + 1
            tok = TOKEN.match(text, start + k)
            if tok is None or name[k:] not in _variants(tok.group()):
                continue  # the last word runs on: "Apple" in "Applebee's"
            key = (name.count(" ") + 1, len(name))  # more words; of as many, the name as written
            if start not in best or key > best[start][0]:
                best[start] = (key, name, None if blocker else self.gaz.names[name], tok.end())
        return {start: hit[1:] for start, hit in best.items()}

    def find(self, text: str, day: dt.date | None = None,
             symbol_on: Callable[[str, dt.date], str] | None = None) -> list[Mention]:
        out: list[Mention] = []
        ambiguous_pending: list[tuple[Entry, int, int, str]] = []
        hits = self._names_at(text)
        next_free = 0
        for start in sorted(hits):
            if start < next_free:
                continue
            cand, entry, last_end = hits[start]
            after = TOKEN.search(text, TOKEN.match(text, start).end())  # type: ignore[union-attr]
            if after is not None and after.start() in hits and \
                    after.start() < start + len(cand) < after.start() + len(hits[after.start()][0]):
                continue  # "the S&P 500": the longer name starting one word later wins
            next_free = last_end
            if entry is None:
                continue  # a blocker: a publisher, agency or venue
            end = start + len(cand)
            if _accept(entry, text, start, end, day, self.valid_from):
                out.append(self._mention(entry, cand, start, end, text, day, symbol_on))
            elif entry.ambiguous:
                ambiguous_pending.append((entry, start, end, cand))
        # An ambiguous name counts when the same company is named unambiguously elsewhere.
        named = {m.symbol for m in out}
        for entry, start, end, cand in ambiguous_pending:
            if entry.symbol in named:
                out.append(self._mention(entry, cand, start, end, text, day, symbol_on))
        out.extend(self._explicit(text, day, symbol_on, {m.start for m in out}))
        out.sort(key=lambda m: m.start)
        return out

    def _mention(self, entry: Entry, surface: str, start: int, end: int, text: str, day: dt.date | None,
                 symbol_on: Callable[[str, dt.date], str] | None) -> Mention:
        symbol = symbol_on(entry.symbol, day) if symbol_on and day else entry.symbol
        before, after = text[max(0, start - 40):start], text[end:end + 30]
        role = "index" if entry.is_index else "company"
        if SOURCE_BEFORE.search(before.lower()) or SOURCE_AFTER.match(after.lower()):
            role = "source"
        return Mention(symbol, entry.name, surface, start, end, role, entry.exchange)

    def _explicit(self, text: str, day: dt.date | None, symbol_on: Callable[[str, dt.date], str] | None,
                  taken: set[int]) -> list[Mention]:
        """Symbols written out: "(NASDAQ: FB)", "NYSE:JPM", "$FB", "FB.O", "(TSLA)", "C stock", a bare "TSLA".
        Capital runs are found with one cheap pattern and their surroundings read with string tests."""
        out = []
        for m in UPPER_RUN.finditer(text):
            a, b = m.span()
            if a and (text[a - 1].isalnum() or text[a - 1] in "^_&") or text[b:b + 1].isalnum():
                continue  # inside a word, or a capitalised word
            sym = m.group()
            before, after = text[max(0, a - 16):a], text[b:b + 9]
            tag = EXCHANGE_BEFORE.search(before)
            start = a
            if tag:  # "(NASDAQ: FB)", "NYSE:JPM"
                kind, start = "exchange", a - (len(before) - tag.start())
            elif before.endswith("$") and (len(before) < 2 or not before[-2].isalnum()):
                kind, start = "cashtag", a - 1
            elif RIC_AFTER.match(after):
                kind = "ric"
            elif before.endswith("(") and after.startswith(")") and len(sym) >= 2:
                kind = "parens"
            elif STOCK_AFTER.match(after) and (not before or before[-1] in " \n\t(\"“"):
                kind = "stock"
            elif 3 <= len(sym) <= 5:
                kind = "bare"
            else:
                continue
            if sym in BARE_TICKER_STOP or start in taken or a in taken:
                continue
            entry = self.gaz.entries.get(sym)
            if kind in ("parens", "stock", "bare") and entry is None:
                continue  # "(ABC)", "ABC stock" and a bare "ABC" are tickers only when we know the symbol
            if kind == "bare" and (sym not in self.gaz.curated or _shouting(text, a)):
                continue
            if kind == "exchange":
                end = b + 1 if text[start] == "(" and after.startswith(")") else b
            elif kind == "ric":
                end = b + RIC_AFTER.match(after).end()  # type: ignore[union-attr]
            else:
                end = b
            symbol = symbol_on(sym, day) if symbol_on and day else sym
            out.append(Mention(symbol, entry.name if entry else sym, text[start:end], start, end, "company",
                               entry.exchange if entry else ""))
        return out
