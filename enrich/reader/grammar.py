"""A small pattern language over a sentence's typed tokens, for the grammar's named entries.

A pattern is written around its anchor `#` (the quantity being read); elements are separated by spaces:

    @cls          a lexicon phrase of class `cls` or under it      (@direction.verb, @level.close, @hedge)
    word|word     one of these lowered tokens                        (to, at|near, or)
    ,  :  (  |    that punctuation (a lone | is a table's cell bar)
    Q  Q:pct      another quantity (of that unit)
    N             a name: a company or index named, or a phrase referring back to one
    T             a time expression
    ?E            E or nothing
    *k            up to k words skipped (never a quantity, a name or a clause break)

Elements left of `#` are matched leftwards from the anchor, those right of it rightwards, inside the anchor's
clause. A match returns the lexicon phrases it went through, so an entry can read the sign of "fell" or the level
of "closed".
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .lexicon import Phrase, Tags
from .text import Token


@dataclass(frozen=True)
class Elem:
    op: str  # cls lit q name time gap opt
    arg: str = ""
    words: frozenset[str] = frozenset()
    inner: Elem | None = None
    k: int = 0


def _elem(spec: str) -> Elem:
    if spec.startswith("?"):
        return Elem("opt", inner=_elem(spec[1:]))
    if spec.startswith("@"):
        return Elem("cls", words=frozenset(a.lstrip("@") for a in spec.split("|")))
    if spec.startswith("*"):
        return Elem("gap", k=int(spec[1:]))
    if spec == "N":
        return Elem("name")
    if spec == "T":
        return Elem("time")
    if spec == "Q" or spec.startswith("Q:"):
        return Elem("q", spec[2:])
    if spec == "|":
        return Elem("lit", words=frozenset("|"))  # a table's cell bar
    return Elem("lit", words=frozenset(spec.split("|")))


@dataclass(frozen=True)
class Pattern:
    text: str
    left: tuple[Elem, ...]
    right: tuple[Elem, ...]
    # the words and the classes it cannot match without (one of each set): its elements that are not optional
    words: tuple[frozenset[str], ...] = ()
    classes: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(cls, text: str) -> Pattern:
        parts = text.split()
        at = parts.index("#")
        left, right = tuple(_elem(p) for p in parts[:at]), tuple(_elem(p) for p in parts[at + 1:])
        return cls(text, left, right, tuple(e.words for e in left + right if e.op == "lit"),
                   tuple(e.words for e in left + right if e.op == "cls"))


@dataclass(frozen=True)
class Span:
    """A node covering tokens [first, last): a quantity (`unit` its unit), a name (`unit` its kind) or a time."""

    first: int
    last: int
    unit: str = ""


class View:
    """What a pattern can see of one sentence: its tokens, lexicon phrases and nodes, limited to one clause."""

    def __init__(self, tokens: tuple[Token, ...], tags: Tags, quantities: list[Span], names: list[Span],
                 times: list[Span]) -> None:
        self.toks = tokens
        self.tags = tags
        self.spans = (quantities, names, times)
        self._indexed = False  # the tables of _index are built on the first match (most sentences have no
        # quantity, and no pattern is matched there)

    def _index(self) -> None:
        """The sentence's words and lexicon classes, and its nodes by where they end and start."""
        quantities, names, times = self.spans
        self._indexed = True
        self._words = {t.low for t in self.toks}
        self._classes = self.tags.classes()
        self.ending = {"q": {s.last: s for s in quantities}, "name": {s.last: s for s in names},
                       "time": {s.last: s for s in times}}
        self.starting = {"q": {s.first: s for s in quantities}, "name": {s.first: s for s in names},
                         "time": {s.first: s for s in times}}
        # gaps never skip a quantity or a name (a pronoun used as a determiner, "its record close", they may)
        self.blocked = {k for s in quantities + [n for n in names if n.unit != "pronoun"] for k in range(s.first, s.last)}

    def match(self, pattern: Pattern, anchor: Span, lo: int, hi: int) -> list[Phrase] | None:
        """The phrases a match went through, or None when `pattern` does not fit around `anchor` in [lo, hi)."""
        if not self._indexed:
            self._index()
        # a word or class it needs is nowhere in the sentence: most patterns tried on a quantity fail so, at once
        for words in pattern.words:
            if self._words.isdisjoint(words):
                return None
        for classes in pattern.classes:
            if self._classes.isdisjoint(classes):
                return None
        got: list[Phrase] = []
        if self._left(pattern.left, len(pattern.left) - 1, anchor.first, lo, got) is None:
            return None
        right: list[Phrase] = []
        if self._right(pattern.right, 0, anchor.last, hi, right) is None:
            return None
        return got + right

    # Leftwards: element i must end at position p; returns the position where the whole left part starts.
    def _left(self, elems: tuple[Elem, ...], i: int, p: int, lo: int, got: list[Phrase]) -> int | None:
        if i < 0:
            return p
        e = elems[i]
        if e.op == "opt":
            assert e.inner is not None
            mark = len(got)
            for q in self._step_left(e.inner, p, lo, got):
                r = self._left(elems, i - 1, q, lo, got)
                if r is not None:
                    return r
                del got[mark:]
            return self._left(elems, i - 1, p, lo, got)
        if e.op == "gap":
            q, words = p, 0
            while True:
                r = self._left(elems, i - 1, q, lo, got)
                if r is not None:
                    return r
                if q <= lo or words >= e.k or (q - 1) in self.blocked or self.toks[q - 1].text in ";:—–,":
                    return None
                q -= 1
                if self.toks[q].text not in ("-", "'s", "(", ")"):
                    words += 1
        mark = len(got)
        for q in self._step_left(e, p, lo, got):
            r = self._left(elems, i - 1, q, lo, got)
            if r is not None:
                return r
            del got[mark:]
        return None

    def _step_left(self, e: Elem, p: int, lo: int, got: list[Phrase]) -> list[int]:
        if p <= lo:
            return []
        if e.op == "cls":
            ph = _longest([self.tags.ends(p, cls) for cls in e.words])
            if ph is None or ph.first < lo:
                return []
            got.append(ph)
            return [ph.first]
        if e.op == "lit":
            return [p - 1] if self.toks[p - 1].low in e.words else []
        return self._node_left(e, p, lo)

    def _node_left(self, e: Elem, p: int, lo: int) -> list[int]:
        s = self.ending[e.op].get(p)
        if s is None or s.first < lo or (e.op == "q" and e.arg and s.unit != e.arg):
            return []
        return [s.first]

    def _right(self, elems: tuple[Elem, ...], i: int, p: int, hi: int, got: list[Phrase]) -> int | None:
        if i >= len(elems):
            return p
        e = elems[i]
        if e.op == "opt":
            assert e.inner is not None
            mark = len(got)
            for q in self._step_right(e.inner, p, hi, got):
                r = self._right(elems, i + 1, q, hi, got)
                if r is not None:
                    return r
                del got[mark:]
            return self._right(elems, i + 1, p, hi, got)
        if e.op == "gap":
            q, words = p, 0
            while True:
                r = self._right(elems, i + 1, q, hi, got)
                if r is not None:
                    return r
                if q >= hi or words >= e.k or q in self.blocked or self.toks[q].text in ";:—–":
                    return None
                if self.toks[q].text not in ("-", "'s", "(", ")"):
                    words += 1
                q += 1
        mark = len(got)
        for q in self._step_right(e, p, hi, got):
            r = self._right(elems, i + 1, q, hi, got)
            if r is not None:
                return r
            del got[mark:]
        return None

    def _step_right(self, e: Elem, p: int, hi: int, got: list[Phrase]) -> list[int]:
        if p >= hi:
            return []
        if e.op == "cls":
            ph = _longest([self.tags.starts(p, cls) for cls in e.words])
            if ph is None or ph.last > hi:
                return []
            got.append(ph)
            return [ph.last]
        if e.op == "lit":
            return [p + 1] if self.toks[p].low in e.words else []
        s = self.starting[e.op].get(p)
        if s is None or s.last > hi or (e.op == "q" and e.arg and s.unit != e.arg):
            return []
        return [s.last]


