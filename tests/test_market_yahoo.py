"""The Yahoo provider through yfinance's own code path, with the HTTP side answered on 127.0.0.1."""
from __future__ import annotations

import csv
import datetime as dt
import time

import pytest
from conftest import SEED_MARKET
from fake_yahoo import FakeYahoo

from enrich.errors import DataError, OfflineError, ProviderError, UnknownSymbolError
from enrich.market import MarketData, Store, YahooSource
from enrich.market.network import Timeouts

TODAY = dt.date(2018, 9, 28)


def _seed_bars(symbol: str):
    with (SEED_MARKET / "prices" / f"{symbol}.csv").open() as fh:
        return [(r["Date"], float(r["Open"]), float(r["High"]), float(r["Low"]), float(r["Close"]),
                 float(r["Adj Close"]), float(r["Volume"])) for r in csv.DictReader(fh)]


@pytest.fixture(autouse=True)
def _yf_cache(tmp_path):
    import yfinance as yf

    from yfinance.data import YfData

    yf.set_tz_cache_location(str(tmp_path / "yf-cache"))
    YfData.cache_get.cache_clear()  # yfinance memoises GET answers in-process; each test starts clean


@pytest.fixture
def fake():
    # Yahoo serves Facebook's history as META today.
    with FakeYahoo({"META": _seed_bars("FB"), "^GSPC": _seed_bars("^GSPC")},
                   shares={"META": [("2018-07-23", 2887218664.0)]}) as f:
        yield f


def _yahoo(store, fake, **kw):
    waits = []
    y = YahooSource(store, session=fake.session(), timeouts=Timeouts(read=kw.pop("timeout", 5)), sleep=waits.append,
                    today=lambda: TODAY, **kw)
    return y, waits


def test_fetch_stores_bars_and_second_run_makes_no_request(tmp_path, fake):
    store = Store(tmp_path / "s.sqlite")
    y, _ = _yahoo(store, fake)
    market = MarketData(store=store, yahoo=y)
    s = market.series("FB", dt.date(2018, 7, 20), dt.date(2018, 8, 10))
    assert s.bar(dt.date(2018, 8, 6)).close == pytest.approx(185.69, abs=1e-5)
    assert fake.chart_requests.count("META") == 1  # FB is asked for under today's symbol
    before = len(fake.all_requests)
    y2 = _yahoo(Store(tmp_path / "s.sqlite"), fake)[0]
    again = MarketData(store=Store(tmp_path / "s.sqlite"), yahoo=y2)
    assert again.series("FB", dt.date(2018, 7, 20), dt.date(2018, 8, 10)).bar(dt.date(2018, 7, 26)).close == \
        pytest.approx(176.26, abs=1e-5)
    assert len(fake.all_requests) == before  # zero network requests on the second run
    assert y2.requests == 0  # and yfinance was not even called: the store's coverage answered


def test_one_request_per_symbol_for_a_batch(tmp_path, fake):
    store = Store(tmp_path / "s.sqlite")
    y, _ = _yahoo(store, fake)
    market = MarketData(store=store, yahoo=y)
    wants = [("FB", dt.date(2018, 7, 1), dt.date(2018, 8, 1)), ("FB", dt.date(2018, 7, 1), dt.date(2018, 8, 1)),
             ("^GSPC", dt.date(2018, 7, 1), dt.date(2018, 8, 1))]
    market.prefetch(wants)
    assert sorted(fake.chart_requests) == ["META", "^GSPC"]


def test_rate_limit_then_success_backs_off(tmp_path, fake):
    # yfinance itself retries once with fresh cookies, so each of our tries may use up two 429s
    fake.rate_limit["META"] = 4
    store = Store(tmp_path / "s.sqlite")
    y, waits = _yahoo(store, fake, backoff=1.5)
    y.fetch(["META"], dt.date(2018, 7, 1), dt.date(2018, 8, 1))
    assert fake.rate_limit["META"] == 0
    assert waits and waits[0] == 1.5 and all(b == 2 * a for a, b in zip(waits, waits[1:]))
    assert store.bars("META", dt.date(2018, 7, 26), dt.date(2018, 7, 26))


