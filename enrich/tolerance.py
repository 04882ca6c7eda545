"""When a written figure agrees with the data: the figure's own precision, vendor noise, hedge words.

Unhedged: within half a unit of the last written digit, widened by what vendors differ by
(1 cent for prices and per-share changes and index points, 0.05 percentage points for
percents, 2% for volumes and market values). Hedged figures agree within the hedge's band,
widened by the same vendor noise. A tiny relative epsilon keeps verdicts off float noise.
"""
from __future__ import annotations

from functools import lru_cache

from .models import Claim, Kind
from .reader.lexicon import lexicon
from .reader.text import tokenize

EPS = 1e-9


@lru_cache(maxsize=512)
def hedge_band(words: str) -> str:
    """The band a hedge as written belongs to ("just shy of" -> "nearly"), from the lexicon; "" for none."""
    if not words:
        return ""
    key = tuple(t.low for t in tokenize(words) if t.text != "-")
    for cls, _ in lexicon().phrases.get(key, ()):
        if cls.startswith("hedge."):
            return cls.split(".", 1)[1]
    return ""


def is_extreme(claim: Claim) -> bool:
    """"as much as", "up to", "as high as": the session's extreme reaches the figure."""
    return hedge_band(claim.approx) == "as much as"


def vendor_noise(kind: Kind, value: float, step: float = 0.0) -> float:
    """What vendors differ by; `step` is the data's own rounding (0.1 for an index stored to one decimal), which
    widens price noise by half a step and changes by a whole one (a difference of two rounded values)."""
    if kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE, Kind.RANGE_PCT_CHANGE):
        return 0.05
    if kind in (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE, Kind.VOLUME):
        return 0.02 * abs(value)
    if kind is Kind.ABS_CHANGE:
        return max(0.01, step)
    return max(0.01, step / 2)


def half_unit(claim: Claim) -> float:
    return float(0.5 * 10 ** (-claim.decimals) * claim.unit_scale)


def band(claim: Claim, value: float | None = None, step: float = 0.0) -> tuple[float, float]:
    """The interval of true values the written figure agrees with (signed, in the claim's units)."""
    v = claim.value if value is None else value
    noise = vendor_noise(claim.kind, v, step)
    slack = noise + EPS * max(1.0, abs(v))
    mag = abs(v)
    h = hedge_band(claim.approx)
    if h == "about":
        lo, hi = mag * 0.8 - slack, mag * 1.2 + slack
    elif h == "nearly":
        lo, hi = mag * 0.9 - slack, mag + slack
    elif h in ("more than", "as much as"):
        lo, hi = mag - slack, float("inf")
    elif h == "just over":
        lo, hi = mag - slack, mag * 1.1 + slack
    elif h == "less than":
        lo, hi = float("-inf"), mag + slack
    else:
        tol = half_unit(claim) + slack
        lo, hi = mag - tol, mag + tol
    if v < 0:
        return -hi, -lo
    return lo, hi


def agrees(claim: Claim, actual: float, step: float = 0.0) -> bool:
    lo, hi = band(claim, step=step)
    return lo <= actual <= hi


def overlaps(claim: Claim, lo_actual: float, hi_actual: float, step: float = 0.0) -> bool:
    """True when some value in [lo_actual, hi_actual] agrees (a figure during the session)."""
    lo, hi = band(claim, step=step)
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


def describe(claim: Claim, step: float = 0.0) -> str:
    """The band in words, in the figure's own units ("$80.0 billion to $120.0 billion")."""
    lo, hi = band(claim, step=step)
    if lo == float("-inf"):
        return f"at most {_fmt(claim, hi)}"
    if hi == float("inf"):
        return f"at least {_fmt(claim, lo)}"
    return f"{_fmt(claim, lo)} to {_fmt(claim, hi)}"
