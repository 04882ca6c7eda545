"""What a symbol is traded as: its exchange calendar, currency, the unit its prices are quoted in, and the
benchmark index to chart it against.

Every stage that needs to know how a market quotes asks here (the reader for "446p" against a London
share, the judge for the currency in its sentence, the chart for its axis and benchmark), so a market is
described in one place.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .calendar import calendar_code


@dataclass(frozen=True)
class Market:
    """How one exchange quotes its shares."""

    calendar: str  # exchange_calendars code
    currency: str  # ISO 4217 of the major unit: GBP, INR, JPY
    quote_unit: str  # the unit prices are quoted in: "GBp" (pence) in London, else the currency
    per_major: float  # quote units per major unit: 100 for pence, 1 elsewhere
    benchmark: str  # Yahoo symbol of the index a chart compares with


# Yahoo symbol suffix -> market. No suffix: a US listing.
MARKETS: dict[str, Market] = {
    "": Market("XNYS", "USD", "USD", 1.0, "^GSPC"),
    "L": Market("XLON", "GBP", "GBp", 100.0, "^FTSE"),
    "NS": Market("XBOM", "INR", "INR", 1.0, "^NSEI"),
    "BO": Market("XBOM", "INR", "INR", 1.0, "^BSESN"),
    "T": Market("XTKS", "JPY", "JPY", 1.0, "^N225"),
    "HK": Market("XHKG", "HKD", "HKD", 1.0, "^HSI"),
    "DE": Market("XFRA", "EUR", "EUR", 1.0, "^GDAXI"),
    "F": Market("XFRA", "EUR", "EUR", 1.0, "^GDAXI"),
    "PA": Market("XPAR", "EUR", "EUR", 1.0, "^FCHI"),
    "AS": Market("XAMS", "EUR", "EUR", 1.0, "^AEX"),
    "MC": Market("XMAD", "EUR", "EUR", 1.0, "^IBEX"),
    "MI": Market("XMIL", "EUR", "EUR", 1.0, "FTSEMIB.MI"),
    "SW": Market("XSWX", "CHF", "CHF", 1.0, "^SSMI"),
    "TO": Market("XTSE", "CAD", "CAD", 1.0, "^GSPTSE"),
    "AX": Market("XASX", "AUD", "AUD", 1.0, "^AXJO"),
    "KS": Market("XKRX", "KRW", "KRW", 1.0, "^KS11"),
    "TW": Market("XTAI", "TWD", "TWD", 1.0, "^TWII"),
    "SS": Market("XSHG", "CNY", "CNY", 1.0, "000001.SS"),
    "SZ": Market("XSHG", "CNY", "CNY", 1.0, "000001.SS"),
    "ST": Market("XSTO", "SEK", "SEK", 1.0, "^OMX"),
    "JO": Market("XJSE", "ZAR", "ZAc", 100.0, "^J203.JO"),
    "SA": Market("BVMF", "BRL", "BRL", 1.0, "^BVSP"),
    "SI": Market("XSES", "SGD", "SGD", 1.0, "^STI"),
}
# Indices: the market they belong to (their level is in points, so only the calendar and benchmark matter).
INDEX_MARKET: dict[str, str] = {
    "^FTSE": "L", "^FTMC": "L", "^FTAS": "L", "^GDAXI": "DE", "^FCHI": "PA", "^N225": "T", "^HSI": "HK",
    "^BSESN": "BO", "^NSEI": "NS", "^GSPTSE": "TO", "^AXJO": "AX", "^KS11": "KS", "^TWII": "TW",
    "^STOXX50E": "DE", "^IBEX": "MC", "^AEX": "AS", "^SSMI": "SW", "000001.SS": "SS", "000300.SS": "SS",
}


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


def suffix(symbol: str) -> str:
    if symbol in INDEX_MARKET:
        return INDEX_MARKET[symbol]
    if "." in symbol and not symbol.startswith("^"):
        return symbol.rsplit(".", 1)[1].upper()
    return ""


@lru_cache(maxsize=4096)
def instrument(symbol: str) -> Instrument:
    """How `symbol` trades; a symbol of an unknown market is taken as a US listing (its calendar says XNYS)."""
    market = MARKETS.get(suffix(symbol))
    if market is None:
        market = Market(calendar_code(symbol), "USD", "USD", 1.0, "^GSPC")
    is_index = symbol.startswith("^") or symbol in INDEX_MARKET
    return Instrument(symbol, market, is_index)
