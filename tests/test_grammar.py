"""Every grammar entry reads its own example sentences as it says (enrich/reader/entries.py).

Adding a wording to the reader is adding an example beside its entry; this test runs them all."""
from __future__ import annotations

import datetime as dt

import pytest

from enrich.mentions import MentionFinder
from enrich.reader.entries import ENTRIES
from enrich.reader.read import Reader

PUBLISHED = dt.datetime(2019, 6, 14, 18, 0, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
FINDER = MentionFinder()
READER = Reader()
EXAMPLES = [(e.name, text, figure, want) for e in ENTRIES for text, figure, want in e.examples]


def reading_of(text: str, figure: str) -> str:
    """How the grammar reads `figure` in `text`: reading[:level][sign], or "none" when it is no market figure."""
    at = text.index(figure)
    for f in READER.figures(text, FINDER.find(text, PUBLISHED.date()), PUBLISHED.date()):
        q = f.q
        if q.start <= at < q.end or at <= q.start < at + len(figure):
            level = f":{f.level}" if f.reading == "level" else ""
            sign = {1: "+", -1: "-"}.get(f.sign, "") if f.reading in ("change", "value_change", "from_extreme") else ""
            return f"{f.reading}{level}{sign}"
    return "none"


def test_every_entry_has_an_example():
    assert all(e.examples for e in ENTRIES), [e.name for e in ENTRIES if not e.examples]


@pytest.mark.parametrize("entry,text,figure,want", EXAMPLES, ids=[f"{e[0]}: {e[2]}" for e in EXAMPLES])
def test_entry_examples(entry, text, figure, want):
    assert reading_of(text, figure) == want
