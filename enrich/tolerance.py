"""When a written figure agrees with the data: the figure's own precision, vendor noise, hedge words.

Unhedged: within half a unit of the last written digit, widened by what vendors differ by
(1 cent for prices and per-share changes and index points, 0.05 percentage points for
percents, 2% for volumes and market values). Hedged figures agree within the hedge's band,
widened by the same vendor noise. A tiny relative epsilon keeps verdicts off float noise.
"""
from __future__ import annotations

from .models import Claim, Kind

EPS = 1e-9
ABOUT = {"about", "around", "roughly", "some", "approximately"}
NEARLY = {"nearly", "almost", "just under", "close to"}
AT_LEAST = {"more than", "over", "above", "at least", "topping"}
JUST_OVER = {"just over"}
AT_MOST = {"less than", "under", "below"}
EXTREME = {"as much as", "up to"}


def vendor_noise(kind: Kind, value: float) -> float:
    if kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.RANGE_PCT_CHANGE):
        return 0.05
    if kind in (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE, Kind.VOLUME):
        return 0.02 * abs(value)
    return 0.01


def half_unit(claim: Claim) -> float:
    return 0.5 * 10 ** (-claim.decimals) * claim.unit_scale


def band(claim: Claim, value: float | None = None) -> tuple[float, float]:
    """The interval of true values the written figure agrees with (signed, in the claim's units)."""
    v = claim.value if value is None else value
    noise = vendor_noise(claim.kind, v)
    slack = noise + EPS * max(1.0, abs(v))
    mag = abs(v)
    h = claim.approx
    if h in ABOUT:
        lo, hi = mag * 0.8 - slack, mag * 1.2 + slack
    elif h in NEARLY:
        lo, hi = mag * 0.9 - slack, mag + slack
    elif h in AT_LEAST or h in EXTREME:
        lo, hi = mag - slack, float("inf")
    elif h in JUST_OVER:
        lo, hi = mag - slack, mag * 1.1 + slack
    elif h in AT_MOST:
        lo, hi = float("-inf"), mag + slack
    else:
        tol = half_unit(claim) + slack
        lo, hi = mag - tol, mag + tol
    if v < 0:
        return -hi, -lo
    return lo, hi


def agrees(claim: Claim, actual: float) -> bool:
    lo, hi = band(claim)
    return lo <= actual <= hi


def overlaps(claim: Claim, lo_actual: float, hi_actual: float) -> bool:
    """True when some value in [lo_actual, hi_actual] agrees (a figure during the session)."""
    lo, hi = band(claim)
    return lo <= hi_actual and lo_actual <= hi


def _fmt(claim: Claim, x: float) -> str:
    if claim.kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.RANGE_PCT_CHANGE):
        return f"{x:+.2f}%"
    if claim.kind is Kind.VOLUME:
        return f"{x:,.0f} shares"
    if claim.symbol.startswith("^") and claim.kind in (Kind.INDEX_LEVEL, Kind.ABS_CHANGE):
        return f"{x:,.2f}"
    sign = "-" if x < 0 else ""
    ax = abs(x)
    if ax >= 1e9:
        return f"{sign}${ax / 1e9:,.1f} billion"
    if ax >= 1e6:
        return f"{sign}${ax / 1e6:,.1f} million"
    return f"{sign}${ax:,.3f}".rstrip("0").rstrip(".") if ax < 1 else f"{sign}${ax:,.3f}"


def describe(claim: Claim) -> str:
    """The band in words, in the figure's own units ("$80.0 billion to $120.0 billion")."""
    lo, hi = band(claim)
    if lo == float("-inf"):
        return f"at most {_fmt(claim, hi)}"
    if hi == float("inf"):
        return f"at least {_fmt(claim, lo)}"
    return f"{_fmt(claim, lo)} to {_fmt(claim, hi)}"
