"""The chart itself (matplotlib): closes and day ranges on a trading-day axis, volume under them, the
benchmark rebased, the publish time, and each of the article's figures as a numbered badge keyed to the
list beside the chart.

Artists are batched (one collection for all day ranges, one for all volume bars, one per badge shape), and
the figure is built once: `Chart.arrange` lays it out for a page size (the full chart, or the compact one
for phones) by moving what is already there, so the compact chart is a second save, not a second chart.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import NullLocator

from ..calendar import calendar_for
from ..errors import DataError
from ..models import Judgement, PriceSeries, Verdict
from . import style
from .axis import SessionAxis
from .formats import NumberFormat, day, number_format
from .key import INDENT, KeyLayout, lay_out
from .layout import Box, Placed, bracket_rows, line_height, place_badges, text_width, wrap
from .marks import LargestMove, Mark, MarkBuilder, SharesFn, largest_move
from .provenance import Credit, credit
from .ticks import Ticks, decimals, nice

RC = {"text.parse_math": False, "font.family": style.FONT, "axes.unicode_minus": False, "svg.hashsalt": "enrich",
      "svg.fonttype": "none",  # text stays text in the SVG: editable in a graphics program, and quicker to write
      "path.simplify": True}
BRACKET_ROW = 25.0  # pixels between bracket rows above the prices (more than a badge's width)


@dataclass(frozen=True)
class ChartInfo:
    """What a chart shows, for the report and for tests (positions in pixels of the last layout)."""

    symbol: str
    title: str
    dates: tuple[dt.date, ...]
    closes: tuple[float, ...]
    marks: tuple[Mark, ...]
    largest: LargestMove | None
    benchmark: str
    footer: str
    credit: Credit
    badges: tuple[Placed, ...]  # in mark order, placed marks only


def _frac(box: Box, w: float, h: float) -> tuple[float, float, float, float]:
    """A box in pixels as matplotlib's figure-fraction rect: left, bottom, width, height."""
    return (box[0] / w, box[1] / h, (box[2] - box[0]) / w, (box[3] - box[1]) / h)


