"""Figures read out of text: kinds, signs, hedges, subjects, and what is not a market figure."""
from __future__ import annotations

import datetime as dt

import pytest
from helpers import article

from enrich.figures import find_figures
from enrich.models import Kind, Moment
from enrich.pipeline import Enricher

ENRICHER = Enricher()


def claims(text: str, published: str = "2018-08-06T14:35:00-04:00", url: str = "https://example.com/a"):
    return ENRICHER.extract(article(text, published, url)).claims


@pytest.mark.parametrize("written,value,unit", [
    ("USD 184.24", 184.24, "money"), ("US$184.24", 184.24, "money"), ("$1.2bn", 1.2e9, "money"),
    ("$100 billion", 100e9, "money"), ("56 billion USD", 56e9, "money"), ("97 cents", 0.97, "money"),
    ("a penny", 0.01, "money"), ("3.6 percent", 3.6, "pct"), ("19 per cent", 19, "pct"), ("3.6 pct", 3.6, "pct"),
    ("half a percent", 0.5, "pct"), ("Rs 1,200 crore", 1.2e10, "money"), ("140.08 points", 140.08, "points"),
])
def test_numbers_written_every_way(written, value, unit):
    f = find_figures(f"It was {written} then.")[0]
    assert f.value == pytest.approx(value) and f.unit == unit


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


def test_british_pc_and_ranges_do_not_cross_into_a_contrasting_clause():
    cs = claims("Wells Fargo shares closed down 1.2pc at $52.50 last night.", "2018-03-02T08:00:00+00:00",
                "https://www.telegraph.co.uk/x")
    assert (cs[0].kind, cs[0].value, cs[0].session) == (Kind.PCT_CHANGE, -1.2, dt.date(2018, 3, 1))
    cs = claims("The stock of Intel has lost about 15% so far this year, while the Philadelphia Semiconductor "
                "Index fell 1.3%.", "2020-07-24T18:00:00-04:00")
    kinds = {c.symbol: c.kind for c in cs}
    assert kinds == {"INTC": Kind.RANGE_PCT_CHANGE, "^SOX": Kind.INDEX_PCT_CHANGE}


def test_market_value_that_topped_a_mark_is_at_least_that():
    (c,) = claims("Tesla's market capitalisation topped $100 billion for the first time on Tuesday.",
                  "2018-03-14T16:30:00-04:00")
    assert (c.symbol, c.kind, c.value, c.approx) == ("TSLA", Kind.MARKET_CAP, 100e9, "topping")


def test_index_members_and_a_name_after_the_figure():
    # "the Dow's worst performer" is Bank of America, not the Dow
    cs = claims("Bank of America was the Dow's worst performer, sinking more than 11% to a multiyear low of $4.70.")
    assert {(c.symbol, c.kind, c.value) for c in cs} == {("BAC", Kind.PCT_CHANGE, -11), ("BAC", Kind.CLOSE, 4.7)}
    # "a 4% gain in Nvidia" is Nvidia's; the index's own move before it stays the index's
    cs = claims("The Nasdaq climbed 1.2% on Monday, helped by a 4% gain in Nvidia.")
    assert [(c.symbol, c.value) for c in cs] == [("^IXIC", 1.2), ("NVDA", 4)]



def test_direction_words_agree_with_the_pattern():
    import random
    import re

    from enrich import claims as cl

    direction = re.compile(r"\b(?:(?P<neg>" + cl.NEG + r")|(?P<pos>" + cl.POS + r"))\b")  # the readable form
    words = [w.replace(r"\w*", "") for w in (cl.NEG + "|" + cl.POS).split("|")]
    words += [w + suffix for w in words for suffix in ("ing", "s", "ed", "2", "_x")] + [
        "flower", "upper", "offer", "lowering", "costs", "the", "shares", "3.6", "per", "cent", "up-to-date"]
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", ", ", "'s ", "-", ".", "é"]) for _ in range(25))
        want = tuple((m.start(), m.end(), -1 if m.group("neg") else 1) for m in direction.finditer(text))
        assert cl.direction_words(text, 0, len(text)) == want, text


def test_word_tries_agree_with_the_patterns_they_replace():
    import random
    import re

    from enrich import claims as cl

    old = {
        "NON_MARKET": r"\b(?:revenue|revenues|sales|income|profit|profits|earnings|eps|loans?|deposits|assets|"
        r"subscribers?|users|members|customers|accounts|margins?|expenses|costs|spending|orders|shipments|deliveries|"
        r"production|output|gdp|inflation|unemployment|jobs|rates?|yields?|premium|stake|dividends?|buybacks?|"
        r"forecasts?|guidance|estimates?|targets?|tax|wages?|salar\w+|pay|bonus|fines?|penalt\w+|price (?:increase|"
        r"rise|hike|cut)|owns|owned|interest|weight|weighting|growth|headcount|employees|workforce|budget|debt|bonds?|"
        r"savings|payment|settlement|cash|fortune|net worth|wealth|purchase price|deal|acquisition|offer|bid|"
        r"valuation of the deal)\b",
        "MARKET_NOUN": r"\b(?:shares?|stocks?|index|indexes|indices|benchmark|market value|market cap\w*|"
        r"capitali[sz]ation|price|value|valuation|it|its|they|their|company|bank|lender)\b",
        "PER_SHARE_NON_MARKET": r"\b(?:dividend|earnings|eps|guidance|forecast|estimate|consensus|target|payout|"
        r"coupon|per share in)\b",
    }
    vocabulary = ("revenue revenues sales salary salaries penalty profit its it itself stock stocks stockholders market "
                  "value cap caps capitalization price increase increases deal of the valuation net worth per share in "
                  "dividend x1 _a é shares users fine fined target").split()
    rng = random.Random(9)
    for name, pattern in old.items():
        want_re, got = re.compile(pattern), getattr(cl, name)
        for _ in range(400):
            text = "".join(rng.choice(vocabulary) + rng.choice([" ", " ", "-", ", ", "'s "]) for _ in range(12))
            assert [m.span() for m in got.finditer(text)] == [m.span() for m in want_re.finditer(text)], (name, text)
            hit = got.search(text, 3)
            want = want_re.search(text, 3)
            assert (hit and hit.span()) == (want and want.span()), (name, text)


def test_referring_phrases_found_as_the_word_bounded_pattern_finds_them():
    import random
    import re

    from enrich import claims as cl
    from enrich.textcase import word_starts

    pieces = ["the", "its", "it", "their", "this", "that", "bathe", "itself", "with", "company", "social", "network",
              "iphone", "maker", "stock", "shares", "the social network", "the iphone maker", "edit", "its stock",
              "benchmark", "index", "x", "3.6%", ",", "."]
    rng = random.Random(3)
    generic = re.compile(r"\b(?:the|its|their|this|that)" + cl._REF_NOUNS + r"|\bits\s+(?:stock|shares)\b|\b(?:it|its)\b")
    fast_descriptors = ENRICHER.claims.descriptor_re
    descriptors = re.compile(r"\b" + fast_descriptors.pattern)
    for _ in range(1500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        text = text.replace(" ,", ",") if rng.random() < 0.5 else text.replace(" ", "")
        for fast, slow in ((cl.GENERIC_REF, generic),
                           (fast_descriptors, descriptors)):
            got = [(m.span(), m.groups()) for m in word_starts(fast, text, 0, len(text))]
            assert got == [(m.span(), m.groups()) for m in slow.finditer(text)], text
