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
            for read, opening in READER_OPENINGS:
                if read(reader, i) is not None:
                    checked += 1
                    assert opening.admits(tok, tags.classes_at(i)), (read.__name__, text, tok.text)
                    assert ANY_OPENING.admits(tok, tags.classes_at(i))
    assert checked > 500  # the examples do exercise the readers


def test_the_opening_table_admits_the_readers_each_opening_admits() -> None:
    lex = lexicon()
    for text in _examples()[:400]:
        toks = tokenize(text)
        tags = lex.tag(toks)
        for i, tok in enumerate(toks):
            classes = tags.classes_at(i)
            want = [k for k, (_, opening) in enumerate(READER_OPENINGS) if opening.admits(tok, classes)]
            assert OPENINGS.admitting(tok, classes) == want, (text, tok.text)
        assert ANY_OPENING.where(toks, tags) == [i for i, t in enumerate(toks) if ANY_OPENING.admits(t,
                                                                                                  tags.classes_at(i))]
