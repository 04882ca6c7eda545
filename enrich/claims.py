"""Market figures in an article, as claims: subject, kind, signed value, hedge, quote and time."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import timerefs as tr
from .calendar import Calendar
from .figures import Figure, find_figures, hedge_before
from .gazetteer import load
from .errors import NoSessionsError
from .models import Article, Claim, Kind, Mention, Moment, TimeRef
from .sessions import RECORD_AFTER, RunningTime, resolve
from .textcase import icase, lowered, trie_pattern, word_pattern, word_starts

# Patterns below read the lowered text (textcase.lowered): `re` matches plain text several times faster
# than it matches with re.I, and the offsets are those of the original.
NEG = (r"fell|fall|falls|falling|fallen|down|drop|drops|dropped|dropping|declin\w*|slid|slide|slides|sliding|slip|"
       r"slipped|slipping|lost|lose|loses|losing|shed|sheds|shedding|plung\w*|plummet\w*|tumbl\w*|sank|sink|sinking|"
       r"sunk|tank\w*|slump\w*|lower|off|eras\w*|wip\w*|stripped|knock\w*|cut|dip|dipped|retreat\w*|eased|weaker|"
       r"decrease\w*|loss|losses|below|under|crash\w*|skid\w*|cost|worst|tumble|decline")
POS = (r"rose|rise|rises|rising|risen|up|gain|gained|gaining|gains|jump\w*|soar\w*|surg\w*|climb\w*|add|added|adding|"
       r"adds|rall\w*|higher|advanc\w*|increas\w*|rebound\w*|boost\w*|lift\w*|spik\w*|rocket\w*|doubled|above|best")


def _word_table(alternatives: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The exact words and the stems ("declin" of "declin\\w*") of an alternation of direction words."""
    parts = alternatives.split("|")
    return frozenset(p for p in parts if not p.endswith(r"\w*")), tuple(p[:-3] for p in parts if p.endswith(r"\w*"))


_NEG_WORDS, _NEG_STEMS = _word_table(NEG)
_POS_WORDS, _POS_STEMS = _word_table(POS)
# The same words as one trie with no leading \b, so `re` skips ahead by first letter; the word boundary
# before a match and its sign are checked in Python.
_DIRECTION_TRIE = re.compile("(?:" + trie_pattern(sorted(_NEG_WORDS | _POS_WORDS) + [
    stem + "*" for stem in _NEG_STEMS + _POS_STEMS]) + r")\b")


def direction_words(low: str, start: int, end: int) -> tuple[tuple[int, int, int], ...]:
    """(start, end, sign) of every rising or falling word in low[start:end], as
    re.compile(r"\b(?:(?P<neg>" + NEG + r")|(?P<pos>" + POS + r"))\b") finds them (test_claims checks it)."""
    out = []
    for m in _DIRECTION_TRIE.finditer(low, start, end):
        a = m.start()
        if a and (low[a - 1].isalnum() or low[a - 1] == "_"):
            continue  # inside a word ("flower")
        w = m.group()
        out.append((a, m.end(), -1 if w in _NEG_WORDS or w.startswith(_NEG_STEMS) else 1))
    return tuple(out)


# The noun a figure belongs to when it is not the stock's: revenue, users and the like.
NON_MARKET = word_pattern((
    "revenue revenues sales income profit profits earnings eps loan loans deposits assets subscriber subscribers "
    "users members customers accounts margin margins expenses costs spending orders shipments deliveries production "
    "output gdp inflation unemployment jobs rate rates yield yields premium stake dividend dividends buyback buybacks "
    "forecast forecasts guidance estimate estimates target targets tax wage wages salary salaries pay bonus fine fines "
    "penalty penalties owns owned interest weight weighting growth headcount employees workforce budget debt bond "
    "bonds savings payment settlement cash fortune wealth deal acquisition offer bid").split() + [
    "price increase", "price rise", "price hike", "price cut", "net worth", "purchase price", "valuation of the deal"])
