"""Annotated price charts (matplotlib): prices as quoted on the day, volume, a rebased benchmark,
the publish time, every claim at its session coloured by verdict, and the window's largest move."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from .calendar import get_calendar  # noqa: E402
from .errors import DataError  # noqa: E402
from .market import MarketData  # noqa: E402
from .models import Judgement, Kind, PriceSeries, Verdict  # noqa: E402
from .verify import money  # noqa: E402

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
COLOURS = {Verdict.SUPPORTED: "#009E73", Verdict.CONTRADICTED: "#D55E00", Verdict.UNVERIFIABLE: "#7F7F7F"}
MARKERS = {Verdict.SUPPORTED: "o", Verdict.CONTRADICTED: "X", Verdict.UNVERIFIABLE: "s"}
SYMBOLS = {Verdict.SUPPORTED: "\u2713", Verdict.CONTRADICTED: "\u2717", Verdict.UNVERIFIABLE: "?"}
PRICE_COLOUR, BENCH_COLOUR, VOLUME_COLOUR = "#0072B2", "#CC79A7", "#9DB9D3"


@dataclass(frozen=True)
class Marker:
    session: dt.date
    y: float
    label: str
    verdict: Verdict
    short: str = ""
    low: float | None = None
    high: float | None = None


@dataclass
class ChartInfo:
    symbol: str
    dates: list[dt.date]
    closes: list[float]
    markers: list[Marker] = field(default_factory=list)
    publish: dt.datetime | None = None
    largest_move: str = ""
    largest_move_day: dt.date | None = None
    benchmark: str = ""
    title: str = ""
    footer: str = ""
    label_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    obstacle_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)


def _marker(j: Judgement, s: PriceSeries) -> Marker | None:
    c = j.claim
    day = dt.date.fromisoformat(str(j.evidence.get("session"))) if j.evidence.get("session") else c.session
    if day is None:
        return None
    bar, prev = s.bar(day), s.previous(day)
    if bar is None:
        return None
    sym = c.symbol
    data = ""
    y = bar.close
    if c.kind in (Kind.CLOSE, Kind.OPEN, Kind.HIGH, Kind.LOW, Kind.PRICE, Kind.INDEX_LEVEL):
        y = c.value
        data = (f"{money(bar.low, sym)} to {money(bar.high, sym)}" if c.kind in (Kind.PRICE, Kind.INDEX_LEVEL) and
                c.time and c.time.moment.value != "close" else money(
                    {Kind.OPEN: bar.open, Kind.HIGH: bar.high, Kind.LOW: bar.low}.get(c.kind, bar.close), sym))
        written = money(c.value, sym)
    elif c.kind in (Kind.PCT_CHANGE, Kind.INDEX_PCT_CHANGE) and prev is not None:
        y = prev.close * (1 + c.value / 100)
        written = f"{c.value:+g}%"
        if c.time and c.time.moment.value in ("intraday", "extreme"):
            data = f"{(bar.low / prev.close - 1) * 100:+.2f}% to {(bar.high / prev.close - 1) * 100:+.2f}% in session"
        else:
            data = f"{(bar.close / prev.close - 1) * 100:+.2f}% at close"
    elif c.kind is Kind.RANGE_PCT_CHANGE:
        written = f"{c.value:+g}% (range)"
        data = f"{j.evidence.get('pct_change', 'n/a')}%"
    elif c.kind is Kind.ABS_CHANGE and prev is not None:
        y = prev.close + c.value
        written = f"{c.value:+.2f}"
        data = f"{bar.close - prev.close:+.2f}"
    elif c.kind in (Kind.MARKET_CAP, Kind.MARKET_CAP_CHANGE):
        written = money(c.value, sym)
        got = j.evidence.get("market_cap_change", j.evidence.get("market_cap"))
        data = money(float(got), sym) if isinstance(got, (int, float)) else "no share count"
    else:
        written, data = f"{c.value:,g}", ""
    quote = c.quote if len(c.quote) <= 34 else "\u2026" + c.quote[-33:]
    label = f"article: \u201c{quote}\u201d" + (f"\ndata: {data}" if data else "") + f"\n{j.verdict.value}"
    short = f"{written.replace(' billion', 'B').replace(' trillion', 'T')} {SYMBOLS[j.verdict]}"
    return Marker(day, y, label, j.verdict, short=short, low=bar.low, high=bar.high)


def _largest_move(s: PriceSeries, days: list[dt.date], shares_at) -> tuple[dt.date, float, str] | None:  # type: ignore[no-untyped-def]
    best = None
    for d in days:
        bar, prev = s.bar(d), s.previous(d)
        if bar is None or prev is None:
            continue
        move = bar.close / prev.close - 1
        if best is None or abs(move) > abs(best[1]):
            best = (d, move, bar.close - prev.close)
    if best is None:
        return None
    d, move, change = best
    text = f"{move * 100:+.1f}%"
    sh = shares_at(d) if shares_at else None
    if sh is not None:
        text += f", about {money(change * sh.shares, s.symbol).replace(' billion', 'B').replace(' trillion', 'T')}"
    return d, move, text + f", {d.strftime('%d %b').lstrip('0')}"


def _text_box(ann, renderer) -> Bbox:  # type: ignore[no-untyped-def]
    """Where a label's text and its frame will be drawn, without drawing the figure (the arrow is left out:
    an arrow crossing a frame reads fine, text over text does not)."""
    ann.update_positions(renderer)  # where the offset puts the text: Annotation.draw does this first
    box = Text.get_window_extent(ann, renderer)
    pad = 6.0
    return Bbox.from_extents(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)


def _place_labels(ax, fig: Figure, items: list[tuple[float, float, str, str]], info: ChartInfo,  # type: ignore[no-untyped-def]
                  obstacles: list | None = None, fontsize: float = 8.5) -> None:  # type: ignore[type-arg]
    """Put each label where it overlaps no other label, the largest-move note or the publish line
    (greedy over candidate offsets, nearest first)."""
    renderer = fig.canvas.get_renderer()
    taken = []
    for o in obstacles or []:
        box = _text_box(o, renderer) if hasattr(o, "get_bbox_patch") else o.get_window_extent(renderer)
        if box.width < 8:  # a thin line: keep labels a few pixels clear of it
            box = Bbox.from_extents(box.x0 - 5, box.y0, box.x1 + 5, box.y1)
        taken.append(box)
    info.obstacle_boxes = [(b.x0, b.y0, b.x1, b.y1) for b in taken]
    offsets = [(0, 46), (0, -62), (-75, 46), (75, 46), (-75, -62), (75, -62), (-110, 46), (110, 46), (-110, -62),
               (110, -62), (0, 100), (0, -110), (-150, 0), (150, 0), (-110, 100), (110, 100), (-110, -110),
               (110, -110), (-190, 60), (190, 60), (-190, -60), (190, -60)]
    for x, y, text, colour in items:
        for dx, dy in offsets:
            ann = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha="center", va="center",
                              fontsize=fontsize, color="#222222",
                              bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=colour, lw=1.2, alpha=0.95),
                              arrowprops=dict(arrowstyle="-", color=colour, lw=1.0), zorder=6)
            box = _text_box(ann, renderer)
            ax_box = ax.get_window_extent(renderer)
            inside = box.x0 >= ax_box.x0 and box.x1 <= ax_box.x1 and box.y0 >= ax_box.y0 and box.y1 <= ax_box.y1
            if inside and not any(box.overlaps(t) for t in taken):
                taken.append(box)
                info.label_boxes.append((box.x0, box.y0, box.x1, box.y1))
                break
            ann.remove()
        else:
            # nowhere free: a smaller label straight above, and the test for overlaps will say so
            ann = ax.annotate(text, (x, y), xytext=offsets[0], textcoords="offset points", ha="center", fontsize=7,
                              bbox=dict(boxstyle="round", fc="white", ec=colour), zorder=6,
                              arrowprops=dict(arrowstyle="-", color=colour, lw=1.0))
            box = _text_box(ann, renderer)
            taken.append(box)
            info.label_boxes.append((box.x0, box.y0, box.x1, box.y1))


def draw(series: PriceSeries, window: tuple[dt.date, dt.date], *, judgements: list[Judgement] | None = None,
         publish: dt.datetime | None = None, benchmark: PriceSeries | None = None, name: str = "",
         exchange: str = "", shares_at=None, size: tuple[float, float] = (12, 7)) -> tuple[Figure, ChartInfo]:  # type: ignore[no-untyped-def]
    """Draw the chart; returns the figure and what was plotted (for tests and the report)."""
    with matplotlib.rc_context({"text.parse_math": False}):
        return _draw(series, window, judgements=judgements, publish=publish, benchmark=benchmark, name=name,
                     exchange=exchange, shares_at=shares_at, size=size)


def _draw(series: PriceSeries, window: tuple[dt.date, dt.date], *, judgements: list[Judgement] | None,
          publish: dt.datetime | None, benchmark: PriceSeries | None, name: str, exchange: str, shares_at,  # type: ignore[no-untyped-def]
          size: tuple[float, float]) -> tuple[Figure, ChartInfo]:
    bars = [b for b in series.bars if window[0] <= b.date <= window[1]]
    if len(bars) < 2:
        raise DataError(f"{series.symbol}: fewer than two sessions of data between {window[0]} and {window[1]}; "
                        f"choose another date or add data")
    dates = [b.date for b in bars]
    closes = [b.close for b in bars]
    info = ChartInfo(series.symbol, dates, closes, publish=publish)
    fig, (ax, axv) = plt.subplots(2, 1, figsize=size, dpi=100, sharex=True, gridspec_kw={"height_ratios": [4, 1]})
    xs = mdates.date2num(dates)
    for b, x in zip(bars, xs):
        ax.plot([x, x], [b.low, b.high], color=PRICE_COLOUR, lw=0.8, alpha=0.45, zorder=2)
    ax.plot(xs, closes, color=PRICE_COLOUR, lw=2.0, label=f"{series.symbol} close (as quoted)", zorder=3)
    axv.bar(xs, [b.volume for b in bars], color=VOLUME_COLOUR, width=0.8)
    axv.set_ylabel("Volume")
    axv.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v / 1e6:.0f}M"))
    if benchmark is not None:
        bb = [b for b in benchmark.bars if window[0] <= b.date <= window[1]]
        if bb:
            base = next((b.close for b in bb if b.date >= dates[0]), bb[0].close)
            scale = closes[0] / base
            ax.plot(mdates.date2num([b.date for b in bb]), [b.close * scale for b in bb], color=BENCH_COLOUR, lw=1.4,
                    ls="--", label=f"{benchmark.symbol} rebased to {series.symbol}'s first close", zorder=2)
            info.benchmark = benchmark.symbol
    obstacles: list = []  # type: ignore[type-arg]
    compact = size[0] < 9
    if publish is not None:
        cal = get_calendar()
        local = publish.astimezone(cal.tz)
        px = mdates.date2num(local.replace(tzinfo=None))
        if window[0] <= local.date() <= window[1] + dt.timedelta(days=3):
            for a in (ax, axv):
                line = a.axvline(px, color="#333333", ls=(0, (5, 3)), lw=1.2, zorder=4)
                if a is ax:
                    obstacles.append(line)
            right_side = px > xs[0] + 0.7 * (xs[-1] - xs[0])
            ax.text(px, 1.005, f" published {local.strftime('%d %b %H:%M')} New York ", transform=ax.get_xaxis_transform(),
                    fontsize=8.5, color="#333333", ha="right" if right_side else "left", va="bottom")
    big = _largest_move(series, dates[1:], shares_at)
    if big is not None:
        d, move, text = big
        info.largest_move, info.largest_move_day = text, d
        bar = series.bar(d)
        assert bar is not None
        x = mdates.date2num(d)
        # near either edge the note leans inwards, so it is not cut by the frame
        edge = "right" if x > xs[0] + 0.85 * (xs[-1] - xs[0]) else "left" if x < xs[0] + 0.15 * (xs[-1] - xs[0]) \
            else "center"
        note = ax.annotate(f"largest move: {text}", (x, bar.close), xytext=(0, -34 if move < 0 else 30),
                    textcoords="offset points", ha=edge, fontsize=8.5, color="#000000",
                    arrowprops=dict(arrowstyle="->", color="#000000"), zorder=5,
                    bbox=dict(boxstyle="round,pad=0.25", fc="#F0F0F0", ec="none"))
        obstacles.append(note)
    items = []
    for j in judgements or []:
        m = _marker(j, series)
        if m is None or not (window[0] <= m.session <= window[1]):
            continue
        info.markers.append(m)
        x = mdates.date2num(m.session)
        ax.scatter([x], [m.y], s=70, color=COLOURS[m.verdict], marker=MARKERS[m.verdict], edgecolor="white",
                   linewidth=1.0, zorder=7)
        items.append((x, m.y, m.short if compact else m.label, COLOURS[m.verdict]))
    lows = [b.low for b in bars] + [m.y for m in info.markers]
    highs = [b.high for b in bars] + [m.y for m in info.markers]
    pad = (max(highs) - min(lows)) * 0.28
    ax.set_ylim(min(lows) - pad, max(highs) + pad)
    ax.set_xlim(xs[0] - 1, xs[-1] + 1)
    title = f"{name or series.symbol} ({series.symbol}{', ' + exchange if exchange else ''})"
    info.title = title
    ax.set_title(title, fontsize=14, loc="left", fontweight="bold")
    ax.set_ylabel("Price, as quoted on the day" if not series.symbol.startswith("^") else "Index level")
    ax.grid(True, color="#E5E5E5", lw=0.8)
    axv.grid(True, color="#EEEEEE", lw=0.6)
    ax.legend(loc="upper left", fontsize=8.5, framealpha=0.9)
    axv.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    for a in (ax, axv):
        a.spines[["top", "right"]].set_visible(False)
    info.footer = (f"Data: {series.source}; fetched {series.fetched_at or 'n/a'}; prices {series.basis}. "
                   f"Markers: green circle supported, orange X contradicted, grey square unverifiable.")
    fig.text(0.01, 0.008, info.footer, fontsize=7.5, color="#555555", ha="left", va="bottom", wrap=True)
    # fixed margins: tight_layout measured every text and took most of a chart's time
    if compact:
        fig.subplots_adjust(left=0.13, right=0.97, top=0.92, bottom=0.13, hspace=0.1)
    else:
        fig.subplots_adjust(left=0.065, right=0.985, top=0.93, bottom=0.105, hspace=0.08)
    _place_labels(ax, fig, items, info, obstacles, fontsize=8.5 if size[0] >= 9 else 10)
    return fig, info


def save(fig: Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, metadata={"Software": "enrich"} if path.suffix == ".png" else None)
    plt.close(fig)
    return path


def window_for(series: PriceSeries, day: dt.date, before: int, after: int) -> tuple[dt.date, dt.date]:
    dates = [b.date for b in series.bars]
    i = next((k for k, d in enumerate(dates) if d >= day), len(dates) - 1)
    return dates[max(0, i - before)], dates[min(len(dates) - 1, i + after)]


def draw_symbol(market: MarketData, symbol: str, day: dt.date, out: Path, *, before: int = 30, after: int = 10,
                benchmark: str | None = None) -> ChartInfo:
    span = (day - dt.timedelta(days=before * 2 + 10), day + dt.timedelta(days=after * 2 + 7))
    series = market.series(symbol, *span)
    fig, info = draw(series, window_for(series, day, before, after), benchmark=market.benchmark(symbol, benchmark, *span),
                     shares_at=market.shares_lookup(symbol))
    save(fig, out)
    return info