def test_rate_limit_gives_up_after_bounded_tries(tmp_path, fake):
    fake.rate_limit["META"] = 10
    y, waits = _yahoo(Store(tmp_path / "s.sqlite"), fake, tries=3)
    with pytest.raises(ProviderError, match="rate-limited"):
        y.fetch(["META"], dt.date(2018, 7, 1), dt.date(2018, 8, 1))
    assert len(waits) == 2


def test_timeout_is_a_clear_error(tmp_path, fake):
    fake.delay["META"] = 2.0
    y, _ = _yahoo(Store(tmp_path / "s.sqlite"), fake, timeout=0.3)
    with pytest.raises(ProviderError, match="did not answer"):
        y.fetch(["META"], dt.date(2018, 7, 1), dt.date(2018, 8, 1))


def test_unknown_symbol(tmp_path, fake):
    y, _ = _yahoo(Store(tmp_path / "s.sqlite"), fake)
    with pytest.raises(UnknownSymbolError, match="NOSUCH"):
        y.fetch(["NOSUCH"], dt.date(2018, 7, 1), dt.date(2018, 8, 1))


def test_empty_range_is_an_error_not_an_empty_answer(tmp_path, fake):
    y, _ = _yahoo(Store(tmp_path / "s.sqlite"), fake, )
    y.today = lambda: dt.date(2018, 5, 20)  # before the first bar the fake holds
    with pytest.raises(DataError, match="no META bars"):
        y.fetch(["META"], dt.date(2018, 5, 1), dt.date(2018, 5, 18))


def test_shares_outstanding_from_yahoo(tmp_path, fake):
    store = Store(tmp_path / "s.sqlite")
    y, _ = _yahoo(store, fake)
    market = MarketData(store=store, yahoo=y)
    got = market.shares_at("FB", dt.date(2018, 7, 26))
    assert got is not None and got.shares == 2887218664


def test_offline_never_fetches(tmp_path, fake):
    store = Store(tmp_path / "s.sqlite")
    y, _ = _yahoo(store, fake)
    market = MarketData(store=store, yahoo=y, offline=True)
    with pytest.raises(OfflineError, match="--offline"):
        market.series("FB", dt.date(2018, 7, 1), dt.date(2018, 8, 1))
    assert fake.all_requests == []


def test_unreachable_network_is_a_clear_offline_error(tmp_path):
    with FakeYahoo({"META": _seed_bars("FB")}) as f:
        session = f.session()
    # the fake is gone: every connection is refused, as on a machine without network
    y = YahooSource(Store(tmp_path / "s.sqlite"), session=session, timeouts=Timeouts(2, 2), sleep=lambda s: None,
                    today=lambda: TODAY)
    with pytest.raises(ProviderError, match="Yahoo is not answering"):
        y.fetch(["META"], dt.date(2018, 7, 1), dt.date(2018, 8, 1))


def test_a_429_in_a_port_number_is_not_rate_limiting():
    from enrich.market.yahoo import _is_rate_limit, _is_timeout

    exc = TimeoutError("HTTPConnectionPool(host='127.0.0.1', port=42913): Read timed out. (read timeout=0.3)")
    assert _is_timeout(exc) and not _is_rate_limit(exc)
    assert _is_rate_limit(RuntimeError("429 Client Error: Too Many Requests for url: https://x"))


def test_glitch_rows_in_yahoos_answer_are_set_aside_and_kept_as_problems(tmp_path):
    bars = _seed_bars("FB")
    glitch = {"2018-07-24": lambda r: (r[0], r[1], r[3] - 1, r[3], r[4], r[5], r[6])}  # High below Low
    bars = [glitch[r[0]](r) if r[0] in glitch else r for r in bars]
    with FakeYahoo({"META": bars}) as f:
        store = Store(tmp_path / "s.sqlite")
        y, _ = _yahoo(store, f)
        s = MarketData(store=store, yahoo=y).series("FB", dt.date(2018, 7, 20), dt.date(2018, 8, 10))
    assert s.bar(dt.date(2018, 7, 24)) is None and s.bar(dt.date(2018, 7, 25)) is not None
    (p,) = store.problems("META")
    assert p.file == "yahoo (yfinance)" and p.date == dt.date(2018, 7, 24) and "below Low" in p.message
    assert [q.date for q in s.problems] == [dt.date(2018, 7, 24)]
    assert "data_problems" in s.provenance(dt.date(2018, 7, 25))


