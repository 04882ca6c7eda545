"""The one seam for market data: what any source (a folder, the store, Yahoo) hands back."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..models import DataProblem


@dataclass(frozen=True)
class RawBar:
    """One daily bar as the vendor serves it: split-adjusted as of `basis_date`."""

    symbol: str
    date: dt.date
    open: float
    high: float
    low: float
    close: float
    adj_close: float
    volume: float
    basis_date: dt.date  # splits on or before this date are already applied
    source: str
    fetched_at: str


@dataclass(frozen=True)
class Split:
    symbol: str
    date: dt.date
    ratio: float  # 4 = 4-for-1; 0.1 = 1-for-10
    source: str


@dataclass(frozen=True)
class SymbolSpan:
    company: str
    symbol: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str


@dataclass(frozen=True)
class SharesRow:
    symbol: str
    date: dt.date
    shares: float
    source: str


@runtime_checkable
class MarketSource(Protocol):
    """A place daily bars and corporate facts come from."""

    name: str

    def has(self, symbol: str) -> bool: ...

    def bars(self, symbol: str, start: dt.date, end: dt.date) -> list[RawBar]: ...

    def splits(self, symbol: str) -> list[Split]: ...

    def shares(self, symbol: str) -> list[SharesRow]: ...

    def symbol_spans(self) -> list[SymbolSpan]: ...

    def problems(self, symbol: str) -> list[DataProblem]:
        """Rows of the symbol's bars (and splits) set aside when the data was read, with why."""
        ...

    def shares_problems(self, symbol: str) -> list[DataProblem]:
        """Share-count rows about the symbol (or about no readable symbol) set aside, with why."""
        ...
