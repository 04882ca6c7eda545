"""The seed article end to end, offline, from the snapshot in seeds/market."""
from __future__ import annotations

import datetime as dt

from conftest import SEED, SEED_MARKET

from enrich.article import read
from enrich.models import Kind, Moment, Verdict
from enrich.pipeline import Enricher, open_market


def _checked():
    market = open_market([str(SEED_MARKET)], offline=True, use_store=False)
    article = next(read([str(SEED)]))
    return article, Enricher(market).check(article)


def test_publish_time_is_india_time():
    article = next(read([str(SEED)]))
    assert article.published == dt.datetime(2018, 8, 7, 0, 5, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    assert "IST" in article.published_how and "+05:30" in article.published_how


def test_mentions_and_only_market_figures():
    article, checked = _checked()
    symbols = {m.symbol for m in checked.mentions}
    assert symbols == {"FB", "USB"}
    values = sorted(j.claim.value for j in checked.judgements)
    assert values == [-100e9, 3.6, 184.24]  # not 1.3 billion users, not 87 million users
    assert all(j.claim.symbol == "FB" for j in checked.judgements)


def test_seed_verdicts():
    _, checked = _checked()
    by_value = {j.claim.value: j for j in checked.judgements}
    price = by_value[184.24]
    assert price.claim.kind is Kind.PRICE and price.claim.time.moment is Moment.INTRADAY
    assert price.verdict is Verdict.SUPPORTED and price.evidence["session"] == "2018-08-06"
    assert (price.evidence["low"], price.evidence["high"]) == (178.38, 185.79)
    move = by_value[3.6]
    assert move.verdict is Verdict.SUPPORTED and move.evidence["prev_close"] == 177.78
    wiped = by_value[-100e9]
    assert wiped.claim.kind is Kind.MARKET_CAP_CHANGE and wiped.claim.approx == "some"
    assert wiped.verdict is Verdict.SUPPORTED and wiped.evidence["session"] == "2018-07-26"
    assert wiped.evidence["shares"] == 2887218664
    assert "26 Jul 2018" in wiped.date_note and "last week" in wiped.date_note