MARKET_NOUN = word_pattern(("share shares stock stocks index indexes indices benchmark capitalisation capitalization "
                            "price value valuation it its they their company bank lender").split()
                           + ["market value", "market cap*"])
PER_SHARE = icase(r"\b(?:per|a) share\b")
MCAP_WORDS = icase(r"market (?:value|cap\w*)|\bvalu(?:e|ed|ing|ation)\b|\bworth\b|capitali[sz]ation|"
                   r"company's value|of its value")
MCAP_CHANGE = icase(r"\b(?:wip\w+|eras\w+|strip\w+|shed\w*|lost|lose|losing|cost|knock\w*|slash\w*|evaporat\w+|"
                    r"add\w*|gain\w*|boost\w*|increas\w*|fell|drop\w*|tumbl\w*|plung\w*|sank|slid|rose|jump\w*|"
                    r"soar\w*|wiped|wipeout|vanish\w*|trimm\w*)\b")
MCAP_CHANGE_AFTER = icase(r"^\s*(?:\([^)]*\)\s*)?(?:has been|have been|was|were)?\s*(?:wiped|erased|stripped|lost|added|"
                          r"knocked)")
MCAP_LEVEL_BEFORE = icase(r"market (?:value|cap\w*) of\s+$|worth\s+(?:\w+\s+){0,3}$|valu\w+ (?:\w+\s+){0,4}at\s+$")
LEVEL_BEFORE = icase(r"(?:\bto|\bat|\bof|reached|reaching|hit|hits|topped|crossed|passed|worth|valued at|"
                     r"valuing [\w\s']{0,30} at|is|was|be)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|"
                     r"roughly\s+|more than\s+|over\s+|just\s+)?$")
THRESHOLD_BEFORE = icase(r"\b(?:below|under|above|beneath|past|through|crossed|cross|breaking|broke below|"
                         r"broke above|topped|tops)\s+$|\bto be worth\s+$|\bwould be worth\s+$|\b(?:had to|needed to|"
                         r"need to|would need to|must) (?:reach|hit|rise to|climb to|top)\s+$|on track for an? $|"
                         r"return to an? $")
MCAP_PASSED = icase(r"\b(?:topped|topping|crossed|crossing|passed|passing|surpassed|surpassing|exceeded)\s+$")
CHANGE_BEFORE = re.compile(r"\b(?:" + trie_pattern((
    "up down rose fell gained lost added shed dropped climbed jumped slid sank sinking plunged slipped declined advanced "
    "another off").split() + ["gain of", "loss of", "decline of", "drop of", "rise of", "fall of", "increase of",
                              "lost only", "was off", "higher by", "lower by"]) + r")\s+(?:only\s+|just\s+)?$")
CHANGE_AFTER = icase(r"^\s*(?:higher|lower)\b")
CLOSE_CUE = icase(r"\b(?:closed|close of|closing(?: price)?|ended|ending the day|ending|finished|finishing|settled|"
                  r"final bell|to finish|to close|to end|end at|record close|regular close|multiyear low|"
                  r"\d+-year low|lowest (?:close|level)|stood at)\b")
OPEN_CUE = icase(r"\b(?:opened at|opening price|open of|opened)\b")
HIGH_CUE = icase(r"\b(?:high of|record high|all-time high|52-week high|peak of|intraday high|session high|"
                 r"reaching a high|a high)\b")
LOW_CUE = icase(r"\b(?:low of|intraday low|session low|dipped to|as low as|52-week low)\b")
LONG_LOW = icase(r"multiyear low|\d+-year low|lowest")
STRONG_MCAP_CHANGE = icase(r"\b(?:wip(?:e|ed|ing)\s+(?:out|off)?|eras(?:e|ed|ing)|stripp?(?:ed|ing)?|wipeout)\b")
PER_SHARE_NON_MARKET = word_pattern("dividend earnings eps guidance forecast estimate consensus target payout "
                                    "coupon".split() + ["per share in"])
