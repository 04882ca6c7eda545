"""Figures read out of text: kinds, signs, hedges, subjects, and what is not a market figure."""
from __future__ import annotations

import datetime as dt

import pytest
from helpers import article

from enrich.models import Kind, Moment
from enrich.pipeline import Enricher
from enrich.tolerance import hedge_band

ENRICHER = Enricher()


def claims(text: str, published: str = "2018-08-06T14:35:00-04:00", url: str = "https://example.com/a"):
    return ENRICHER.extract(article(text, published, url)).claims


@pytest.mark.parametrize("written,value,unit", [
    ("USD 184.24", 184.24, "money"), ("US$184.24", 184.24, "money"), ("$1.2bn", 1.2e9, "money"),
    ("$100 billion", 100e9, "money"), ("56 billion USD", 56e9, "money"), ("97 cents", 0.97, "money"),
    ("a penny", 0.01, "money"), ("3.6 percent", 3.6, "pct"), ("19 per cent", 19, "pct"), ("3.6 pct", 3.6, "pct"),
    ("half a percent", 0.5, "pct"), ("Rs 1,200 crore", 1.2e10, "money"), ("140.08 points", 140.08, "points"),
    ("446p", 446, "money"), ("$US91.71", 91.71, "money"), ("$1.6-trillion", 1.6e12, "money"),
    ("Rs 10,02,380 crore", 1.00238e13, "money"), ("eight per cent", 8, "pct"), ("-$210.0 billion", 210e9, "money"),
    ("DKK 41.5 billion", 41.5e9, "money"), ("12 trillion won", 12e12, "money"), ("SEK 310", 310, "money"),
])
def test_numbers_written_every_way(written, value, unit):
    from enrich.reader.lexicon import lexicon
    from enrich.reader.quantities import QuantityReader
    from enrich.reader.text import sentences

    sent = sentences(f"It was {written} then.")[0]
    q = QuantityReader(sent.tokens, lexicon().tag(sent.tokens), set()).find()[0]
    assert q.value == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize("written", ["an A320 jet", "at 10am", "the 3rd quarter", "a 12-year low", "the 30-share index"])
def test_numbers_that_are_no_quantities(written):
    from enrich.reader.lexicon import lexicon
    from enrich.reader.quantities import QuantityReader
    from enrich.reader.text import sentences

    sent = sentences(f"It was {written} then.")[0]
    assert QuantityReader(sent.tokens, lexicon().tag(sent.tokens), set()).find() == []


def test_direction_hedge_and_kind():
    cs = claims("Facebook shares fell 19 per cent to $176.26, wiping out some $120 billion of market value.")
    got = {(c.kind, c.value, c.approx) for c in cs}
    assert (Kind.PCT_CHANGE, -19, "") in got
    assert (Kind.MARKET_CAP_CHANGE, -120e9, "some") in got
    assert any(c.kind in (Kind.PRICE, Kind.CLOSE) and c.value == 176.26 for c in cs)


def test_not_market_figures():
    text = ("Facebook said its messaging service has 1.3 billion users and up to 87 million users were affected. "
            "Revenue rose 42 percent to $13.2 billion and the company employs 30,275 people. Facebook was "
            "founded in 2004 and Zuckerberg is 34.")
    assert claims(text) == ()


def test_referring_back_and_running_subject():
    text = ("Netflix Inc reported results on Monday. The streaming service's shares jumped 5 percent. "
            "The stock closed at $400.48.")
    cs = claims(text, "2018-07-16T18:00:00-04:00")
    assert {c.symbol for c in cs} == {"NFLX"}


def test_each_applies_to_every_company_named():
    cs = claims("JPMorgan Chase & Co. and Wells Fargo & Co. each fell about 9 percent on Monday.",
                "2011-08-08T18:00:00-04:00")
    assert sorted(c.symbol for c in cs) == ["JPM", "WFC"]
    assert all(c.value == -9 and c.approx == "about" for c in cs)


def test_publishers_are_not_subjects():
    cs = claims("Analysts at Bank of America said Facebook shares could rise 20 percent, according to Reuters.")
    assert all(c.symbol != "BAC" for c in cs)


def test_seed_like_intraday_and_last_week(seed_text):
    ex = ENRICHER.extract(article(seed_text, None))
    by = {c.value: c for c in ex.claims}
    assert by[184.24].time.moment is Moment.INTRADAY and by[184.24].session == dt.date(2018, 8, 6)
    assert by[3.6].time.moment is Moment.INTRADAY
    wiped = by[-100e9]
    assert dt.date(2018, 7, 26) in wiped.time.candidates and wiped.session == dt.date(2018, 8, 3)


def test_british_pc_and_a_period_belongs_to_its_clause_or_a_comparison():
    cs = claims("Wells Fargo shares closed down 1.2pc at $52.50 last night.", "2018-03-02T08:00:00+00:00",
                "https://www.telegraph.co.uk/x")
    assert (cs[0].kind, cs[0].value, cs[0].session) == (Kind.PCT_CHANGE, -1.2, dt.date(2018, 3, 1))
    # a comparison ("while", "whereas") measures both over the period named
    cs = claims("The stock of Intel has lost about 15% so far this year, while the Philadelphia Semiconductor "
                "Index fell 1.3%.", "2020-07-24T18:00:00-04:00")
    assert {c.symbol: c.kind for c in cs} == {"INTC": Kind.RANGE_PCT_CHANGE, "^SOX": Kind.RANGE_PCT_CHANGE}
    # a period that ends a later clause is that clause's own
    cs = claims("Intel shares ended up 2% on Friday, and are down 5.5% for the year.", "2020-07-24T18:00:00-04:00")
    assert [(c.value, c.kind) for c in cs] == [(2, Kind.PCT_CHANGE), (-5.5, Kind.RANGE_PCT_CHANGE)]


def test_market_value_that_topped_a_mark_is_at_least_that():
    (c,) = claims("Tesla's market capitalisation topped $100 billion for the first time on Tuesday.",
                  "2018-03-14T16:30:00-04:00")
    assert (c.symbol, c.kind, c.value) == ("TSLA", Kind.MARKET_CAP, 100e9)
    assert hedge_band(c.approx) == "more than"


def test_index_members_and_a_name_after_the_figure():
    # "the Dow's worst performer" is Bank of America, not the Dow
    cs = claims("Bank of America was the Dow's worst performer, sinking more than 11% to a multiyear low of $4.70.")
    assert {(c.symbol, c.kind, c.value) for c in cs} == {("BAC", Kind.PCT_CHANGE, -11), ("BAC", Kind.LOW, 4.7)}
    assert cs[1].time.extreme == "low"  # the day's close or low: "multiyear" does not say how many years
    # "a 4% gain in Nvidia" is Nvidia's; the index's own move before it stays the index's
    cs = claims("The Nasdaq climbed 1.2% on Monday, helped by a 4% gain in Nvidia.")
    assert [(c.symbol, c.value) for c in cs] == [("^IXIC", 1.2), ("NVDA", 4)]




def test_an_apposition_between_the_names_and_their_move_does_not_hide_the_subject():
    from helpers import article
    from enrich.pipeline import Enricher
    text = ("Pfizer Inc. shares fell 3 percent, while Merck & Co. and Eli Lilly, the steadier names of the "
            "industry, each fell about 1 percent.")
    got = {(c.symbol, c.value) for c in Enricher().extract(article(text, "2019-05-06T17:00:00-04:00")).claims}
    assert {("MRK", -1.0), ("LLY", -1.0)} <= got