def _longest(phrases: Iterable[Phrase | None]) -> Phrase | None:
    best = None
    for p in phrases:
        if p is not None and (best is None or p.last - p.first > best.last - best.first):
            best = p
    return best


@dataclass(frozen=True)
class Entry:
    """One phenomenon of the grammar: a pattern, what it reads, and the sentences it must read that way.

    `reads` names the reading ("change", "level", "none", ...); `level` the point of the session for levels;
    `units` limits the entry to quantities of those units; `when` is an extra test on the reading context
    (the name of a method of statements.Tests); `scope` "sentence" lets the left part reach earlier clauses. Each example is (sentence, figure as written, expected
    reading) and is run by the tests."""

    name: str
    pattern: Pattern
    reads: str
    level: str = ""
    units: tuple[str, ...] = ()
    when: str = ""
    scope: str = "clause"  # "sentence": the left part may reach into earlier clauses ("..., and the Sensex 1.4%")
    examples: tuple[tuple[str, str, str], ...] = ()


def entry(name: str, pattern: str, reads: str, *, level: str = "", units: str = "", when: str = "",
          scope: str = "clause", examples: tuple[tuple[str, str, str], ...] = ()) -> Entry:
    return Entry(name, Pattern.of(pattern), reads, level, tuple(units.split()), when, scope, examples)


Predicate = Callable[..., bool]
