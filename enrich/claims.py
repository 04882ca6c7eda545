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
from .sessions import RunningTime, resolve

NEG = (r"fell|fall|falls|falling|fallen|down|drop|drops|dropped|dropping|declin\w*|slid|slide|slides|sliding|slip|slipped|"
       r"slipping|lost|lose|loses|losing|shed|sheds|shedding|plung\w*|plummet\w*|tumbl\w*|sank|sink|sinking|sunk|"
       r"tank\w*|slump\w*|lower|off|eras\w*|wip\w*|stripped|knock\w*|cut|dip|dipped|retreat\w*|eased|weaker|"
       r"decrease\w*|loss|losses|below|under|crash\w*|skid\w*|cost|worst|tumble|decline")
POS = (r"rose|rise|rises|rising|risen|up|gain|gained|gaining|gains|jump\w*|soar\w*|surg\w*|climb\w*|add|added|adding|"
       r"adds|rall\w*|higher|advanc\w*|increas\w*|rebound\w*|boost\w*|lift\w*|spik\w*|rocket\w*|doubled|above|best")
DIRECTION_LOW = re.compile(r"\b(?:(?P<neg>" + NEG + r")|(?P<pos>" + POS + r"))\b")
NON_MARKET = re.compile(
    r"\b(?:revenue|revenues|sales|income|profit|profits|earnings|eps|loans?|deposits|assets|subscribers?|users|"
    r"members|customers|accounts|margins?|expenses|costs|spending|orders|shipments|deliveries|production|output|gdp|"
    r"inflation|unemployment|jobs|rates?|yields?|premium|stake|dividends?|buybacks?|forecasts?|guidance|estimates?|"
    r"targets?|tax|wages?|salar\w+|pay|bonus|fines?|penalt\w+|price (?:increase|rise|hike|cut)|owns|owned|interest|"
    r"weight|weighting|growth|headcount|employees|workforce|budget|debt|bonds?|savings|payment|settlement|"
    r"cash|fortune|net worth|wealth|purchase price|deal|acquisition|offer|bid|valuation of the deal)\b", re.I)
MARKET_NOUN = re.compile(r"\b(?:shares?|stocks?|index|indexes|indices|benchmark|market value|market cap\w*|"
                         r"capitali[sz]ation|price|value|valuation|it|its|they|their|company|bank|lender)\b", re.I)
MCAP_WORDS = re.compile(r"market (?:value|cap\w*)|\bvalu(?:e|ed|ing|ation)\b|\bworth\b|capitali[sz]ation|"
                        r"company's value|of its value", re.I)
MCAP_CHANGE = re.compile(r"\b(?:wip\w+|eras\w+|strip\w+|shed\w*|lost|lose|losing|cost|knock\w*|slash\w*|evaporat\w+|"
                         r"add\w*|gain\w*|boost\w*|increas\w*|fell|drop\w*|tumbl\w*|plung\w*|sank|slid|rose|jump\w*|"
                         r"soar\w*|wiped|wipeout|vanish\w*|trimm\w*)\b", re.I)
LEVEL_BEFORE = re.compile(r"(?:\bto|\bat|\bof|reached|reaching|hit|hits|topped|crossed|passed|worth|valued at|"
                          r"valuing [\w\s']{0,30} at|is|was|be)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|"
                          r"roughly\s+|more than\s+|over\s+|just\s+)?$", re.I)
THRESHOLD_BEFORE = re.compile(r"\b(?:below|under|above|beneath|past|through|crossed|cross|breaking|broke below|"
                              r"broke above|topped|tops)\s+$|\bto be worth\s+$|\bwould be worth\s+$|\b(?:had to|needed to|need to|would need to|must) "
                              r"(?:reach|hit|rise to|climb to|top)\s+$|on track for an? $|return to an? $", re.I)
MCAP_PASSED = re.compile(r"\b(?:topped|topping|crossed|crossing|passed|passing|surpassed|surpassing|exceeded)\s+$",
                         re.I)
