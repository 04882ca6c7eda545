"""The text layer's sentence ends, as the scan that skips to a stop or a line break finds them."""
from __future__ import annotations

import pytest

from enrich.reader.text import sentence_spans


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize("text, want", [
    ("Apple rose 2%. Nvidia fell 1%.", ["Apple rose 2%.", "Nvidia fell 1%."]),
    ('He said "it fell." Then it rose!  (Reuters) - ok? 3 more', ['He said "it fell.', "Then it rose!",
                                                                   "(Reuters) - ok?", "3 more"]),
    ("Dow closes over 10,000\n\n\nStocks rallied on Wednesday.\nU.S. Steel gained", [
        "Dow closes over 10,000", "Stocks rallied on Wednesday.", "U.S. Steel gained"]),
    ("Apple Inc. said sales rose. Shares hit $3.50 on Jan. 4 in the U.S. market.", [
        "Apple Inc. said sales rose.", "Shares hit $3.50 on Jan. 4 in the U.S. market."]),
    ("It fell 3.5 percent.’ “Next", ["It fell 3.5 percent.", "“Next"]),
    ("no stop at all", ["no stop at all"]),
])
def test_sentences_end_at_a_stop_before_a_capital_or_at_a_line_break(text: str, want: list[str]) -> None:
    assert _texts(text) == want