def test_a_place_written_with_stops_is_no_name_in_a_describing_phrase():
    from helpers import article
    from enrich.pipeline import Enricher
    text = "Wells Fargo said it would cut jobs. The largest U.S. mortgage lender's stock lost $1.20 to $45.10."
    got = {(c.symbol, c.value) for c in Enricher().extract(article(text, "2019-05-06T17:00:00-04:00")).claims}
    assert ("WFC", -1.2) in got and ("WFC", 45.1) in got


def test_a_name_opening_a_with_clause_is_its_subject():
    from helpers import article
    from enrich.pipeline import Enricher
    text = "The Sensex sank 4 per cent on Monday, with Infosys down 6.2 per cent at Rs 640.10."
    got = {(c.symbol, c.value) for c in Enricher().extract(article(text, "2020-03-23T17:00:00+05:30",
                                                                  "https://example.in/a")).claims}
    assert {("INFY.NS", -6.2), ("INFY.NS", 640.1), ("^BSESN", -4.0)} <= got


def test_a_year_range_and_a_high_and_low_named_together():
    from helpers import article
    from enrich.pipeline import Enricher
    from enrich.models import Kind
    e = Enricher()
    got = {(c.kind, c.value, c.time.extreme) for c in
           e.extract(article("Adobe's 52-week range is $255.13 to $536.88.", "2019-07-17T17:00:00-04:00")).claims}
    assert got == {(Kind.LOW, 255.13, "low"), (Kind.HIGH, 536.88, "high")}
    got = {(c.kind, c.value, c.time.extreme) for c in e.extract(article(
        "Adobe's 52-week high and low are $536.88 and $255.13.", "2019-07-17T17:00:00-04:00")).claims}
    assert got == {(Kind.LOW, 255.13, "low"), (Kind.HIGH, 536.88, "high")}


def test_as_many_joined_figures_as_names_pair_in_order():
    got = claims("Exxon gained 2% while Chevron and ConocoPhillips lost 1.1% and 2.4%.", "2023-04-14T17:00:00-04:00")
    assert {(c.symbol, c.value) for c in got} == {("XOM", 2.0), ("CVX", -1.1), ("COP", -2.4)}
    got = claims("Chevron and ConocoPhillips each lost 1.1%.", "2023-04-14T17:00:00-04:00")
    assert {(c.symbol, c.value) for c in got} == {("CVX", -1.1), ("COP", -1.1)}


def test_a_figure_written_as_a_noun_phrase_belongs_to_the_name_after_it():
    got = claims("The 0.9% fall in the Nasdaq was dwarfed by a 4.1% drop in Intel.", "2023-08-02T17:00:00-04:00")
    assert {(c.symbol, c.value) for c in got} == {("^IXIC", -0.9), ("INTC", -4.1)}
    got = claims("Pfizer has lost 12% this year, compared with 9% for the S&P 500.", "2023-08-02T17:00:00-04:00")
    assert {(c.symbol, c.value) for c in got} == {("PFE", -12.0), ("^GSPC", -9.0)}


def test_a_verb_that_moves_its_object_gives_it_the_move():
    got = claims("Oil rallied, sending Chevron shares 2.7% higher.", "2023-08-02T17:00:00-04:00")
    assert [(c.symbol, c.value) for c in got] == [("CVX", 2.7)]
    got = claims("Chip selling dragged the Nasdaq down 1.6%.", "2023-08-02T17:00:00-04:00")
    assert [(c.symbol, c.value) for c in got] == [("^IXIC", -1.6)]


def test_a_list_after_led_by_ends_where_no_name_follows_its_comma():
    got = claims("Led by a 3.2% gain in Infosys, the Sensex rose 0.4%.", "2023-06-12T16:00:00+05:30",
                 "https://example.in/a")
    assert {(c.symbol, c.value) for c in got} == {("INFY.NS", 3.2), ("^BSESN", 0.4)}


def test_a_table_header_names_what_its_columns_hold():
    text = ("Shares of the big carmakers moved on Thursday.\n\nStock | Close | % Chg\nFord | 12.31 | -1.4\n"
            "General Motors | 35.80 | +0.6\n\nAnalysts were unmoved.")
    got = {(c.symbol, c.kind.value, c.value) for c in claims(text, "2023-07-06T18:00:00-04:00")}
    assert got == {("F", "close", 12.31), ("F", "pct_change", -1.4), ("GM", "close", 35.8), ("GM", "pct_change", 0.6)}


def test_a_list_caption_names_what_the_bare_numbers_of_its_lines_are():
    text = ("Nvidia's rally set a record.\n\nBiggest one-day market value gains on record:\n"
            "Nvidia / NVDA, 5/25/2023: +$184.1 billion\nMeta Platforms, 2/2/2024: $196.8 billion\n\n"
            "The list is compiled by a data firm.")
    got = {(c.symbol, c.kind.value, c.value, c.session) for c in claims(text, "2024-02-05T17:00:00-05:00")}
    assert got == {("NVDA", "market_cap_change", 184.1e9, dt.date(2023, 5, 25)),
                   ("META", "market_cap_change", 196.8e9, dt.date(2024, 2, 2))}
    # the caption names the subject of lines that name none
    text = ("The Dow Jones Industrial Average has had a brutal month.\n\nThe Dow's worst point drops:\n"
            "March 16, 2020: -2,997.10\nMarch 12, 2020: -2,352.60\n\nAnalysts expect more volatility.")
    got = {(c.symbol, c.value, c.session) for c in claims(text, "2020-03-20T17:00:00-04:00")}
    assert got == {("^DJI", -2997.1, dt.date(2020, 3, 16)), ("^DJI", -2352.6, dt.date(2020, 3, 12))}
    # a caption naming percentages makes a line's bare number a move, not a price
    got = {(c.symbol, c.kind.value, c.value) for c in claims(
        "Top percentage losers in the FTSE 100:\nOcado -8.2\nRolls-Royce -5.1\n", "2023-03-14T17:00:00+00:00",
        "https://example.co.uk/a")}
    assert got == {("OCDO.L", "pct_change", -8.2), ("RR.L", "pct_change", -5.1)}
    # a line that is a sentence of its own ends the list
    got = claims("Biggest market value losses:\nApple fell 3% on Monday, erasing $90 billion.",
                 "2024-02-05T17:00:00-05:00")
    assert {(c.kind.value, c.value) for c in got} == {("pct_change", -3.0), ("market_cap_change", -90e9)}


def test_items_of_a_quote_list_and_bulleted_lines():
    got = {(c.symbol, c.kind.value, c.value) for c in claims(
        "At the close: Pfizer 28.14 (-0.42), Merck 109.73 (+1.15)", "2023-07-06T17:30:00-04:00")}
    assert got == {("PFE", "close", 28.14), ("PFE", "abs_change", -0.42), ("MRK", "close", 109.73),
                   ("MRK", "abs_change", 1.15)}
    got = {(c.symbol, c.kind.value, c.value) for c in claims(
        "Walmart (WMT):\n-- Opened at $157.20\n-- Closed at $158.94, up 1.3%", "2023-07-06T17:30:00-04:00")}
    assert ("WMT", "pct_change", 1.3) in got and ("WMT", "close", 158.94) in got
    got = {(c.symbol, c.kind.value, c.value) for c in claims(
        "Decliners:\n- Boeing -3.1% at $201.40 after a grounding", "2023-07-06T17:30:00-04:00")}
    assert got == {("BA", "pct_change", -3.1), ("BA", "close", 201.4)}


