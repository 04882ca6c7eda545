"""Find every listed company and index an article names, with its span and its symbol for the date.

One pass of an Aho-Corasick automaton (in C) finds every gazetteer name in the folded text; each hit is then
decided by the rules of mention_rules.py: how it is written, which of the listings sharing the name the
article's market context and the listings' sizes point to, whether an ordinary-word name has a corporate cue,
whether an index name is a venue or a publisher, and whether the firm is only the source of the report.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field

import ahocorasick

from . import mention_rules as rules
from .gazetteer import CURATED, SHORT, Entry, Gazetteer, Name, fold, load
from .market_context import Context, cities, city_matches, companions_area, market_context
from .models import Mention
from .tickers import EXCHANGE_BEFORE, TickerReader

TOKEN = re.compile(r"[A-Za-z0-9^&][A-Za-z0-9&.'’\-/!]*")
_TOKEN_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789^&")
_TOKEN_REST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&.'’-/!")
_LETTERS_DIGITS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # a capital inside a word: a brand's spelling, never a common word
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")

US = "XNYS"  # the market area of the US exchanges
UNKNOWN_SIZE = 2  # a listing without a size class ranks as a small company
WEAK, CAPITALISED = "weak", "capitalised"  # pending ordinary-word names: how much their writing says


@dataclass
class _Article:
    """What the rules read about one text while its names are decided."""

    text: str
    low: str
    day: dt.date | None
    context: Context
    about_markets: bool  # it states market figures or names shares: business verbs after a name are cues
    people: set[str] = field(default_factory=set)  # surnames of people it names ("Harrison Ford" -> "ford")


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


def _variants(tok: str) -> tuple[str, ...]:
    """A word as written, and without a possessive or a trailing full stop or comma."""
    if tok[-1] not in ".,'’s":
        return (tok,)
    bare = tok.rstrip(".,")
    return tuple(dict.fromkeys((tok, POSSESSIVE.sub("", tok), bare, POSSESSIVE.sub("", bare)))) if bare else (tok,)


def _size(entry: Entry) -> int:
    return entry.size or UNKNOWN_SIZE


def choose(names: list[Name], context: Context, pos: int = 0) -> Name | None:
    """Of the listings a name may stand for, the one meant: a listing of the article's market unless a much
    larger company elsewhere bears the name (the same shares on a US exchange count for an article set in the US:
    Shopify with a "$" price); else a hand-kept name, the primary listing, a full name over a short form, the
    larger company, and at last the US line. A name that holds only locally ("Nestle" for Nestle India) needs its
    market. An article that sets itself in no market is read as a US one: its US lines rank as local, and a US
    name that holds only locally ("Paramount" beside a Malaysian namesake) needs a corporate cue."""
    unset = not context.counts
    usable = [n for n in names if not n.local or n.entry.calendar in context or unset and n.entry.calendar == US]
    if not usable:
        return None
    biggest = max(_size(n.entry) for n in usable if not n.local) if any(not n.local for n in usable) else 0

    near = context.near(pos)

    def rank(n: Name) -> tuple[int, int, bool, bool, bool, int, int, bool]:
        e = n.entry
        eligible = (e.primary or e.cross_listed) and _size(e) + 2 >= biggest
        far = -10 ** 6
        home = (near.get(e.calendar, far), context.counts.get(e.calendar, 0)) if eligible else (far, 0)
        if unset and eligible and e.calendar == US:
            home = (0, 0)  # an article set in no market is read as a US one
        us = e.calendar == US
        return *home, unset and e.cross_listed, n.weight == CURATED, e.primary, n.weight, _size(e), us

    best = max(usable, key=rank)
    # a name that holds only in its market, in an article that names no market, needs a corporate cue
    return best._replace(ambiguous=True) if best.local and unset else best


def _repointed(named: list[Mention], explicit: list[Mention], text: str) -> list[Mention]:
    """A name followed by its ticker in parentheses is the ticker's line ("Barratt Developments (BDEV)" in a
    London report is BDEV.L even if the name alone would point elsewhere)."""
    by_start = {m.start: m for m in explicit}
    moved: dict[str, Mention] = {}
    for m in named:
        tick = by_start.get(m.end + 2) or by_start.get(m.end + 1)
        if tick is not None and text[m.end:tick.start].strip() in ("(", "") and tick.role == m.role:
            moved.setdefault(m.symbol, tick)
    # the article's own ticker for a company holds wherever it names the company
    return [m if m.symbol not in moved else Mention(moved[m.symbol].symbol, m.name, m.text, m.start, m.end, m.role,
                                                     moved[m.symbol].exchange) for m in named]


class MentionFinder:
    def __init__(self, gazetteer: Gazetteer | None = None,
                 valid_from: Callable[[str], dt.date | None] | None = None) -> None:
        from .market.symbols import SymbolHistory, builtin_spans

        self.gaz = gazetteer or load()
        self.valid_from = valid_from or SymbolHistory(builtin_spans()).valid_from
        self._names = self._automaton()
        self._tickers = TickerReader(self.gaz)
        # names that are also ordinary words for one of the entries bearing them ("delta", "shell")
        self._words = frozenset(key for key, names in self.gaz.names.items() if any(n.ambiguous for n in names))
        self._phrases: dict[str, list[str]] = {}  # symbol -> its referring phrases, folded ("iphone maker")
        for phrase, symbol in self.gaz.descriptors.items():
            self._phrases.setdefault(symbol, []).append(fold(phrase))

    def _automaton(self) -> ahocorasick.Automaton:
        """Every name and blocker, folded, for one pass over a text. A name is kept only if each of its words is
        a whole word as TOKEN reads them ("Adamas Trust, Inc." never is)."""
        auto = ahocorasick.Automaton()
        for key in self.gaz.names:
            if key and all(TOKEN.fullmatch(w) for w in key.split(" ")):
                auto.add_word(key, (key, False))
        for b in rules.BLOCKERS:
            auto.add_word(fold(b), (fold(b), True))  # a blocker replaces a name written the same way
        auto.make_automaton()
        return auto

    def _names_at(self, text: str, low: str) -> dict[int, list[tuple[str, bool, int]]]:
        """The names (and blockers) starting at each word, longest first: (key, is_blocker, end of its last
        word). A name's words are whole words one space apart; its last may carry "'s", "." or ","."""
        flat = low.replace("\u00a0", " ") if "\u00a0" in low else low  # a no-break space separates too
        best: dict[int, list[tuple[tuple[int, int], str, bool, int]]] = {}
        for last, (key, blocker) in self._names.iter(flat):
            if last + 1 < len(low) and low[last + 1] in _LETTERS_DIGITS:
                continue  # the word runs on ("accord" in "according"): most hits are such; see the check below
            start = last - len(key) + 1
            if not _token_start(text, start):
                continue  # inside a word: "Apple" in "Snapple"
            k = key.rfind(" ") + 1
            tok = TOKEN.match(low, start + k)
            if tok is None or key[k:] not in _variants(tok.group()):
                continue  # the last word runs on: "Apple" in "Applebee's"
            best.setdefault(start, []).append(((key.count(" ") + 1, len(key)), key, blocker, tok.end()))
        return {start: [hit[1:] for hit in sorted(hits, reverse=True)] for start, hits in best.items()}

    def find(self, text: str, day: dt.date | None = None,
             symbol_on: Callable[[str, dt.date], str] | None = None) -> list[Mention]:
        low = fold(text)
        context = market_context(text)
        art = _Article(text, low, day, context, bool(rules.MARKET_TEXT.search(low)))
        hits = self._names_at(text, low)
        found: list[tuple[Name, int, int]] = []
        pending: list[tuple[Name, int, int, str]] = []
        next_free = 0
        for start in sorted(hits):
            if start < next_free:
                continue
            key, blocker, last_end, name = self._written(text, start, hits[start], context)
            if not key:
                continue
            after = TOKEN.search(low, TOKEN.match(low, start).end())  # type: ignore[union-attr]
            if after is not None and after.start() in hits and \
                    after.start() < start + len(key) < after.start() + len(hits[after.start()][0][0]):
                continue  # "the S&P 500": the longer name starting one word later wins
            if blocker or name is None:
                next_free = last_end
                continue  # a publisher, agency, venue or product
            end = start + len(key)
            next_free = last_end
            verdict = self._accept(name, start, end, art)
            name = self._us_line(name, text, start, end)
            if verdict is True:
                found.append((name, start, end))
            elif verdict:
                pending.append((name, start, end, verdict))
        found += self._confirmed(found, pending, art)
        found += self._shared_tails(found, art)
        found = self._by_companions(found, art)
        out = [self._mention(n.entry, start, end, text, low, day, symbol_on) for n, start, end in found]
        taken = {m.start for m in out}
        explicit = self._tickers.find(text, day, symbol_on, taken, context, {m.end: m for m in out})
        out = _repointed(out, explicit, text)
        out += explicit
        out += self._city_indices(text, day, symbol_on, {m.start for m in out})
        out += rules.initials(text, out)
        out.sort(key=lambda m: m.start)
        return out

    def _written(self, text: str, start: int, keys: list[tuple[str, bool, int]],
                 context: Context) -> tuple[str, bool, int, Name | None]:
        """The longest name at `start` that the text writes in a way it may be written ("Nasdaq Composite index"
        is not "Nasdaq Composite Index" in capitals, but is "Nasdaq Composite" followed by a word)."""
        for key, blocker, last_end in keys:
            if blocker:
                return key, True, last_end, None
            surface = text[start:start + len(key)]
            name = choose([n for n in self.gaz.names[key] if n.written_as(surface)], context, start)
            if name is not None:
                return key, False, last_end, name
        return "", False, 0, None

    def _accept(self, name: Name, start: int, end: int, art: _Article) -> bool | str:
        """True: a mention. False: not one. WEAK or CAPITALISED: an ordinary-word name without a cue yet, which a
        list it stands in, the same company named plainly elsewhere, or (CAPITALISED: written with a capital
        mid-sentence) another company in its sentence or a phrase referring to it may still confirm."""
        entry, text, low = name.entry, art.text, art.low
        before, after = text[max(0, start - 40):start], text[end:end + 40]
        if entry.is_index:
            key = fold(name.form)
            if key in rules.EXCHANGE_NAMES and (rules.VENUE_BEFORE.search(before) or rules.VENUE_AFTER.match(after)):
                return False  # "on the Nasdaq", "the TSX-listed miner"
            if rules.PUBLISHER_BEFORE.search(before) or rules.PUBLISHER_AFTER.match(after):
                return False  # "citing the Nikkei", "Dow Jones said"
            return True
        if name.exact and rules.CLOCK_BEFORE.search(before):
            return False  # "At 1:45 pm IST": a time zone
        if EXCHANGE_BEFORE.search(before) or name.exact and before.endswith("(") and after.startswith(")"):
            return False  # "(NYSE: APC)", "(GSK)": a ticker, read as one by TickerReader
        if rules.SECTOR_BEFORE.search(low[max(0, start - 40):start]):
            return True  # "Insurers Progressive", "carmaker Ford": a firm of the kind named
        single = " " not in name.form and (name.ambiguous or name.weight != CURATED)
        if single and (rules.TITLE_BEFORE.search(before) or (
                rules.first_name_before(before) and not rules.SENTENCE_START.search(before[:-1].rstrip(" ") + " ")
                and not before.rstrip().endswith(("The", "the")))):
            if not rules.title_line(text, start):  # a headline capitalises the word before too
                art.people.add(fold(name.form))
            return False  # "Harrison Ford", "Chair Powell", "Ralph Larsen"
        if name.weight == SHORT and rules.CAPITALISED_NEXT.match(after) and not name.exact:
            return False  # a short form running into another capitalised word names something else
        ambiguous = name.ambiguous and not INNER_CAPITAL.search(text, start, end)  # "BlackBerry" is no fruit
        if " " not in name.form and fold(name.form) in self._words and rules.noun_modifier(before, text, end):
            return False  # "the Delta variant", "a Shell game"
        if not (ambiguous or single and _size(entry) <= 2):
            return True
        since = self._named_since(name)
        if art.day is not None and since is not None and art.day < since:
            return False  # "Meta" before Facebook took the name
        tail = low[end:end + 120]
        if rules.STRONG_BEFORE.search(low[max(0, start - 30):start]) or rules.FIRM_AFTER.match(tail):
            return True  # "shares of Cranswick", "Target (TGT)"
        if fold(name.form) in art.people:
            return False  # "Ford" after "Harrison Ford": the person again
        foreign = name.weight != CURATED and entry.calendar not in art.context and _size(entry) < 4 and \
            (bool(art.context.counts) or entry.calendar != US) and \
            not (entry.calendar == US and rules.us_venue_predicate(low, end))  # "Arm made its debut on the Nasdaq"
        rest = rules.past_aside(tail)  # "Amazon, the online retailer, slipped": the words after the aside
        if not foreign and (rules.STRONG_AFTER.match(tail) or rules.STRONG_AFTER.match(rest)):
            return True  # "Puma rose 3%", "Carnival has soared", "Apple, which traded at ..., closed at $147"
        if foreign:
            return False  # an ordinary word, or a small firm's name, from a market the article is not about
        if rules.CAPITALISED_NEXT.match(after):
            return False  # "Silicon Valley", "Apple Daily": part of a longer proper noun
        if rules.THE_BEFORE.search(before) or rules.title_line(text, start):
            return WEAK  # "in the Gulf"; a headline or table header capitalises every word
        if art.about_markets and (rules.BUSINESS_AFTER.match(rest) or rules.POSSESSIVE_CUE.match(tail)):
            return True  # "Target posted weaker margins", "Zoom's 17.4% plunge" in an article about markets
        if art.about_markets and rules.market_predicate(low, end):
            return True  # "Apple was flat", "Arm made its debut on the Nasdaq"
        if rules.SENTENCE_START.search(text[max(0, start - 3):start]) and " " not in name.form:
            return WEAK  # a capital any word has at the start of a sentence is no cue
        lo, hi = rules.sentence(text, start, end)
        return True if rules.CORPORATE_CUE.search(low[lo:start] + " " + low[end:hi]) else CAPITALISED

    def _us_line(self, name: Name, text: str, start: int, end: int) -> Name:
        """The company's line on a US exchange when the text says it means that line ("Infosys ADRs on the NYSE",
        "New York-listed shares of Sony"), else the name as chosen."""
        us_symbol = self.gaz.us_lines.get(name.entry.symbol)
        if us_symbol is None or not (rules.US_LINE_AFTER.match(text, end, end + 60)
                                     or rules.US_LINE_BEFORE.search(text, max(0, start - 60), start)):
            return name
        return name._replace(entry=self.gaz.entries[us_symbol])

    def _named_since(self, name: Name) -> dt.date | None:
        """The first day the name may stand for its company: the hand table's date for the name ("Block" from
        2021-12-10); else the first day of its symbol, unless the company bore the name before that symbol."""
        symbol = name.entry.symbol
        if symbol in self.gaz.named_from:
            return self.gaz.named_from[symbol]
        former = self.gaz.former_names.get(symbol)
        if former is not None and f" {fold(name.form)} " in f" {former} ":
            return None  # "Ball Corp" traded as BLL before BALL
        return self.valid_from(symbol)

    def _confirmed(self, found: list[tuple[Name, int, int]], pending: list[tuple[Name, int, int, str]],
                   art: _Article) -> list[tuple[Name, int, int]]:
        """Pending ordinary-word names that stand in a list of accepted ones ("Intel, Apple and Cisco"), whose
        company is named plainly elsewhere or referred to by one of its phrases ("the iPhone maker"), or that are
        written with a capital mid-sentence beside another company ("settled its fight with Apple")."""
        text = art.text
        named = {n.entry.symbol for n, _, _ in found}
        by_start = sorted((s, e) for _, s, e in found)  # accepted spans, looked up by bisection so that a long
        by_end = sorted((e, s) for _, s, e in found)  # text with many pending names stays linear
        referred = {symbol: self._referred(symbol, art) for symbol in {n.entry.symbol for n, _, _, _ in pending}}
        out: list[tuple[Name, int, int]] = []
        done: set[int] = set()
        changed = True
        while changed:
            changed = False
            for k, (name, start, end, how) in enumerate(pending):
                if k in done:
                    continue
                near = by_start[bisect_left(by_start, (end - 7,)):bisect_left(by_start, (end + 8,))] + [
                    (s, e) for e, s in by_end[bisect_left(by_end, (start - 7,)):bisect_left(by_end, (start + 8,))]]
                joined = any(rules.LIST_JOIN.match(text[e:start]) or rules.LIST_JOIN.match(text[end:s])
                             for s, e in near)
                lo, hi = rules.sentence(text, start, end)
                beside = how == CAPITALISED and bisect_left(by_start, (lo,)) < bisect_left(by_start, (hi,))
                symbol = name.entry.symbol
                if symbol in named or joined or beside or referred[symbol]:
                    out.append((name, start, end))
                    done.add(k)
                    insort(by_start, (start, end))
                    insort(by_end, (end, start))
                    changed = True
        return out

    def _shared_tails(self, found: list[tuple[Name, int, int]], art: _Article) -> list[tuple[Name, int, int]]:
        """Names in a list that share the last word of its final name, written once: "Delta, United and American
        Airlines" names United Airlines; "Barclays, Lloyds and HSBC" shares nothing."""
        text, out = art.text, []
        taken = [(s, e) for _, s, e in found]
        for name, start, end in found:
            words = text[start:end].split()
            if len(words) < 2 or name.entry.is_index:
                continue
            listed = rules.LIST_BEFORE.search(text, max(0, start - 120), start)
            for item in rules.LIST_ITEM.finditer(listed.group() if listed else ""):
                a = listed.start() + item.start()  # type: ignore[union-attr]
                b = a + len(item.group())
                if any(s <= a < e for s, e in taken):
                    continue
                written = f"{item.group()} {words[-1]}"
                chosen = choose([n for n in self.gaz.names.get(fold(written), []) if n.written_as(written)],
                                art.context, a)
                if chosen is not None and chosen.entry.symbol != name.entry.symbol:
                    out.append((chosen, a, b))
        return out

    def _by_companions(self, found: list[tuple[Name, int, int]], art: _Article) -> list[tuple[Name, int, int]]:
        """In an article that sets itself in no market, the market of most of the companies it names decides
        which listing a shared name means ("Next rose while Shell and Compass fell": London's Compass)."""
        area = None if art.context.counts else companions_area(
            [n.entry.calendar for n, _, _ in found if not n.entry.is_index], US)
        if area is None:
            return found
        context = Context.of_cues([(start, area) for name, start, _ in found if name.entry.calendar == area])
        out = []
        for name, start, end in found:
            written = art.text[start:end]
            other = choose([n for n in self.gaz.names[fold(name.form)] if n.written_as(written)], context, start)
            out.append((other, start, end) if other is not None and other.entry.calendar == area else (name, start, end))
        return out

    def _referred(self, symbol: str, art: _Article) -> bool:
        """Whether the text refers to the company by one of its hand-kept phrases ("the online retailer")."""
        return any(f"the {phrase}" in art.low for phrase in self._phrases.get(symbol, ()))

    def _mention(self, entry: Entry, start: int, end: int, text: str, low: str, day: dt.date | None,
                 symbol_on: Callable[[str, dt.date], str] | None) -> Mention:
        symbol = symbol_on(entry.symbol, day) if symbol_on and day else entry.symbol
        role = "index" if entry.is_index else "company"
        if not entry.is_index and rules.is_source(text, low, start, end):
            role = "source"
        return Mention(symbol, entry.name, text[start:end], start, end, role, entry.exchange)

    def _city_indices(self, text: str, day: dt.date | None, symbol_on: Callable[[str, dt.date], str] | None,
                      taken: set[int]) -> list[Mention]:
        """A market named by its city: "bourses in Shanghai, Hong Kong and Tokyo", "Madrid fell 12%"."""
        out: list[Mention] = []
        by_city = cities()
        for m in city_matches(text):
            if m.group("city"):
                spans = [(m.start("city"), m.end("city"))]
            else:
                base = m.start("list")
                spans = [(base + c.start(), base + c.end()) for c in re.finditer(
                    "|".join(re.escape(c) for c in sorted(by_city, key=len, reverse=True)), m.group("list"))]
            for a, b in spans:
                entry = self.gaz.entries.get(by_city.get(text[a:b], ""))
                if entry is not None and a not in taken:
                    out.append(Mention(entry.symbol, entry.name, text[a:b], a, b, "index", entry.exchange))
        return out
