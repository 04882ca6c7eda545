"""How each quantity of a sentence is read: by the first grammar entry (entries.py) that fits it.

`SentenceView` holds one sentence's typed tokens (quantities, names, time expressions, lexicon phrases, clauses);
`read_figures` walks its quantities in order and returns a `Figure` for each one that states a market figure.
The `when` tests of the entries are the methods of `Tests` below, each named for the condition it checks.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .entries import ENTRIES
from .grammar import Entry, Span, View
from .lexicon import Phrase, Tags
from .quantities import Quantity
from .text import Clause, Token
from .timex import TimeExpr

CHANGES = ("change", "restate", "gapped", "value_change", "from_extreme")


ROW_SEPARATORS = frozenset({",", ";", ":", "|"})  # what parts the items of a quote list


@dataclass(frozen=True)
class NameNode:
    """A company or index in a sentence: named (symbol set) or referred back to (symbol None until resolved)."""

    first: int
    last: int
    symbol: str | None
    kind: str  # company | index | pronoun | shares ("Shares", "the stock") | described ("the cinema chain")
    possessive: bool = False  # followed by 's


@dataclass(frozen=True)
class Figure:
    """A quantity read as a market figure, before its subject and session are known."""

    q: Quantity
    reading: str  # see entries.py
    entry: str  # the grammar entry that read it
    level: str = ""  # close | open | high | low | price | extreme
    sign: int = 0  # +1 / -1 from the words; 0 when they say nothing
    hedge: str = ""  # the hedge words as written, lowered
    quote_first: int = 0  # the token the quote starts at (the governing word or the hedge)
    extreme_cls: str = ""  # for level extreme: level.high or level.low
    chain: int = 0  # figures of one predicate share it ("fell 3%, or $1.13, to $45.87"): they share time words


class SentenceView:
    def __init__(self, tokens: tuple[Token, ...], tags: Tags, quantities: list[Quantity], names: list[NameNode],
                 times: list[TimeExpr], clauses: list[Clause], year: int) -> None:
        self.toks = tokens
        self.tags = tags
        self.quantities = quantities
        self.names = names
        self.times = times
        self.clauses = clauses
        self.year = year
        self.figures: list[Figure] = []  # filled by read_figures, in order
        self.view = View(tokens, tags, [Span(q.first, q.last, q.unit) for q in quantities],
                         [Span(n.first, n.last, n.kind) for n in names], [Span(t.first, t.last) for t in times])

    def clause_of(self, i: int) -> Clause:
        for c in self.clauses:
            if c.first <= i < c.last:
                return c
        return self.clauses[-1]

    def words(self, a: int, b: int) -> list[str]:
        return [t.low for t in self.toks[max(0, a):b]]


def shared_units(toks: tuple[Token, ...], quantities: list[Quantity]) -> list[Quantity]:
    """"dropped 4.3 and 3.8 per cent", "rose 12, 15 and 9 points": bare numbers joined to one written with its
    unit share that unit."""
    out = list(quantities)
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        between = {t.low for t in toks[q.last:nxt.first]}
        listed = between & {"and", "&"} or (between == {","} and nxt.unit != quantities[k + 1].unit)
        if q.unit == "plain" and nxt.unit in ("pct", "points") and between <= {",", "and", "&"} and listed \
                and q.scale == 1 and not q.sign:  # "change +1.25, +0.89%" on a quote board keeps its units
            out[k] = replace(q, unit=nxt.unit)
    return out


def read_figures(sv: SentenceView) -> list[Figure]:
    out: list[Figure] = sv.figures
    out.clear()
    tests = Tests(sv, out)
    for q in sv.quantities:
        c = sv.clause_of(q.first)
        anchor = Span(q.first, q.last, q.unit)
        for e in ENTRIES:
            if e.units and q.unit not in e.units:
                continue
            got = sv.view.match(e.pattern, anchor, 0 if e.scope == "sentence" else c.first, c.last)
            if got is None or (e.when and not getattr(tests, e.when)(q, c)):
                continue
            if e.reads != "none":
                out.append(_figure(sv, q, e, got, out))
            break
    return _joined_moves(sv, out)


def _joined_moves(sv: SentenceView, figures: list[Figure]) -> list[Figure]:
    """Percentages joined by "and" whose rising or falling word comes only after the last ("Daimler and Siemens
    ended 1.5% and 2.2% lower"): each is a move with that word's sign, not a level of the verb before them."""
    toks = sv.toks
    for k, f in enumerate(figures):
        if f.q.unit != "pct" or f.reading != "level":
            continue
        run = [f]
        for g in figures[k + 1:]:
            if g.q.unit != "pct" or {t.low for t in toks[run[-1].q.last:g.q.first]} - {",", "and", "&"}:
                break
            run.append(g)
        last = run[-1].q.last
        word = sv.tags.starts(last, "direction.after") or sv.tags.starts(last, "direction.adverb")
        if len(run) < 2 or word is None:
            continue
        sign = 1 if word.cls.endswith(".up") else -1
        for g in run:
            figures[figures.index(g)] = replace(g, reading="change", level="", sign=sign)
    return figures


def _figure(sv: SentenceView, q: Quantity, e: Entry, got: list[Phrase], before: list[Figure]) -> Figure:
    hedge = _hedge(sv, q)
    other = max((o.last for o in sv.quantities if o.last <= q.first), default=0)  # the quote holds one figure
    first = min([p.first for p in got if p.first >= other] + [q.first])
    sign = 0
    for p in got:
        if p.cls.endswith(".up"):
            sign = 1
        elif p.cls.endswith(".down"):
            sign = -1
    reading, level = e.reads, e.level
    if reading == "coordinate":  # "... on Tuesday and 7.6 million on Wednesday": the figure before's reading
        prev = before[-1]
        reading, level, sign = prev.reading, prev.level, sign or prev.sign
    if reading in ("restate", "gapped"):
        move = next((f for f in reversed(before) if f.reading in CHANGES and f.q.last <= q.first), None)
        if move is not None:
            sign = sign or move.sign
            reading = "change" if move.reading in ("restate", "gapped") else move.reading
            if reading == "value_change" and not q.large:
                reading = "change"
        else:
            reading = "change"
    if q.sign and not sign:
        sign = q.sign
    if not sign and reading in CHANGES:
        sign = _sign_before(sv, q) or 1  # a change nothing says the direction of is a rise ("0.17" on a quote row)
    if level == "crossed":
        level = _crossed(sv, q, got)
    extreme = ""
    if level == "extreme":
        high = next((p for p in got if p.cls.startswith("level.high")), None)
        extreme = "level.high" if high is not None else "level.low"
        level = "high" if high is not None else "low"
        at = (high or next(p for p in got if p.cls.startswith("level.low"))).first
        if sv.toks[at - 1].low == "closing" or sv.tags.within(at + 1, q.first, "level.close"):
            level = "close"  # "its 52-week closing high of $80.44", "from its high of the day to finish at $308.93"
    if reading == "level" and level == "price":
        level = _level_after(sv, q) or level  # "Touched $214.10 at the bottom of the session"
    if reading == "level" and level == "price" and before and before[-1].level in ("close", "open", "high", "low") \
            and not any(sv.tags.within(before[-1].q.last, q.first, cls) for cls in ("direction", "level")):
        level = before[-1].level  # "Apple closed at $173.93 and Microsoft at $319.53": the verb is not repeated
    if reading == "after_move":
        level = _level_before(sv, q.first)
        move = next((f for f in reversed(before) if f.reading in CHANGES), None)
        if move is not None and move.hedge and move.hedge.split()[-1] == "as" and move.hedge.startswith(("as", "up")):
            level = "high" if move.sign >= 0 else "low"  # "rose as much as 4.5% to $198.40": the day's high
        if q.large and (sv.tags.within(sv.clause_of(q.first).first, q.first, "value.nouns")
                        or move is not None and move.reading == "value_change"):
            reading, level = "value", ""  # "Nvidia's value would rise by $181 billion to a record $936 billion",
            # "added $277 billion to its market value, pushing it to $1.96 trillion"
    if hedge and first > q.first - len(hedge.split()):
        first = min(first, q.first - len(hedge.split()))
    joins = e.reads in ("restate", "after_move", "before_move") and before
    chain = before[-1].chain if joins else (before[-1].chain + 1 if before else 0)
    return Figure(q, reading, e.name, level, sign, hedge, max(0, first), extreme, chain)


def _sign_before(sv: SentenceView, q: Quantity) -> int:
    """The sign of the nearest rising or falling word before the figure in its clause ("a weak forecast cost
    Facebook more than $120 billion in market value")."""
    c = sv.clause_of(q.first)
    words = [p for cls in ("direction.verb", "direction.adverb", "direction.noun", "value.change_verbs")
             for p in sv.tags.within(c.first, q.first, cls)]
    if not words:
        return 0
    last = max(words, key=lambda p: p.last)
    return 1 if last.cls.endswith(".up") else -1


def _crossed(sv: SentenceView, q: Quantity, got: list[Phrase]) -> str:
    """A level crossed is the close when a closing word stands right before the threshold ("closed above
    26,000"), else the session's high (a level topped, breached, passed) or low (a level fallen below)."""
    th = next((p for p in got if p.cls == "threshold"), None)
    at = th.first if th is not None else q.first
    if sv.tags.within(max(0, at - 3), at, "level.close"):
        return "close"
    word = sv.toks[at].low if th is not None else ""
    return "low" if word in ("below", "under", "beneath", "sub") else "high"


def _level_after(sv: SentenceView, q: Quantity) -> str:
    """"$214.10 at the bottom of the session", "$58.70 at the day's high": the extreme named after the price."""
    j = q.last
    words = [t.low for t in sv.toks[j:j + 3]]
    if words[:1] in (["at"], ["near"]) and len(words) > 1 and words[1] in ("the", "its", "a"):
        k = j + 2
        if sv.tags.starts(k, "level.low") is not None or sv.toks[k].low == "bottom" if k < len(sv.toks) else False:
            return "low"
        if k < len(sv.toks) and (sv.tags.starts(k, "level.high") is not None or sv.toks[k].low == "top"):
            return "high"
    return ""


def _level_before(sv: SentenceView, i: int) -> str:
    """The point of the session the clause (or the sentence before it) names: "closed", "opened", else a price
    (words of a time expression, "after the bell", name no point of the session)."""
    timed = {k for e in sv.times for k in range(e.first, e.last)}
    for p in reversed([p for p in sv.tags.within(0, i, "level") if p.first not in timed]):
        verbs = [v for v in sv.tags.within(p.last, i, "direction.verb") if v.first not in timed]
        if verbs and {t.low for t in sv.toks[p.last:verbs[-1].first]} & {"and", "then", "but", "before", "later"}:
            return "price"  # "closed at $11.10 and then sank 17% to $9.21": the price the new move reached
        if p.cls == "level.close":
            return "close"
        if p.cls == "level.open":
            return "open"
    return "price"


def _hedge(sv: SentenceView, q: Quantity) -> str:
    j = q.first
    while j > 0 and sv.toks[j - 1].low in ("the", "a", "an", "some") and sv.tags.ends(j, "hedge") is None:
        j -= 1
    p = sv.tags.ends(j, "hedge")
    if p is None:
        return ""
    return " ".join(t.low for t in sv.toks[p.first:p.last])


class Tests:
    """The `when` conditions of grammar entries: each takes the quantity and its clause."""

    def __init__(self, sv: SentenceView, figures: list[Figure]) -> None:
        self.sv = sv
        self.figures = figures

    def _prev(self, q: Quantity) -> Figure | None:
        return next((f for f in reversed(self.figures) if f.q.last <= q.first), None)

    def _moves_before(self, q: Quantity, c: Clause) -> bool:
        tags = self.sv.tags
        lo = c.first if c.role not in ("continue",) else 0
        return bool(tags.within(lo, q.first, "direction.verb") or tags.within(lo, q.first, "direction.adverb")
                    or tags.within(lo, q.first, "direction.noun") or tags.within(lo, q.first, "value.change_verbs"))

    def after_change(self, q: Quantity, c: Clause) -> bool:
        prev = self._prev(q)
        if prev is not None and prev.reading in CHANGES + ("after_move",) and prev.q.first >= c.first:
            return True
        if prev is not None and prev.reading == "before_move" and prev.q.unit == q.unit:
            return True  # "went from $497 in August 2021 to about $100": where the course ended
        return self._moves_before(q, c)

    def after_change_or_move_word(self, q: Quantity, c: Clause) -> bool:
        return self.after_change(q, c)

    def quote_line(self, q: Quantity, c: Clause) -> bool:
        prev = self._prev(q)
        return prev is not None and prev.reading == "level"

    def coordinated(self, q: Quantity, c: Clause) -> bool:
        """"... 4.7 million shares traded on Tuesday and 7.6 million on Wednesday": a figure after "and", of the
        unit of the figure before, with no verb of its own."""
        prev = self._prev(q)
        return prev is not None and prev.q.unit == q.unit and not any(
            self.sv.tags.within(max(c.first, prev.q.last), q.first, cls) for cls in ("direction.verb", "level", "value"))

    def after_level(self, q: Quantity, c: Clause) -> bool:
        prev = self._prev(q)
        return prev is not None and prev.reading in ("level", "after_move") and prev.q.unit == q.unit

    def narrative(self, q: Quantity, c: Clause) -> bool:
        return bool(self.sv.tags.within(c.first, c.last, "narrative"))

    def no_move_noun_after(self, q: Quantity, c: Clause) -> bool:
        """"on track for a $900 billion market cap" aims at a level; "headed for a 1.8% gain" states a move."""
        return self.sv.tags.starts(q.last, "direction.noun") is None

    def direction_not_preposition(self, q: Quantity, c: Clause) -> bool:
        """"6.8% lower", "$85.54 higher"; not "$94.20 ahead of the report" ("ahead of" places, it does not move)."""
        j = q.last
        h = self.sv.tags.starts(j, "hedge")
        word = self.sv.tags.starts(h.last if h is not None else j, "direction.after")
        return word is None or word.last >= len(self.sv.toks) or self.sv.toks[word.last].low != "of"

    def set_off(self, q: Quantity, c: Clause) -> bool:
        """A figure between commas (or a comma and the sentence's end) right after the noun it measures."""
        return q.last >= len(self.sv.toks) or self.sv.toks[q.last].text in (",", ")", ".", ";")

    def signed(self, q: Quantity, c: Clause) -> bool:
        return q.sign != 0

    def quote_row(self, q: Quantity, c: Clause) -> bool:
        """A name and its numbers only, as a line or as one item of a list ("IBM 141.20 +1.35%", "|HDFC Bank
        |1,289.45 |0.17", "At the close: Exxon 111.42 (+1.87), Chevron 172.05 (-0.33)", "Amazon $136.20 (+0.8%);
        Apple ..."): the item runs from the separator before the figure to the one after, brackets included."""
        toks = self.sv.toks
        numbers = {k for x in self.sv.quantities for k in range(x.first, x.last)}  # "148.44p": its unit is no word
        if len(toks) <= 16 and self.sv.names and self.sv.names[0].first <= 1 and not any(
                t.is_word and k not in numbers and not any(n.first <= k < n.last for n in self.sv.names)
                for k, t in enumerate(toks)):
            return True
        a = q.first
        while a > 0 and toks[a - 1].low not in ROW_SEPARATORS:
            a -= 1
        b, depth = q.last, 0
        while b < len(toks) and (depth or toks[b].low not in ROW_SEPARATORS):
            depth = max(0, depth + {"(": 1, ")": -1}.get(toks[b].low, 0))
            b += 1
        names = [n for n in self.sv.names if a <= n.first < b]
        return len(names) == 1 and names[0].first == a and names[0].last < q.first + 1 and not any(
            t.is_word and not names[0].first <= k < names[0].last and k not in numbers
            for k, t in enumerate(toks[a:b], a))

    def quote_row_change(self, q: Quantity, c: Clause) -> bool:
        prev = self._prev(q)
        return self.quote_row(q, c) and prev is not None and prev.reading == "level" and abs(q.value) < 50

    def other_unit_change(self, q: Quantity, c: Clause) -> bool:
        prev = self._prev(q)
        return prev is not None and prev.reading in CHANGES and prev.q.unit != q.unit

    def noun_move(self, q: Quantity, c: Clause) -> bool:
        """A move named by a noun is a market move for percentages and per-share amounts; a large sum ("a $2bn
        loss") is one only when market value is named in the clause."""
        return not (q.unit == "money" and q.large) or bool(self.sv.tags.within(c.first, c.last, "value.nouns"))

    def crossing(self, q: Quantity, c: Clause) -> bool:
        return not q.large

    def large(self, q: Quantity, c: Clause) -> bool:
        """Large enough to be a company's market value or its change (a purchase "almost $2 million worth" is not)."""
        return q.large and abs(q.value) >= 5e7

    def is_year(self, q: Quantity, c: Clause) -> bool:
        text = self.sv.toks[q.first].text
        return q.decimals == 0 and "," not in text and len(text) == 4 and 1900 <= q.value <= self.sv.year + 1

    def value_change_context(self, q: Quantity, c: Clause) -> bool:
        return self.large(q, c) and self._moves_before(q, c)

    def value_topic(self, q: Quantity, c: Clause) -> bool:
        return self.large(q, c) and bool(self.sv.tags.within(c.first, q.first, "value.nouns"))

    def not_value_share(self, q: Quantity, c: Clause) -> bool:
        return not self.sv.tags.within(q.last, min(q.last + 6, c.last), "value.nouns")

    def per_share_price(self, q: Quantity, c: Clause) -> bool:
        if not q.per_share:
            return False
        before = self.sv.words(q.first - 3, q.first)
        return "at" in before or any(w in ("paid", "bought", "buying", "sold", "selling", "purchase", "purchased")
                                     for w in self.sv.words(c.first, q.first))

    def generic_subject(self, q: Quantity, c: Clause) -> bool:
        words = self.sv.words(0, len(self.sv.toks))
        if not words or words[0] not in ("a", "an"):
            return False
        text = " ".join(words)
        return any(w in text for w in ("is called", "is defined", "is one that", "means", "refers to",
                                       "is considered", "regarded as", "is known as"))

    def gapped(self, q: Quantity, c: Clause) -> bool:
        """A name and a figure with no verb of their own, after a move in the same sentence ("the Sensex 1.4
        percent", "Alphabet lost 9.1% to $94.82 and Microsoft 7.7%"): the name directly precedes the figure (a
        hedge between is allowed)."""
        prev = next((f for f in reversed(self.figures) if f.q.last <= q.first and f.reading in CHANGES), None)
        if prev is None:
            return False
        tags = self.sv.tags
        between = (tags.within(prev.q.last, q.first, "direction.verb") or tags.within(prev.q.last, q.first,
                                                                                     "level"))
        return not between

    def about_non_market(self, q: Quantity, c: Clause) -> bool:
        """The figure belongs to revenue, earnings, a dividend, a target, a deal, a commodity or a currency: the
        noun right after it, the noun it is "of", the subject of its clause, or a per-share figure in a clause
        about earnings or forecasts."""
        sv, tags = self.sv, self.sv.tags
        if q.unit == "pct" and tags.within(c.first, q.first, "not_market.total_return"):
            return True  # "On a total-return basis the ASX 200 gained 12.4%": dividends counted, no price change
        j = q.last
        while j < c.last and (sv.toks[j].low in ("in", "of", "a", "an", "the", "its", ",", "per", "for") or
                              tags.starts(j, "per_share") is not None):
            ps = tags.starts(j, "per_share")
            j = ps.last if ps is not None else j + 1
        after = tags.starts(j, "not_market")
        if after is not None and j - q.last <= 4 and tags.starts(j, "value.nouns") is None:
            return True
        j = q.first
        while j > c.first and (sv.toks[j - 1].low in ("of", "to", "at", "from", "by", "a", "an", "the", "its",
                                                      "their", "was", "is", "were", "for") or
                               tags.ends(j, "hedge") is not None):
            h = tags.ends(j, "hedge")
            j = h.first if h is not None else j - 1
        if tags.ends(j, "not_market") is not None and not any(x.first < j <= x.last for x in sv.quantities):
            return True
        if q.per_share or q.unit == "money" and not q.large:
            nouns = [p for p in tags.within(c.first, q.first, "not_market")  # "in midsession deals" is a time,
                     if not any(e.first <= p.first < e.last for e in sv.times)  # "Tencent Holdings" a name
                     and not any(n.first <= p.first < n.last for n in sv.names)
                     and not any(x.first <= p.first < x.last for x in sv.quantities)]  # "830 yen": a unit
            if nouns and not tags.within(c.first, q.first, "market_noun"):
                return True
        return self._topic_not_market(q, c)

    def _topic_not_market(self, q: Quantity, c: Clause) -> bool:
        """The noun the figure's clause is about, the nearest one before it that names something, is no company,
        index or share: "Revenue slipped 1%", "unit sales in Brazil dropped 6%", "the S&P 500 sector fell"."""
        sv, tags = self.sv, self.sv.tags
        ends = {n.last: n for n in sv.names}
        i = q.first
        while i > c.first:
            if sv.toks[i - 1].text == ",":  # pass over an apposition: "X and Y, the stalwarts of the industry, each fell"
                k = next((k for k in range(i - 2, c.first - 1, -1) if sv.toks[k].text == ","), None)
                if k is not None and sv.toks[k + 1].low in ("the", "a", "an", "its", "their") and not (
                        tags.within(k + 1, i - 1, "direction.verb") or {"said", "says"} & set(sv.words(k + 1, i - 1))):
                    i = k  # an apposition has no verb: ", the lender said its revenue had more than doubled," is none
                    continue
            inside = next((x for x in (*sv.quantities, *sv.times) if x.first < i <= x.last), None)
            if inside is not None:  # "up 830 yen at 2,900 yen": the unit of another figure is no topic, nor
                i = inside.first  # "a year" in "its best day in a year"
                continue
            span = tags.ends(i, "extreme")
            if span is not None:  # "a bear-market low": the low's span, not "the market"
                i = span.first
                continue
            n = ends.get(i)
            if n is not None:
                after = tags.starts(n.last, "not_subject")
                return after is not None and tags.starts(n.last, "market_noun") is None and after.last <= q.first
            for cls in ("market_noun", "value.nouns"):
                if tags.ends(i, cls) is not None:
                    return False
            if tags.ends(i, "not_market") is not None or tags.ends(i, "not_subject") is not None:
                if self._name_word(i - 1):
                    return False  # "Zorblax Holdings slumped 9%": a company's name, not its holdings
                return not (q.large and tags.within(i, q.first, "value.change_verbs"))
            i -= 1
        return False

    def _name_word(self, k: int) -> bool:
        """A capitalised word right after another, in a sentence not written in title case: the end of a proper
        name ("Acme Energy Holdings"), not the common noun ("holdings", "energy")."""
        toks = self.sv.toks
        if k < 1 or not toks[k].text[:1].isupper() or not toks[k - 1].is_word or not toks[k - 1].text[:1].isupper():
            return False
        words = [t.text for t in toks if t.is_word and t.text[:1].isalpha()]
        return sum(w[0].isupper() for w in words) * 2 < len(words)