def test_a_described_index_or_company_with_joined_modifiers_refers_back():
    got = {(c.symbol, c.value) for c in claims("The Nasdaq 100 fell again. The tech-heavy index ended down 1.1%.",
                                               "2023-07-14T17:00:00-04:00")}
    assert got == {("^NDX", -1.1)}
    got = {(c.symbol, c.value) for c in claims(
        "Rio Tinto raised its dividend. Shares in the mining and metals group rose 2.2% to 5,010p.",
        "2023-07-14T17:00:00+01:00", "https://example.co.uk/a")}
    assert got == {("RIO.L", 2.2), ("RIO.L", 5010.0)}


def test_a_word_inside_a_name_does_not_make_its_price_a_non_market_figure():
    got = {(c.symbol, c.kind.value, c.value) for c in claims(
        "HSBC Holdings ended at 640.2p, down 1.5 per cent.", "2023-03-15T17:00:00+00:00", "https://example.co.uk/a")}
    assert ("HSBA.L", "close", 640.2) in got


def test_words_that_end_in_the_red_or_the_green_give_the_sign():
    got = claims("Walmart slipped after its update, finishing 0.9% in the red.", "2023-09-12T17:00:00-04:00")
    assert [(c.symbol, c.value) for c in got] == [("WMT", -0.9)]


def test_a_new_predicate_after_the_close_makes_the_price_it_reached_no_close():
    got = {c.value: c for c in claims("Intel closed at $34.10 and then jumped 7% to $36.49 in extended trading.",
                                      "2023-07-27T18:30:00-04:00")}
    assert got[34.1].kind is Kind.CLOSE and got[36.49].kind is Kind.PRICE
    assert got[36.49].time.moment is Moment.AFTER_HOURS


def test_a_figure_in_an_opening_participle_phrase_belongs_to_the_clause_after_it():
    got = {(c.symbol, c.value) for c in claims(
        "Having dropped 2.4% in the regular session, Nvidia shares were 3.1% higher after hours.",
        "2023-08-23T18:00:00-04:00")}
    assert got == {("NVDA", -2.4), ("NVDA", 3.1)}


def test_a_long_description_of_the_index_and_capitals_that_are_no_pronoun():
    text = ("The DAX opened flat. The export-driven German blue chip index, home to IT group SAP and carmaker BMW, "
            "was down 0.3 percent by 1030 GMT.")
    got = {(c.symbol, c.value) for c in claims(text, "2023-08-23T18:00:00+02:00", "https://example.de/a")}
    assert got == {("^GDAXI", -0.3)}


def test_a_possessive_index_before_a_superlative_is_no_subject():
    got = {(c.symbol, c.value) for c in claims("Vodafone is the FTSE 100's worst performer, down 3.4% at 71p.",
                                               "2023-11-08T12:00:00+00:00", "https://example.co.uk/a")}
    assert got == {("VOD.L", -3.4), ("VOD.L", 71.0)}


def test_the_price_a_move_noun_reached_is_a_price_not_a_change():
    got = {(c.kind, c.value) for c in claims("Nike's $4.12 slide to $98.35 followed the guidance cut.",
                                             "2023-11-08T17:00:00-05:00")}
    assert got == {(Kind.ABS_CHANGE, -4.12), (Kind.CLOSE, 98.35)}


def test_a_unit_joined_to_its_number_by_a_hyphen():
    got = {(c.kind, round(c.value, 4)) for c in claims("A 94-cent gain put Ford at $13.22.", "2023-11-08T17:00:00-05:00")}
    assert got == {(Kind.ABS_CHANGE, 0.94), (Kind.CLOSE, 13.22)}
    got = {(c.kind, c.value) for c in claims("Sony hit a 12-year high.", "2023-11-08T17:00:00+09:00",
                                             "https://example.jp/a")}
    assert got == set()


def test_a_level_whose_verb_is_not_repeated_takes_the_level_before():
    got = {(c.symbol, c.kind) for c in claims("Ford closed at $12.10 and General Motors at $35.42.",
                                              "2023-09-21T17:00:00-04:00")}
    assert got == {("F", Kind.CLOSE), ("GM", Kind.CLOSE)}


def test_joined_percentages_take_the_rising_or_falling_word_after_the_last():
    got = {(c.symbol, c.value) for c in claims("Daimler Truck and Siemens ended 1.5% and 2.2% lower.",
                                               "2023-07-27T18:00:00+02:00", "https://example.de/a")}
    assert got == {("DTG.DE", -1.5), ("SIE.DE", -2.2)}


def test_a_table_row_with_prices_in_pence():
    text = "Stock | Last | Change\nBarclays | 152.4p | -1.1%\nBP | 480.2p | +0.4%"
    got = {(c.symbol, c.kind, c.value) for c in claims(text, "2024-03-12T17:00:00+00:00", "https://example.co.uk/a")}
    assert got == {("BARC.L", Kind.PRICE, 152.4), ("BARC.L", Kind.PCT_CHANGE, -1.1), ("BP.L", Kind.PRICE, 480.2),
                   ("BP.L", Kind.PCT_CHANGE, 0.4)}


def test_the_stock_is_the_company_of_its_paragraphs_last_figure_else_the_articles():
    text = ("Shell rose 2% to 2,610p on Monday.\n\nBP fell 1.5%. The shares closed at 481p.\n\n"
            "The stock has gained 9% this year.")
    got = {(c.symbol, c.kind.value, c.value) for c in claims(text, "2023-07-10T17:00:00+01:00", "https://example.co.uk/a")}
    assert ("BP.L", "close", 481.0) in got and ("SHEL.L", "range_pct_change", 9.0) in got


def test_figures_of_a_company_the_article_does_not_resolve_go_to_no_other():
    text = ("Apple rose 1% on Monday.\n\nZorblax Holdings slumped 9% after an earlier low of $3.10. "
            "Its stock stood at $8 a year ago.")
    got = {(c.symbol, c.value) for c in claims(text, "2023-07-10T17:00:00-04:00")}
    assert got == {("AAPL", 1.0)}


def test_a_days_volume_is_preliminary_only_when_published_minutes_after_the_close():
    text = "Volume in Best Buy came to 41.2 million shares on Thursday."
    soon = claims(text, "2024-05-30T16:06:00-04:00")
    later = claims(text, "2024-05-30T18:30:00-04:00")
    assert [c.time.moment for c in soon] == [Moment.CLOCK_TIME]
    assert [c.time.moment for c in later] == [Moment.CLOSE]
    assert [c.time.moment for c in claims("Some 9.4 million Siemens shares traded on Xetra on Tuesday.",
                                          "2024-06-18T18:00:00+02:00", "https://example.de/a")] == [Moment.CLOSE]


def test_an_index_a_company_is_in_or_on_is_not_the_subject():
    got = {(c.symbol, c.value) for c in claims("Unilever, the biggest riser in the FTSE 100, gained 3.3%.",
                                               "2024-04-25T17:00:00+01:00", "https://example.co.uk/a")}
    assert got == {("ULVR.L", 3.3)}
    got = {(c.symbol, c.value) for c in claims("The top loser on the Sensex, Infosys fell 2.2 per cent while the "
                                               "index added 0.3 per cent.", "2024-04-25T16:00:00+05:30",
                                               "https://example.in/a")}
    assert got == {("INFY.NS", -2.2), ("^BSESN", 0.3)}