CHANGE_BEFORE = re.compile(r"\b(?:up|down|rose|fell|gained|lost|added|shed|dropped|climbed|jumped|slid|sank|sinking|"
                           r"plunged|slipped|declined|advanced|another|gain of|loss of|decline of|drop of|rise of|"
                           r"fall of|increase of|lost only|was off|off|higher by|lower by)\s+(?:only\s+|just\s+)?$",
                           re.I)
CHANGE_AFTER = re.compile(r"^\s*(?:higher|lower)\b", re.I)
CLOSE_CUE = re.compile(r"\b(?:closed|close of|closing(?: price)?|ended|ending the day|ending|finished|finishing|settled|"
                       r"final bell|to finish|to close|to end|end at|record close|regular close|multiyear low|"
                       r"\d+-year low|lowest (?:close|level)|stood at)\b", re.I)
OPEN_CUE = re.compile(r"\b(?:opened at|opening price|open of|opened)\b", re.I)
HIGH_CUE = re.compile(r"\b(?:high of|record high|all-time high|52-week high|peak of|intraday high|session high|"
                      r"reaching a high|a high)\b", re.I)
LOW_CUE = re.compile(r"\b(?:low of|intraday low|session low|dipped to|as low as|52-week low)\b", re.I)
STRONG_MCAP_CHANGE = re.compile(r"\b(?:wip(?:e|ed|ing)\s+(?:out|off)?|eras(?:e|ed|ing)|stripp?(?:ed|ing)?|wipeout)\b", re.I)
PER_SHARE_NON_MARKET = re.compile(r"\b(?:dividend|earnings|eps|guidance|forecast|estimate|consensus|target|payout|"
                                  r"coupon|per share in)\b", re.I)
TRADING_CUE = re.compile(r"\b(?:shares?|stock|traded|trading|trades|apiece|paid|purchase|bought|sold|buying|"
                         r"selling|closed|close|ended|finished|opened)\b", re.I)
GENERIC_COMPANY = re.compile(r"\b(?:company|firm|stock|shares|group|bank|lender|carmaker|retailer|automaker|insurer|"
                             r"conglomerate|giant|chipmaker|business)\b", re.I)
GENERIC_INDEX = re.compile(r"\b(?:index|benchmark|gauge|average)\b", re.I)
VOLUME_AFTER = re.compile(r"^\s*(?:[A-Z][\w.&]*\s+)?shares\s+(?:changed hands|traded|were traded|were exchanged)",
                          re.I)
GENERIC_REF = re.compile(r"\b(?:the|its|their|this|that)\s+(?:[\w.\-]+\s+){0,3}?(?:company|firm|stock|shares|group|bank|lender|carmaker|"
                         r"retailer|automaker|insurer|conglomerate|giant|chipmaker|business|index|benchmark|gauge)\b|"
                         r"\bits\s+(?:stock|shares)\b|\b(?:it|its)\b", re.I)
LEVEL_KINDS = (Kind.CLOSE, Kind.OPEN, Kind.HIGH, Kind.LOW, Kind.PRICE, Kind.INDEX_LEVEL, Kind.MARKET_CAP, Kind.VOLUME)
LEVEL_QUOTE = re.compile(r"(?:\b(?:closed|ended|finished|finishing|ending|settled|opened|touched|touching|reached|"
                         r"reaching|hit|traded|trading|stood|stands|paid|close|high|low|value|capitali[sz]ation|worth)"
                         r"\s+(?:\w+\s+)?)?(?:\b(?:at|to|of|was)\s+)?(?:(?:about|around|nearly|almost|some|roughly|"
                         r"more than|over|just|as much as)\s+)?$")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“(]?[A-Z0-9$£])|\n+")
ABBREV_END = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                        r"No|vs|U\.S|U\.K|a\.m|p\.m|Bhd|Cos|Jr|Sr)\.|\b[A-Z]\.)$")
CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s|\bwhile\b|\bbut\b|\bwhereas\b")


