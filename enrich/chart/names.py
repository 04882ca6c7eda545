"""Which index a chart compares a symbol with, and what readers call it."""
from __future__ import annotations

import datetime as dt

from ..errors import DataError
from ..instruments import instrument
from ..market import MarketData
from ..models import PriceSeries

# The benchmark indices enrich.instruments names, as newspapers name them.
INDEX_NAMES = {
    "^GSPC": "S&P 500", "^IXIC": "Nasdaq Composite", "^DJI": "Dow Jones", "^FTSE": "FTSE 100", "^NSEI": "Nifty 50",
    "^BSESN": "Sensex", "^N225": "Nikkei 225", "^HSI": "Hang Seng", "^GDAXI": "DAX", "^FCHI": "CAC 40",
    "^AEX": "AEX", "^IBEX": "IBEX 35", "FTSEMIB.MI": "FTSE MIB", "^SSMI": "SMI", "^GSPTSE": "S&P/TSX Composite",
    "^AXJO": "S&P/ASX 200", "^KS11": "KOSPI", "^TWII": "Taiwan Weighted", "000001.SS": "Shanghai Composite",
    "^OMX": "OMX Stockholm 30", "^J203.JO": "JSE All Share", "^BVSP": "Ibovespa", "^STI": "Straits Times",
}


def benchmark_name(symbol: str) -> str:
    return INDEX_NAMES.get(symbol, symbol)


def benchmark_symbol(symbol: str, chosen: str | None = None) -> str | None:
    """The index to draw beside `symbol`: the one chosen, else its market's benchmark; none for that index
    itself."""
    bench = chosen or instrument(symbol).benchmark
    return None if not bench or bench == symbol else bench


def benchmark_series(market: MarketData, symbol: str, chosen: str | None, start: dt.date,
                     end: dt.date) -> PriceSeries | None:
    """The benchmark's bars over the span, or None when no source holds them (the chart is drawn without)."""
    bench = benchmark_symbol(symbol, chosen)
    if bench is None:
        return None
    try:
        return market.series(bench, start, end)
    except DataError:
        return None