PER_SHARE_AFTER = icase(r"^\s*(?:per share|a share in (?:earnings|profit)|guidance|estimate)")
SHARE_WORDS = icase(r"shares?|stock|apiece|a share")
NOT_TRADE = icase(r"\b(?:IPO|offer(?:ing)?) price|premium|private|per share in|take .* private|buyout|price target|"
                  r"target price|deal|bid\b|tender")
OFFER_PRICE_AFTER = icase(r"^\s*(?:IPO|offer(?:ing)?) price")
PER_PERIOD = icase(r"\b(?:a|per)[- ]month\b|-a-month|a year\b")
TRADING_CUE = icase(r"\b(?:shares?|stock|traded|trading|trades|apiece|paid|purchase|bought|sold|buying|"
                    r"selling|closed|close|ended|finished|opened)\b")
PCT_OF_WHOLE = icase(r"^\s*(?:of|in)\s+(?:total|the|its|their|all|global|u\.s\.)?\s*(?:\w+\s+)?(?:revenue|sales|"
                     r"income|profit|market|s&p|index|shares outstanding|stake|company)\b")
VALUE_WORDS = icase(r"value|market cap")
PCT_NOT_MOVE = icase(r"^[\s,]*(?:premium|stake|discount|price (?:increase|rise|hike)|interest|yield|rate|margin|"
                     r"tax|raise|share of|owned|drop from a|gain from a|of (?:the|its) (?:company|shares|stock)\b)")
FROM_PEAK = icase(r"from (?:a |its |their )?(?:recent )?peaks?\b|regarded as a bear market")
VOLUME_AFTER = icase(r"^\s*(?:[a-z][\w.&]*\s+)?shares\s+(?:changed hands|traded|were traded|were exchanged)")
VOLUME_BEFORE = icase(r"volume of\s+$")
INDEX_LEVEL_BEFORE = icase(r"(?:\bat|\bto|:|closing at|close of|settled at|end at|finish at|stood at|level of)\s*$")
GENERIC_COMPANY = icase(r"\b(?:company|firm|stock|shares|group|bank|lender|carmaker|retailer|automaker|insurer|"
                        r"conglomerate|giant|chipmaker|business)\b")
GENERIC_INDEX = icase(r"\b(?:index|benchmark|gauge|average)\b")
_REF_NOUNS = r"\s+(?:[\w.\-]+\s+){0,3}?(?:" + trie_pattern((
    "company firm stock shares group bank lender carmaker retailer automaker insurer conglomerate giant chipmaker "
    "business index benchmark gauge").split()) + r")\b"
# Referring words: r"\b(?:the|its|their|this|that)" + _REF_NOUNS + r"|\bits\s+(?:stock|shares)\b|\b(?:it|its)\b",
# written as the same alternatives in the same order, each starting with a letter and none with \b, so `re`
# skips ahead to a "t" or an "i"; word_starts() checks the boundary before a match (test_claims compares them).
GENERIC_REF = re.compile("|".join(w + _REF_NOUNS for w in ("the", "its", "their", "this", "that"))
                         + r"|its\s+(?:stock|shares)\b|it\b|its\b")
NAMED_AFTER = icase(r"[^.;,\d]{0,35}?\b(?:in|for|of|from|off)\s+(?:the\s+)?")  # "down 3% in the S&P 500"
INDEX_MEMBERS = icase(r"(?:'s|’s)\s+(?:\w+\s+)?(?:worst|best|biggest|largest|top|other|leading|weakest|strongest)\b")
EACH = icase(r"\b(?:each|both)\b")
LEVEL_KINDS = (Kind.CLOSE, Kind.OPEN, Kind.HIGH, Kind.LOW, Kind.PRICE, Kind.INDEX_LEVEL, Kind.MARKET_CAP, Kind.VOLUME)
LEVEL_QUOTE = icase(r"(?:\b(?:closed|ended|finished|finishing|ending|settled|opened|touched|touching|reached|"
                    r"reaching|hit|traded|trading|stood|stands|paid|close|high|low|value|capitali[sz]ation|worth)"
                    r"\s+(?:\w+\s+)?)?(?:\b(?:at|to|of|was)\s+)?(?:(?:about|around|nearly|almost|some|roughly|"
                    r"more than|over|just|as much as)\s+)?$")