@dataclass
class _State:
    time: RunningTime = field(default_factory=RunningTime)
    running_subject: str | None = None
    seen: dict[str, int] = field(default_factory=dict)


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_SPLIT.finditer(text):
        if m.group(0).strip() == "" and "\n" not in m.group(0) and ABBREV_END.search(text[max(0, m.start() - 6):m.start()]):
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
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
    def of(cls, text: str, low: str, s: int, e: int) -> _Sentence:
        """`low` is the lowered text: matching it without re.I is several times faster (same offsets)."""
        return cls(s, e, tuple(m.span() for m in CLAUSE_BREAK.finditer(text, s, e)),
                   tuple((m.start(), m.end(), -1 if m.group("neg") else 1) for m in DIRECTION_LOW.finditer(low, s, e)))

    def clause(self, pos: int) -> tuple[int, int]:
        lo, hi = self.start, self.end
        for a, b in self.breaks:
            if b <= pos:
                lo = b
            elif a >= pos:
                hi = a
                break
        return lo, hi


DIRECTION_AFTER = re.compile(r"^[\s,]*(?:or\s+[\d.]+\s*%?\s*,?\s*)?(higher|lower|up|down|below|under|above|off|"
                             r"rise|gain|increase|advance|jump|climb|rally|drop|fall|decline|slide|loss|slump|plunge|"
                             r"tumble)\b", re.I)
NEGATIVE_AFTER = {"lower", "down", "below", "under", "off", "drop", "fall", "decline", "slide", "loss", "slump", "plunge",
                  "tumble"}
GONE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:has|have|had)?\s*(?:been\s+|was\s+|were\s+)?(?:stripped|wiped|"
                        r"erased|knocked|lost|shed|slashed)\b", re.I)


def _direction(text: str, fig: Figure, clause: tuple[int, int], sent: _Sentence) -> tuple[int, int]:
    """(sign, start of the word that carried it); +1 when nothing says otherwise."""
    after = text[fig.end:min(fig.end + 40, sent.end)]
    if GONE_AFTER.match(after):
        return -1, fig.start
    before = [d for d in sent.directions if d[1] <= fig.start]
    in_clause = [d for d in before if d[0] >= clause[0]]
    if in_clause and fig.start - in_clause[-1][1] < 60:
        return in_clause[-1][2], in_clause[-1][0]
    m = DIRECTION_AFTER.match(after)
    if m:
        word = m.group(1).lower()
        return (-1 if word in NEGATIVE_AFTER else 1), fig.start
    if before:
        return before[-1][2], before[-1][0]
    return 1, fig.start


