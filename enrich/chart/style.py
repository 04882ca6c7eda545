"""The chart's look in one place: verdict colours and shapes, line colours, sizes in pixels.

Verdicts are told apart three ways, so no reader depends on colour: the Okabe-Ito palette (safe with the
common colour-vision deficiencies), the badge's shape (circle, square, diamond) and the verdict's word
with its sign in the key.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..models import Verdict

# badge fills dark enough for white numbers (contrast over 4.5:1); the light tones shade day ranges
FILL = {Verdict.SUPPORTED: "#00704F", Verdict.CONTRADICTED: "#B34700", Verdict.UNVERIFIABLE: "#555555"}
LIGHT = {Verdict.SUPPORTED: "#009E73", Verdict.CONTRADICTED: "#D55E00", Verdict.UNVERIFIABLE: "#8C8C8C"}
SHAPE = {Verdict.SUPPORTED: "o", Verdict.CONTRADICTED: "s", Verdict.UNVERIFIABLE: "D"}
SIGN = {Verdict.SUPPORTED: "\u2713", Verdict.CONTRADICTED: "\u2717", Verdict.UNVERIFIABLE: "?"}
# a square and a diamond look larger than a circle of the same marker size
SHAPE_SIZE = {Verdict.SUPPORTED: 210.0, Verdict.CONTRADICTED: 150.0, Verdict.UNVERIFIABLE: 130.0}
DOT_SIZE = {Verdict.SUPPORTED: 30.0, Verdict.CONTRADICTED: 24.0, Verdict.UNVERIFIABLE: 22.0}

PRICE = "#0072B2"
RANGE = "#7FB2D8"
BENCH = "#CC79A7"
VOLUME = "#A9C4DC"
INK = "#1B1B1B"
MUTED = "#555555"
GRID = "#E6E6E6"
FONT = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine, so golden images hold

BADGE_RADIUS = 9.5  # pixels, at 100 dpi


@dataclass(frozen=True)
class Frame:
    """A chart's page in pixels (origin bottom left): where the panels, the key and the texts go."""

    width: int
    height: int
    plot: tuple[float, float, float, float]  # price panel x0, y0, x1, y1
    volume: tuple[float, float, float, float]
    key: tuple[float, float, float, float] | None  # the figures key, or None to leave it to the page
    title_y: float
    footer_y: float


FULL = Frame(1200, 700, plot=(70, 238, 812, 618), volume=(70, 104, 812, 222), key=(846, 46, 1184, 618),
             title_y=690, footer_y=10)
COMPACT = Frame(640, 600, plot=(72, 204, 626, 502), volume=(72, 92, 626, 186), key=None, title_y=590,
                footer_y=8)
