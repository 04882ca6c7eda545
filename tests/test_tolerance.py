"""The bands of the verdict rules, at their edges."""
from __future__ import annotations

import pytest

from enrich import tolerance as tol
from enrich.models import Claim, Kind


def claim(value, kind=Kind.PCT_CHANGE, approx="", decimals=0, scale=1.0):
    return Claim("a", "X", kind, value, "q", 0, 1, approx, "USD", decimals, scale)


@pytest.mark.parametrize("actual,ok", [(-18.96, True), (-19.549, True), (-19.551, False), (-18.449, False)])
def test_unhedged_percent_half_unit_plus_noise(actual, ok):
    assert tol.agrees(claim(-19), actual) is ok


def test_price_precision_and_cent_noise():
    c = claim(176.26, Kind.CLOSE, decimals=2)
    assert tol.agrees(c, 176.259995)
    assert tol.agrees(c, 176.27) and not tol.agrees(c, 176.2751)


def test_one_cent_error_passes_by_vendor_noise_two_cents_fails():
    c = claim(4.17, Kind.CLOSE, decimals=2)
    assert tol.agrees(c, 4.18) and not tol.agrees(c, 4.19)


@pytest.mark.parametrize("approx,actual,ok", [
    ("some", -119.07e9, True), ("some", -125e9, False), ("more than", -119.07e9, True),
    ("more than", -97e9, False), ("nearly", -95e9, True), ("nearly", -103e9, False), ("less than", -101e9, True),
])
def test_hedged_market_value(approx, actual, ok):
    assert tol.agrees(claim(-100e9, Kind.MARKET_CAP_CHANGE, approx=approx, scale=1e9), actual) is ok


def test_float_noise_does_not_flip_a_boundary():
    c = claim(0.22, Kind.ABS_CHANGE, decimals=2)
    assert tol.agrees(c, 4.18 - 3.96)


def test_during_session_interval_overlap():
    assert tol.overlaps(claim(3.6, decimals=1), 0.34, 4.51)
    assert not tol.overlaps(claim(8.6, decimals=1), 0.34, 4.51)
