"""Quantities as outlets write them: "USD 184.24", "$1.2bn", "US$91.71", "19 per cent", "3.6 pct", "eight per cent",
"97 cents", "446p", "a penny", "Rs 10,02,380 crore", "168.94 points", "-$210.0 billion", "(-79.92)".

A quantity is a number with its unit, currency, scale and written precision. Whether it is a market figure,
and of which kind, is the grammar's question (statements.py), not this module's.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Phrase, Tags
from .text import Token


# Currencies whose unit is worth less than a US cent (won, rupiah, dong, Colombian peso, Iranian rial).
CENT_SIZED_UNITS = frozenset({"KRW", "IDR", "VND", "COP", "IRR"})


@dataclass(frozen=True, slots=True)
class Quantity:
    first: int  # token span [first, last) in its sentence
    last: int
    start: int  # character span in the article
    end: int
    number: float  # as written, before scale
    value: float  # in units: money in the written currency's unit, percent in percent
    unit: str  # money | pct | points | plain
    currency: str  # ISO code for money ("USD", "GBP"; "GBp" for pence, "USc" never: cents are 0.01 USD); "" else
    decimals: int  # digits after the point as written
    scale: float  # what one written unit is worth (1e9 for "bn", 0.01 for "cents")
    sign: int  # -1 written with a minus sign, +1 with a plus, 0 with neither
    per_share: bool  # followed by "a share", "per share", "apiece"
    in_parens: bool  # written right after "(" (a conversion, or a change on a quote board)

    @property
    def large(self) -> bool:
        """Millions or more: a market value, a volume or a deal size, never a share price. (In a currency whose unit
        is worth less than a US cent a share can cost millions, written in full: "1,687,000 won".)"""
        if self.currency in CENT_SIZED_UNITS and self.scale <= 1e6:  # ("1.05 million won" too)
            return abs(self.value) >= 1e8
        return self.scale >= 1e6 or abs(self.value) >= 1e6

    def with_value(self, value: float) -> Quantity:
        return Quantity(self.first, self.last, self.start, self.end, self.number, value, self.unit, self.currency,
                        self.decimals, self.scale, self.sign, self.per_share, self.in_parens)


def _number(tok: Token) -> tuple[float, int]:
    t = tok.text.replace(",", "")
    return float(t), (len(t.split(".")[1]) if "." in t else 0)


def _currency(cls: str) -> str:
    return cls.rsplit(".", 1)[1]


SIGNS = ("-", "−", "–", "+")  # written before a number: "-0.4%", "+$1.20"
OPENING_CLASSES = frozenset({"currency.before", "number_words"})  # "$", "Rs", "USD"; "eight", "a"


class QuantityReader:
    """Finds quantities in a sentence's tokens, given the sentence's lexicon tags."""

    def __init__(self, tokens: tuple[Token, ...], tags: Tags, skip: set[int]) -> None:
        self.toks = tokens
        self.tags = tags
        self.skip = skip  # tokens inside time expressions ("Jan. 28", "10:30 am"): never quantities

    def find(self) -> list[Quantity]:
        out: list[Quantity] = []
        end = 0  # where the last quantity found ends: the next one starts at or after it
        for i in self._openings():
            q = None if i < end or i in self.skip else self._at(i)
            if q is not None:
                out.append(q)
                end = q.last
        return out

    def _openings(self) -> list[int]:
        """The tokens a quantity can begin at, in order: a digit, a sign, a currency written before its number or a
        number word. Most tokens are none of these, and most sentences have none."""
        at = {i for i, t in enumerate(self.toks) if t.is_number or t.text in SIGNS}
        return sorted(at.union(self.tags.starting(OPENING_CLASSES)))

    # -- one quantity starting at token i -------------------------------------------------------------
    def _at(self, i: int) -> Quantity | None:
        toks, tags = self.toks, self.tags
        first = i
        sign = 0
        t = toks[i]
        if t.text in SIGNS and i + 1 < len(toks) and not toks[i + 1].space_before:
            nxt = toks[i + 1]
            if nxt.is_number or tags.starts(i + 1, "currency.before") is not None:
                if i == 0 or toks[i - 1].text in "(:,|/" or t.space_before:
                    sign = 1 if t.text == "+" else -1
                    i += 1
        cur = tags.starts(i, "currency.before")
        currency = ""
        if cur is not None and cur.last < len(toks) and toks[cur.last].is_number and self._written_before(cur):
            currency = _currency(cur.cls)
            i = cur.last
        tok = toks[i]
        word = None
        if not tok.is_number:
            word = tags.starts(i, "number_words")
            if word is None or currency:
                return None
            num, dec, j = float(word.value or 0), 0, word.last
        else:
            if self._glued_letters(i, after_currency=bool(currency)):
                return None  # "A320", "10am", "3rd", "1990s"
            num, dec = _number(tok)
            j = i + 1
        scale = 1.0
        sc = tags.starts(j, "scale") if j < len(toks) else None
        if sc is None and j < len(toks) and toks[j].text == "-" and not toks[j].space_before:
            sc = tags.starts(j + 1, "scale")  # "$1.6-trillion"
        if sc is not None and word is None and self._scale_fits(j, sc.last, sc.cls):
            scale = float(sc.cls.split(".", 1)[1])
            j = sc.last
        unit = "plain"
        after_cur = tags.starts(j, "currency.after") if j < len(toks) else None
        pct = tags.starts(j, "unit.percent") if j < len(toks) else None
        sub = tags.starts(j, "subunit") if j < len(toks) else None
        if sub is None and pct is None and j + 1 < len(toks) and toks[j].text == "-" and not toks[j].space_before \
                and not toks[j + 1].space_before:  # "a 94-cent gain", "a 5-percent drop": a compound of the unit
            sub, pct = tags.starts(j + 1, "subunit"), tags.starts(j + 1, "unit.percent")
        pts = tags.starts(j, "unit.points") if j < len(toks) else None
        if currency:
            unit = "money"
            if after_cur is not None and _currency(after_cur.cls) == currency:
                j = after_cur.last
        elif pct is not None and scale == 1.0:
            unit, j = "pct", pct.last
        elif sub is not None and scale == 1.0 and self._subunit_fits(j, sub.last, sub.cls):
            unit, j = "money", sub.last
            kind = sub.cls.rsplit(".", 1)[1]
            currency = {"cents": "USD", "pence": "GBp", "paise": "INR", "sen": "MYR"}[kind]
            if kind != "pence":
                scale = 0.01
        elif after_cur is not None and (toks[after_cur.first].space_before or len(toks[after_cur.first].text) > 1):
            unit, currency, j = "money", _currency(after_cur.cls), after_cur.last
        elif pts is not None and scale == 1.0:
            unit, j = "points", pts.last
        elif word is not None:
            return None  # a number written as a word counts only with a unit ("eight per cent")
        if word is not None and word.value is not None and word.value == 1.0 and unit == "money" and scale == 0.01:
            pass  # "a penny", "one cent"
        per_share = False
        ps = tags.starts(j, "per_share") if j < len(toks) else None
        if ps is None and j + 1 < len(toks) and toks[j].text == "-" and not toks[j].space_before:
            ps = tags.starts(j + 1, "per_share")  # "a $2.05-a-share decline"
        if unit in ("money", "plain") and ps is not None:
            per_share = True
        if j + 1 < len(toks) and toks[j].text == "-" and not toks[j].space_before and toks[j + 1].is_word \
                and not toks[j + 1].space_before and unit == "plain":
            if toks[j + 1].low in ("point", "points"):
                unit, j = "points", j + 2  # "the 26,000-point threshold"
            else:
                return None  # "a 12-year low", "the 30-share Sensex", "a 52-week high": a compound adjective
        start_tok = toks[first]
        in_parens = first > 0 and toks[first - 1].text == "("
        value = num * scale
        return Quantity(first, j, start_tok.start, toks[j - 1].end, num, value, unit, currency, dec, scale, sign,
                        per_share, in_parens)

    def _written_before(self, cur: Phrase) -> bool:
        """A currency written right before its number, at most a space apart ("$ 5", "Rs 1,200"); a currency of a
        single letter only glued to it ("R374.80" is rand, "R 5" no money)."""
        first = self.toks[cur.first]
        gap = self.toks[cur.last].start - self.toks[cur.last - 1].end
        return gap <= (0 if cur.last - cur.first == 1 and len(first.text) == 1 and first.text.isalpha() else 1)

    def _glued_letters(self, i: int, after_currency: bool = False) -> bool:
        """A number with letters glued to it that are no unit, scale or currency ("A320", "10am", "3rd"). Letters
        before it that end the currency written before it ("Rs1,200", "$A97.10", "HK$5") are the currency's."""
        toks = self.toks
        if i > 0 and not toks[i].space_before and toks[i - 1].is_word and not after_currency:
            return True
        j = i + 1
        if j >= len(toks) or toks[j].space_before or not toks[j].is_word:
            return False
        low = toks[j].low
        return not (self.tags.has(j, "scale") or self.tags.has(j, "subunit") or self.tags.has(j, "unit")
                    or self.tags.has(j, "currency.after")) or low in ("am", "pm", "st", "nd", "rd", "th", "s")

    def _scale_fits(self, j: int, last: int, cls: str) -> bool:
        """Single letters ("m", "b", "k", "t") scale a number only when glued to it ("$217m", not "5 m")."""
        word = self.toks[j]
        if len(word.text) <= 2 and word.low in ("m", "b", "k", "t", "bn", "mn", "tn", "cr"):
            glued = not word.space_before or (j > 0 and self.toks[j - 1].text == "-")
            return glued or len(word.text) == 2
        return True

    def _subunit_fits(self, j: int, last: int, cls: str) -> bool:
        """"p" and "c" are pence and cents only when glued to the number ("446p"), not "5 p"."""
        word = self.toks[j]
        if word.low in ("p", "c"):
            return not word.space_before and (last >= len(self.toks) or not self.toks[last].is_word
                                             or self.toks[last].space_before)
        return True