def test_a_list_of_moves_each_owned_by_the_name_after_it():
    got = {(c.symbol, c.value) for c in claims("With drops of 2% in Shell, 3.1% in BP and 1.2% in Unilever, the "
                                               "FTSE 100 fell 0.4%.", "2023-11-07T17:00:00+00:00",
                                               "https://example.co.uk/a")}
    assert got == {("SHEL.L", -2.0), ("BP.L", -3.1), ("ULVR.L", -1.2), ("^FTSE", -0.4)}


def test_bare_numbers_joined_to_one_with_its_unit_share_it():
    got = {(c.symbol, c.kind.value, c.value) for c in claims("Shares in Heineken and Carlsberg dropped 4.3 and 3.8 "
                                                             "per cent.", "2023-10-25T18:00:00+02:00",
                                                             "https://example.nl/a")}
    assert got == {("HEIA.AS", "pct_change", -4.3), ("CARL-B.CO", "pct_change", -3.8)}


def test_a_move_noun_after_its_modifiers_gives_the_sign():
    got = [(c.symbol, c.value) for c in claims("Nokia shares clawed back a 7% early slide to close flat.",
                                               "2024-01-25T18:00:00+02:00", "https://example.fi/a")]
    assert got == [("NOKIA.HE", -7.0)]
    got = [(c.symbol, c.value) for c in claims("Boeing's 9% single-session collapse on Monday stunned investors.",
                                               "2024-01-09T17:00:00-05:00")]
    assert got == [("BA", -9.0)]
    got = [(c.symbol, c.value) for c in claims("Zoom has given up 17% since March.", "2020-11-10T17:00:00-05:00")]
    assert got == [("ZM", -17.0)]


def test_words_that_place_or_time_a_figure_are_no_topic_of_it():
    got = [(c.symbol, c.kind.value, c.value) for c in claims("Nike ended flat at $94.20 ahead of the report.",
                                                            "2024-06-27T17:00:00-04:00")]
    assert got == [("NKE", "close", 94.2)]
    got = [(c.symbol, c.value, c.time.moment) for c in claims(
        "Burberry was heading for its best day in a year late in the session, up 9%.", "2024-09-05T17:00:00+01:00",
        "https://example.co.uk/a")]
    assert got == [("BRBY.L", 9.0, Moment.INTRADAY)]
    got = [(c.kind.value, c.value, c.time.moment) for c in claims(
        "The S&P 500 touched a bear-market low of 3,491.58 in the morning before rallying to close 2.6% higher.",
        "2022-10-13T17:00:00-04:00")]
    assert got == [("low", 3491.58, Moment.INTRADAY), ("index_pct_change", 2.6, Moment.CLOSE)]


def test_a_count_in_millions_is_no_price_move_and_revenue_after_a_said_clause_is_revenue():
    got = [(c.symbol, c.kind.value, c.value) for c in claims("Spotify signed up 6.1m new subscribers and its shares "
                                                            "rose 3%.", "2023-07-25T17:00:00-04:00")]
    assert got == [("SPOT", "pct_change", 3.0)]
    text = ("Truist reported results.\n\nWith a market value of about $52 billion, the lender said its fee income had "
            "more than doubled, to $612 million.")
    got = [(c.symbol, c.kind.value, c.value) for c in claims(text, "2023-07-20T17:00:00-04:00")]
    assert got == [("TFC", "market_cap", 52e9)]


def test_a_market_value_a_change_of_it_leads_to():
    got = [(c.kind.value, c.value) for c in claims("Alphabet added $115 billion to its market value on Friday, "
                                                  "lifting it to $2.15 trillion.", "2024-04-26T17:00:00-04:00")]
    assert got == [("market_cap_change", 115e9), ("market_cap", 2.15e12)]


def test_a_place_before_a_referring_noun_and_a_value_shrinking_by_a_sum():
    got = [(c.symbol, c.value) for c in claims("Nvidia beat forecasts. The Santa Clara firm's shares rose 7% on "
                                               "Thursday.", "2024-05-23T17:00:00-04:00")]
    assert got == [("NVDA", 7.0)]
    got = [(c.kind.value, c.value) for c in claims("Intel's market value shrank by roughly $30 billion on Friday.",
                                                  "2024-08-02T17:00:00-04:00")]
    assert got == [("market_cap_change", -30e9)]


def test_table_columns_the_grammar_leaves_unread_and_a_bracketed_change_in_two_units():
    text = "Index | Last | Net chg | % chg\nDAX | 18,704.42 | +117.09 | +0.63%\n"
    got = {(c.kind.value, c.value) for c in claims(text, "2024-05-10T18:00:00+02:00", "https://example.de/a")}
    assert got == {("index_level", 18704.42), ("abs_change", 117.09), ("index_pct_change", 0.63)}
    got = {(c.symbol, c.kind.value, c.value) for c in claims("Nikkei: 38,229.11 (+155.13; +0.41%)",
                                                             "2024-05-10T16:00:00+09:00", "https://example.jp/a")}
    assert got == {("^N225", "index_level", 38229.11), ("^N225", "abs_change", 155.13),
                   ("^N225", "index_pct_change", 0.41)}


def test_a_volume_written_without_shares_or_after_a_label():
    got = [(c.kind.value, c.value, c.session) for c in claims(
        "Some 92 million Intel shares traded, the most since Jan. 26, when 110 million changed hands.",
        "2024-04-26T18:00:00-04:00")]
    assert ("volume", 110e6, dt.date(2024, 1, 26)) in got
    got = [(c.kind.value, c.value) for c in claims("LULULEMON (LULU)\n- Fell 4.2% to $301.10\n- Volume: 7.3 million "
                                                  "shares", "2024-06-06T18:00:00-04:00")]
    assert ("volume", 7.3e6) in got


def test_a_figure_set_off_by_commas_after_the_move_noun_it_measures():
    got = [(c.kind.value, c.value, c.session, c.time.from_session) for c in claims(
        "Microsoft's gain for 2019, 55 per cent, was its best since 2009.", "2020-01-02T08:00:00-05:00")]
    assert got == [("range_pct_change", 55.0, dt.date(2019, 12, 31), dt.date(2018, 12, 31))]


def test_economic_and_currency_indices_are_no_market_index():
    got = [(c.symbol, c.value) for c in claims("The Nasdaq fell 1.2%. The consumer price index rose 0.4% in May, and "
                                               "the dollar index climbed to 105.2.", "2024-06-12T17:00:00-04:00")]
    assert got == [("^IXIC", -1.2)]


def test_a_bullet_opening_with_an_auxiliary_keeps_the_listed_company():
    text = "Intel Corp. (INTC) is up 3.1% to $21.40 at the close\n-- Had been down as much as 1.2% earlier in the session"
    got = [(c.symbol, c.value, c.approx) for c in claims(text, "2024-09-10T16:30:00-04:00")]
    assert ("INTC", -1.2, "as much as") in got


