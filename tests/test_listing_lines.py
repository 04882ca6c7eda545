"""A company listed in several markets: figures written in the money of another of its lines are that line's, and
money of a currency no line of the subject trades in is not checked against it."""
from __future__ import annotations

import pytest
from helpers import article, market_folder

from enrich.instruments import line_in
from enrich.market import DirectorySource, MarketData
from enrich.models import Kind, Verdict
from enrich.pipeline import Enricher

ENRICHER = Enricher()


def claims(text: str, published: str):
    return ENRICHER.extract(article(text, published, "https://example.com/markets")).claims


def test_a_line_is_found_by_the_money_it_trades_in():
    assert line_in("RIO.L", "AUD") == "RIO.AX"
    assert line_in("RIO.AX", "GBp") == "RIO.L"  # pence are pounds' line
    assert line_in("RIO.L", "GBp") is None  # its own money
    assert line_in("RIO.L", "JPY") is None  # no line in yen


def test_a_price_in_another_lines_money_moves_the_companys_figures_to_that_line():
    cs = claims("In Sydney, Rio Tinto added 1.9 per cent to A$104.55 after iron ore prices firmed.\n\n"
                "The miner's shares have gained 6 per cent this month.", "2021-03-15T17:30:00+11:00")
    assert {c.symbol for c in cs} == {"RIO.AX"}
    assert {c.kind for c in cs} >= {Kind.PCT_CHANGE, Kind.CLOSE}


def test_the_same_name_priced_in_its_own_money_stays_on_its_line():
    cs = claims("Rio Tinto rose 1.2% to 5,012p in London on Tuesday.", "2021-03-16T17:00:00+00:00")
    assert {c.symbol for c in cs} == {"RIO.L"}


def test_a_bare_dollar_moves_nothing():
    cs = claims("Rio Tinto rose 2% to $80.10 on Tuesday.", "2021-03-16T17:00:00+00:00")
    assert all(c.symbol != "RIO.AX" for c in cs)


@pytest.mark.parametrize("written,currency", [("a $5 gain", "USD"), ("A$5", "AUD"), ("$A5", "AUD"),
                                              ("A$ 5", "AUD"), ("a C$5 gain", "CAD")])
def test_a_currency_written_as_one_word_holds_only_when_written_together(written, currency):
    from enrich.reader.lexicon import lexicon
    from enrich.reader.quantities import QuantityReader
    from enrich.reader.text import sentences

    sent = sentences(f"It made {written} then.")[0]
    q = QuantityReader(sent.tokens, lexicon().tag(sent.tokens), set()).find()[0]
    assert (q.value, q.currency) == (5, currency)


def test_money_of_a_currency_the_line_does_not_trade_in_is_not_checked(tmp_path):
    market_folder(tmp_path, {"AAPL": {"2021-03-15": (121.0, 124.0, 120.4, 123.99, 9e7),
                                      "2021-03-16": (125.7, 127.2, 124.7, 125.57, 1.1e8)}})
    enricher = Enricher(MarketData(folders=[DirectorySource(tmp_path)], offline=True))
    checked = enricher.check(article("Apple closed at €105.20 on Tuesday, up 1.3 per cent.",
                                     "2021-03-16T18:00:00-04:00"))
    by_kind = {j.claim.kind: j for j in checked.judgements}
    assert by_kind[Kind.CLOSE].verdict is Verdict.UNVERIFIABLE and by_kind[Kind.CLOSE].reason == "other_currency"
    assert by_kind[Kind.PCT_CHANGE].verdict is Verdict.SUPPORTED  # a percentage is the same in any money


def test_a_market_named_before_listed_picks_the_companys_line_there():
    cs = claims("Rio Tinto's US-listed shares rose 2.2%, while BHP's London-listed stock added 1.4%.",
                "2019-05-14T17:00:00-04:00")
    assert {(c.symbol, c.value) for c in cs} == {("RIO", 2.2), ("BHP.L", 1.4)}


def test_a_line_no_data_source_knows_takes_no_figures_of_the_company():
    # the reference lists no Hong Kong line of Glencore: its figures there are not the London line's
    cs = claims("Glencore's Hong Kong-listed shares surged 14% before ending up 9%. In London the shares rose 6%.",
                "2015-10-06T17:00:00+01:00")
    assert [(c.symbol, c.value) for c in cs] == [("GLEN.L", 6)]


def test_a_referring_word_with_a_market_before_shares_takes_the_line_there():
    cs = claims("Alibaba reported weak sales on Thursday. Its Hong Kong shares dropped 4.4 per cent on Friday, and "
                "its US-listed stock lost 2%.", "2021-11-19T17:00:00-05:00")
    assert {(c.symbol, c.value) for c in cs} == {("9988.HK", -4.4), ("BABA", -2.0)}


def test_a_sentence_set_in_another_market_moves_the_company_back_to_its_line_there():
    cs = claims("BHP slipped 0.6% to A$44.05 in Sydney. In London, the shares fell 1.3% to 2,310p. BHP later "
                "recovered 0.4%.", "2019-05-14T17:30:00+01:00")
    assert [(c.symbol, c.value) for c in cs] == [("BHP.AX", -0.6), ("BHP.AX", 44.05), ("BHP.L", -1.3),
                                                 ("BHP.L", 2310), ("BHP.L", 0.4)]
