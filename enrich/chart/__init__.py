"""Annotated price charts: each chart is built once and saved once per image asked for.

    chart = build(series, window, judgements=..., publish=..., benchmark=...)
    images = render(chart, {"png", "svg", "compact"})   # bytes per kind

`info(chart)` says what a chart shows (its sessions, closes, marks, credit), for the report and for tests.
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from ..market import MarketData
from ..models import Judgement, PriceSeries
from . import style
from .draw import RC, Chart, ChartInfo
from .marks import Mark, SharesFn
from .names import benchmark_name, benchmark_series

__all__ = ["Chart", "ChartInfo", "Mark", "build", "draw_symbol", "info", "render", "window_for"]


def build(series: PriceSeries, window: tuple[dt.date, dt.date], *, judgements: list[Judgement] | None = None,
          publish: dt.datetime | None = None, benchmark: PriceSeries | None = None, name: str = "",
          exchange: str = "", shares_at: SharesFn | None = None) -> Chart:
    """The chart of `series` over `window`, with the article's judged figures, laid out at full size."""
    chart = Chart(series, window, judgements=list(judgements or []), publish=publish, benchmark=benchmark, name=name,
                  exchange=exchange, shares_at=shares_at,
                  benchmark_name=benchmark_name(benchmark.symbol) if benchmark else "")
    chart.arrange(style.FULL)
    return chart


def render(chart: Chart, kinds: set[str]) -> dict[str, bytes]:
    """One save per kind asked: "png" and "svg" at full size, "compact" (a PNG for phones) last, since it
    lays the same figure out again at the small size."""
    out: dict[str, bytes] = {}
    import matplotlib

    with matplotlib.rc_context(RC):
        for kind in ("png", "svg"):
            if kind in kinds:
                buf = io.BytesIO()
                chart.fig.savefig(buf, format=kind, dpi=100, metadata={"Software": "enrich"} if kind == "png" else
                                  {"Date": None, "Creator": "enrich"})
                out[kind] = buf.getvalue()
        if "compact" in kinds:
            chart.arrange(style.COMPACT)
            buf = io.BytesIO()
            chart.fig.savefig(buf, format="png", dpi=100, metadata={"Software": "enrich"})
            out["compact"] = buf.getvalue()
            chart.arrange(style.FULL)
    return out


def info(chart: Chart) -> ChartInfo:
    return ChartInfo(chart.series.symbol, chart.title, chart.axis.sessions, tuple(b.close for b in chart.bars),
                     tuple(chart.marks), chart.largest, chart.benchmark, chart.footer, chart.credit,
                     tuple(chart.placed))


def window_for(series: PriceSeries, day: dt.date, before: int, after: int,
               reach: list[dt.date] | None = None, most: int = 260) -> tuple[dt.date, dt.date]:
    """`before` sessions before `day` to `after` sessions after it, widened back to the earliest date in
    `reach` (where a range the article states begins), but never past `most` sessions before `day`."""
    dates = [b.date for b in series.bars]
    i = next((k for k, d in enumerate(dates) if d >= day), len(dates) - 1)
    lo = max(0, i - before)
    for d in reach or []:
        k = next((k for k, x in enumerate(dates) if x >= d), None)
        if k is not None and k < lo:
            lo = max(k - 2, i - most, 0)
    return dates[lo], dates[min(len(dates) - 1, i + after)]


def draw_symbol(market: MarketData, symbol: str, day: dt.date, out: Path, *, before: int = 30, after: int = 10,
                benchmark: str | None = None) -> ChartInfo:
    """The chart of one symbol around a day, without an article, written to `out` (.png or .svg)."""
    from ..report.files import write_atomic

    span = (day - dt.timedelta(days=before * 2 + 10), day + dt.timedelta(days=after * 2 + 7))
    series = market.series(symbol, *span)
    chart = build(series, window_for(series, day, before, after),
                  benchmark=benchmark_series(market, symbol, benchmark, *span), shares_at=market.shares_lookup(symbol))
    kind = "svg" if out.suffix.lower() == ".svg" else "png"
    write_atomic(out, render(chart, {kind})[kind])
    return info(chart)
