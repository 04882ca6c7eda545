"""Verdicts for every kind and every reason code, on synthetic bars with known answers."""
from __future__ import annotations

import pytest
from helpers import article, market_folder

from enrich.market import DirectorySource, MarketData
from enrich.models import Kind, Verdict
from enrich.pipeline import Enricher

US = "https://example.com/story"


@pytest.fixture(scope="module")
def enricher(tmp_path_factory):
    root = tmp_path_factory.mktemp("market")
    market_folder(root, {
        # Tesla, split 5-for-1 on 2020-08-31: the file is adjusted, articles of 2018 quote 5x these prices
        "TSLA": {"2018-09-26": (62.0, 62.5, 61.5, 61.916, 5e6), "2018-09-27": (62.58, 62.99, 61.382, 61.504, 8.5e6),
                 "2020-09-15": (400.0, 410.0, 395.0, 405.0, 1e7)},
        # Meta's history under today's symbol
        "META": {"2018-07-25": (215.0, 218.62, 214.27, 217.50, 6.4e7),
                 "2018-07-26": (174.89, 180.13, 173.75, 176.26, 1.69e8)},
        "^GSPC": {"2018-12-21": (2465.38, 2504.41, 2408.55, 2416.62, 7e9),
                  "2018-12-24": (2400.56, 2410.34, 2351.10, 2351.10, 2.6e9)},
        "BAC": {"2009-02-03": (6.0, 6.1, 5.2, 5.30, 3e8), "2009-02-04": (5.35, 5.45, 4.61, 4.70, 610_037_800)},
    }, splits=[("TSLA", "2020-08-31", 5)], shares=[("META", "2018-07-23", 2887218664)],
        symbols=[("Facebook / Meta", "FB", "2012-05-18", "2022-06-08"), ("Facebook / Meta", "META", "2022-06-09", "")])
    return Enricher(MarketData(folders=[DirectorySource(root)], offline=True))


def judge(enricher, text, published, url=US):
    checked = enricher.check(article(text, published, url))
    return checked.judgements, checked.unchecked


def one(enricher, text, published, kind=None):
    js, _ = judge(enricher, text, published)
    if kind is not None:
        js = [j for j in js if j.claim.kind is kind]
    assert len(js) == 1, [(j.claim.kind, j.claim.quote) for j in js]
    return js[0]


AFTER_CLOSE_2018_09_27 = "2018-09-27T16:54:00-04:00"


def test_close_in_prices_quoted_before_a_later_split(enricher):
    j = one(enricher, "Tesla Inc. shares closed at $307.52 on Thursday.", AFTER_CLOSE_2018_09_27)
    assert j.verdict is Verdict.SUPPORTED and j.evidence["close"] == pytest.approx(307.52)
    assert "un-adjusted" in str(j.evidence["basis"])
    j = one(enricher, "Tesla Inc. shares closed at $61.50 on Thursday.", AFTER_CLOSE_2018_09_27)
    assert j.verdict is Verdict.CONTRADICTED  # the split-adjusted price is not what was quoted that day


def test_abs_and_pct_change(enricher):
    js, _ = judge(enricher, "Tesla Inc. finished Thursday's regular session down $2.06 or 0.67% at $307.52.",
                  AFTER_CLOSE_2018_09_27)
    kinds = {j.claim.kind: j.verdict for j in js}
    assert kinds[Kind.ABS_CHANGE] is Verdict.SUPPORTED and kinds[Kind.PCT_CHANGE] is Verdict.SUPPORTED
    j = one(enricher, "Tesla Inc. shares fell 3.5% on Thursday.", AFTER_CLOSE_2018_09_27)
    assert j.verdict is Verdict.CONTRADICTED


def test_price_during_the_session_against_the_range(enricher):
    ok = one(enricher, "Tesla Inc. shares were trading at $310.00 in midday trading on Thursday.", AFTER_CLOSE_2018_09_27)
    bad = one(enricher, "Tesla Inc. shares were trading at $330.00 in midday trading on Thursday.",
              AFTER_CLOSE_2018_09_27)
    assert (ok.verdict, bad.verdict) == (Verdict.SUPPORTED, Verdict.CONTRADICTED)


def test_as_much_as_needs_the_extreme(enricher):
    ok = one(enricher, "Tesla Inc. shares rose as much as 1.7% on Thursday.", AFTER_CLOSE_2018_09_27)
    bad = one(enricher, "Tesla Inc. shares rose as much as 5% on Thursday.", AFTER_CLOSE_2018_09_27)
    assert (ok.verdict, bad.verdict) == (Verdict.SUPPORTED, Verdict.CONTRADICTED)


@pytest.mark.parametrize("text,reason", [
    ("Tesla Inc. shares fell 10 percent in extended trading on Thursday.", "after_hours"),
    ("Tesla Inc. shares rose 2 percent in premarket trading on Thursday.", "pre_market"),
    ("Tesla Inc. shares were up 1 percent at 10:30 a.m. on Thursday.", "clock_time"),
])
def test_unverifiable_moments(enricher, text, reason):
    j = one(enricher, text, AFTER_CLOSE_2018_09_27)
    assert (j.verdict, j.reason) == (Verdict.UNVERIFIABLE, reason)


