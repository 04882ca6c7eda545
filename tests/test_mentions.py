from __future__ import annotations

import datetime as dt

from enrich.market.symbols import SymbolHistory, builtin_spans
from enrich.mentions import MentionFinder

FIND = MentionFinder()
HISTORY = SymbolHistory(builtin_spans())


def symbols(text: str, day: dt.date | None = None) -> list[str]:
    return [m.symbol for m in FIND.find(text, day, HISTORY.on if day else None)]


def test_short_names_and_referring_spans():
    text = "JPMorgan, Citi and Wells shares fell, while U.S. Bancorp and Alphabet rose."
    ms = FIND.find(text)
    assert [m.symbol for m in ms] == ["JPM", "C", "WFC", "USB", "GOOGL"]
    assert all(text[m.start:m.end] == m.text for m in ms)


def test_symbol_valid_on_the_date():
    assert symbols("Facebook shares fell.", dt.date(2018, 8, 6)) == ["FB"]
    assert symbols("Facebook shares fell.", dt.date(2023, 1, 5)) == ["META"]


def test_ambiguous_names_need_a_corporate_cue():
    assert symbols("She ate an apple and an Apple pie at the fair.") == []
    assert symbols("Apple shares rose 2% after the iPhone launch.") == ["AAPL"]
    assert symbols("The target is to finish by May.") == []
    assert symbols("Harrison Ford starred in the film.") == []
    assert symbols("He applied for a Visa to travel.") == []


def test_meta_before_the_rename_is_not_the_company():
    assert symbols("Meta shares rose 3% on the earnings.", dt.date(2019, 5, 1)) == []
    assert symbols("Meta shares rose 3% on the earnings.", dt.date(2023, 5, 1)) == ["META"]


def test_explicit_symbols():
    assert symbols("Tesla Inc. (NASDAQ: TSLA) rose.") == ["TSLA", "TSLA"]
    assert "FB" in symbols("Traders piled into $FB today.")
    assert "AAPL" in symbols("AAPL.O rose 1%.")


def test_publishers_agencies_and_venues_are_not_mentions():
    assert symbols("according to the Wall Street Journal, which first reported it") == []
    assert symbols("S&P Dow Jones Indices said the change takes effect Monday.") == []
    assert symbols("On the Nasdaq, TSLA finished down.") == ["TSLA"]


def test_indices():
    assert symbols("The S&P 500 fell, the Nasdaq Composite slid and the Dow Jones Industrial Average lost.") == [
        "^GSPC", "^IXIC", "^DJI"]
    assert symbols("The FTSE 100, the DAX, the Nikkei and the Sensex rose.") == ["^FTSE", "^GDAXI", "^N225", "^BSESN"]


def test_sources_are_marked():
    ms = FIND.find("Analysts at Bank of America wrote that Netflix could grow.")
    assert [(m.symbol, m.role) for m in ms] == [("BAC", "source"), ("NFLX", "company")]


def test_word_starts_agree_with_the_tokenizer():
    import random

    from enrich.mentions import TOKEN, _TOKEN_FIRST, _token_start

    rng = random.Random(2)
    alphabet = "aB3^&.'’-/! ,()$\n"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        want = {m.start() for m in TOKEN.finditer(text)}
        got = {i for i, c in enumerate(text) if c in _TOKEN_FIRST and _token_start(text, i)}
        assert got == want, text


def test_names_that_begin_in_lower_case():
    assert symbols("Stocks slid and the Dow's drop deepened; the\u00a0S&P 500 fell too.") == ["^DJI", "^GSPC"]
    assert symbols("Shares of eBay rose; the tech-heavy Nasdaq gained.") == ["EBAY", "^IXIC"]
    assert symbols("Whether they rise or theDow falls.") == []