SENTENCE_SPLIT = re.compile(r"[.!?][\"”']?\s+(?=[\"“(]?[A-Z0-9$£])|\n+")  # a sentence ends after its [.!?]
ABBREV_END = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                        r"No|vs|U\.S|U\.K|a\.m|p\.m|Bhd|Cos|Jr|Sr)\.|\b[A-Z]\.)$")
CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s(?:-\s|while\b|but\b|whereas\b)")


@dataclass
class _State:
    time: RunningTime = field(default_factory=RunningTime)
    running_subject: str | None = None
    seen: dict[str, int] = field(default_factory=dict)  # companies named so far, how often
    seen_index: dict[str, int] = field(default_factory=dict)  # indices named so far, how often

    def named(self, symbol: str) -> None:
        pool = self.seen_index if symbol.startswith("^") else self.seen
        pool[symbol] = pool.get(symbol, 0) + 1


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_SPLIT.finditer(text):
        gap = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        between = text[gap:m.end()]
        if text[gap - 1] == "." and between.strip() == "" and "\n" not in between and \
                ABBREV_END.search(text[max(0, gap - 6):gap]):
            continue
        if text[start:gap].strip():
            spans.append((start, gap))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class _Sentence:
    """What every figure of a sentence asks of it, computed once: clause breaks and direction words."""

    start: int
    end: int
    breaks: tuple[tuple[int, int], ...]
    directions: tuple[tuple[int, int, int], ...]  # (start, end, sign)

    @classmethod
    def of(cls, text: str, low: str, s: int, e: int, last: int | None = None) -> _Sentence:
        """`last`: where the sentence's last figure starts; rising and falling words after it are never asked for."""
        return cls(s, e, tuple(m.span() for m in CLAUSE_BREAK.finditer(text, s, e)),
                   direction_words(low, s, e if last is None else last))

    def clause(self, pos: int) -> tuple[int, int]:
        lo, hi = self.start, self.end
        for a, b in self.breaks:
            if b <= pos:
                lo = b
            elif a >= pos:
                hi = a
                break
        return lo, hi


DIRECTION_AFTER = icase(r"^[\s,]*(?:or\s+[\d.]+\s*%?\s*,?\s*)?(higher|lower|up|down|below|under|above|off|"
                        r"rise|gain|increase|advance|jump|climb|rally|drop|fall|decline|slide|loss|slump|plunge|"
                        r"tumble)\b")
NEGATIVE_AFTER = {"lower", "down", "below", "under", "off", "drop", "fall", "decline", "slide", "loss", "slump", "plunge",
                  "tumble"}
GONE_AFTER = icase(r"^\s*(?:\([^)]*\)\s*)?(?:has|have|had)?\s*(?:been\s+|was\s+|were\s+)?(?:stripped|wiped|"
                   r"erased|knocked|lost|shed|slashed)\b")


def _direction(low: str, fig: Figure, clause: tuple[int, int], sent: _Sentence) -> tuple[int, int]:
    """(sign, start of the word that carried it); +1 when nothing says otherwise."""
    after = low[fig.end:min(fig.end + 40, sent.end)]
    if GONE_AFTER.match(after):
        return -1, fig.start
    before = [d for d in sent.directions if d[1] <= fig.start]
    in_clause = [d for d in before if d[0] >= clause[0]]
    if in_clause and fig.start - in_clause[-1][1] < 60:
        return in_clause[-1][2], in_clause[-1][0]
    m = DIRECTION_AFTER.match(after)
    if m:
        return (-1 if m.group(1) in NEGATIVE_AFTER else 1), fig.start
    if before:
        return before[-1][2], before[-1][0]
    return 1, fig.start