def test_market_value_with_and_without_a_share_count(enricher):
    j = one(enricher, "On Thursday a weak forecast cost Facebook more than $120 billion in market value.",
            "2018-07-27T08:00:00-04:00")
    assert j.claim.symbol == "FB" and j.verdict is Verdict.SUPPORTED and j.evidence["shares"] == 2887218664
    j = one(enricher, "Tesla Inc. had a market value of about $52 billion on Thursday.", AFTER_CLOSE_2018_09_27)
    assert (j.verdict, j.reason) == (Verdict.UNVERIFIABLE, "no_shares")


def test_market_value_level(enricher):
    j = one(enricher, "Facebook shares closed on Thursday, valuing the company at about $509 billion.",
            "2018-07-26T18:00:00-04:00", Kind.MARKET_CAP)
    assert j.verdict is Verdict.SUPPORTED


def test_symbol_change_fb_is_judged_on_meta_history(enricher):
    j = one(enricher, "Facebook's shares ended 19 per cent lower on Thursday.", "2018-07-26T18:00:00-04:00")
    assert j.claim.symbol == "FB" and j.verdict is Verdict.SUPPORTED and j.evidence["prev_close"] == 217.5


def test_volume(enricher):
    j = one(enricher, "On Wednesday more than 600 million BofA shares changed hands.", "2009-02-04T17:30:00-05:00",
            Kind.VOLUME)
    assert j.verdict is Verdict.SUPPORTED
    j = one(enricher, "On Wednesday more than 900 million BofA shares changed hands.", "2009-02-04T17:30:00-05:00",
            Kind.VOLUME)
    assert j.verdict is Verdict.CONTRADICTED


def test_index_level_points_and_percent(enricher):
    js, _ = judge(enricher, "The S&P 500 index shed 65.52 points, or 2.7%, closing at 2,351.10.",
                  "2018-12-24T14:00:00-05:00")
    kinds = {j.claim.kind: j.verdict for j in js}
    assert kinds == {Kind.ABS_CHANGE: Verdict.SUPPORTED, Kind.INDEX_PCT_CHANGE: Verdict.SUPPORTED,
                     Kind.INDEX_LEVEL: Verdict.SUPPORTED}


def test_range_change(enricher):
    j = one(enricher, "Tesla Inc. shares have risen 6 percent so far this year.", AFTER_CLOSE_2018_09_27)
    # the synthetic year opened at a flat 100.0 quoted as 500.0 after un-adjusting: 307.52 is -38.5%
    assert j.claim.kind is Kind.RANGE_PCT_CHANGE and j.verdict is Verdict.CONTRADICTED
    assert j.evidence["pct_change"] == pytest.approx(-38.496, abs=0.01)


def test_no_data_and_no_publish_time_are_set_apart(enricher):
    _, unchecked = judge(enricher, "Apple shares fell 2 percent on Thursday.", AFTER_CLOSE_2018_09_27)
    assert [u.reason for u in unchecked] == ["no_data"]
    checked = enricher.check(article("Tesla Inc. shares fell 2 percent on Thursday.", None))
    assert [u.reason for u in checked.unchecked] == ["no_publish_time"]
    assert checked.article.published is None


def test_explanation_is_one_plain_sentence_with_the_bars(enricher):
    j = one(enricher, "Facebook's shares ended 19 per cent lower on Thursday.", "2018-07-26T18:00:00-04:00")
    assert "26 Jul 2018" in j.explanation and "$217.50" in j.explanation
    assert {"session", "prev_close", "open", "high", "low", "close", "volume", "source", "fetched_at", "basis"} <= set(
        j.evidence)


def test_a_date_outside_the_calendar_sets_the_figure_apart(enricher):
    _, unchecked = judge(enricher, "Tesla Inc. shares ended 1989 at $28.50 and rose 2 percent on Thursday.",
                         AFTER_CLOSE_2018_09_27)
    assert [(u.claim.value, u.reason) for u in unchecked] == [(28.5, "no_session")]


def test_a_record_is_the_extreme_of_the_whole_history(enricher):
    # the all-time high named after the figure, with no day: Meta's record close in the data, 217.50 on 25 July
    text = "Facebook shares closed at $176.26 on Thursday, down from nearly $218 -- an all-time high -- a day earlier."
    j = one(enricher, text, "2018-07-26T17:00:00-04:00", Kind.HIGH)
    assert j.verdict is Verdict.SUPPORTED and j.evidence["session"] == "2018-07-25"
    assert "highest" in j.explanation
    # a figure below the record, even one some session traded at, is not the record
    j = one(enricher, text.replace("nearly $218", "$180"), "2018-07-26T17:00:00-04:00", Kind.HIGH)
    assert j.verdict is Verdict.CONTRADICTED
    # a record for a company listed before the calendar begins (1990) still has a window to search
    j = one(enricher, "Bank of America shares fell to $4.70, far below their all-time high of $55.08.",
            "2009-02-04T17:00:00-05:00", Kind.HIGH)
    assert j.verdict is Verdict.CONTRADICTED and j.claim.time.extreme == "high"


