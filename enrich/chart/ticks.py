"""Tick labels and grid lines drawn as a few plain artists.

Matplotlib's own ticks build several artists per tick and measure every label each time a figure is saved;
on a chart saved three times (PNG, SVG, compact) they took about 40% of the time. A chart needs only its
labels and one collection of grid lines, laid out once per page size, so that is what this draws.
"""
from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator, NullLocator
from matplotlib.transforms import offset_copy

from . import style


class Ticks:
    """The labels and grid lines along one axis ("x" under the axes, "y" to its left)."""

    def __init__(self, ax: Axes, which: str, *, grid: bool = True, size: float = 9.0) -> None:
        self.ax, self.which, self.size = ax, which, size
        (ax.xaxis if which == "x" else ax.yaxis).set_major_locator(NullLocator())
        base = ax.get_xaxis_transform() if which == "x" else ax.get_yaxis_transform()
        fig = ax.get_figure()
        # the labels sit a few points off the axis, which offset_copy measures with the page's dpi: the axes
        # must already be on a top-level figure (a chart's always are)
        if not isinstance(fig, Figure):
            raise TypeError(f"tick labels need axes on a Figure, got axes on {type(fig).__name__}")
        self.place = offset_copy(base, fig=fig, x=0, y=-4, units="points") if which == "x" else \
            offset_copy(base, fig=fig, x=-5, y=0, units="points")
        self.lines = LineCollection([], colors=style.GRID, linewidths=0.8, zorder=0.5, transform=base)
        if grid:
            ax.add_collection(self.lines, autolim=False)
        self.texts: list[Text] = []

    def set(self, positions: list[float], labels: list[str]) -> None:
        while len(self.texts) < len(positions):
            t = self.ax.text(0, 0, "", transform=self.place, fontsize=self.size, color=style.INK, clip_on=False,
                             ha="center" if self.which == "x" else "right", va="top" if self.which == "x" else "center")
            self.texts.append(t)
        for k, t in enumerate(self.texts):
            if k < len(positions):
                p = positions[k]
                t.set_position((p, 0) if self.which == "x" else (0, p))
                t.set_text(labels[k])
                t.set_visible(True)
            else:
                t.set_visible(False)
        self.lines.set_segments([((p, 0), (p, 1)) if self.which == "x" else ((0, p), (1, p)) for p in positions])

    def labels(self) -> list[str]:
        return [t.get_text() for t in self.texts if t.get_visible()]


def nice(lo: float, hi: float, most: int) -> list[float]:
    """Round values between lo and hi, at most about `most` of them (1, 2 or 5 times a power of ten)."""
    return [v for v in MaxNLocator(nbins=most, steps=[1, 2, 5, 10]).tick_values(lo, hi) if lo <= v <= hi]


def decimals(values: list[float], most: int = 4) -> int:
    """The fewest decimals that write every value exactly (12.5 needs one: never "$12" for 12.5)."""
    d = 0
    while d < most and any(abs(v - round(v, d)) > 1e-9 * max(1.0, abs(v)) for v in values):
        d += 1
    return d
