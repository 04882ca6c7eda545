"""Golden images: the seed chart and the six-figure wrap chart compared with stored PNGs, so a change of layout
(a badge moved onto the line, a key entry cut, a bracket lost) fails here and shows up as a picture.

After a deliberate change of the charts' look, rewrite the stored images and look at them before committing:

    ENRICH_WRITE_GOLDEN=1 .venv/bin/python -m pytest tests/test_chart_golden.py
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from chart_cases import SEED_PUBLISHED, WRAP_PUBLISHED, seed_judgements, seed_market, wrap_judgements, wrap_market
from matplotlib.testing.compare import compare_images

from enrich.chart import build, render, window_for

GOLDEN = Path(__file__).resolve().parent / "golden"
# RMS over 0-255 pixel values. Fonts come from matplotlib's own wheel, so the same versions draw the same
# pixels; the tolerance absorbs anti-aliasing noise, while a badge, a bracket or a key line moved by a few
# pixels scores several times more (test_a_moved_badge_fails_the_comparison).
TOL = 1.5


def _fixed(series):
    """The series with fixed provenance: a folder's snapshot date would otherwise be the day it was cloned."""
    return dataclasses.replace(series, source="dir:/anywhere/market", fetched_at="2020-12-11")


def seed_png() -> bytes:
    market = seed_market()
    series = _fixed(market.series("FB", dt.date(2017, 7, 1), dt.date(2018, 9, 28)))
    bench = market.series("^GSPC", dt.date(2017, 7, 1), dt.date(2018, 9, 28))
    chart = build(series, window_for(series, dt.date(2018, 8, 6), 30, 10), judgements=seed_judgements(),
                  publish=SEED_PUBLISHED, benchmark=bench, name="Facebook", exchange="NASDAQ",
                  shares_at=market.shares_lookup("FB"))
    return render(chart, {"png"})["png"]


def wrap_png(judgements=None) -> bytes:
    market = wrap_market()
    series = _fixed(market.series("^IXIC", dt.date(2021, 1, 1), dt.date(2022, 1, 31)))
    bench = market.series("^GSPC", dt.date(2021, 1, 1), dt.date(2022, 1, 31))
    judged = judgements or wrap_judgements()
    reach = [j.claim.time.from_session for j in judged if j.claim.time.from_session]
    chart = build(series, window_for(series, dt.date(2021, 12, 20), 30, 10, reach=reach), judgements=judged,
                  publish=WRAP_PUBLISHED, benchmark=bench, name="Nasdaq Composite", exchange="INDEX")
    return render(chart, {"png"})["png"]


def _compare(name: str, png: bytes, tmp_path: Path) -> str | None:
    actual = tmp_path / name
    actual.write_bytes(png)
    golden = GOLDEN / name
    if os.environ.get("ENRICH_WRITE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        shutil.copyfile(actual, golden)
    assert golden.exists(), f"{golden} is missing: write it with ENRICH_WRITE_GOLDEN=1 (see this module's docstring)"
    return compare_images(str(golden), str(actual), tol=TOL)


@pytest.mark.parametrize("name,make", [("seed_FB.png", seed_png), ("wrap_IXIC.png", wrap_png)])
def test_chart_matches_its_golden_image(name, make, tmp_path):
    failed = _compare(name, make(), tmp_path)
    assert failed is None, failed


def test_a_moved_badge_fails_the_comparison(tmp_path):
    """The tolerance is tight enough to catch a small layout change: one figure stated a day later."""
    judged = wrap_judgements()
    moved = [dataclasses.replace(j, evidence={"session": "2021-12-17"}) if i == 0 else j for i, j in enumerate(judged)]
    assert _compare_quiet("wrap_IXIC.png", wrap_png(moved), tmp_path) is not None


def _compare_quiet(name: str, png: bytes, tmp_path: Path) -> str | None:
    actual = tmp_path / f"moved_{name}"
    actual.write_bytes(png)
    return compare_images(str(GOLDEN / name), str(actual), tol=TOL)