def test_a_close_is_a_record_only_when_the_text_says_so(enricher):
    from helpers import article as make

    said = enricher.extract(make("Facebook closed at a record $217.50 on Wednesday.", "2018-07-25T17:00:00-04:00"))
    assert said.claims[0].time.extreme == "high"
    other = enricher.extract(make("Facebook closed at $217.50 on Wednesday after record revenue.",
                                  "2018-07-25T17:00:00-04:00"))
    assert other.claims[0].time.extreme == ""


AFTER_CLOSE_2020_09_15 = "2020-09-15T17:00:00-04:00"


def test_a_change_across_a_split_compares_prices_in_the_later_shares(enricher):
    # 307.52 quoted on 27 Sep 2018 is 61.504 in the shares after the 5-for-1 split; 405 / 61.504 is +558.5%
    j = one(enricher, "Tesla Inc. shares have risen 558% since Sept. 27, 2018.", AFTER_CLOSE_2020_09_15)
    assert j.verdict is Verdict.SUPPORTED and j.evidence["from_close"] == pytest.approx(307.52)
    j = one(enricher, "Tesla Inc. shares have risen 32% since Sept. 27, 2018.", AFTER_CLOSE_2020_09_15)
    assert j.verdict is Verdict.CONTRADICTED  # the quoted prices of either side, uncorrected


def test_a_record_across_a_split_compares_prices_in_the_later_shares(enricher):
    # before the split every session quoted about $500 (five times the file's 100); in today's shares, $100
    j = one(enricher, "Tesla Inc. shares hit a record high of $410 on Tuesday.", AFTER_CLOSE_2020_09_15, Kind.HIGH)
    assert j.verdict is Verdict.SUPPORTED and j.evidence["session"] == "2020-09-15"
    j = one(enricher, "Tesla Inc. shares hit a record high of $502.50 on Tuesday.", AFTER_CLOSE_2020_09_15, Kind.HIGH)
    assert j.verdict is Verdict.CONTRADICTED and "$410.00 on Tue 15 Sep 2020" in j.explanation


def newly_listed(root):
    """An Enricher over a folder whose Rivian prices start on its first day of trading, 10 Nov 2021."""
    market_folder(root, {"RIVN": {"2021-11-10": (106.75, 119.46, 95.20, 100.73, 1.03e8)}})
    (root / "prices" / "RIVN.csv").write_text("Date,Open,High,Low,Close,Adj Close,Volume\n"
                                              "2021-11-10,106.75,119.46,95.20,100.73,100.73,103000000\n"
                                              "2021-11-11,114.63,125.00,108.01,122.99,122.99,83000000\n")
    return Enricher(MarketData(folders=[DirectorySource(root)], offline=True))


def test_a_move_on_the_first_day_of_trading_is_measured_from_the_ipo_price(tmp_path):
    e = newly_listed(tmp_path)
    text = ("Rivian Automotive soared 29% on Wednesday, its first day of trading. The electric truck maker had "
            "priced its initial public offering at $78 a share.")
    js, _ = judge(e, text, "2021-11-10T18:00:00-05:00")
    j = next(j for j in js if j.claim.kind is Kind.PCT_CHANGE)
    assert j.verdict is Verdict.SUPPORTED and j.evidence.get("offer_price") == 78.0  # 100.73 / 78 - 1 = +29.1%
    js, _ = judge(e, text.replace("29%", "19%"), "2021-11-10T18:00:00-05:00")
    assert next(j for j in js if j.claim.kind is Kind.PCT_CHANGE).verdict is Verdict.CONTRADICTED


def test_a_figure_of_the_first_day_of_trading_is_of_the_listings_first_session(tmp_path):
    e = newly_listed(tmp_path)
    text = "Rivian Automotive jumped on Thursday. On its first day of trading, the truck maker closed at $100.73."
    js, _ = judge(e, text, "2021-11-12T09:00:00-05:00")
    j = next(j for j in js if j.claim.kind is Kind.CLOSE)
    assert j.claim.session.isoformat() == "2021-11-10" and j.verdict is Verdict.SUPPORTED


def test_an_ipo_price_belongs_to_its_company_and_a_tender_offer_is_none(tmp_path):
    e = newly_listed(tmp_path)
    text = ("Exxon agreed a tender offer price of $78 a share for a rival. Rivian Automotive soared 29% on "
            "Wednesday, its first day of trading.")
    js, unchecked = judge(e, text, "2021-11-10T18:00:00-05:00")
    assert not [j for j in js if j.claim.kind is Kind.PCT_CHANGE]  # no earlier bar, and no IPO price of its own


def test_a_figure_of_the_first_day_is_at_that_days_close_though_published_in_a_later_session(tmp_path):
    e = newly_listed(tmp_path)
    js, _ = judge(e, "On its first day of trading, Rivian Automotive closed at $100.73.", "2021-11-11T12:00:00-05:00")
    j = next(j for j in js if j.claim.kind is Kind.CLOSE)
    assert j.claim.session.isoformat() == "2021-11-10" and j.verdict is Verdict.SUPPORTED