class ClaimExtractor:
    def __init__(self, calendar: Calendar) -> None:
        self.cal = calendar
        gaz = load()
        self.descriptors = gaz.descriptors  # lower-case phrases ("iphone maker") -> symbol
        # "the iPhone maker" in lowered text: no leading \b, so `re` searches for "the" (word_starts checks it)
        self.descriptor_re = re.compile(r"the\s+(?:[\w.\-]+\s+){0,2}?(" + trie_pattern(list(gaz.descriptors))
                                        + r")\b")

    def extract(self, article: Article, mentions: list[Mention]) -> list[Claim]:
        text = article.text
        pub = article.published
        ref_local = pub.date() if pub else None
        state = _State()
        out: list[Claim] = []
        subjects = [m for m in mentions if m.role != "source"]
        subject_starts = [m.start for m in subjects]
        named_symbols = {m.symbol for m in subjects}
        inside_name = set()
        for m in mentions:
            inside_name.update(range(m.start, m.end))
        low = lowered(text)
        figures = [f for f in find_figures(text, low) if f.start not in inside_name]
        spans = sentences(text)
        words = tr.TimeWords(low)
        days_only: dict[int, list[tr.Found]] = {}
        if article.published_date_only and ref_local is not None:
            days_only = {a: tr.find(text, low, a, b, ref_local, words, days_only=True) for a, b in spans}
            named = [f.day for found in days_only.values() for f in found if f.kind == "day" and f.near]
            if named and max(d for d in named if d is not None) == ref_local:
                state.time.article_day = ref_local
        fi = wi = 0
        gate = words.pos
        for s, e in spans:
            sent_figs = []
            while fi < len(figures) and figures[fi].start < e:
                if figures[fi].start >= s:
                    sent_figs.append(figures[fi])
                fi += 1
            while wi < len(gate) and gate[wi] < s:
                wi += 1
            if ref_local is None or wi == len(gate) or gate[wi] >= e:
                found = []  # no time word in the sentence
            elif not sent_figs and s in days_only:
                found = days_only[s]
            else:
                found = tr.find(text, low, s, e, ref_local, words, days_only=not sent_figs)
            sent_mentions = subjects[bisect.bisect_left(subject_starts, s):bisect.bisect_left(subject_starts, e)]
            if not sent_figs and not found:  # most sentences: only who is named carries on
                for m in sent_mentions:
                    state.named(m.symbol)
                if sent_mentions:
                    state.running_subject = sent_mentions[-1].symbol
                state.time.after_quiet_sentence()
                continue
            for m in sent_mentions:
                if m.start < (sent_figs[0].start if sent_figs else e):
                    state.named(m.symbol)
            refs = self._refs(low, s, e, named_symbols) if sent_figs else []
            prev_fig: Figure | None = None
            ctx = _Sentence.of(text, low, s, e, sent_figs[-1].start) if sent_figs else None
            here: list[Claim] = []
            for fig in sent_figs:
                claims = self._claims_for(article, low, fig, prev_fig, ctx, sent_mentions, refs, found, state)
                here.extend(claims)
                if claims:
                    state.running_subject = claims[-1].symbol
                prev_fig = fig
            out.extend(here)
            named: set[str] = set()
            if any(f.kind == "day" and f.near for f in found):
                named = {m.symbol for m in sent_mentions} | {c.symbol for c in here}
                if not sent_figs:
                    refs = self._refs(low, s, e, named_symbols)
                named |= {self._resolve(sym, kind, state) for _, _, sym, kind in refs if kind != "pronoun"} - {""}
            state.time.after_sentence(found, named, bool(sent_figs))
            for m in sent_mentions:
                if sent_figs and m.start >= sent_figs[0].start:
                    state.named(m.symbol)
            if sent_mentions and not sent_figs:
                state.running_subject = sent_mentions[-1].symbol
        return out

    def _refs(self, low: str, s: int, e: int, named: set[str]) -> list[tuple[int, int, str | None, str]]:
        """Referring-back phrases in a sentence: (start, end, symbol if the phrase names one and the article names
        that company, kind of phrase)."""
        out: list[tuple[int, int, str | None, str]] = []
        for m in word_starts(self.descriptor_re, low, s, e):
            sym = self.descriptors[m.group(1)]
            out.append((m.start(), m.end(), sym if sym in named else None, "company"))
        for m in word_starts(GENERIC_REF, low, s, e):
            if any(a <= m.start() < b for a, b, _, _ in out):
                continue
            word = m.group(0)
            kind = "index" if GENERIC_INDEX.search(word) else "company" if GENERIC_COMPANY.search(word) else "pronoun"
            out.append((m.start(), m.end(), None, kind))
        return sorted(out)

    @staticmethod
    def _salient(state: _State, want_index: bool = False) -> str | None:
        """The company (or index) the article is about so far: the most named (of a tie, the first named)."""
        pool = state.seen_index if want_index else state.seen
        if not pool:
            return state.running_subject
        return max(pool, key=pool.__getitem__)

    def _resolve(self, sym: str | None, kind: str, state: _State) -> str:
        if sym:
            return sym
        if kind == "index":
            return self._salient(state, True) or ""
        if kind == "company":
            return self._salient(state) or ""
        return state.running_subject or self._salient(state) or ""

    def _subjects(self, low: str, fig: Figure, sent: tuple[int, int], clause: tuple[int, int],
                  mentions: list[Mention], refs: list[tuple[int, int, str | None, str]], state: _State,
                  prev_end: int = 0) -> list[str]:
        m = NAMED_AFTER.match(low, fig.end, min(fig.end + 60, sent[1]))
        if m:
            at = m.end()
            hit = next((x for x in mentions if x.start == at or x.start == at - 4 and low[x.start:at] == "the "), None)
            if hit is not None:
                return [hit.symbol]
        # "the Dow's worst performer", "the Dow's other financial names": the index is not the subject
        before = [x for x in mentions if x.end <= fig.start and not (
            low[x.end:x.end + 1] in ("'", "’") and INDEX_MEMBERS.match(low, x.end, x.end + 30))]
        if before and (_each(low, clause[0], fig.start) or _each(low, fig.end, clause[1])):
            group = [x for x in before if x.start >= max(sent[0], prev_end)]
            if len(group) >= 2:
                return list(dict.fromkeys(x.symbol for x in group))
        cands: list[tuple[int, str | None, str]] = [(x.start, x.symbol, "name") for x in before]
        cands += [(a, sym, kind) for a, b, sym, kind in refs if b <= fig.start]
        if cands:
            pos, sym, kind = max(cands, key=lambda c: c[0])
            named = [x for x in before if x.start >= sent[0]]
            if kind == "pronoun" and named:
                return [named[-1].symbol]
            if kind in ("index", "company") and sym is None:
                same = [x for x in named if x.symbol.startswith("^") == (kind == "index")]
                if same:
                    return [same[-1].symbol]
            return [self._resolve(sym, kind, state)]
        later = [x for x in mentions if x.start >= fig.end]
        later_refs = [(a, sym, kind) for a, b, sym, kind in refs if a >= fig.end]
        if later and (not later_refs or later[0].start < later_refs[0][0]):
            return [later[0].symbol]
        if later_refs:
            return [self._resolve(later_refs[0][1], later_refs[0][2], state)]
        return [self._resolve(None, "pronoun", state)]

    def _claims_for(self, article: Article, low: str, fig: Figure, prev: Figure | None, ctx: _Sentence,
                    mentions: list[Mention], refs: list[tuple[int, int, str | None, str]], found: list[tr.Found],
                    state: _State) -> list[Claim]:
        text = article.text
        sent = (ctx.start, ctx.end)
        if fig.in_parens and prev is not None and prev.unit == "money" and fig.unit == "money":
            return []  # a currency conversion of the figure before it
        if fig.unit in ("plain", "points") and fig.decimals == 0 and 1900 <= fig.number <= 2100 and fig.scale == 1:
            return []  # a year
        clause = ctx.clause(fig.start)
        # money and percentages are market figures or not whatever they are about: decide that first
        kind = self._kind(low, fig, clause, sent, "") if fig.unit in ("pct", "money") else None
        if kind is None and fig.unit in ("pct", "money"):
            return []
        symbols = [s for s in self._subjects(low, fig, sent, clause, mentions, refs, state,
                                             prev.end if prev else 0) if s]
        if not symbols:
            return []
        if kind is None:
            kind = self._kind(low, fig, clause, sent, symbols[0])
            if kind is None:
                return []
        if kind in (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE) and not mentions and not refs:
            return []  # a market value with no company or index in its sentence ("wiped off global equities")
        sign, qstart = _direction(low, fig, clause, ctx)
        hedge = hedge_before(low, fig.start)
        if hedge:
            lo = max(0, fig.start - 30)
            h = low.rfind(hedge.split()[0], lo, fig.start)
            qstart = min(qstart, h) if h >= 0 else qstart
        signed = kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.RANGE_PCT_CHANGE, Kind.ABS_CHANGE,
                          Kind.MARKET_CAP_CHANGE)
        value = fig.value
        if signed:
            value = -abs(value) if (sign < 0 or fig.negative) else abs(value)
        quote_start = qstart if fig.start - qstart <= 60 else fig.start
        if kind in LEVEL_KINDS:
            lo = max(clause[0], fig.start - 40)
            cue = LEVEL_QUOTE.search(low, lo, fig.start)
            quote_start = cue.start() if cue else fig.start
        try:
            time, base = resolve(article, fig, clause, found, state.time, kind, symbols[0], mentions, ctx, self.cal)
        except NoSessionsError as e:  # a date outside the exchange calendar's span
            time, base = TimeRef("", None, Moment.CLOSE, why=str(e)), None
        if time is None:
            return []
        if time.kind_hint == "close":
            kind = Kind.CLOSE
        if kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE) and (time.from_session is not None or base is not None):
            kind = Kind.RANGE_PCT_CHANGE
        out = []
        for sym in symbols:
            k = kind
            if sym.startswith("^") and k is Kind.PCT_CHANGE:
                k = Kind.INDEX_PCT_CHANGE
            if sym.startswith("^") and k in (Kind.CLOSE, Kind.PRICE) and fig.unit == "plain":
                k = Kind.INDEX_LEVEL
            out.append(Claim(article.id, sym, k, value, text[quote_start:fig.end], quote_start, fig.end, hedge,
                             fig.currency or "USD", fig.decimals, fig.scale, time, base))
        return out

    def _kind(self, low: str, fig: Figure, clause: tuple[int, int], sent: tuple[int, int], subject: str
              ) -> Kind | None:
        """The kind of market figure, or None when it is not one; `low` is the lowered article text."""
        pre = low[max(sent[0], fig.start - 60):fig.start]
        post = low[fig.end:min(sent[1], fig.end + 50)]
        clause_pre = low[clause[0]:fig.start]
        is_index = subject.startswith("^")
        lo = max(sent[0], fig.start - 30)

        def ends(pattern: re.Pattern[str]) -> bool:
            """A cue that ends right before the figure: all of them are shorter than 30 characters."""
            return pattern.search(low, lo, fig.start) is not None
        if fig.unit == "pct":
            if PCT_OF_WHOLE.match(post) and not VALUE_WORDS.search(post, 0, 30):
                return None
            if PCT_NOT_MOVE.match(post) or _non_market(low[sent[0]:fig.start]):
                return None
            if FROM_PEAK.search(post + clause_pre):
                return None
            return Kind.INDEX_PCT_CHANGE if is_index else Kind.PCT_CHANGE
        if fig.unit == "money":
            if fig.value >= 1e6 or fig.scale >= 1e6:
                near = low[max(clause[0], fig.start - 45):fig.start]
                strong = STRONG_MCAP_CHANGE.search(near) or STRONG_MCAP_CHANGE.search(post, 0, 40)
                if not strong and not MCAP_WORDS.search(low, max(sent[0], fig.start - 60), min(sent[1], fig.end + 60)):
                    return None
                named_value = MCAP_WORDS.search(post, 0, 35) is not None  # "$120 billion in market value"
                if ends(MCAP_PASSED) and MCAP_WORDS.search(low, max(sent[0], fig.start - 60), fig.start):
                    return Kind.MARKET_CAP  # "market capitalisation topped $100 billion": at least that
                if ends(THRESHOLD_BEFORE) or (not named_value and _non_market(low[sent[0]:fig.start])):
                    return None
                if strong and not LEVEL_BEFORE.search(near[-12:]):
                    return Kind.MARKET_CAP_CHANGE
                if LEVEL_BEFORE.search(near) and not MCAP_CHANGE.search(low, max(clause[0], fig.start - 12), fig.start):
                    return Kind.MARKET_CAP
                if MCAP_CHANGE.search(near) or MCAP_CHANGE_AFTER.match(post):
                    return Kind.MARKET_CAP_CHANGE
                if MCAP_LEVEL_BEFORE.search(near):
                    return Kind.MARKET_CAP
                return None
            if ends(THRESHOLD_BEFORE) or PER_PERIOD.search(post[:12] + pre[-12:]):
                return None
            if _non_market(clause_pre, PER_SHARE_NON_MARKET) or PER_SHARE_AFTER.match(post):
                return None
            if _non_market(clause_pre) and not SHARE_WORDS.search(post[:15] + clause_pre[-40:]):
                return None
            if NOT_TRADE.search(low, clause[0], clause[1]) or OFFER_PRICE_AFTER.match(post):
                return None
            if ends(CHANGE_BEFORE) or CHANGE_AFTER.match(post):
                return Kind.ABS_CHANGE
            record = RECORD_AFTER.match(post)  # "down from nearly $300 -- an all-time high --"
            if record:
                return {"low": Kind.LOW, "close": Kind.CLOSE, "closing": Kind.CLOSE}.get(record.group(1), Kind.HIGH)
            kind = _price_kind(pre, clause_pre)
            if kind is Kind.PRICE and not (TRADING_CUE.search(low, sent[0], sent[1])
                                           or CLOSE_CUE.search(low, sent[0], sent[1])):
                return None
            return kind
        if fig.unit == "points":
            return Kind.ABS_CHANGE
        # plain numbers
        if VOLUME_AFTER.match(post) or ends(VOLUME_BEFORE):
            return Kind.VOLUME
        if fig.in_parens and fig.negative or fig.in_parens and post.startswith(")") and low[fig.start] == "+":
            return Kind.ABS_CHANGE if is_index else None
        if is_index and fig.number >= 100 and (fig.decimals == 2 or "," in fig.text) and ends(INDEX_LEVEL_BEFORE):
            return Kind.INDEX_LEVEL
        if is_index and fig.number >= 100 and ends(CHANGE_BEFORE):
            return Kind.ABS_CHANGE
        return None