def test_a_line_headed_by_a_label_and_a_pence_quote_item():
    got = {(c.symbol, c.kind.value, c.value) for c in claims(
        "Close: FTSE 100 8,140.70 (+0.3%); Burberry 1,512p (-2.1%)", "2024-03-21T17:00:00+00:00",
        "https://example.co.uk/a")}
    assert got == {("^FTSE", "index_level", 8140.7), ("^FTSE", "index_pct_change", 0.3), ("BRBY.L", "close", 1512.0),
                   ("BRBY.L", "pct_change", -2.1)}


def test_an_opening_caption_names_the_items_of_its_line():
    got = {(c.symbol, c.value) for c in claims("Top losers: Infosys (down 2.4%), Wipro (1.9%), HCLTech (1.1%).",
                                               "2024-04-19T16:00:00+05:30", "https://example.in/a")}
    assert got == {("INFY.NS", -2.4), ("WIPRO.NS", -1.9), ("HCLTECH.NS", -1.1)}
    got = {(c.symbol, c.kind.value, c.value) for c in claims("Heading higher: Nike, 3.1% to $97.40.",
                                                             "2024-05-23T17:00:00-04:00")}
    assert got == {("NKE", "pct_change", 3.1), ("NKE", "close", 97.4)}
    got = {(c.symbol, c.kind.value, c.value) for c in claims("Most active: Intel 95.2m shares, Ford 61.0m.",
                                                             "2024-05-23T17:00:00-04:00")}
    assert got == {("INTC", "volume", 95.2e6), ("F", "volume", 61e6)}


def test_numbers_named_by_the_label_before_them_and_volumes_of_joined_names():
    got = {(c.kind.value, c.value) for c in claims("Quote: Walmart (WMT) | Last: $60.12 | Chg: -0.41 | %Chg: -0.68%",
                                                  "2024-05-23T18:00:00-04:00")}
    assert got == {("price", 60.12), ("abs_change", -0.41), ("pct_change", -0.68)}
    got = {(c.symbol, c.value) for c in claims("Volumes in HSBC and NatWest reached 40 million and 62 million shares "
                                               "respectively.", "2024-05-23T17:30:00+01:00", "https://example.co.uk/a")}
    assert got == {("HSBA.L", 40e6), ("NWG.L", 62e6)}
    got = {(c.symbol, c.value) for c in claims("Banks weighed: the sector index fell 3.2%, with Lloyds down 4.4%.",
                                               "2024-05-23T17:30:00+01:00", "https://example.co.uk/a")}
    assert got == {("LLOY.L", -4.4)}


def test_a_holdings_value_is_not_the_companys_and_a_circuit_limit_is_a_move():
    got = [(c.symbol, c.kind.value) for c in claims("Berkshire's stake in Occidental has lost some $4 billion in "
                                                   "value since June; Occidental shares slipped 1.9% on Thursday.",
                                                   "2024-09-12T17:00:00-04:00")]
    assert got == [("OXY", "pct_change")]
    got = [(c.kind.value, c.value) for c in claims("Vodafone Idea shares hit the 10% lower circuit at Rs 12.40.",
                                                  "2024-02-12T16:00:00+05:30", "https://example.in/a")]
    assert got == [("pct_change", -10.0), ("close", 12.4)]


def test_review_cases_each_mechanism_keeps_to_its_own_wordings():
    # a clause after a semicolon in the present or perfect has its own time, not the period before
    got = [(c.kind.value, c.session) for c in claims("Zoom soared 396% in 2020; the stock is down 85% since then.",
                                                    "2024-04-10T17:00:00-04:00")]
    assert got[1] == ("range_pct_change", dt.date(2024, 4, 10))
    # a results period is no period of the stock's move after it
    got = [(c.kind.value, c.value, c.session) for c in claims(
        "Wipro reported a 4% rise in profit for the March quarter; the stock fell 1.2% to Rs 460.",
        "2024-04-22T16:00:00+05:30", "https://example.in/a")]
    assert got == [("pct_change", -1.2, dt.date(2024, 4, 22)), ("close", 460.0, dt.date(2024, 4, 22))]
    # a price on a captioned list line stays a price
    got = {(c.symbol, c.kind.value, c.value) for c in claims("Biggest movers:\nFord 12.45 (-1.8%)\n",
                                                             "2024-04-10T17:00:00-04:00")}
    assert got == {("F", "price", 12.45), ("F", "pct_change", -1.8)}
    # "the company" of a paragraph is its first company given a figure, not a peer named after it
    text = ("Nike shares fell 7% on Friday. Rival Lululemon slipped 1.5% and Under Armour lost 2%. The company "
            "has seen its stock fall 25% this year.")
    assert [c.symbol for c in claims(text, "2024-06-28T17:00:00-04:00")][-1] == "NKE"
    # a named sector index is no company
    got = [c.symbol for c in claims("Delta rose 4% on Wednesday. The NYSE Arca Airline index gained 2.1%.",
                                    "2024-04-10T17:00:00-04:00")]
    assert got == ["DAL"]


def test_a_participle_clause_takes_the_joined_names_of_the_clause_before():
    got = {(c.symbol, c.value) for c in claims("Sony and Nintendo rallied in Tokyo, rising 2.1% and 3.4%.",
                                               "2024-05-15T16:00:00+09:00", "https://example.jp/a")}
    assert got == {("6758.T", 2.1), ("7974.T", 3.4)}


def test_a_fronted_ahead_of_phrase_is_no_list_and_initials_of_public_bodies_are_no_company():
    cs = claims("Ahead of the Fed's rate decision on Wednesday, Kering slipped 2.4%. "
                "Ahead of Thursday's ECB meeting, Hermes lost 1.1%.", "2023-09-13T17:40:00+02:00")
    assert [(c.symbol, c.value) for c in cs] == [("KER.PA", -2.4), ("RMS.PA", -1.1)]
    # a list after "ahead of" still holds names that are not the subject
    cs = claims("Shell led the index higher, ahead of BP, Rio Tinto and Glencore, gaining 2.2%.",
                "2023-09-13T17:40:00+01:00")
    assert [(c.symbol, c.value) for c in cs] == [("SHEL.L", 2.2)]
    cs = claims("The DAX, home to exporters such as Siemens (SIEGn.DE), BASF (BASFn.DE) and Bayer, was up 0.4% at "
                "the close.", "2023-09-13T18:40:00+02:00")
    assert [(c.symbol, c.value) for c in cs] == [("^GDAXI", 0.4)]


def test_a_list_of_figures_after_a_list_of_names_pairs_them_in_order():
    cs = claims("Lenders were hit hardest: Barclays, NatWest and Lloyds lost 4.2%, 3.8% and 2.9%.",
                "2023-03-15T17:40:00+00:00")
    assert [(c.symbol, c.value) for c in cs] == [("BARC.L", -4.2), ("NWG.L", -3.8), ("LLOY.L", -2.9)]
    cs = claims("Shares of Ford, GM and Stellantis were up 2.1%, 1.7% and 0.9%, respectively, at the close.",
                "2023-03-15T17:40:00-04:00")
    assert [(c.symbol.split(".")[0], c.value, c.time.moment) for c in cs] == [
        ("F", 2.1, Moment.CLOSE), ("GM", 1.7, Moment.CLOSE), ("STLA", 0.9, Moment.CLOSE)]


@pytest.mark.parametrize("said", ["In mid-morning dealings", "In early-afternoon trade", "Halfway through the day",
                                  "In opening trade"])
