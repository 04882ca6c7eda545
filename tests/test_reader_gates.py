"""The reader tries each of its small readers only where what it reads can begin (a quantity at a digit, a sign,
a currency or a number word; a referring phrase at a pronoun, a determiner or "shares"; a clause break at a mark
or a conjunction; a grammar pattern only if the words it needs are in the sentence). Each gate must leave the
reading as it was: here every reader is also run at every token, and the answers compared."""
from __future__ import annotations

from enrich.reader import subjects, text
from enrich.reader.entries import ENTRIES
from enrich.reader.grammar import Span, View
from enrich.reader.lexicon import lexicon
from enrich.reader.quantities import QuantityReader
from enrich.reader.subjects import Descriptors, name_nodes
from enrich.reader.text import clauses, sentences

TEXT = """Shares of the lender slid 4.3% to $61.20 in early trading on Tuesday, while the Nikkei added 112.5 points.
The drugmaker's stock, which had closed at 9.85 euros, is up eight per cent this year -- its best run since 2019.
Its rival gained a further 1,234,000 shares' worth; it priced the IPO at Rs 1,020 crore (-0.4%) and they sold 3m.
The iPhone maker and the world's largest chipmaker fell 2% and 3%, respectively, as the index hit 26,000-point mark.
That firm, based in Ohio, was valued at about $1.6-trillion, and this bank lost a penny: 97 cents | +0.2 | 5.1%.
"""
LEX = lexicon()
SENTENCES = sentences(TEXT)


def test_quantities_are_those_found_trying_every_token() -> None:
    found = 0
    for s in SENTENCES:
        tags = LEX.tag(s.tokens)
        reader = QuantityReader(s.tokens, tags, set())
        everywhere, i = [], 0
        while i < len(s.tokens):
            q = reader._at(i)
            everywhere.append(q) if q is not None else None
            i = q.last if q is not None else i + 1
        assert reader.find() == everywhere, s.text
        found += len(everywhere)
    assert found >= 15


class _Every:
    """A set of words that holds every word: a gate that lets every token through."""

    def __contains__(self, word: object) -> bool:
        return True


def test_names_and_referring_phrases_are_those_found_trying_every_token(monkeypatch) -> None:
    descriptors = Descriptors.of({"iphone maker": "AAPL", "world's largest chipmaker": "TSM"})
    gated = [name_nodes(s.tokens, LEX.tag(s.tokens), [], descriptors, {"AAPL"}) for s in SENTENCES]
    monkeypatch.setattr(subjects, "REFERRING_OPENERS", _Every())
    assert [name_nodes(s.tokens, LEX.tag(s.tokens), [], descriptors, {"AAPL"}) for s in SENTENCES] == gated
    assert sum(len(n) for n in gated) >= 8


def test_clauses_are_those_found_looking_at_every_token(monkeypatch) -> None:
    openers = {w: role for role in ("relative", "own") for w in LEX.words(f"clause.{role}")}
    gated = [clauses(s, openers) for s in SENTENCES]
    monkeypatch.setattr(text, "_CLAUSE_MARKS", _Every())
    assert [clauses(s, openers) for s in SENTENCES] == gated
    assert sum(len(c) for c in gated) >= 12


def test_a_pattern_whose_words_are_absent_fails_as_the_walk_did() -> None:
    checked = 0
    for s in SENTENCES:
        tags = LEX.tag(s.tokens)
        quantities = QuantityReader(s.tokens, tags, set()).find()
        view = View(s.tokens, tags, [Span(q.first, q.last, q.unit) for q in quantities], [], [])
        for q in quantities:
            anchor = Span(q.first, q.last, q.unit)
            for e in ENTRIES:
                quick = view.match(e.pattern, anchor, 0, len(s.tokens))
                walked = View._left(view, e.pattern.left, len(e.pattern.left) - 1, anchor.first, 0, got := [])
                if walked is not None:
                    walked = View._right(view, e.pattern.right, 0, anchor.last, len(s.tokens), right := [])
                assert (quick is None) == (walked is None), (e.name, s.text, q.number)
                if quick is not None:
                    assert quick == got + right
                checked += 1
    assert checked > 1000
