"""The `when` conditions of the grammar's entries (entries.py): each a method of `Tests`, named for what it checks,
given the quantity being read and its clause."""
from __future__ import annotations

from .nodes import CHANGES, ROW_SEPARATORS, Figure, SentenceView
from .quantities import Quantity
from .text import Clause
from .unresolved import PREPOSITIONS


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
        prev = next((f for f in reversed(self.figures) if f.q.last <= q.first and f.q.unit == q.unit), None)
        return prev is not None and not any(  # ("fell 4.1% to $111.67 on Thursday and another 2.3% on Friday")
            self.sv.tags.within(max(c.first, prev.q.last), q.first, cls) for cls in ("direction.verb", "level", "value"))

    def listed(self, q: Quantity, c: Clause) -> bool:
        """"fell 3.1%, 4.5% and 2.2%": a figure right after a comma that follows a figure of its unit, with one more
        of that unit after it, joined by a comma or "and"."""
        prev = self._prev(q)
        if prev is None or prev.q.unit != q.unit or [t.text for t in self.sv.toks[prev.q.last:q.first]][:1] != [","]:
            return False
        nxt = next((o for o in self.sv.quantities if o.first >= q.last), None)
        between = [t.low for t in self.sv.toks[q.last:nxt.first]] if nxt is not None else []
        return nxt is not None and nxt.unit == q.unit and between[:1] in ([","], ["and"]) and \
            len([w for w in between if w not in (",", "and")]) <= 2  # a hedge may stand before the next one

    def after_level(self, q: Quantity, c: Clause) -> bool:
        prev = self._prev(q)
        return prev is not None and prev.reading in ("level", "after_move") and prev.q.unit == q.unit

    def moved_before(self, q: Quantity, c: Clause) -> bool:
        """"with gains in CBA (1.4 per cent) and Westpac (1.1 per cent)": a rising or falling word before the names
        (in the sentence: a list's "and" may begin a clause) says what the figure is."""
        return bool(self.sv.tags.within(0, q.first, "direction"))

    def closed_before(self, q: Quantity, c: Clause) -> bool:
        """", at 18,161.75": the clause said where its subject ended ("closed just over 18,000 for the first time on
        Wednesday") and the figure after the comma gives the level."""
        return bool(self.sv.tags.within(c.first, q.first, "level.close"))

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
        """"15% of the S&P 500", "26 percent of its shares": a part of a whole; not "12% of its value", nor a time
        ("down 4.6 per cent in afternoon deals")."""
        sv = self.sv
        return not sv.tags.within(q.last, min(q.last + 6, c.last), "value.nouns") and not any(
            q.last <= e.first <= q.last + 1 for e in sv.times)

    def small(self, q: Quantity, c: Clause) -> bool:
        """No market value: a price ("That valued the group at £4.55bn" is one)."""
        return not q.large

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
        while j < c.last and (sv.toks[j].low in ("in", "of", "a", "an", "the", "its", ",", "per", "for", "-") or
                              tags.starts(j, "per_share") is not None):
            ps = tags.starts(j, "per_share")  # ("the $42-a-share offer")
            j = ps.last if ps is not None else j + 1
        after = tags.starts(j, "not_market")
        if after is not None and j - q.last <= 4 and tags.starts(j, "value.nouns") is None:
            return True
        if sv.words(j, j + 1) in (["price"], ["prices"]):  # "the $68 price set for the initial public offering"
            k = j + 1 + (sv.words(j + 1, j + 2) in (["set"], ["fixed"], ["agreed"], ["paid"]))
            if sv.words(k, k + 1) in (["for"], ["of"], ["in"]):
                k += 1 + (sv.words(k + 1, k + 2) in (["the"], ["its"], ["their"], ["a"], ["an"]))
                if tags.within(k, min(k + 3, c.last), "not_market"):  # ("initial public offering")
                    return True
        noun = tags.starts(q.last, "direction.noun")
        if noun is not None and sv.words(noun.last, noun.last + 1) in (["in"], ["of"]):
            k = noun.last + 1 + (sv.words(noun.last + 1, noun.last + 2) in (["its"], ["the"], ["their"]))
            for j in range(k, min(k + 5, len(sv.toks))):  # "a 9% rise in profit", "a 14% fall in quarterly profit",
                if tags.starts(j, "not_market") is not None:  # "a 262% jump in first-quarter revenue"
                    return True
                if sv.toks[j].text == "-":
                    continue
                if not sv.toks[j].is_word or tags.starts(j, "market_noun") is not None or any(
                        n.first == j for n in sv.names):
                    break
        j = q.first
        while j > c.first and (sv.toks[j - 1].low in ("of", "to", "at", "from", "by", "a", "an", "the", "its",
                                                      "their", "was", "is", "were", "for") or
                               tags.ends(j, "hedge") is not None):
            h = tags.ends(j, "hedge")
            j = h.first if h is not None else j - 1
        before = tags.ends(j, "not_market")
        if before is not None and not any(x.first < j <= x.last for x in sv.quantities) and not any(
                n.first <= before.first and j <= n.last for n in sv.names):  # (not "and Screen Holdings 4.1%": a
            return True  # name's last word)
        owners = {n.last for n in sv.names}
        for p in tags.within(max(c.first, q.first - 4), q.first, "level.trade"):
            k = p.first - 1  # "the Switch 2's price at $449.99": the price of a thing the company sells
            if sv.toks[p.first].low in ("price", "prices") and k > 0 and sv.toks[k].low in ("'s", "’s") \
                    and k not in owners and tags.ends(k, "market_noun") is None:
                return True
        if q.per_share or q.unit == "money" and not q.large:
            # after the company the clause names: "After the payrolls report, Apple traded below Thursday's close of
            # $194.27" is about Apple's price; the report before it is the occasion
            start = max([n.last for n in sv.names if n.symbol and c.first <= n.first and n.last <= q.first
                         and (n.first == 0 or sv.toks[n.first - 1].low not in PREPOSITIONS)],
                        default=c.first)  # (not "its price target on Tesla to $380": Tesla is no subject there)
            nouns = [p for p in tags.within(start, q.first, "not_market")  # "in midsession deals" is a time,
                     if not any(e.first <= p.first < e.last for e in sv.times)  # "Tencent Holdings" a name
                     and not any(n.first <= p.first < n.last for n in sv.names)
                     and not any(x.first <= p.first <= x.last or p.last <= x.first <= p.last + 2
                                 for x in sv.quantities if x.first < q.first)
                     and not p.cls.startswith(("not_market.sale_verb", "not_market.sale_word"))]
            # "830 yen": a unit; "against a $250 reference price", "the placing price of 120p": another figure's
            # noun; "went public at $34 a share and closed at $50.44": another figure's verb
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
            if sv.toks[i - 1].text == "," and i < q.first and (tags.starts(i, "level") is not None or tags.starts(
                    i, "direction.verb") is not None):
                return False  # "opened at $381 against a $250 reference price, traded as high as $429.54": the
                # subject's next verb, not the object of the one before
            if sv.toks[i - 1].text == ",":  # pass over an apposition: "X and Y, the stalwarts of the industry, each fell"
                k = next((k for k in range(i - 2, c.first - 1, -1) if sv.toks[k].text == ","), None)
                if k is not None and sv.toks[k + 1].low in ("the", "a", "an", "its", "their") and not (
                        tags.within(k + 1, i - 1, "direction.verb") or {"said", "says"} & set(sv.words(k + 1, i - 1))):
                    i = k  # an apposition has no verb: ", the lender said its revenue had more than doubled," is none
                    continue
            inside = next((a for a, b in [*((x.first, x.last) for x in sv.quantities),
                                          *((e.first, e.last) for e in sv.times)] if a < i <= b), None)
            if inside is not None:  # "up 830 yen at 2,900 yen": the unit of another figure is no topic, nor
                i = inside  # "a year" in "its best day in a year"
                continue
            span = tags.ends(i, "extreme") or tags.ends(i, "per_share")
            if span is not None:  # "a bear-market low": the low's span, not "the market"; "value per share": the
                i = span.first  # noun before "per share"
                continue
            n = ends.get(i)
            if n is not None and n.first > 1 and sv.toks[n.first - 1].low in ("in", "of") \
                    and tags.ends(n.first - 1, "not_market") is not None:
                return True  # "Berkshire's stake in BYD has lost some HK$15 billion": the stake's value, not BYD's
            if n is not None:
                after = tags.starts(n.last, "not_subject")
                return after is not None and tags.starts(n.last, "market_noun") is None and after.last <= q.first
            for cls in ("market_noun", "value.nouns"):
                p = tags.ends(i, cls)
                if p is not None:  # "its portfolio value fell to S$382 billion", "net asset value": another thing's
                    other = tags.ends(i, "not_market") or tags.ends(p.first, "not_market")
                    return cls == "value.nouns" and other is not None and other.first < p.first and not (
                        self._name_word(other.last - 1))
            sale = tags.ends(i, "not_market")
            if sale is not None and sale.cls.startswith(("not_market.sale_verb", "not_market.sale_word")):
                return False  # "went public at $34 and closed at $50.44": the verb of another figure, no topic
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