def test_a_part_of_the_session_with_a_word_for_trading_is_intraday(said):
    cs = claims(f"{said}, Infosys was 1.4% higher at Rs 1,452.", "2023-08-22T17:00:00+05:30")
    assert {c.time.moment for c in cs} == {Moment.INTRADAY}


def test_a_day_number_before_may_is_the_month_and_no_price():
    cs = claims("Vodafone closed at 71.2p on Friday, well below where it stood on 14 May, when it touched a "
                "one-year high of 82.5p.", "2024-08-09T17:00:00+01:00")
    assert 14 not in [c.value for c in cs]
    high = [c for c in cs if c.value == 82.5][0]
    assert high.session == dt.date(2024, 5, 14)


def test_a_relative_clause_about_the_market_is_not_the_companys_move():
    cs = claims("Unlike the wider market, which slipped 0.4%, Merck climbed 2.2%.", "2023-10-31T17:00:00-04:00")
    assert [(c.symbol, c.value) for c in cs] == [("MRK", 2.2)]


def test_a_market_word_written_in_capitals_is_no_ticker():
    cs = claims("On the ASX, Wesfarmers lost A$0.85 to A$64.10, while the S&P/ASX 200 fell 0.7%.",
                "2024-03-08T17:00:00+11:00")
    assert {c.symbol for c in cs} == {"WES.AX", "^AXJO"}


def test_a_company_described_by_who_leads_it_or_a_compound_of_places():
    cs = claims("Tata Motors unveiled a new electric SUV. The Mumbai-headquartered automaker ended 1.4 per cent "
                "higher at Rs 612.30.", "2022-08-29T16:30:00+05:30")
    assert {c.symbol for c in cs} == {"TATAMOTORS.NS"}
    cs = claims("Wipro won a large contract. The Premji-led IT services company rose 2.2 per cent.",
                "2022-08-29T16:30:00+05:30")
    assert [(c.symbol, c.value) for c in cs] == [("WIPRO.NS", 2.2)]
    cs = claims("Shell cut its dividend. The Anglo-Dutch oil major's shares slid 4.1 per cent to 1,120p.",
                "2020-04-30T17:00:00+01:00")
    assert {c.symbol for c in cs} <= {"RDSA.L", "SHEL.L", "RDSB.L"} and len(cs) == 2


def test_a_payout_and_a_products_price_are_no_share_price_and_put_on_is_a_rise():
    cs = claims("Rolls-Royce raised its final payout to 6p a share and set its engine's price at $12m. "
                "The engineer's shares put on 11.5p to 412p.", "2024-02-29T17:00:00+00:00")
    assert sorted((c.kind, c.value) for c in cs) == [(Kind.ABS_CHANGE, 11.5), (Kind.CLOSE, 412)]
    cs = claims("Sony set the console's price at $499.99, and its shares rose 1.1%.", "2024-02-29T16:00:00+09:00")
    assert [(c.kind, c.value) for c in cs] == [(Kind.PCT_CHANGE, 1.1)]


def test_a_part_an_index_owns_is_not_the_index():
    cs = claims("A 2.4% jump in the FTSE 100's mining subindex helped Anglo American gain 5.1%. Banks slipped, with "
                "a 0.9% drop in the Stoxx 600's banks index.", "2024-04-02T17:30:00+01:00")
    assert [(c.symbol, c.value) for c in cs] == [("AAL.L", 5.1)]


def test_quote_board_wordings_a_per_share_move_noun_and_currency_letters():
    cs = claims("Caterpillar's stock closed down 3.1%, a $10.62-a-share drop, at $331.20.", "2024-01-24T16:30:00-05:00")
    assert sorted((c.kind.value, c.value) for c in cs) == [("abs_change", -10.62), ("close", 331.2),
                                                            ("pct_change", -3.1)]
    cs = claims("Snap (SNAP.N) -8.1% to $10.12; Pinterest (PINS.N) +2.6%.", "2024-01-24T16:30:00-05:00")
    assert sorted((c.symbol, c.value) for c in cs) == [("PINS", 2.6), ("SNAP", -8.1), ("SNAP", 10.12)]
    cs = claims("AIA GROUP: last HK$61.35, chg -0.85, -1.37%", "2024-08-15T17:30:00+08:00")
    assert sorted(c.value for c in cs) == [-1.37, -0.85, 61.35]


def test_respectively_pairs_only_the_joined_figures_not_a_later_one_of_their_kind():
    cs = claims("Samsung Electronics and SK Hynix rose 2.2 percent and about 4 percent, respectively, while the "
                "Kospi gained 0.8 percent.", "2023-10-16T16:00:00+09:00")
    assert sorted((c.symbol, c.value) for c in cs) == [("000660.KS", 4.0), ("005930.KS", 2.2), ("^KS11", 0.8)]


@pytest.mark.parametrize("written,value", [("R2,101", 2101), ("R182.50", 182.5), ("R1.2bn", 1.2e9)])
def test_rand_written_glued_to_its_number(written, value):
    from enrich.reader.lexicon import lexicon
    from enrich.reader.quantities import QuantityReader
    from enrich.reader.text import sentences

    sent = sentences(f"It closed at {written} then.")[0]
    q = QuantityReader(sent.tokens, lexicon().tag(sent.tokens), set()).find()[0]
    assert (q.value, q.currency) == (pytest.approx(value), "ZAR")
    sent = sentences("Model R 5 shipped.")[0]
    assert all(q.currency != "ZAR" for q in QuantityReader(sent.tokens, lexicon().tag(sent.tokens), set()).find())


def test_review_neighbours_of_todays_rules():
    # a move to an N-year high with no price reads without failing
    assert [c.value for c in claims("Apple rose 2% to a 10-year high on Friday.", "2024-03-08T17:00:00-05:00")] == [2]
    # two lists of pairs: the "and" ends each list
    cs = claims("Ford and GM fell 2.1% and 1.8%, 3.3% and 2.9% for the week.", "2024-03-08T17:00:00-05:00")
    assert [(c.symbol, c.value) for c in cs][:2] == [("F", -2.1), ("GM", -1.8)]
    # a list after "ahead of" ends at the comma after its "and"
    cs = claims("Ahead of earnings from Nvidia, Broadcom and Marvell, AMD rose 2.1% on Friday.",
                "2024-03-08T17:00:00-05:00")
    assert [(c.symbol, c.value) for c in cs] == [("AMD", 2.1)]
    # "London stock" is no name of the exchange's operator
    cs = claims("Glencore's London stock dropped 1.5% to 390p.", "2024-03-08T17:00:00+00:00")
    assert {c.symbol for c in cs} == {"GLEN.L"}


def test_since_the_start_or_end_of_a_month_and_sessions_before_a_day_in_one_sentence():
    cs = claims("Apple is down 5% since the start of February and 1% since the end of February.",
                "2024-03-08T17:00:00-05:00")
    assert [c.time.from_session for c in cs] == [dt.date(2024, 1, 31), dt.date(2024, 2, 29)]
    cs = claims("Intel fell 4.8% on Monday, after losing 5.6% over the previous three sessions.",
                "2024-03-04T17:00:00-05:00")
    span = [c for c in cs if c.value == -5.6][0]
    assert (span.session, span.time.from_session) == (dt.date(2024, 3, 1), dt.date(2024, 2, 27))


