"""The gate of TimeReader.find: a reader is only tried at a token its @opens_with line admits, so no reader may
read anything at a token its declared opening rules out. Checked by running every reader ungated at every token of
the examples in the readers' docstrings and of sentences around every time phrase of the lexicon."""
from __future__ import annotations

import datetime as dt
import inspect
import re

import pytest

from enrich.reader.lexicon import lexicon
from enrich.reader.text import tokenize
from enrich.reader.timex import ANY_OPENING, OPENINGS, READER_OPENINGS, TimeReader

TIME_CLASSES = ("time", "moment", "month", "number_words", "hedge")


def _examples() -> list[str]:
    docs = [inspect.getdoc(f) or "" for _, f in inspect.getmembers(TimeReader, inspect.isfunction)]
    quoted = [q for d in docs for q in re.findall(r'"([^"]+)"', d)]
    phrases = sorted(lexicon().words(cls) for cls in TIME_CLASSES)
    around = [f"Shares fell 2% {p} and rose 3 percent {p} 2019 on Monday." for ps in phrases for p in sorted(ps)]
    return quoted + around + [f"It closed {q} at $41.07, {q}." for q in quoted]


@pytest.mark.parametrize("ref", [dt.date(2018, 8, 6), dt.date(2021, 1, 2)])
def test_no_reader_reads_where_its_opening_rules_it_out(ref: dt.date) -> None:
    lex = lexicon()
    checked = 0
    for text in _examples():
        toks = tokenize(text)
        tags = lex.tag(toks)
        reader = TimeReader(toks, tags, ref)
        for i, tok in enumerate(toks):
            for k, (read, opening) in enumerate(READER_OPENINGS):
                if read(reader, i) is not None:
                    checked += 1
                    assert opening.admits(tok, tags.classes_at(i)), (read.__name__, text, tok.text)
                    assert ANY_OPENING.admits(tok, tags.classes_at(i))
                    assert k in OPENINGS.admitting(tok, tags.classes_at(i), _after(toks, tags, i)), (
                        read.__name__, text, tok.text, "what follows it is not in OPENINGS.then")
    assert checked > 500  # the examples do exercise the readers


def _after(toks: tuple, tags: object, i: int) -> tuple | None:
    return (toks[i + 1], tags.classes_at(i + 1)) if i + 1 < len(toks) else None  # type: ignore[attr-defined]


def test_the_follower_rule_narrows_the_and_nothing_else() -> None:
    """At "the", readers admitted by the word alone are tried only before a number, a month, an ordinal, a period
    or a word looking back; everywhere else the table is the plain union of the openings."""
    lex = lexicon()
    toks = tokenize("The company said the shares rose in the second quarter, the past six months and the 3rd of May.")
    tags = lex.tag(toks)
    at = {t.text + " " + toks[i + 1].text: i for i, t in enumerate(toks[:-1]) if t.low == "the"}
    assert not OPENINGS.admitting(toks[at["The company"]], tags.classes_at(0), _after(toks, tags, 0))
    assert not OPENINGS.admitting(toks[at["the shares"]], tags.classes_at(at["the shares"]),
                                  _after(toks, tags, at["the shares"]))
    for key in ("the second", "the past", "the 3"):
        assert OPENINGS.admitting(toks[at[key]], tags.classes_at(at[key]), _after(toks, tags, at[key]))
    found = TimeReader(toks, tags, dt.date(2018, 8, 6)).find()
    assert [e.kind.value for e in found] == ["quarter", "span", "day"]


def test_the_opening_table_admits_the_readers_each_opening_admits() -> None:
    lex = lexicon()
    for text in _examples()[:400]:
        toks = tokenize(text)
        tags = lex.tag(toks)
        for i, tok in enumerate(toks):
            classes = tags.classes_at(i)
            want = [k for k, (_, opening) in enumerate(READER_OPENINGS) if opening.admits(tok, classes)]
            if tok.low not in OPENINGS.then:
                assert list(OPENINGS.admitting(tok, classes, _after(toks, tags, i))) == want, (text, tok.text)
            assert set(OPENINGS.admitting(tok, classes, _after(toks, tags, i))) <= set(want)
        assert ANY_OPENING.where(toks, tags) == [i for i, t in enumerate(toks) if ANY_OPENING.admits(t,
                                                                                                  tags.classes_at(i))]
