"""Judged figures built by hand for the chart tests, so a chart test checks drawing, not reading.

Two cases: the seed's three figures (as the seed's market snapshot judges them), and a market wrap of six
figures on a Nasdaq-like index over bars written for the tests (tests/fixtures/wrap, not market data):
points, percent and level at the close, a move "as much as" during the session, a four-session slide and a
slide from a record close months before.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import SEED, SEED_MARKET

from enrich.models import Claim, Judgement, Kind, Moment, TimeRef, Verdict
from enrich.pipeline import open_market

WRAP_MARKET = Path(__file__).resolve().parent / "fixtures" / "wrap"
WRAP_TEXT = ("Technology shares led Wall Street lower on Monday. The Nasdaq Composite shed 142.47 points, or 1%, and "
             "settled at 13,697.37. At its worst the index fell as much as 2.4% during the session. The Nasdaq has "
             "now slid 2.7% over four sessions and stands 14.3% below its Oct. 25 record close.")
WRAP_PUBLISHED = dt.datetime(2021, 12, 20, 17, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def judged(text: str, quote: str, symbol: str, kind: Kind, value: float, session: dt.date, verdict: Verdict, *,
           moment: Moment = Moment.CLOSE, start_session: dt.date | None = None, approx: str = "", decimals: int = 0,
           unit_scale: float = 1.0, reason: str = "", note: str = "") -> Judgement:
    start = text.index(quote)
    time = TimeRef("", session, moment, from_session=start_session, moment_stated=moment is not Moment.CLOSE)
    claim = Claim("case", symbol, kind, value, quote, start, start + len(quote), approx=approx, decimals=decimals,
                  unit_scale=unit_scale, time=time)
    return Judgement(claim, verdict, reason, {"session": session.isoformat()},
                     f"{symbol} on {session}: the figure {'agrees' if verdict is Verdict.SUPPORTED else 'differs'}.",
                     note)


def wrap_judgements() -> list[Judgement]:
    monday, t = dt.date(2021, 12, 20), WRAP_TEXT
    s, c = Verdict.SUPPORTED, Verdict.CONTRADICTED
    return [
        judged(t, "shed 142.47 points", "^IXIC", Kind.ABS_CHANGE, -142.47, monday, s, decimals=2),
        judged(t, "or 1%", "^IXIC", Kind.INDEX_PCT_CHANGE, -1.0, monday, s),
        judged(t, "settled at 13,697.37", "^IXIC", Kind.INDEX_LEVEL, 13697.37, monday, s, decimals=2),
        judged(t, "fell as much as 2.4%", "^IXIC", Kind.INDEX_PCT_CHANGE, -2.4, monday, c, moment=Moment.EXTREME,
               approx="as much as", decimals=1),
        judged(t, "slid 2.7% over four sessions", "^IXIC", Kind.RANGE_PCT_CHANGE, -2.7, monday, s,
               start_session=dt.date(2021, 12, 14), decimals=1),
        judged(t, "14.3% below its Oct. 25 record close", "^IXIC", Kind.RANGE_PCT_CHANGE, -14.3, monday, s,
               start_session=dt.date(2021, 10, 25), decimals=1),
    ]


def seed_judgements() -> list[Judgement]:
    t, s = SEED.read_text(encoding="utf-8"), Verdict.SUPPORTED
    return [
        judged(t, "wiping out some $100 billion", "FB", Kind.MARKET_CAP_CHANGE, -100e9, dt.date(2018, 7, 26), s,
               approx="some", unit_scale=1e9, note="Date: the text says 'last week'; the move that fits is 26 Jul."),
        judged(t, "up 3.6 percent", "FB", Kind.PCT_CHANGE, 3.6, dt.date(2018, 8, 6), s, moment=Moment.INTRADAY,
               decimals=1),
        judged(t, "to USD 184.24", "FB", Kind.PRICE, 184.24, dt.date(2018, 8, 6), s, moment=Moment.INTRADAY,
               decimals=2),
    ]


SEED_PUBLISHED = dt.datetime(2018, 8, 7, 0, 5, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))


def seed_market():
    return open_market([str(SEED_MARKET)], offline=True, use_store=False)


def wrap_market():
    return open_market([str(WRAP_MARKET)], offline=True, use_store=False)
