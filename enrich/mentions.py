"""Find every listed company and index an article names, with its span and symbol for the date."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .gazetteer import Entry, Gazetteer, load
from .models import Mention
from .textcase import icase

TOKEN = re.compile(r"[A-Za-z0-9^&][A-Za-z0-9&.'’\-/!]*")
CAPITAL_TOKEN = re.compile(r"[A-Z0-9^&][A-Za-z0-9&.'’\-/!]*")  # TOKEN from a capital (one class first: fast)
_TOKEN_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789^&")
_TOKEN_REST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&.'’-/!")


def _token_start(text: str, pos: int) -> bool:
    """True when TOKEN, scanning the text from its start, would begin a word at `pos` (not inside one:
    "Phone" in "iPhone", "Bay" in "eBay")."""
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
        firsts: dict[str, int] = {}
        for name in list(self.gaz.names) + list(BLOCKERS):
            first = name.split(" ")[0]
            firsts[first] = max(firsts.get(first, 0), len(name.split(" ")))
        # the first words of names as they can be written before a possessive: what a name can start with
        self._first_forms = {f + p for f in firsts if f for p in ("", "'s", "’s", "'", "’")}
        # every word-wise beginning of a name ("JPMorgan", "JPMorgan Chase", "JPMorgan Chase &")
        self._prefixes = {" ".join(words[:k]) for name in list(self.gaz.names) + list(BLOCKERS)
                          for words in [name.split(" ")] for k in range(1, len(words))}
        self._max_words = max(firsts.values())
        # names whose first word is lower case ("the Dow", "eBay") are looked for by their first two words
        lower = {" ".join(name.split(" ")[:2]) for name in list(self.gaz.names) + list(BLOCKERS)
                 if name and name[0] not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789^&"}
        self._lower_needles = sorted(lower | {n.replace(" ", "\u00a0") for n in lower})
        self._steps: dict[tuple[str, str], tuple[str, Entry | None, str | None]] = {}

    def find(self, text: str, day: dt.date | None = None,
             symbol_on: Callable[[str, dt.date], str] | None = None) -> list[Mention]:
        out: list[Mention] = []
        ambiguous_pending: list[tuple[Entry, int, int, str]] = []
        next_free = 0
        for tok in self._starts(text):
            if tok.start() < next_free:
                continue
            hit = self._match_at(tok, text)
            if hit is None:
                continue
            entry, cand, last_end = hit
            start = tok.start()
            after = TOKEN.search(text, tok.end())
            nxt = self._match_at(after, text) if after is not None else None
            if nxt is not None and after is not None and after.start() < start + len(cand) < after.start() + len(nxt[1]):
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

    def _starts(self, text: str) -> list[re.Match[str]]:
        """The words (TOKEN matches) a name can start with, in order: capitalised words and numbers found with
        one quick scan, and the few names' first words written in lower case ("the Dow", "eBay")."""
        forms = self._first_forms
        out = [m for m in CAPITAL_TOKEN.finditer(text) if ((w := m.group()) in forms or (
            w[-1] in ".," and w.rstrip(".,") in forms)) and _token_start(text, m.start())]
        extra: dict[int, re.Match[str]] = {}
        for needle in self._lower_needles:
            at = text.find(needle)
            while at >= 0:
                if at not in extra and _token_start(text, at):
                    m = TOKEN.match(text, at)
                    if m is not None and ((w := m.group()) in forms or (w[-1] in ".," and w.rstrip(".,") in forms)):
                        extra[at] = m
                at = text.find(needle, at + 1)
        if extra:
            out = sorted(out + list(extra.values()), key=lambda m: m.start())
        return out

    def _match_at(self, tok: re.Match[str], text: str) -> tuple[Entry | None, str, int] | None:
        """The longest name starting at word `tok`: (entry or None for a blocker, surface, end of its last word).
        Grows word by word (one space apart) and stops as soon as the words so far begin no known name."""
        best = None
        prefix = ""
        for n in range(1, self._max_words + 1):
            step = self._step(prefix, tok.group())
            if step[0]:
                best = (step[1], step[0], tok.end())
            if step[2] is None or n == self._max_words:
                break
            e = tok.end()
            if text[e:e + 1] not in (" ", "\u00a0"):
                break
            nxt = TOKEN.match(text, e + 1)
            if nxt is None:
                break
            tok, prefix = nxt, step[2]
        return best

    def _step(self, prefix: str, tok: str) -> tuple[str, Entry | None, str | None]:
        """One word more after `prefix` (the words so far, "" at the start): (the name or blocker it completes
        or "", its entry or None, the prefix to go on with or None). Memoised: articles repeat words."""
        key = (prefix, tok)
        got = self._steps.get(key)
        if got is not None:
            return got
        grown = prefix + " " if prefix else ""
        hit, entry = "", None
        for last in _variants(tok):
            cand = grown + last
            if cand in BLOCKERS:
                hit = cand
                break
            entry = self.gaz.names.get(cand)
            if entry is not None:
                hit = cand
                break
        nxt = grown + tok
        got = (hit, entry, nxt if nxt in self._prefixes else None)
        if len(self._steps) > 200_000:  # a long pipeline run: start over rather than grow without bound
            self._steps.clear()
        self._steps[key] = got
        return got

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