def _each(low: str, start: int, end: int) -> bool:
    """"each" or "both" as a word in low[start:end] (substring tests first: most clauses have neither)."""
    return (low.find("each", start, end) >= 0 or low.find("both", start, end) >= 0) and \
        EACH.search(low, start, end) is not None


def _price_kind(pre: str, clause_pre: str) -> Kind:
    window = pre[-40:]
    if HIGH_CUE.search(window):
        return Kind.HIGH
    if LOW_CUE.search(window) and not LONG_LOW.search(window):
        return Kind.LOW
    if OPEN_CUE.search(window):
        return Kind.OPEN
    if CLOSE_CUE.search(window) or CLOSE_CUE.search(clause_pre):
        return Kind.CLOSE
    return Kind.PRICE


def _non_market(before: str, pattern: re.Pattern[str] = NON_MARKET) -> bool:
    """True when the noun a figure belongs to is revenue, users and the like, not the stock (lowered text)."""
    window = before[-70:]
    bad = list(pattern.finditer(window))
    if not bad:
        return False
    if "share" in window:
        window = PER_SHARE.sub("", window)
        bad = list(pattern.finditer(window))
        if not bad:
            return False
    good = list(MARKET_NOUN.finditer(window))
    return not good or bad[-1].start() > good[-1].start()
