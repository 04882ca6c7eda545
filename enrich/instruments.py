"""What a symbol is traded as: its exchange calendar, currency, the unit its prices are quoted in, and the
benchmark index to chart it against.

Every stage that needs to know how a market quotes asks here (the reader for "446p" against a London
share, the judge for the currency in its sentence, the chart for its axis and benchmark), so a market is
described in one place: enrich/data/markets.csv, one row per venue (MIC). A symbol's venue is its listing's
in the gazetteer, else read from its Yahoo suffix; an index's is its row in indices.csv.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Market:
    """How one venue quotes its shares."""

    calendar: str  # exchange_calendars code
    currency: str  # ISO 4217 of the major unit: GBP, INR, JPY
    quote_unit: str  # the unit prices are quoted in: "GBp" (pence) in London, else the currency
    per_major: float  # quote units per major unit: 100 for pence, 1 elsewhere
    benchmark: str  # Yahoo symbol of the index a chart compares with
    mic: str = "XNYS"  # ISO 10383 venue code
    suffix: str = ""  # Yahoo's symbol suffix ("L" for London); "" for US venues and venues found by listing
    places: tuple[str, ...] = ()  # words that set an article in this market; the first is its city


    @property
    def area(self) -> str:
        """The market an article can be about: the calendar's, or the venue itself where it borrows New York's
        calendar for want of its own (Cairo is not Wall Street)."""
        return self.mic if self.calendar == "XNYS" and self.currency != "USD" else self.calendar


@dataclass(frozen=True)
class Instrument:
    symbol: str
    market: Market
    is_index: bool

    @property
    def calendar(self) -> str:
        return self.market.calendar

    @property
    def currency(self) -> str:
        return self.market.currency

    @property
    def benchmark(self) -> str:
        return self.market.benchmark


@lru_cache(maxsize=1)
def markets() -> dict[str, Market]:
    """MIC -> market, from enrich/data/markets.csv."""
    text = resources.files("enrich").joinpath("data/markets.csv").read_text(encoding="utf-8")
    out = {}
    for r in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        places = tuple(p for p in r["places"].split(";") if p)
        out[r["mic"]] = Market(r["calendar"], r["currency"], r["quote_unit"], float(r["per_major"]), r["benchmark"],
                               r["mic"], r["suffix"], places)
    return out


@lru_cache(maxsize=1)
def _by_suffix() -> dict[str, Market]:
    """Yahoo suffix -> market, for symbols the gazetteer does not list (the first venue of a suffix wins)."""
    out: dict[str, Market] = {}
    for market in markets().values():
        out.setdefault(market.suffix, market)
    return out


def market_of_mic(mic: str) -> Market:
    """The market of a venue; an unknown or empty venue is taken as New York's."""
    return markets().get(mic) or markets()["XNYS"]


def suffix(symbol: str) -> str:
    if "." in symbol and not symbol.startswith("^"):
        return symbol.rsplit(".", 1)[1].upper()
    return ""


@lru_cache(maxsize=4096)
def instrument(symbol: str) -> Instrument:
    """How `symbol` trades. A listed line: its venue's market, in the currency the listing trades in (a London
    line quoted in dollars has no pence). An index: its market's calendar and benchmark, in points. A symbol
    neither the gazetteer nor the suffixes know is taken as a US listing."""
    from .gazetteer import load

    gaz = load()
    entry = gaz.entries.get(symbol)
    if entry is not None and entry.is_index:
        return Instrument(symbol, market_of_mic(entry.exchange), True)
    if symbol.startswith("^"):
        return Instrument(symbol, markets()["XNYS"], True)
    market = market_of_mic(entry.exchange) if entry is not None and entry.exchange else \
        _by_suffix().get(suffix(symbol), markets()["XNYS"])
    currency = entry.currency if entry is not None else ""
    if currency and currency.upper() not in (market.quote_unit.upper(), market.currency):
        market = replace(market, currency=currency.upper(), quote_unit=currency.upper(), per_major=1.0)
    return Instrument(symbol, market, False)


@lru_cache(maxsize=1)
def _home_of() -> dict[str, str]:
    """A line that is not primary -> its company's primary line."""
    from .gazetteer import load

    return {line: home for home, others in load().lines.items() for line in others}


@lru_cache(maxsize=4096)
def line_in(symbol: str, currency: str) -> str | None:
    """The company's one line, of those the gazetteer lists, that trades in `currency` (ISO; pence count as
    pounds) when `symbol`'s own line does not: Rio Tinto's A$ prices are RIO.AX's, not RIO.L's. None when the
    line of `symbol` trades in that currency, when no line does, or when several do (Frankfurt and Paris quotes
    in euros: which one the figure is of, the currency cannot say). A line in its venue's own money comes before
    a quote in foreign money."""
    want = currency.upper()  # (upper case: "GBp" pence and "GBP" pounds are one currency here)
    own = instrument(symbol)
    if not want or want in (own.market.quote_unit.upper(), own.currency.upper()):
        return None
    fits = [s for s in lines_of(symbol) if s != symbol and instrument(s).currency.upper() == want]
    native = [s for s in fits if market_of_mic(instrument(s).market.mic).currency.upper() == want]
    fits = native or fits  # a line in its venue's own money (RIO.AX) before a quote in a foreign one (a Swiss GBP line)
    return fits[0] if len(fits) == 1 else None


def lines_of(symbol: str) -> tuple[str, ...]:
    """Every line of the company `symbol` is a line of, its primary line first."""
    from .gazetteer import load

    home = _home_of().get(symbol, symbol)
    return (home, *load().lines.get(home, ()))


def line_on(symbol: str, area: str) -> str | None:
    """The company's line in market area `area` ("XHKG", "XNYS"), in that market's own money: Alibaba's
    Hong Kong line, Rio Tinto's US one. None when the gazetteer lists none there."""
    fits = [s for s in lines_of(symbol) if market_of_mic(instrument(s).market.mic).area == area
            and instrument(s).currency == market_of_mic(instrument(s).market.mic).currency
            and instrument(s).market.mic != "OTCM"]  # an over-the-counter quote is nobody's listing
    return fits[0] if fits else None