class Chart:
    """One subject's chart: built once from its bars and judged figures, laid out by `arrange` for a page size."""

    def __init__(self, series: PriceSeries, window: tuple[dt.date, dt.date], *, judgements: list[Judgement],
                 publish: dt.datetime | None, benchmark: PriceSeries | None, name: str, exchange: str,
                 shares_at: SharesFn | None, benchmark_name: str) -> None:
        bars = [b for b in series.bars if window[0] <= b.date <= window[1]]
        if len(bars) < 2:
            raise DataError(f"{series.symbol}: fewer than two sessions of data between {window[0]} and {window[1]}; "
                            f"choose another date or add data")
        self.series, self.bars = series, bars
        self.axis = SessionAxis(tuple(b.date for b in bars))
        self.fmt: NumberFormat = number_format(series.symbol, [b.close for b in bars])
        self.marks = MarkBuilder(series, self.axis, self.fmt, shares_at).marks(judgements)
        self.largest = largest_move(series, self.axis, self.fmt, shares_at)
        self.credit = credit(series)
        self.publish_x = self.axis.instant(publish, series.symbol) if publish else None
        self.publish = publish
        first, last = bars[0].date, bars[-1].date
        where = f", {exchange}" if exchange else ""
        self.title = f"{name} ({series.symbol}{where})" if name and name != series.symbol else \
            f"{series.symbol}{' (' + exchange + ')' if exchange else ''}"
        what = "Index level" if self.fmt.is_index else "Prices as quoted on each day"
        self.subtitle = f"{what}, {day(first, first.year != last.year)} to {day(last, True)}. Blue: close, " \
                        f"thin bars: each day's low to high"
        self.footer = f"{self.credit.sentence()} Chart: enrich."
        self.benchmark = benchmark.symbol if benchmark else ""
        self.benchmark_name = benchmark_name
        with matplotlib.rc_context(RC):
            self._build(benchmark)
        self.placed: list[Placed] = []

    # -- building: every artist, once ------------------------------------------------------------------
    def _build(self, benchmark: PriceSeries | None) -> None:
        fig = self.fig = Figure(figsize=(12, 7), dpi=100)
        FigureCanvasAgg(fig)
        n, xs = len(self.bars), np.arange(len(self.bars), dtype=float)
        ax = self.ax = fig.add_axes((0.1, 0.3, 0.6, 0.6))
        axv = self.axv = fig.add_axes((0.1, 0.1, 0.6, 0.15), sharex=ax)
        ax.add_collection(LineCollection([((i, b.low), (i, b.high)) for i, b in enumerate(self.bars)],
                                         colors=style.RANGE, linewidths=1.3, zorder=2))
        closes = [b.close for b in self.bars]
        ax.plot(xs, closes, color=style.PRICE, lw=2.0, zorder=3, label=f"{self.series.symbol} close")
        self.bench_y: list[float] = []
        if benchmark is not None:
            got = {b.date: b.close for b in benchmark.bars}
            base = next((got[d] for d in self.axis.sessions if d in got), None)
            if base:
                scale = closes[0] / base
                self.bench_y = [got[d] * scale if d in got else math.nan for d in self.axis.sessions]
                ax.plot(xs, self.bench_y, color=style.BENCH, lw=1.4, ls=(0, (4, 2.5)), zorder=2,
                        label=f"{benchmark.symbol} rebased")
                self.subtitle += f"; dashed: {self.benchmark_name or benchmark.symbol} rebased"
        axv.add_collection(PolyCollection(
            [((i - 0.38, 0), (i - 0.38, b.volume), (i + 0.38, b.volume), (i + 0.38, 0)) for i, b in enumerate(self.bars)],
            facecolors=style.VOLUME, edgecolors="none", zorder=2))
        axv.set_ylim(0, max((b.volume for b in self.bars), default=1) * 1.12 or 1)
        # named inside its panel, on a light ground: a rotated axis label would need a margin as wide as the
        # widest tick label
        self.volume_label = axv.text(0.006, 0.96, "Volume", transform=axv.transAxes, fontsize=8.5, color=style.MUTED,
                                     va="top", ha="left", zorder=6,
                                     bbox=dict(boxstyle="square,pad=0.15", fc="white", ec="none", alpha=0.8))
        ax.set_xlim(-0.8, n - 0.2)
        for a in (ax, axv):
            a.spines[["top", "right"]].set_visible(False)
            a.xaxis.set_major_locator(NullLocator())
        self.ticks = {"x": Ticks(axv, "x", grid=False), "y": Ticks(ax, "y"), "volume": Ticks(axv, "y")}
        self.x_grid = [LineCollection([], colors=style.GRID, linewidths=0.8, zorder=0.5,
                                      transform=a.get_xaxis_transform()) for a in (ax, axv)]
        for a, grid in zip((ax, axv), self.x_grid):
            a.add_collection(grid, autolim=False)
        if self.publish_x is not None and self.publish is not None:
            for a in (ax, axv):
                a.axvline(self.publish_x, color="#333333", ls=(0, (5, 3)), lw=1.2, zorder=4)
            self.publish_label = ax.text(self.publish_x, 1.0, "", transform=ax.get_xaxis_transform(), fontsize=8.5,
                                         color="#333333", va="bottom", zorder=5)
        self._build_marks()
        self.title_text = fig.text(0, 0, self.title, fontsize=14, fontweight="bold", color=style.INK, va="top")
        self.subtitle_text = fig.text(0, 0, "", fontsize=9, color=style.MUTED, va="top")
        self.footer_text = fig.text(0, 0, "", fontsize=8, color=style.MUTED, va="bottom")
        self.key_artists: list[Artist] = []

    def _build_marks(self) -> None:
        ax = self.ax
        price = [m for m in self.marks if m.panel == "price"]
        ranges = [m for m in price if m.span is not None]
        spans = [m.span for m in ranges if m.span is not None]
        self.rows = bracket_rows(spans) if spans else []
        self.row_count = max(self.rows, default=-1) + 1
        in_day = [m for m in price if m.day_range is not None]
        if in_day:  # the day's range, in the verdict's colour, for a figure from during the session
            ax.add_collection(LineCollection([((m.x, m.day_range[0]), (m.x, m.day_range[1])) for m in in_day if m.day_range],
                                             colors=[style.LIGHT[m.verdict] for m in in_day], linewidths=4.5,
                                             alpha=0.55, zorder=2.5))
        # hollow rings on the closes a range is measured from (a range's mark always carries its base)
        rings = [(m.span[0], m.base, style.FILL[m.verdict]) for m in ranges
                 if m.span is not None and m.base is not None]
        if rings:
            xs, ys, edges = zip(*rings)
            ax.scatter(xs, ys, s=46, facecolors="white", edgecolors=list(edges), linewidths=1.6, zorder=6)
        self.brackets = LineCollection([], colors=[style.FILL[m.verdict] for m in ranges for _ in range(5)],
                                       linewidths=1.4, zorder=5)
        ax.add_collection(self.brackets)
        # the exact point each figure implies (placed by `arrange`: one off the scale sits at the edge as a
        # triangle pointing to where it would be)
        self.dots = {(a, v, edge): a.scatter([], [], s=style.DOT_SIZE[v] * (2.2 if edge else 1), zorder=7,
                                             marker=style.SHAPE[v] if not edge else ("^" if edge > 0 else "v"),
                                             color=style.FILL[v], edgecolors="white", linewidths=0.6)
                     for a in (ax, self.axv) for v in Verdict for edge in (0, 1, -1)}
        self.leaders = {a: LineCollection([], linewidths=1.0, zorder=6) for a in (ax, self.axv)}
        for a, leader in self.leaders.items():
            a.add_collection(leader)
        self.badge_sets: dict[tuple[int, Verdict], PathCollection] = {}
        self.numbers: dict[int, Text] = {}
        for m in self.marks:
            if not m.panel:
                continue
            a = ax if m.panel == "price" else self.axv
            key = (id(a), m.verdict)
            if key not in self.badge_sets:
                self.badge_sets[key] = a.scatter([], [], s=style.SHAPE_SIZE[m.verdict], marker=style.SHAPE[m.verdict],
                                                 color=style.FILL[m.verdict], edgecolors="white", linewidths=1.0,
                                                 zorder=8)
            self.numbers[m.number] = a.text(0, 0, str(m.number), fontsize=8 if m.number < 10 else 7, color="white",
                                            fontweight="bold", ha="center", va="center_baseline", zorder=9)
        if self.largest is not None:
            ax.scatter([self.largest.x], [self.largest.y], s=60, marker="D", facecolors="none", edgecolors=style.INK,
                       linewidths=1.2, zorder=6)

    def _set_ticks(self, plot_w: float, plot_h: float) -> None:
        xs, labels = self.axis.ticks(plot_w)
        self.ticks["x"].set(xs, labels)
        for grid in self.x_grid:
            grid.set_segments([((x, 0), (x, 1)) for x in xs])
        ys = nice(*self.ax.get_ylim(), most=max(3, int(plot_h // 48)))
        d = decimals(ys)
        d = max(d, self.fmt.unit.min_decimals) if d else 0  # "$0.50", not "$0.5"; whole steps stay "$180"
        self.ticks["y"].set(ys, [("-" if v < 0 else "") + self.fmt.price(v, d) for v in ys])
        vs = nice(*self.axv.get_ylim(), most=4)
        self.ticks["volume"].set(vs, [self.fmt.volume(v) if v else "0" for v in vs])

    # -- laying out for a page size ----------------------------------------------------------------------
    def arrange(self, frame: style.Frame) -> None:
        with matplotlib.rc_context(RC):
            self._arrange(frame)

    def _arrange(self, frame: style.Frame) -> None:
        fig, ax, axv, w, h = self.fig, self.ax, self.axv, frame.width, frame.height
        fig.set_size_inches(w / 100, h / 100)
        ax.set_position(_frac(frame.plot, w, h))
        axv.set_position(_frac(frame.volume, w, h))
        plot_w, plot_h = frame.plot[2] - frame.plot[0], frame.plot[3] - frame.plot[1]
        self._set_ylim(plot_h)
        self._set_ticks(plot_w, plot_h)
        self.title_text.set_position((12 / w, frame.title_y / h))
        sub = wrap(self.subtitle, w - 24, 9, max_lines=2)
        self.subtitle_text.set_text("\n".join(sub))
        self.subtitle_text.set_position((12 / w, (frame.title_y - 26) / h))
        self.footer_text.set_text("\n".join(wrap(self.footer, w - 24, 8, max_lines=2)))
        self.footer_text.set_position((12 / w, frame.footer_y / h))
        v0, v1 = frame.volume[0], frame.volume[3]
        taken: list[Box] = [(v0, v1 - line_height(8.5) - 6, v0 + text_width("Volume", 8.5) + 10, v1)]
        if self.publish_x is not None and self.publish is not None:
            taken.append(self._place_publish_label(frame))
        self._place_brackets(frame, taken)
        self._place_dots()
        self._place_badges(frame, taken)
        self._place_key(frame)

    def _set_ylim(self, plot_h: float) -> None:
        """Limits that show the data, the benchmark and every figure within one data span of them; a figure
        further off (a misread or wildly wrong number) is drawn at the edge instead of squashing the prices."""
        data = [b.low for b in self.bars] + [b.high for b in self.bars] + [y for y in self.bench_y if not math.isnan(y)]
        d_lo, d_hi = min(data), max(data)
        reach = (d_hi - d_lo) or abs(d_hi) * 0.05 or 1.0
        figures = [m.y for m in self.marks if m.panel == "price"] + \
                  [m.base for m in self.marks if m.base is not None and m.panel == "price"]
        near = [y for y in figures if d_lo - reach <= y <= d_hi + reach]
        lo, hi = min([d_lo, *near]), max([d_hi, *near])
        span = (hi - lo) or abs(hi) * 0.02 or 1.0
        below, above = 44.0, 52.0 + self.row_count * BRACKET_ROW
        per_px = span / max(plot_h - below - above, 40.0)
        self.ax.set_ylim(lo - below * per_px, hi + above * per_px)

    def _place_publish_label(self, frame: style.Frame) -> Box:
        assert self.publish is not None and self.publish_x is not None
        cal = calendar_for(self.series.symbol)
        local = self.publish.astimezone(cal.tz)
        city = str(cal.tz).split("/")[-1].replace("_", " ")
        text = f" Published {day(local.date())} {local:%H:%M} {city} "
        px = self.ax.transData.transform((self.publish_x, 0))[0]
        width = text_width(text, 8.5)
        right = px + width > frame.plot[2]
        self.publish_label.set_text(text)
        self.publish_label.set_horizontalalignment("right" if right else "left")
        x0 = px - width if right else px
        return (x0, frame.plot[3], x0 + width, frame.plot[3] + line_height(8.5))

    def _place_brackets(self, frame: style.Frame, taken: list[Box]) -> None:
        ranges = [m for m in self.marks if m.panel == "price" and m.span is not None]
        segs, to_data = [], self.ax.transData.inverted()
        self.bracket_badges: dict[int, tuple[float, float]] = {}
        for m, row in zip(ranges, self.rows):
            assert m.span is not None
            y_px = frame.plot[3] - 22.0 - row * BRACKET_ROW
            x0, x1 = self.ax.transData.transform([(m.span[0], 0), (m.span[1], 0)])[:, 0]
            (_, y), (_, y_tick) = to_data.transform([(x0, y_px), (x0, y_px - 6)])
            end0 = self.series.bar(self.axis.sessions[int(m.span[0])]) if m.span[0] >= 0 else None
            drop0 = m.base if m.base is not None else y
            end1 = self.series.bar(self.axis.sessions[int(m.span[1])])
            segs += [((m.span[0], y), (m.span[1], y)), ((m.span[0], y), (m.span[0], y_tick)),
                     ((m.span[1], y), (m.span[1], y_tick)),
                     ((m.span[0], y_tick), (m.span[0], drop0 if end0 else y_tick)),
                     ((m.span[1], y_tick), (m.span[1], end1.close if end1 else y_tick))]
            cx = (x0 + x1) / 2
            self.bracket_badges[m.number] = (cx, y_px)
            r = style.BADGE_RADIUS + 2
            taken.append((min(x0, x1) - 2, y_px - 8, max(x0, x1) + 2, y_px + 3))
            taken.append((cx - r, y_px - r, cx + r, y_px + r))
        self.brackets.set_segments(segs)
        self.brackets.set_linestyle(["solid", "solid", "solid", (0, (1, 2.5)), (0, (1, 2.5))] * len(ranges))

    def _place_badges(self, frame: style.Frame, taken: list[Box]) -> None:
        placed: dict[int, Placed] = {}
        for a, panel, bounds in ((self.ax, "price", frame.plot), (self.axv, "volume", frame.volume)):
            mine = sorted((m for m in self.marks if m.panel == panel and m.span is None), key=lambda m: (m.x, m.number))
            anchors = [(float(px), float(py)) for px, py in
                       a.transData.transform([(m.x, self._shown_y(a, m)[0]) for m in mine])] if mine else []
            line = a.transData.transform(np.column_stack([np.arange(len(self.bars)), [b.close for b in self.bars]])) \
                if panel == "price" else None
            inner = (bounds[0] + 2, bounds[1] + 2, bounds[2] - 2, bounds[3] - 2)
            for m, p in zip(mine, place_badges(anchors, inner, style.BADGE_RADIUS, taken=taken, line=line)):
                placed[m.number] = p
                taken.append(p.box)
        for number, (cx, cy) in self.bracket_badges.items():
            r = style.BADGE_RADIUS + 2
            placed[number] = Placed((cx, cy), (cx - r, cy - r, cx + r, cy + r))
        self.placed = [placed[m.number] for m in self.marks if m.number in placed]
        for a in (self.ax, self.axv):
            inv = a.transData.inverted()
            mine = [m for m in self.marks if m.number in placed and (m.panel == "price") == (a is self.ax)]
            segs, colours = [], []
            for m in mine:
                c = inv.transform(placed[m.number].centre)
                self.numbers[m.number].set_position((c[0], c[1]))
                if m.span is None:
                    segs.append(((m.x, self._shown_y(a, m)[0]), tuple(c)))
                    colours.append(style.FILL[m.verdict])
            self.leaders[a].set_segments(segs)
            self.leaders[a].set_colors(colours or ["none"])
            for v in Verdict:
                sel = [inv.transform(placed[m.number].centre) for m in mine if m.verdict is v]
                badge = self.badge_sets.get((id(a), v))
                if badge is not None:
                    badge.set_offsets(np.array(sel).reshape(-1, 2))

    def _shown_y(self, a: Axes, m: Mark) -> tuple[float, int]:
        """Where a figure's point is drawn, and whether it is off the scale (1 above, -1 below): 10 pixels
        inside the edge it is past."""
        lo, hi = a.get_ylim()
        pad = (hi - lo) * 10.0 / max(a.get_window_extent().height, 1.0)
        if m.y > hi:
            return hi - pad, 1
        if m.y < lo:
            return lo + pad, -1
        return m.y, 0

    def _place_dots(self) -> None:
        for (a, v, edge), dots in self.dots.items():
            panel = "price" if a is self.ax else "volume"
            pts = [(m.x, y) for m in self.marks if m.panel == panel and m.span is None and m.verdict is v
                   for y, e in [self._shown_y(a, m)] if e == edge]
            dots.set_offsets(np.array(pts).reshape(-1, 2))
            dots.set_visible(bool(pts))  # an empty one is not drawn, nor written into the SVG

    def _place_key(self, frame: style.Frame) -> None:
        for artist in self.key_artists:
            artist.remove()
        self.key_artists = []
        if frame.key is None:
            return
        x0, y0, x1, y1 = frame.key
        w, h = frame.width, frame.height
        self.key_layout: KeyLayout = lay_out(self.marks, self.largest, x1 - x0, y1 - y0)
        k = self.key_layout
        fig, lh = self.fig, line_height(k.size)
        add = self.key_artists.append
        add(fig.text(x0 / w, y1 / h, k.heading, fontsize=10, fontweight="bold", color=style.INK, va="top"))
        badges: dict[Verdict, list[tuple[float, float]]] = {v: [] for v in Verdict}
        for e in k.entries:
            top = y1 - e.top
            if e.number is not None and e.verdict is not None:
                cx, cy = x0 + style.BADGE_RADIUS + 1, top - lh / 2
                badges[e.verdict].append((cx / w, cy / h))
                add(fig.text(cx / w, cy / h, str(e.number), fontsize=8 if e.number < 10 else 7, color="white",
                             fontweight="bold", ha="center", va="center_baseline", zorder=4))
                add(fig.text((x0 + INDENT) / w, top / h, e.head, fontsize=k.size, fontweight="bold",
                             color=style.FILL[e.verdict], va="top"))
                add(fig.text((x0 + INDENT) / w, (top - lh) / h, "\n".join(e.body), fontsize=k.size, color=style.INK,
                             va="top", linespacing=1.3))
            else:
                add(fig.text(x0 / w, top / h, "\n".join(e.body), fontsize=k.size, color=style.INK, va="top",
                             linespacing=1.3))
        for v, pts in badges.items():
            if pts:
                xs, ys = zip(*pts)
                art = self.ax.scatter(xs, ys, s=style.SHAPE_SIZE[v], marker=style.SHAPE[v], color=style.FILL[v],
                                      edgecolors="white", linewidths=1.0, transform=fig.transFigure, clip_on=False,
                                      zorder=3)
                add(art)
