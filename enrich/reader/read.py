"""The reader: an article and its mentions in, statements out (each figure with its subject and time words).

Per sentence: tokens and lexicon phrases, time expressions, names, quantities, clauses; then each quantity is
read by the grammar (statements.py), given its subject (subjects.py) and its time words (timing.py). What a
sentence says of subjects and days runs on to the next ones.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..instruments import instrument
from ..models import Article, Mention
from .lexicon import Lexicon, lexicon
from .listing import listed_line, placed_lines, quoted_lines
from .nodes import Figure, NameNode, SentenceView
from .quantities import QuantityReader
from .statements import read_figures, shared_units
from .subjects import Descriptors, _can_be_subject, joined, name_nodes, subjects
from .tables import (
    Caption,
    by_caption,
    by_column,
    by_line_label,
    caption,
    caption_row,
    cells,
    header,
    inline_caption,
)
from .text import Sentence, clauses, headlines, sentences
from .timex import TimeReader
from .timing import RunningTime, TimeSpec, after_sentence, bounds_extreme, times_for


@dataclass(frozen=True)
class Statement:
    """A market figure of the article: what the words say, whose it is, and when."""

    figure: Figure
    symbol: str
    time: TimeSpec
    quote_start: int  # characters in the article
    quote_end: int
    sentence: tuple[int, int]
    extreme: str = ""  # "record", "year", "multi", "period", "new": the span a high or low is the extreme of
    side: str = ""  # "high" or "low": which extreme
    modal: str = ""  # "forecast", "condition" or "requirement" when the clause says so
    base_price: float | None = None  # a move stated from a price: "from the $38 IPO price", "above its IPO price"
    offer_price: float | None = None  # the IPO price the article gives anywhere (a first day's move starts there)


@dataclass
class _Running:
    time: RunningTime = field(default_factory=RunningTime)
    subject: str | None = None
    paragraph: int = 0  # the paragraph (lines parted by a line break) being read
    figured: tuple[str, int] | None = None  # a paragraph's first company given a figure ("": unresolved), the paragraph
    seen: dict[str, int] = field(default_factory=dict)  # companies named so far, how often
    seen_index: dict[str, int] = field(default_factory=dict)
    offer_price: float | None = None  # an IPO or offer price the article gave
    ipo_prices: dict[str, float] = field(default_factory=dict)  # the IPO price given for each company
    last_index: str | None = None  # the index a figure was last given to
    topic: str | None = None  # the company the article opens with (its headline or first sentence)
    columns: tuple[str, ...] | None = None  # the labels of the table header above, while its rows run
    caption: Caption | None = None  # what the list caption above says its lines hold, while they run
    recent: list[str] = field(default_factory=list)  # companies in the order last named (the two last: "both")
    lines: dict[str, str] = field(default_factory=dict)  # a company -> the line of it the article quotes in its money

    def named(self, symbol: str) -> None:
        pool = self.seen_index if instrument(symbol).is_index else self.seen
        pool[symbol] = pool.get(symbol, 0) + 1
        if pool is self.seen:
            self.recent = [s for s in self.recent if s != symbol] + [symbol]

    def salient(self, index: bool) -> str | None:
        """The company (index) the article is about: the one it opens with weighs as much as three more
        mentions, so a list of other companies further down does not take its place."""
        pool = self.seen_index if index else self.seen
        if not pool:
            return None if index else self.subject
        return max(pool, key=lambda s: pool[s] + (3 if s == self.topic else 0))


@dataclass(frozen=True)
class ArticleReading:
    statements: tuple[Statement, ...]
    snapshot: bool  # a line such as "All data as of 10:44:47 AM" dates the figures
    during: frozenset[dt.date]  # days the text writes about at a time of day ("in afternoon trading on Wednesday")
    headlines: frozenset[tuple[int, int]] = frozenset()  # (start, end) of the lines above the body (headlines)


class Reader:
    def __init__(self, descriptors: Mapping[str, str] | None = None, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        self.descriptors = Descriptors.of(descriptors or {})
        self.openers = {w: role for role in ("relative", "own") for w in self.lex.words(f"clause.{role}")}

    def read(self, article: Article, mentions: Sequence[Mention], titled: Sequence[Mention] = ()) -> ArticleReading:
        """The article's statements, whether a snapshot line ("All data as of 10:44 AM") dates them, and the days
        it writes about at a time of day. `titled`: what a title above the text names, which the referring words
        ("the Swedish telecom equipment maker", "the company") of a text that names no company may mean."""
        ref = article.published.date() if article.published else dt.date.today()
        subjects_only = sorted((m for m in mentions if m.role != "source"), key=lambda m: m.start)
        starts = [m.start for m in subjects_only]  # a sentence's mentions by bisection: a long text stays linear
        named = {m.symbol for m in subjects_only}
        run = _Running()
        for m in titled if not subjects_only else ():  # a text that names no company of its own refers to the
            if m.role != "source":                       # title's ("the Swedish telecom equipment maker")
                run.named(m.symbol)
                if run.topic is None and m.role == "company":
                    run.topic = m.symbol
        out: list[Statement] = []
        sents = sentences(article.text)
        end = 0
        for sent in sents:
            run.paragraph += "\n" in article.text[end:sent.start]
            end = sent.end
            out.extend(self._sentence(sent, _within(subjects_only, starts, sent), named, ref, run))
        heads = headlines(article.text, sents)
        spans = frozenset((h.start, h.end) for h in heads)
        if heads and run.time.first_day is not None:
            # A headline without time words is about the day the story tells ("Dow closes over 10,000" above
            # "... crossed into five figures on Wednesday"), which the body names only after it.
            again = _Running(time=RunningTime(running_day=run.time.first_day), topic=run.topic, seen=dict(run.seen),
                             seen_index=dict(run.seen_index))
            restated = [st for h in heads for st in self._sentence(h, _within(subjects_only, starts, h), named, ref,
                                                                   again)]
            out = restated + [st for st in out if st.sentence not in spans]
        if run.ipo_prices:  # "climbed 45.2 percent on Thursday", the debut, with the IPO price given later
            out = [replace(st, offer_price=run.ipo_prices[st.symbol]) if st.symbol in run.ipo_prices
                   and st.figure.reading in ("change", "restate") and st.base_price is None else st for st in out]
        return ArticleReading(tuple(out), run.time.snapshot, frozenset(run.time.during), spans)

    def view(self, sent: Sentence, mentions: Sequence[Mention], named: set[str], ref: dt.date) -> SentenceView:
        """One sentence as typed tokens: lexicon phrases, time expressions, names, quantities and clauses."""
        toks = sent.tokens
        here = [m for m in mentions if sent.start <= m.start < sent.end]
        tags = self.lex.tag(toks)
        times = TimeReader(toks, tags, ref).find()
        names = name_nodes(toks, tags, here, self.descriptors, named)
        skip = {k for e in times for k in range(e.first, e.last)} | {
            k for n in names if n.symbol for k in range(n.first, n.last)}
        quantities = shared_units(toks, QuantityReader(toks, tags, skip).find())
        return SentenceView(toks, tags, quantities, names, times, clauses(sent, self.openers), ref.year)

    def figures(self, text: str, mentions: Sequence[Mention], ref: dt.date) -> list[Figure]:
        """How the grammar reads every quantity of a text, before subjects and sessions (for tests and tools)."""
        named = {m.symbol for m in mentions}
        return [f for sent in sentences(text) for f in read_figures(self.view(sent, mentions, named, ref))]

    def _sentence(self, sent: Sentence, mentions: Sequence[Mention], named: set[str], ref: dt.date,
                  run: _Running) -> list[Statement]:
        sv = self.view(sent, mentions, named, ref)
        toks, names = sv.toks, sv.names
        figures = read_figures(sv) if sv.quantities else []
        barred = "|" in sent.text  # a line without a bar has no cells, so it is neither a header nor a row
        labels = header(sv) if barred else None
        if labels is not None:
            run.columns = labels  # "Stock | Close | Chg": what the rows under it hold
        elif run.columns is not None and barred and cells(sv):
            figures = by_column(sv, figures, run.columns)
        else:
            run.columns = None
        figures = by_line_label(sv, figures)
        opening = inline_caption(sv)
        if opening is not None:  # "Top gainers: Tata Motors (up 3.8%), Maruti Suzuki (2.6%)"
            figures = by_caption(sv, figures, opening)
        said = caption(sv)
        if said is not None:
            run.caption = said  # "Largest one-day market value losses:": what the bare numbers under it are
        elif run.caption is not None and caption_row(sv):
            figures = by_caption(sv, figures, run.caption)
        else:
            run.caption = None
        offer = _offer_price(sv)
        run.offer_price = offer or run.offer_price
        out: list[Statement] = []
        previous: dict[int, list[str]] = {}  # clause first token -> the subjects its figures took
        unknown = False
        blocked = run.figured == ("", run.paragraph)  # this paragraph is about a company the article does not resolve
        for fig in figures:
            clause = sv.clause_of(fig.q.first)
            nodes = subjects(sv, fig, clause, fig.quote_first)
            if nodes is not None and any(n.kind == "pair" for n in nodes):  # "the two stocks": the last two named
                nodes = [m for n in nodes for m in (_pair(n, sv, run) if n.kind == "pair" else [n])]
            if nodes is None or (blocked and any(n.symbol is None and n.kind in ("company", "shares") for n in nodes)):
                # its subject is a company or index the article does not resolve, or "the stock" of such a
                # company's paragraph: when the sentence names no other, its later figures and paragraph are that one's
                if not any(n.symbol for n in names):
                    unknown = True
                    run.figured = ("", run.paragraph)
                continue
            resolved = [(n, self._resolve(n, run, named, sv, fig)) for n in nodes]
            lines = [listed_line(sv, n, sym) for n, sym in resolved]
            if any(line == "" for line in lines):
                continue  # "Glencore's Hong Kong-listed shares" when no Hong Kong line of Glencore is known
            symbols = [s for s in (line or sym for (n, sym), line in zip(resolved, lines)) if s]
            if not symbols and not unknown:  # the sentence's figures before were an unknown company's: so is this
                symbols = self._inherited(sv, fig, previous, run)
            if not symbols:
                continue
            previous[clause.first] = symbols
            symbols = _respectively(sv, fig, figures, symbols)
            for sym in symbols:
                spec = times_for(sv, fig, clause, run.time, sym)
                if spec.period is not None and spec.period.span != "stretch":
                    run.time.last_period = spec.period
                a = toks[fig.quote_first].start
                span, side = _extreme(sv, fig)
                out.append(Statement(fig, sym, spec, a, fig.q.end, (sent.start, sent.end), span, side,
                                     _modal(sv, fig, clause), _base_price(sv, fig, clause, run.offer_price)))
            run.subject = symbols[-1]
            if not instrument(symbols[-1]).is_index and (run.figured is None or run.figured[1] != run.paragraph):
                run.figured = (symbols[-1], run.paragraph)  # the paragraph's first company given a figure
            if instrument(symbols[-1]).is_index:
                run.last_index = symbols[-1]
        for sym in dict.fromkeys(n.symbol for n in names if n.symbol):
            run.named(sym)  # once a sentence: "Apple (ticker: AAPL)" and "Apple / AAPL" are one mention each
        for n in names:
            if n.symbol:
                if run.topic is None and n.kind == "company" and sent.start < 400 and _can_be_subject(sv, n):
                    run.topic = n.symbol
        if not figures and names:
            last = [n.symbol for n in names if n.symbol and n.kind != "index" and _can_be_subject(sv, n)]
            if last:
                run.subject = last[-1]
        owner = run.subject or run.topic
        if offer is not None and owner is not None and not any(w in ("tender", "bid", "takeover", "buyout")
                                                                for w in (t.low for t in toks)):
            run.ipo_prices.setdefault(owner, offer)  # "an IPO price of $9" in a story about that company
        out = _on_quoted_line(out, run, sv)
        named_here = sorted({s.symbol for s in out} | {n.symbol for n in names if n.symbol})
        after_sentence(sv, run.time, named_here, bool(figures))
        return out

    def _resolve(self, n: NameNode, run: _Running, named: set[str], sv: SentenceView, fig: Figure) -> str | None:
        """A phrase referring back names the nearest fitting name before it in its sentence ("the S&P 500 index
        and its 3.7 percent gain"), else the article's running subject (pronouns) or its most named company or
        index ("the stock", "the blue-chip index")."""
        if n.symbol:
            return n.symbol
        want_index = n.kind == "index"
        earlier = [m for m in sv.names if m.symbol and m.last <= n.first and (
            n.kind == "pronoun" or (m.kind == "index") == want_index) and _can_be_subject(sv, m)]
        if earlier and n.kind in ("pronoun", "index"):
            return earlier[-1].symbol
        if want_index:
            return run.last_index or run.salient(True)
        if n.kind in ("company", "shares"):
            if run.figured is not None and run.figured[1] == run.paragraph:
                return run.figured[0]  # "Transocean slid 7.5%. The shares closed at $92.30 in April": this paragraph's
            return run.salient(False)  # the company the article is about
        if n.kind == "described" and run.subject and not instrument(run.subject).is_index:
            return run.subject  # "AMC jumped 18%. The cinema chain's shares are up 60% this month"
        return run.subject or run.salient(False)

    def _inherited(self, sv: SentenceView, fig: Figure, previous: dict[int, list[str]], run: _Running
                   ) -> list[str]:
        """A clause with no subject takes the last one of its sentence, else the article's running subject."""
        if previous:
            return previous[max(previous)]
        stop = next((k for k in range(fig.q.last, len(sv.toks)) if sv.toks[k].text == ";"), len(sv.toks))
        group = joined(sv, [n for n in sv.names if n.symbol and n.first < stop
                            and sv.tags.starts(n.last, "relation") is None])
        # "BYD and Geely rallied, rising 3.3% and 5.1%", "Volume came to 102.5 million shares as AMD fell"; not "the
        # Tencent shareholder is down 11.8%", nor a name after a semicolon ("Group firms lost Rs 4.17 lakh crore;
        # Adani Total Gas alone shed 20%")
        if group:
            return list(dict.fromkeys(n.symbol for n in group if n.symbol))
        if run.caption is not None and run.caption.subject:
            return [run.caption.subject]  # a line of a list whose caption names whose figures they are
        return [run.subject] if run.subject else []


def _pair(n: NameNode, sv: SentenceView, run: _Running) -> list[NameNode]:
    """"Both", "the two stocks": the last two companies named, in this sentence before it or earlier."""
    here = list(dict.fromkeys(m.symbol for m in sv.names if m.symbol and m.kind == "company" and m.last <= n.first))
    named = [s for s in run.recent if s not in here] + here
    return [replace(n, symbol=s, kind="company") for s in named[-2:]] if len(named) >= 2 else []


def _on_quoted_line(out: list[Statement], run: _Running, sv: SentenceView) -> list[Statement]:
    """The statements of a sentence moved to the lines of their companies the article prices or places
    (listing.py)."""
    if not out:
        return out  # a sentence without figures says nothing of a line
    placed_lines(sv, list(dict.fromkeys(st.symbol for st in out)), run.lines)
    quoted_lines([(st.symbol, st.figure.q.currency) for st in out if st.figure.q.unit == "money"], run.lines)
    if not run.lines:
        return out
    if run.subject in run.lines:
        run.subject = run.lines[run.subject]
    return [replace(st, symbol=run.lines[st.symbol]) if st.symbol in run.lines else st for st in out]


def _within(mentions: Sequence[Mention], starts: list[int], sent: Sentence) -> Sequence[Mention]:
    """The mentions starting inside a sentence (`mentions` sorted by start, `starts` their starts)."""
    return mentions[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]


def _respectively(sv: SentenceView, fig: Figure, figures: list[Figure], symbols: list[str]) -> list[str]:
    """"Apple and Nvidia soared 15% and nearly 19%, respectively", "Wells Fargo and Citigroup fell 0.8% and 1.2%":
    as many figures of one kind, joined by commas and "and", as names: the n-th figure is the n-th name's. (Other
    figures of the kind in the sentence, "while the Taiex lost 1.2%", are no part of the list.)"""
    if len(symbols) < 2:
        return symbols
    same = [f for f in figures if f.reading == fig.reading and f.q.unit == fig.q.unit]
    if any(sv.toks[f.q.first - 1].low in ("between", "from") for f in same if f.q.first > 0):
        return symbols  # "rose between 1% and 2%": a range the names share

    hedged = {k for p in sv.tags.all if p.cls.startswith("hedge") for k in range(p.first, p.last)}

    def between(f: Figure, g: Figure) -> set[str]:  # (a hedge of the next figure is part of it: "and nearly 19%")
        return {t.low for k, t in enumerate(sv.toks[f.q.last:g.q.first], f.q.last) if k not in hedged}

    def joined(f: Figure, g: Figure) -> bool:  # "3.1%, 4.5% and 2.2%"
        return bool(between(f, g)) and between(f, g) <= {",", "and", "&"}
    runs: list[list[Figure]] = []  # lists "A, B and C": joined figures, the "and" before the last one only
    for f in same:
        last = runs[-1] if runs else None
        if last is not None and joined(last[-1], f) and not any(
                "and" in between(g, h) or "&" in between(g, h) for g, h in zip(last, last[1:])):
            last.append(f)
        else:
            runs.append([f])
    same = next(r for r in runs if fig in r)
    if len(same) < 2 or not any("and" in between(f, g) or "&" in between(f, g) for f, g in zip(same, same[1:])):
        return symbols
    if len(same) != len(symbols):
        return symbols
    return [symbols[same.index(fig)]]


def _extreme(sv: SentenceView, fig: Figure) -> tuple[str, str]:
    """(span, side): the span a high, low or close is the extreme of, from the words next to the figure
    ("record", "all-time", "52-week", "multiyear", "12-year" before it; "-- an all-time high" after it), and
    whether it is the high or the low."""
    start = min(fig.q.first, fig.quote_first)
    pair = [f for f in sv.figures if f.level in ("high", "low") and f.level != fig.level and 0 < start - f.q.last <= 3]
    if fig.level in ("high", "low") and pair:
        start = min(start, pair[-1].quote_first)  # "52-week high and low are Rs 2,856.15 and Rs 2,180.00"
    lo = max(0, start - 8)
    hi = min(len(sv.toks), fig.q.last + 9)
    if fig.reading == "from_extreme":
        lo, hi = fig.q.last, min(len(sv.toks), fig.q.last + 10)
    windows = [(lo, fig.q.first), (fig.q.last, hi)] if fig.reading != "from_extreme" else [(lo, hi)]
    for a, b in windows:
        span = ""
        for p in sv.tags.within(a, b, "extreme"):
            span = p.cls.rsplit(".", 1)[1]
        words = [t.low for t in sv.toks[a:b]]
        for k, w in enumerate(words[:-2]):
            if w.isdigit() and words[k + 1] == "-" and words[k + 2] in ("year", "month"):
                span = "multi"
        if span and a >= fig.q.last:
            marks = sv.tags.within(a, b, "extreme")
            first = marks[0].first if marks else next(  # "to a 10-year high": the count is the mark
                k for k in range(a, b) if sv.toks[k].low.isdigit())
            between = {t.low for t in sv.toks[a:first]}
            if not between <= {"-", "–", "—", ",", "(", "a", "an", "its", "the", "new", "their"} or not (
                    sv.tags.within(a, b, "level.high") or sv.tags.within(a, b, "level.low")
                    or sv.tags.within(a, b, "level.close")):
                span = ""  # only "$300 -- an all-time high" or "$180, a record close" names the figure's extreme
        if not span and a < fig.q.first and _period_extreme(sv, a, fig.q.first):
            span = "period"  # "its 2022 closing low of 3,577.03", "its March high": the extreme of that period
        if fig.level in ("high", "low", "price") and "new" in [t.low for t in sv.toks[max(a, fig.q.first - 5):
                                                                                       fig.q.first]]:
            span = "new"  # "fell to a new low of $36.90", "touching a new record of $1,133.95": a price reached
        if span:  # (a level word of a time phrase, "since its Oct. 27 low", is no side of this figure)
            timed = {k for e in sv.times for k in range(e.first, e.last)}
            lows = [p for p in sv.tags.within(a, b, "level.low") if p.first not in timed]
            highs = [p for p in sv.tags.within(a, b, "level.high") if p.first not in timed]
            side = "low" if lows and (not highs or lows[-1].first > highs[-1].first) else "high"
            return span, fig.level if fig.level in ("high", "low") else side  # "52-week range is $231 to $387"
    if fig.reading == "from_extreme":  # "up 53% from its March low": no span word, but a side
        lows, highs = sv.tags.within(lo, hi, "level.low"), sv.tags.within(lo, hi, "level.high")
        return "", "low" if lows and (not highs or lows[0].first < highs[0].first) else "high"
    return "", ""


def _period_extreme(sv: SentenceView, a: int, b: int) -> bool:
    """A month or year written right before a high or low in [a, b): "2022 closing low", "March peak"."""
    return any(a <= e.first and e.last < b and bounds_extreme(sv, e) for e in sv.times)


def _modal(sv: SentenceView, fig: Figure, clause: object) -> str:
    """"forecast", "condition" or "requirement" when such words come before the figure in its clause (words
    inside a time expression, such as the month "May", do not count)."""
    first = getattr(clause, "first", 0)
    timed = {k for e in sv.times for k in range(e.first, e.last)}
    for cls in ("modality.requirement", "modality.condition", "modality.forecast"):
        if any(p.first not in timed for p in sv.tags.within(first, fig.q.first, cls)):
            return cls.rsplit(".", 1)[1]
    return ""


OFFER = ("ipo", "offer", "offering", "listing", "issue", "reference")  # "the reference price" of a direct listing
IPO_WORDS = ("ipo", "offering", "listing", "debut")  # "priced" near one of these: the listing's price, not a bid


def _offer_price(sv: SentenceView) -> float | None:
    """An IPO or offer price the sentence states: "an IPO price of $9", "the $38 IPO price", "priced at $78"."""
    for q in sv.quantities:
        if q.unit != "money" or q.large:
            continue
        before = [t.low for t in sv.toks[max(0, q.first - 4):q.first]]
        after = [t.low for t in sv.toks[q.last:q.last + 3]]
        near = [t.low for t in sv.toks[max(0, q.first - 7):q.first]]  # "had priced its initial public offering at $78"
        if (any(w in OFFER for w in before) and "price" in before) or (after and after[0] in OFFER) or (
                "priced" in near and any(w in IPO_WORDS for w in near)):
            return q.value
    return None


def _base_price(sv: SentenceView, fig: Figure, clause: object, offer: float | None) -> float | None:
    """The price a percentage move is stated from, right after it: "lost 47 percent from the $38 IPO price",
    "45 percent above its initial public offering price" (the article's offer price), "17.5% below its 52-week
    closing high of $80.44"."""
    if fig.q.unit != "pct":
        return None
    last = getattr(clause, "last", len(sv.toks))
    words = [t.low for t in sv.toks[fig.q.last:min(last, fig.q.last + 12)]]
    if not words or words[0] not in ("from", "above", "below", "over", "under", "since"):
        return None
    nxt = next((q for q in sv.quantities if q.first >= fig.q.last and q.first < min(last, fig.q.last + 12)), None)
    if any(w in OFFER for w in words[:8]):
        if nxt is not None and nxt.unit == "money":
            return nxt.value
        return offer
    if fig.reading == "from_extreme" and nxt is not None and nxt.unit == "money":
        return nxt.value
    return None
