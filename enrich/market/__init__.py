"""Market data: sources behind one Protocol, the store, and the quoted-price facade."""
from .data import MarketData, SharesAt, quoted
from .directory import DirectorySource
from .source import MarketSource, RawBar, SharesRow, Split, SymbolSpan
from .store import Store, default_store_path
from .symbols import SymbolHistory
from .yahoo import YahooSource

__all__ = [
    "DirectorySource", "MarketData", "MarketSource", "RawBar", "SharesAt", "SharesRow", "Split", "Store",
    "SymbolHistory", "SymbolSpan", "YahooSource", "default_store_path", "quoted",
]