def test_a_known_name_before_owned_or_backed_describes_the_company_referred_to():
    cs = claims("Arm rose 3% on Friday. The SoftBank-backed chip designer closed at $130.10.",
                "2024-03-08T17:00:00-05:00")
    assert {c.symbol for c in cs} == {"ARM"}


def test_a_title_the_text_does_not_carry_names_what_its_referring_words_mean():
    from enrich.article import make_article

    a = make_article("t", "The Danish brewer's shares fell 3.2% to DKK 1,012 in Copenhagen on Thursday.",
                     published="2023-02-09T18:00:00+01:00", title="Carlsberg warns on 2023 profit")
    ex = ENRICHER.extract(a)
    assert [(m.symbol, m.start, m.end) for m in ex.mentions] == [("CARL-B.CO", 0, 0)]
    assert {c.symbol for c in ex.claims} == {"CARL-B.CO"} and len(ex.claims) == 2
    # a title the text repeats at its top is read there, once
    a = make_article("u", "Carlsberg warns on 2023 profit\n\nThe shares fell 3.2%.", published="2023-02-09T18:00:00+01:00",
                     title="Carlsberg warns on 2023 profit")
    assert all(m.end > m.start for m in ENRICHER.extract(a).mentions)


def test_a_move_noun_of_results_with_modifiers_is_no_share_move():
    cs = claims("Inditex posted a 14% rise in quarterly net profit, and a 9% jump in second-quarter sales; its shares "
                "rose 2.1%.", "2023-06-07T18:00:00+02:00")
    assert [c.value for c in cs] == [2.1]


def test_both_and_the_two_stocks_are_the_last_two_companies_named():
    cs = claims("Iberdrola rose 1.1% and Endesa 0.8%. Both had gained more than 5% the previous week.",
                "2023-03-20T18:00:00+01:00")
    assert sorted(c.symbol for c in cs if c.value == 5) == ["ELE.MC", "IBE.MC"]
    cs = claims("Sony and Nintendo led Tokyo lower, as the two stocks lost 2.2 per cent and 3.4 per cent.",
                "2023-03-20T16:00:00+09:00")
    assert sorted((c.symbol, c.value) for c in cs) == [("6758.T", -2.2), ("7974.T", -3.4)]


def test_a_currency_as_subject_gives_no_company_a_figure():
    cs = claims("The peso firmed 0.7% to 17.10 per dollar, and Grupo Mexico slipped 1.9% in Mexico City.",
                "2023-05-12T18:00:00-06:00")
    assert [c.value for c in cs] == [-1.9]
    cs = claims("Samsung Electronics gained 1.4%, while the won weakened 0.5% against the greenback.",
                "2023-05-12T17:00:00+09:00")
    assert [c.value for c in cs] == [1.4]


def test_another_things_value_is_no_market_value_and_a_name_ending_in_a_noun_keeps_its_figure():
    cs = claims("Prosus said the value of its holdings fell; its portfolio value slid to $120 billion. Naspers gained "
                "2.2%.", "2023-06-12T18:00:00+02:00")
    assert [(c.kind.value, c.value) for c in cs] == [("pct_change", 2.2)]
    cs = claims("Swire Properties' net asset value per share stood at HK$39; its shares closed at HK$18.20.",
                "2023-06-12T17:00:00+08:00")
    assert [c.value for c in cs] == [18.2]
    cs = claims("Nintendo slid 3.3% and Recruit Holdings 2.4%.", "2023-06-12T16:00:00+09:00")
    assert len(cs) == 2


def test_the_verb_of_a_later_non_market_figure_keeps_its_time_words():
    cs = claims("Hermes lost 2.1% and Kering 3.4% as Chinese luxury imports dropped 12% in May.",
                "2023-06-15T18:00:00+02:00")
    assert {c.value: c.session.isoformat() for c in cs} == {-2.1: "2023-06-15", -3.4: "2023-06-15"}


def test_a_class_letter_before_shares_is_no_ticker_and_a_spaced_dash_name_is_written_joined():
    cs = claims("A.P. Moller-Maersk cut its forecast. The shipping group's B shares slid 4.1% in Copenhagen.",
                "2023-05-05T18:00:00+02:00")
    assert [(c.symbol, c.value) for c in cs] == [("MAERSK-B.CO", -4.1)]


def test_an_unknown_company_after_a_fronted_place_takes_nobodys_figure():
    cs = claims("The OMX Stockholm 30 index fell 0.4% on Tuesday. In Gothenburg, Zorblax Marine sank 9% after a "
                "profit warning.", "2024-07-16T18:00:00+02:00")
    assert [c.value for c in cs] == [-0.4]


def test_a_price_without_currency_named_by_a_close_and_its_whole_number_move():
    cs = claims("Samsung SDI finished the day at 712,000, up 9,000, while Naver slid 1.2 per cent.",
                "2021-03-10T17:00:00+09:00")
    got = {(c.kind.value, c.value) for c in cs if c.symbol == "006400.KS"}
    assert got == {("close", 712000), ("abs_change", 9000)}


def test_the_level_after_a_comma_and_a_day_a_first_time_happened_on():
    cs = claims("The Kospi ended above 3,000 for the first time on Wednesday, at 3,031.68, led by chipmakers.",
                "2021-01-08T17:00:00+09:00")
    assert {(c.value, c.session.isoformat()) for c in cs} == {(3000, "2021-01-06"), (3031.68, "2021-01-06")}


def test_the_price_of_a_sale_of_shares_is_no_market_price():
    for text in ("Ocado, which floated at 390p a share in 2010, slid 4% to 250p on Monday.",
                 "Airbnb priced its shares at $68 and opened at $146 on Thursday.",
                 "Snowflake opened at $245, far above the $120 price set for its initial public offering.",
                 "Shares of Activision Blizzard jumped 26% to $82.31, well below the $18-a-share bid.",
                 "THG closed at 600p against a placing price of 500p."):
        values = {c.value for c in claims(text, "2021-04-12T17:00:00+01:00")}
        assert not values & {390, 68, 120, 18, 500}, text


def test_a_line_placed_by_its_venue_or_by_initials():
    cs = claims("Alibaba opened at $92.70 on the New York Stock Exchange on Friday.", "2023-08-11T18:30:00-04:00")
    assert [c.symbol for c in cs] == ["BABA"]
    cs = claims("JD.com earned 3.06 yuan per ADS; its U.S.-listed shares rose 2.1%.", "2023-08-11T18:30:00-04:00")
    assert [c.symbol for c in cs] == ["JD"]


def test_the_subject_before_a_relative_clause_takes_the_verb_after_it():
    cs = claims("Vodafone cut its dividend. The stock, which has trailed the FTSE 100 for a year, lost 3.1p to 98.2p.",
                "2019-05-14T17:30:00+01:00")
    assert {(c.symbol, c.value) for c in cs} == {("VOD.L", -3.1), ("VOD.L", 98.2)}


def test_a_name_inside_a_description_or_tied_by_a_relation_noun_is_not_the_subject():
    cs = claims("Naspers, the South African Tencent investor, slid 2.4% on Monday.", "2022-03-14T18:00:00+02:00")
    assert [c.symbol for c in cs] == ["NPN.JO"]
    cs = claims("Prosus rose 1.1% on Monday. So far this month the Tencent shareholder has gained 6%.",
                "2022-03-14T18:00:00+01:00")
    assert {c.symbol for c in cs} == {"PRX.AS"}