def test_a_dead_network_costs_one_timeout_for_the_whole_run(tmp_path):
    from fake_yahoo import SilentServer

    from enrich.article import make_article
    from enrich.pipeline import Enricher

    text = ("Facebook shares fell 2 percent on Monday, Apple rose 1 percent and the S&P 500 gained 0.5 percent. "
            "Netflix slid 3 percent.")
    with SilentServer() as silent:
        store = Store(tmp_path / "s.sqlite")
        y = YahooSource(store, session=silent.session(), timeouts=Timeouts(connect=0.5, read=1.0),
                        sleep=lambda s: None, today=lambda: TODAY)
        enricher = Enricher(MarketData(store=store, yahoo=y))
        article = make_article("t", text, published="2018-08-07T10:00:00-04:00")
        started = time.monotonic()
        checked = enricher.check(article)
        took = time.monotonic() - started
        assert len(silent.accepted) == 1  # the first request hung; no other was sent
    assert took < 4  # one read timeout, not one per symbol or per yfinance request
    assert len(checked.unchecked) >= 4 and not checked.judgements
    assert all("Yahoo is not answering" in j.explanation for j in checked.unchecked)
    assert y.breaker.down and y.breaker.waited == pytest.approx(1.0, abs=0.5)


def test_the_guard_bounds_curl_requests_as_well(tmp_path):
    from fake_yahoo import SilentServer

    from enrich.market.network import Breaker, YahooDown, guard, new_session

    breaker = Breaker()
    with SilentServer() as silent:
        session = guard(new_session(), Timeouts(connect=0.5, read=1.0), breaker)
        started = time.monotonic()
        with pytest.raises(Exception, match="(?i)timed out|timeout"):
            session.get(f"http://127.0.0.1:{silent.port}/v8/finance/chart/META", timeout=30)  # 30 s is overridden
        assert time.monotonic() - started < 4
        with pytest.raises(YahooDown):
            session.get(f"http://127.0.0.1:{silent.port}/again")
    assert breaker.reason == "it did not answer in time" and len(silent.accepted) == 1


def test_todays_bar_is_asked_for_again_until_the_day_is_over(tmp_path, fake):
    last = dt.date.fromisoformat(fake.bars["META"][-1][0])
    store = Store(tmp_path / "s.sqlite")
    for _ in range(2):
        y = YahooSource(store, session=fake.session(), sleep=lambda s: None, today=lambda: last)
        y.fetch(["META"], dt.date(2018, 7, 1), last)
        assert y.requests == 1  # the session of `last` may still be trading: asked again each run
    assert store.bars("META", last, last)  # meanwhile its bar is used
    y = YahooSource(store, session=fake.session(), sleep=lambda s: None, today=lambda: last)
    y.fetch(["META"], dt.date(2018, 7, 1), last - dt.timedelta(days=1))
    assert y.requests == 0  # the days before are done


def test_answers_a_locked_store_cannot_take_are_used_from_memory_and_the_store_is_not_waited_on_twice(tmp_path,
                                                                                                        fake):
    from test_market_store_faults import hold

    path = tmp_path / "s.sqlite"
    Store(path).close()
    holder = hold(path, "wal")  # another process is writing (a long import)
    try:
        store = Store(path, busy_timeout=0.5)
        y, _ = _yahoo(store, fake)
        market = MarketData(store=store, yahoo=y)
        started = time.monotonic()
        s = market.series("FB", dt.date(2018, 7, 20), dt.date(2018, 8, 10))
        g = market.series("^GSPC", dt.date(2018, 7, 20), dt.date(2018, 8, 10))
        assert time.monotonic() - started < 3  # one busy timeout of 0.5 s, not one per symbol
        assert s.bar(dt.date(2018, 7, 26)).close == pytest.approx(176.26, abs=1e-5) and g.bars
        (warning,) = market.take_problems()
        assert "locked by another process" in str(warning) and "not kept" in str(warning)
    finally:
        holder.kill()
        holder.wait()
    assert not Store(path).has("META")  # nothing half-written
