"""Numbers as a newspaper prints them, in the instrument's own currency and quote unit.

One `NumberFormat` per chart, so every price on it has the same precision ("446p", "Rs 1,234.50",
"¥21,500", "$184.24"), every computed percent two decimals, every market value billions or trillions
of the major currency ("£12.3bn" for a share quoted in pence). The appendix uses the same formats.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..instruments import instrument


@dataclass(frozen=True)
class Unit:
    """How a quote unit is written: "$184.24", "446p", "Rs 1,234.50"."""

    prefix: str
    suffix: str = ""
    min_decimals: int = 2  # never fewer than this ("$31.00", not "$31")
    max_decimals: int = 2  # never more, whatever the vendor's float carries


# Keyed by the quote unit of enrich.instruments (GBp and ZAc are pence and cents).
UNITS: dict[str, Unit] = {
    "USD": Unit("$", max_decimals=4), "GBp": Unit("", "p", 0, 2), "GBP": Unit("£"), "ZAc": Unit("", "c", 0, 0),
    "ZAR": Unit("R "), "INR": Unit("Rs "), "JPY": Unit("¥", "", 0, 1), "KRW": Unit("₩", "", 0, 0),
    "EUR": Unit("€", max_decimals=3), "HKD": Unit("HK$", max_decimals=3), "CAD": Unit("C$"),
    "AUD": Unit("A$", max_decimals=3), "CHF": Unit("CHF "), "TWD": Unit("NT$"), "CNY": Unit("CNY "),
    "SEK": Unit("SEK "), "BRL": Unit("R$"), "SGD": Unit("S$", max_decimals=3),
}
POINTS = Unit("", " points", 2, 2)  # index levels and index moves


def _unit(code: str) -> Unit:
    return UNITS.get(code, Unit(f"{code} "))


def precision(values: Iterable[float], unit: Unit) -> int:
    """The fewest decimals (within the unit's bounds) that write every value as the vendor gave it: 446.0 in
    pence needs none, 193.990005 needs two (the tail is float noise, well under a tenth of a tick)."""
    need = unit.min_decimals
    for v in values:
        while need < unit.max_decimals and abs(v - round(v, need)) > max(1e-3, abs(v) * 2e-7):
            need += 1
    return need


def signed(text: str, x: float) -> str:
    return ("+" if x > 0 else "-" if x < 0 else "") + text


@dataclass(frozen=True)
class NumberFormat:
    symbol: str
    is_index: bool
    unit: Unit  # what prices are quoted in
    major: Unit  # what market values are written in (pounds for a share quoted in pence)
    per_major: float  # quote units per major unit
    decimals: int  # for prices on this chart

    def price(self, x: float, decimals: int | None = None) -> str:
        """A price or index level, unsigned: "$184.24", "446p", "2,351.10"."""
        d = self.decimals if decimals is None else decimals
        if self.is_index:
            return f"{abs(x):,.{d}f}"
        return f"{self.unit.prefix}{abs(x):,.{d}f}{self.unit.suffix}"

    def change(self, x: float, decimals: int | None = None) -> str:
        """A signed move in price: "+$4.12", "-65.52 points", "-12p"."""
        d = self.decimals if decimals is None else decimals
        if self.is_index:
            return signed(f"{abs(x):,.{d}f} points", x)
        return signed(self.price(x, d), x)

    @staticmethod
    def pct(x: float, decimals: int = 2) -> str:
        """A signed percent: "+3.60%" for computed figures; the article's own figures keep their decimals."""
        return signed(f"{abs(x):.{decimals}f}%", x)

    def value(self, x: float, decimals: int | None = None) -> str:
        """A market value or its change, in the major currency: "$119.1bn", "£1.02tn", "-$850m" (an article's
        own figure keeps its decimals: "$100bn")."""
        ax, p, s = abs(x), self.major.prefix, self.major.suffix
        if ax >= 1e12:
            body = f"{p}{ax / 1e12:,.{2 if decimals is None else decimals}f}tn{s}"
        elif ax >= 1e9:
            body = f"{p}{ax / 1e9:,.{1 if decimals is None else decimals}f}bn{s}"
        elif ax >= 1e6:
            body = f"{p}{ax / 1e6:,.{0 if decimals is None else decimals}f}m{s}"
        else:
            body = f"{p}{ax:,.0f}{s}"
        return ("-" if x < 0 else "") + body

    @staticmethod
    def volume(x: float) -> str:
        """Shares traded: "17.3m", "2.1bn", "950k"."""
        ax = abs(x)
        if ax >= 1e9:
            return f"{ax / 1e9:.1f}bn" if ax < 1e10 else f"{ax / 1e9:.0f}bn"
        if ax >= 1e6:
            return f"{ax / 1e6:.1f}m" if ax < 1e7 else f"{ax / 1e6:.0f}m"
        if ax >= 1e3:
            return f"{ax / 1e3:.0f}k"
        return f"{ax:.0f}"


def number_format(symbol: str, prices: Iterable[float] = ()) -> NumberFormat:
    """The format for one instrument, its price precision read from the prices it will show."""
    inst = instrument(symbol)
    if inst.is_index:
        return NumberFormat(symbol, True, POINTS, POINTS, 1.0, 2)
    unit = _unit(inst.market.quote_unit)
    return NumberFormat(symbol, False, unit, _unit(inst.currency), inst.market.per_major, precision(prices, unit))


def day(d: dt.date, year: bool = False) -> str:
    """"26 Jul", or "26 Jul 2018" when the year is wanted."""
    return f"{d.day} {d:%b}" + (f" {d.year}" if year else "")