def test_a_figure_set_off_right_after_a_name_is_that_names():
    cs = claims("Saudi Aramco stayed ahead of Apple, worth $2.4 trillion, and Microsoft, at $1.9 trillion.",
                "2022-05-11T18:00:00-04:00")
    assert {(c.symbol, c.value) for c in cs} == {("AAPL", 2.4e12), ("MSFT", 1.9e12)}


def test_a_share_priced_in_millions_of_a_small_unit_currency_is_a_price():
    cs = claims("Samsung Biologics closed at 1,020,000 won on Friday.", "2021-07-02T17:00:00+09:00")
    assert [(c.kind.value, c.value) for c in cs] == [("close", 1.02e6)]


def test_a_participle_after_a_subject_and_the_next_verb_after_an_object_with_a_non_market_noun():
    cs = claims("Honda's sales in Japan fell 5% in May. The carmaker's stock was flat, inching up 0.1% to ¥3,410.",
                "2019-06-14T17:00:00+09:00")
    assert {(c.symbol, c.value) for c in cs} == {("7267.T", 0.1), ("7267.T", 3410)}
    cs = claims("Airbnb opened at $146 against a $68 offer price, traded as high as $165 and ended at $144.71.",
                "2020-12-10T18:00:00-05:00")
    assert {(c.kind.value, c.value) for c in cs} == {("open", 146), ("high", 165), ("close", 144.71)}


def test_a_verb_valuing_a_described_company_and_a_move_before_a_time_of_day():
    cs = claims("Ocado closed at 2,100p. That valued the online grocer at £15.7bn.",
                "2021-03-31T18:00:00+01:00")
    assert ("market_cap", 15.7e9) in {(c.kind.value, c.value) for c in cs}
    cs = claims("Astellas was heading for its worst day in a year, down 5.2 per cent in afternoon trading.",
                "2021-03-31T14:00:00+09:00")
    assert [(c.value, c.time.moment) for c in cs] == [(-5.2, Moment.INTRADAY)]


def test_an_index_ranking_its_members_is_no_subject_and_an_elided_unit_in_a_gapped_list():
    cs = claims("Wipro was the biggest Sensex faller, down 3.4 per cent, while Tata Steel was up 1.2 per cent and "
                "Titan 0.8.", "2023-07-21T17:45:00+05:30")
    assert {(c.symbol, c.kind.value, c.value) for c in cs} == {
        ("WIPRO.NS", "pct_change", -3.4), ("TATASTEEL.NS", "pct_change", 1.2), ("TITAN.NS", "pct_change", 0.8)}


def test_moves_in_brackets_after_names_take_the_direction_before_them():
    cs = claims("Banks were weaker, with falls in Lloyds (1.2 per cent) and Barclays (0.9 per cent).",
                "2023-07-21T17:30:00+01:00")
    assert {(c.symbol, c.value) for c in cs} == {("LLOY.L", -1.2), ("BARC.L", -0.9)}


def test_a_month_a_close_verb_takes_and_another_move_on_a_later_day():
    cs = claims("The Nasdaq finished May up 5.8%, its best month since January.", "2023-06-01T07:00:00-04:00")
    assert [(c.kind.value, c.time.from_session.isoformat(), c.session.isoformat()) for c in cs] == [
        ("range_pct_change", "2023-04-28", "2023-05-31")]
    cs = claims("Boeing shares fell 3.2% to $201.40 on Monday and another 1.7% on Tuesday.",
                "2023-06-07T07:00:00-04:00")
    assert {(c.value, c.session.isoformat()) for c in cs if c.kind.value == "pct_change"} == {
        (-3.2, "2023-06-05"), (-1.7, "2023-06-06")}


def test_a_subjectless_figure_takes_no_name_after_a_semicolon():
    cs = claims("Group firms have lost Rs 80,000 crore in m-cap this week; Tata Steel alone shed 6 per cent.",
                "2023-06-07T17:30:00+05:30")
    assert [(c.symbol, c.value) for c in cs] == [("TATASTEEL.NS", -6)]


def test_a_day_after_that_opens_a_clause_dates_that_clause_and_an_awaited_events_day_dates_nothing():
    cs = claims("Snap recovered on Friday, gaining 2.2% a day after the stock plunged 25% on weak guidance.",
                "2022-05-27T18:00:00-04:00")
    assert {(c.value, c.session.isoformat()) for c in cs} == {(2.2, "2022-05-27"), (-25, "2022-05-26")}
    cs = claims("Traders are waiting for Wednesday's Fed policy decision. Nvidia slipped 1.1 per cent.",
                "2024-09-16T17:00:00-04:00")
    assert [c.session.isoformat() for c in cs] == ["2024-09-16"]


def test_a_move_said_of_the_subject_after_its_figure_keeps_its_own_day_not_anothers_clock():
    cs = claims("At 11:20 BST, Rolls-Royce was 6 per cent higher, beyond the 4.5 per cent it gained on Friday.",
                "2023-03-06T17:00:00+00:00")
    got = {c.value: (c.session.isoformat(), c.time.moment) for c in cs}
    assert got[4.5] == ("2023-03-03", Moment.CLOSE) and got[6][1] is Moment.CLOCK_TIME


def test_review_of_the_nights_rules_in_other_wordings():
    # a sale verb is another figure's predicate, not the topic of a later price
    cs = claims("Birkenstock went public at $46 a share and ended its first day at $41.50.", "2023-10-11T18:00:00-04:00")
    assert [(c.kind.value, c.value) for c in cs] == [("close", 41.5)]
    cs = claims("The placing price of 120p was a 4% discount to Tesco's close of 125p.", "2023-10-11T17:00:00+01:00")
    assert [(c.symbol, c.value) for c in cs] == [("TSCO.L", 125)]
    # a bracketed move is the name's before it, and nobody's after a name we do not know
    cs = claims("The Nikkei fell, with losses in Toyota (1.4 per cent) and Honda (1.1 per cent).",
                "2023-10-11T16:00:00+09:00")
    assert {(c.symbol, c.value) for c in cs} == {("7203.T", -1.4), ("7267.T", -1.1)}
    cs = claims("Carmakers rose, with gains in Zorblax Motors (4.4 per cent) and Honda (1.1 per cent).",
                "2023-10-11T16:00:00+09:00")
    assert {(c.symbol, c.value) for c in cs} == {("7267.T", 1.1)}
    # "another" after a price is a move again; "of last year"; a price in millions of won; a price set off by commas
    cs = claims("Intel rose 2% to $36 on Monday and another $1.20 on Tuesday.", "2023-10-11T18:00:00-04:00")
    assert ("abs_change", 1.2) in {(c.kind.value, c.value) for c in cs}
    cs = claims("Meta shares rose 138% in the first six months of last year.", "2024-03-15T18:00:00-04:00")
    assert [(c.time.from_session.isoformat(), c.session.isoformat()) for c in cs] == [("2022-12-30", "2023-06-30")]
    cs = claims("Samsung Biologics rose 3% to 1.1 million won.", "2023-10-11T16:00:00+09:00")
    assert ("close", 1.1e6) in {(c.kind.value, c.value) for c in cs}
    cs = claims("Pfizer, at $31, and Merck, at $104, both slipped.", "2023-10-11T18:00:00-04:00")
    assert {(c.symbol, c.value) for c in cs} >= {("PFE", 31), ("MRK", 104)}