class ClaimExtractor:
    def __init__(self, calendar: Calendar) -> None:
        self.cal = calendar
        gaz = load()
        names = sorted(gaz.descriptors, key=len, reverse=True)
        self.descriptors = gaz.descriptors
        self.descriptor_re = re.compile(r"\bthe\s+(?:[\w.\-]+\s+){0,2}?(" + "|".join(re.escape(n) for n in names) + r")\b",
                                        re.I)

    def extract(self, article: Article, mentions: list[Mention]) -> list[Claim]:
        text = article.text
        pub = article.published
        ref_local = pub.date() if pub else None
        state = _State()
        out: list[Claim] = []
        subjects = [m for m in mentions if m.role != "source"]
        subject_starts = [m.start for m in subjects]
        inside_name = set()
        for m in mentions:
            inside_name.update(range(m.start, m.end))
        figures = [f for f in find_figures(text) if f.start not in inside_name]
        spans = sentences(text)
        low = tr.lowered(text)
        words = tr.TimeWords(low)
        days_only: dict[int, list[tr.Found]] = {}
        if article.published_date_only and ref_local is not None:
            days_only = {a: tr.find(text, low, a, b, ref_local, words, days_only=True) for a, b in spans}
            named = [f.day for found in days_only.values() for f in found if f.kind == "day" and f.near]
            if named and max(d for d in named if d is not None) == ref_local:
                state.time.article_day = ref_local
        fi = 0
        for s, e in spans:
            sent_figs = []
            while fi < len(figures) and figures[fi].start < e:
                if figures[fi].start >= s:
                    sent_figs.append(figures[fi])
                fi += 1
            if ref_local is None:
                found = []
            elif not sent_figs and s in days_only:
                found = days_only[s]
            else:
                found = tr.find(text, low, s, e, ref_local, words, days_only=not sent_figs)
            sent_mentions = subjects[bisect.bisect_left(subject_starts, s):bisect.bisect_left(subject_starts, e)]
            for m in sent_mentions:
                if m.start < (sent_figs[0].start if sent_figs else e):
                    state.seen[m.symbol] = state.seen.get(m.symbol, 0) + 1
            refs = self._refs(text, s, e, subjects) if sent_figs else []
            prev_fig: Figure | None = None
            ctx = _Sentence.of(text, low, s, e) if sent_figs else None
            for fig in sent_figs:
                claims = self._claims_for(article, fig, prev_fig, ctx, sent_mentions, refs, found, state)
                out.extend(claims)
                if claims:
                    state.running_subject = claims[-1].symbol
                prev_fig = fig
            named: set[str] = set()
            if any(f.kind == "day" and f.near for f in found):
                named = {m.symbol for m in sent_mentions} | {c.symbol for c in out if s <= c.start < e}
                if not sent_figs:
                    refs = self._refs(text, s, e, subjects)
                named |= {self._resolve(sym, kind, state) for _, _, sym, kind in refs if kind != "pronoun"} - {""}
            state.time.after_sentence(found, named, bool(sent_figs))
            for m in sent_mentions:
                if sent_figs and m.start >= sent_figs[0].start:
                    state.seen[m.symbol] = state.seen.get(m.symbol, 0) + 1
            if sent_mentions and not sent_figs:
                state.running_subject = sent_mentions[-1].symbol
        return out

    def _refs(self, text: str, s: int, e: int, subjects: list[Mention]) -> list[tuple[int, int, str | None, str]]:
        """Referring-back phrases in a sentence: (start, end, symbol if the phrase names one, kind of phrase)."""
        named = {m.symbol for m in subjects}
        out: list[tuple[int, int, str | None, str]] = []
        for m in self.descriptor_re.finditer(text, s, e):
            sym = self.descriptors[m.group(1).lower()]
            out.append((m.start(), m.end(), sym if sym in named else None, "company"))
        for m in GENERIC_REF.finditer(text, s, e):
            if any(a <= m.start() < b for a, b, _, _ in out):
                continue
            word = m.group(0).lower()
            kind = "index" if GENERIC_INDEX.search(word) else "company" if GENERIC_COMPANY.search(word) else "pronoun"
            out.append((m.start(), m.end(), None, kind))
        return sorted(out)

    @staticmethod
    def _salient(state: _State, want_index: bool = False) -> str | None:
        """The company (or index) the article is about so far: most named, then latest named."""
        pool = {k: v for k, v in state.seen.items() if k.startswith("^") == want_index}
        if not pool:
            return state.running_subject
        return max(pool, key=lambda k: pool[k])

    def _resolve(self, sym: str | None, kind: str, state: _State) -> str:
        if sym:
            return sym
        if kind == "index":
            return self._salient(state, True) or ""
        if kind == "company":
            return self._salient(state) or ""
        return state.running_subject or self._salient(state) or ""

    def _subjects(self, text: str, fig: Figure, sent: tuple[int, int], clause: tuple[int, int],
                  mentions: list[Mention], refs: list[tuple[int, int, str | None, str]], state: _State,
                  prev_end: int = 0) -> list[str]:
        after = text[fig.end:min(fig.end + 60, sent[1])]
        m = re.match(r"^[^.;]{0,35}?\b(?:in|for|of|from|off)\s+(?:the\s+)?", after)
        if m:
            at = fig.end + m.end()
            hit = next((x for x in mentions if x.start == at or x.start == at - 4 and text[x.start:at].lower() == "the "),
                       None)
            if hit is not None:
                return [hit.symbol]
        # "the Dow's worst performer", "the Dow's other financial names": the index is not the subject
        before = [x for x in mentions if x.end <= fig.start and not re.match(
            r"^(?:'s|’s)\s+(?:\w+\s+)?(?:worst|best|biggest|largest|top|other|leading|weakest|strongest)\b",
            text[x.end:x.end + 30])]
        window = text[clause[0]:fig.start] + text[fig.end:clause[1]]
        if re.search(r"\b(?:each|both)\b", window, re.I) and before:
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

    def _claims_for(self, article: Article, fig: Figure, prev: Figure | None, ctx: _Sentence,
                    mentions: list[Mention], refs: list[tuple[int, int, str | None, str]], found: list[tr.Found],
                    state: _State) -> list[Claim]:
        text = article.text
        sent = (ctx.start, ctx.end)
        clause = ctx.clause(fig.start)
        pre = text[max(sent[0], fig.start - 60):fig.start]
        post = text[fig.end:min(sent[1], fig.end + 50)]
        if fig.in_parens and prev is not None and prev.unit == "money" and fig.unit == "money":
            return []  # a currency conversion of the figure before it
        if fig.unit in ("plain", "points") and fig.decimals == 0 and 1900 <= fig.number <= 2100 and fig.scale == 1:
            return []  # a year
        symbols = [s for s in self._subjects(text, fig, sent, clause, mentions, refs, state,
                                             prev.end if prev else 0) if s]
        if not symbols:
            return []
        kind = self._kind(text, fig, pre, post, clause, sent, symbols[0])
        if kind is None:
            return []
        if kind in (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE) and not mentions and not refs:
            return []  # a market value with no company or index in its sentence ("wiped off global equities")
        sign, qstart = _direction(text, fig, clause, ctx)
        hedge = hedge_before(text, fig.start)
        if hedge:
            lo = max(0, fig.start - 30)
            h = text[lo:fig.start].lower().rfind(hedge.split()[0])
            qstart = min(qstart, lo + h) if h >= 0 else qstart
        signed = kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.RANGE_PCT_CHANGE, Kind.ABS_CHANGE,
                          Kind.MARKET_CAP_CHANGE)
        value = fig.value
        if signed:
            value = -abs(value) if (sign < 0 or fig.negative) else abs(value)
        quote_start = qstart if fig.start - qstart <= 60 else fig.start
        if kind in LEVEL_KINDS:
            lo = max(clause[0], fig.start - 40)
            cue = LEVEL_QUOTE.search(text[lo:fig.start])
            quote_start = lo + cue.start() if cue else fig.start
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

    def _kind(self, text: str, fig: Figure, pre: str, post: str, clause: tuple[int, int], sent: tuple[int, int],
              subject: str) -> Kind | None:
        clause_pre = text[clause[0]:fig.start]
        is_index = subject.startswith("^")
        if fig.unit == "pct":
            if re.match(r"^\s*(?:of|in)\s+(?:total|the|its|their|all|global|u\.s\.)?\s*(?:\w+\s+)?(?:revenue|sales|"
                        r"income|profit|market|s&p|index|shares outstanding|stake|company)\b", post, re.I) and not \
                    re.search(r"value|market cap", post[:30], re.I):
                return None
            if re.match(r"^[\s,]*(?:premium|stake|discount|price (?:increase|rise|hike)|interest|yield|rate|margin|"
                        r"tax|raise|share of|owned|drop from a|gain from a|of (?:the|its) (?:company|shares|stock)\b)",
                        post, re.I):
                return None
            if self._non_market(text[sent[0]:fig.start], fig, text):
                return None
            if re.search(r"from (?:a |its |their )?(?:recent )?peaks?\b|regarded as a bear market", post + clause_pre,
                         re.I):
                return None
            return (Kind.INDEX_PCT_CHANGE if is_index else Kind.PCT_CHANGE)
        if fig.unit == "money":
            if fig.value >= 1e6 or fig.scale >= 1e6:
                near = text[max(clause[0], fig.start - 45):fig.start]
                around = text[max(sent[0], fig.start - 60):min(sent[1], fig.end + 60)]
                strong = STRONG_MCAP_CHANGE.search(near) or STRONG_MCAP_CHANGE.search(post[:40])
                if not MCAP_WORDS.search(around) and not strong:
                    return None
                named_value = MCAP_WORDS.search(post[:35]) is not None  # "$120 billion in market value"
                if MCAP_PASSED.search(pre) and MCAP_WORDS.search(text[max(sent[0], fig.start - 60):fig.start]):
                    return Kind.MARKET_CAP  # "market capitalisation topped $100 billion": at least that
                if THRESHOLD_BEFORE.search(pre) or (not named_value and self._non_market(text[sent[0]:fig.start],
                                                                                          fig, text)):
                    return None
                if strong and not LEVEL_BEFORE.search(near[-12:]):
                    return Kind.MARKET_CAP_CHANGE
                if LEVEL_BEFORE.search(near) and not MCAP_CHANGE.search(text[max(clause[0], fig.start - 12):fig.start]):
                    return Kind.MARKET_CAP
                if MCAP_CHANGE.search(near) or re.match(r"^\s*(?:\([^)]*\)\s*)?(?:has been|have been|was|were)?\s*"
                                                        r"(?:wiped|erased|stripped|lost|added|knocked)", post, re.I):
                    return Kind.MARKET_CAP_CHANGE
                if re.search(r"market (?:value|cap\w*) of\s+$|worth\s+(?:\w+\s+){0,3}$|valu\w+ (?:\w+\s+){0,4}at\s+$",
                             near, re.I):
                    return Kind.MARKET_CAP
                return None
            if THRESHOLD_BEFORE.search(pre):
                return None
            if re.search(r"\b(?:a|per)[- ]month\b|-a-month|a year\b", post[:12] + pre[-12:], re.I):
                return None
            if self._non_market(clause_pre, fig, text, PER_SHARE_NON_MARKET) or re.match(
                    r"^\s*(?:per share|a share in (?:earnings|profit)|guidance|estimate)", post, re.I):
                return None
            if self._non_market(clause_pre, fig, text) and not re.search(r"shares?|stock|apiece|a share", post[:15]
                                                                         + clause_pre[-40:], re.I):
                return None
            if re.search(r"\b(?:IPO|offer(?:ing)?) price|premium|private|per share in|take .* private|buyout|"
                         r"price target|target price|deal|bid\b|tender", text[clause[0]:clause[1]], re.I):
                return None
            if re.match(r"^\s*(?:IPO|offer(?:ing)?) price", post, re.I):
                return None
            if CHANGE_BEFORE.search(pre) or CHANGE_AFTER.match(post):
                return Kind.ABS_CHANGE
            kind = self._price_kind(pre, clause_pre)
            sentence = text[sent[0]:sent[1]]
            if kind is Kind.PRICE and not (TRADING_CUE.search(sentence) or CLOSE_CUE.search(sentence)):
                return None
            return kind
        if fig.unit == "points":
            return Kind.ABS_CHANGE
        # plain numbers
        if VOLUME_AFTER.match(post) or re.search(r"volume of\s+$", pre, re.I):
            return Kind.VOLUME
        if fig.in_parens and fig.negative or fig.in_parens and re.match(r"^\)", post) and text[fig.start] == "+":
            return Kind.ABS_CHANGE if is_index else None
        if is_index and fig.number >= 100 and (fig.decimals == 2 or "," in fig.text) and re.search(
                r"(?:\bat|\bto|:|closing at|close of|settled at|end at|finish at|stood at|level of)\s*$", pre, re.I):
            return Kind.INDEX_LEVEL
        if is_index and fig.number >= 100 and CHANGE_BEFORE.search(pre):
            return Kind.ABS_CHANGE
        return None

    @staticmethod
    def _price_kind(pre: str, clause_pre: str) -> Kind:
        window = pre[-40:]
        if HIGH_CUE.search(window):
            return Kind.HIGH
        if LOW_CUE.search(window) and not re.search(r"multiyear low|\d+-year low|lowest", window, re.I):
            return Kind.LOW
        if OPEN_CUE.search(window):
            return Kind.OPEN
        if CLOSE_CUE.search(window) or CLOSE_CUE.search(clause_pre):
            return Kind.CLOSE
        return Kind.PRICE

    @staticmethod
    def _non_market(clause_pre: str, fig: Figure, text: str, pattern: re.Pattern[str] = NON_MARKET) -> bool:
        """True when the noun the figure belongs to is revenue, users and the like, not the stock."""
        window = re.sub(r"\b(?:per|a) share\b", "", clause_pre[-70:], flags=re.I)
        bad = list(pattern.finditer(window))
        if not bad:
            return False
        good = list(MARKET_NOUN.finditer(window))
        return not good or bad[-1].start() > good[-1].start()
