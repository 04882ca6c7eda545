"""The typed nodes of a sentence the grammar reads: names (`NameNode`), figures (`Figure`) and the sentence itself
with its tokens, lexicon phrases, quantities, names, time expressions and clauses (`SentenceView`)."""
from __future__ import annotations

from dataclasses import dataclass

from .grammar import Span, View
from .lexicon import Tags
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
