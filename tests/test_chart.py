"""Charts checked by what was plotted: the trading-day axis, the figures' marks, ranges as spans, the
formats, the footer, and no text over text, measured on the rendered figure."""
from __future__ import annotations

import datetime as dt
import itertools
import re

import numpy as np
import pytest
from chart_cases import (SEED_PUBLISHED, WRAP_PUBLISHED, WRAP_TEXT, judged, seed_judgements, seed_market,
                         wrap_judgements, wrap_market)
from matplotlib.collections import PolyCollection

from enrich.chart import build, info, window_for
from enrich.models import Kind, Moment, Verdict


def seed_chart():
    market = seed_market()
    series = market.series("FB", dt.date(2017, 7, 1), dt.date(2018, 9, 28))
    bench = market.series("^GSPC", dt.date(2017, 7, 1), dt.date(2018, 9, 28))
    chart = build(series, window_for(series, dt.date(2018, 8, 6), 30, 10), judgements=seed_judgements(),
                  publish=SEED_PUBLISHED, benchmark=bench, name="Facebook", exchange="NASDAQ",
                  shares_at=market.shares_lookup("FB"))
    return chart, series


def wrap_chart(judgements=None):
    market = wrap_market()
    series = market.series("^IXIC", dt.date(2021, 1, 1), dt.date(2022, 1, 31))
    bench = market.series("^GSPC", dt.date(2021, 1, 1), dt.date(2022, 1, 31))
    day = dt.date(2021, 12, 20)
    reach = [j.claim.time.from_session for j in (judgements or wrap_judgements()) if j.claim.time.from_session]
    return build(series, window_for(series, day, 30, 10, reach=reach), judgements=judgements or wrap_judgements(),
                 publish=WRAP_PUBLISHED, benchmark=bench, name="Nasdaq Composite", exchange="INDEX"), series


@pytest.fixture(scope="module")
def seed():
    return seed_chart()


@pytest.fixture(scope="module")
def wrap():
    return wrap_chart()


def test_sessions_sit_side_by_side_with_no_weekend_gaps_and_volume_aligned(seed):
    chart, series = seed
    shown = info(chart)
    close = next(line for line in chart.ax.lines if line.get_label() == "FB close")
    xs = list(close.get_xdata())
    assert xs == list(range(len(shown.dates)))  # one slot a session: Friday to Monday is one step
    assert list(close.get_ydata()) == [series.bar(d).close for d in shown.dates]
    assert any(d.weekday() == 0 and shown.dates[i - 1].weekday() == 4 for i, d in enumerate(shown.dates) if i)
    volume = next(c for c in chart.axv.collections if isinstance(c, PolyCollection))
    centres = [float(np.mean(p.vertices[:4, 0])) for p in volume.get_paths()]
    assert centres == pytest.approx(xs)
    labels = chart.ticks["x"].labels()
    assert labels[0].endswith("2018") and all(label.strip() for label in labels)


def test_benchmark_is_rebased_to_the_first_close(seed):
    chart, series = seed
    bench = next(line for line in chart.ax.lines if "rebased" in line.get_label())
    assert bench.get_ydata()[0] == pytest.approx(info(chart).closes[0])
    assert "S&P 500 rebased" in chart.subtitle


def test_each_figure_is_a_numbered_mark_in_article_order_and_moments_sit_in_the_day_range(seed):
    chart, series = seed
    marks = info(chart).marks
    assert [m.number for m in marks] == [1, 2, 3]
    cap, move, price = marks
    aug6 = series.bar(dt.date(2018, 8, 6))
    assert price.y == 184.24 and price.day_range == (aug6.low, aug6.high) and aug6.low <= price.y <= aug6.high
    assert price.data == "$178.38 to $185.79 in the session"
    assert move.day_range is not None and move.said == "+3.6%" and move.data == "+0.34% to +4.51% in the session"
    assert cap.said == "some -$100bn" and cap.data == "-$119.1bn at the close"
    assert cap.x == info(chart).dates.index(dt.date(2018, 7, 26))


def test_a_range_is_drawn_from_its_start_session_to_its_end(wrap):
    chart, series = wrap
    shown = info(chart)
    four, record = [m for m in shown.marks if m.span]
    assert shown.dates[int(four.span[0])] == dt.date(2021, 12, 14) and shown.dates[int(four.span[1])] == dt.date(2021, 12, 20)
    assert shown.dates[int(record.span[0])] == dt.date(2021, 10, 25)  # the window widened back to the record
    segments = chart.brackets.get_segments()
    spans = {(round(s[0][0], 3), round(s[1][0], 3)) for s in segments if s[0][1] == s[1][1]}
    assert (four.span[0], four.span[1]) in spans and (record.span[0], record.span[1]) in spans
    assert four.data == "-2.75%, 14,084.08 to 13,697.37"


def test_a_move_during_the_session_is_drawn_inside_that_days_bar(wrap):
    chart, series = wrap
    extreme = next(m for m in info(chart).marks if m.quote.startswith("fell as much"))
    bar = series.bar(dt.date(2021, 12, 20))
    assert extreme.day_range == (bar.low, bar.high) and extreme.verdict is Verdict.CONTRADICTED
    assert extreme.x == info(chart).dates.index(dt.date(2021, 12, 20))


def test_verdicts_differ_by_shape_as_well_as_colour(wrap):
    chart, _ = wrap
    shapes = {v: {m.get_paths()[0].vertices.shape for m in [c]} for (_, v), c in chart.badge_sets.items()}
    assert len({next(iter(s)) for s in shapes.values()}) == len(shapes) >= 2


def test_footer_names_the_source_and_snapshot_date_never_a_path(seed, wrap):
    for chart, _ in (seed, wrap):
        footer = info(chart).footer
        assert not re.search(r"(^|[\s(])(/|[A-Za-z]:\\)", footer) and "fetched" not in footer  # no machine path
        assert footer.startswith("Source: data folder \u201c") and "prices as quoted" in footer
        assert re.search(r"data as of \d{1,2} [A-Z][a-z]{2} \d{4};", footer)  # a date, not a time of day


def _rendered_boxes(chart):
    chart.fig.canvas.draw()
    renderer = chart.fig.canvas.get_renderer()
    undrawn = set()  # tick labels outside an axis's view are kept by matplotlib but not drawn
    for ax in chart.fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for loc, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels()):
                if not lo - 1e-9 <= loc <= hi + 1e-9:
                    undrawn.add(id(label))
    texts = [t for t in chart.fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_window_extent"))
             if t.get_visible() and t.get_text().strip() and id(t) not in undrawn]
    return [(t, t.get_window_extent(renderer)) for t in texts]


def _badge_boxes(chart):
    boxes = []
    for coll in chart.badge_sets.values():
        r = np.sqrt(coll.get_sizes()[0]) * chart.fig.dpi / 72 / 2
        for x, y in coll.get_offset_transform().transform(coll.get_offsets()):
            boxes.append((x - r, y - r, x + r, y + r))
    return boxes


def _assert_nothing_overlaps(chart):
    boxes = _rendered_boxes(chart)
    numbers = {str(n) for n in range(1, 100)}
    plain = [(t, b) for t, b in boxes if t.get_text() not in numbers]
    width, height = chart.fig.canvas.get_width_height()
    for t, b in plain:
        assert b.x0 >= 0 and b.y0 >= 0 and b.x1 <= width and b.y1 <= height, t.get_text()
    for (t1, b1), (t2, b2) in itertools.combinations(plain, 2):
        assert not b1.overlaps(b2), (t1.get_text(), t2.get_text())
    badges = _badge_boxes(chart)
    for a, b in itertools.combinations(badges, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    for t, b in plain:
        for x0, y0, x1, y1 in badges:
            assert not (b.x0 < x1 and x0 < b.x1 and b.y0 < y1 and y0 < b.y1), t.get_text()
    panels = [chart.ax.get_window_extent(), chart.axv.get_window_extent()]
    for x0, y0, x1, y1 in badges:
        assert any(p.x0 <= x0 and x1 <= p.x1 and p.y0 <= y0 and y1 <= p.y1 for p in panels), (x0, y0)


def test_no_text_overlaps_another_a_badge_or_the_frame(seed, wrap):
    for chart, _ in (seed, wrap):
        _assert_nothing_overlaps(chart)


def test_twenty_figures_on_one_day_still_overlap_nothing_and_the_key_says_what_it_left_out():
    base = wrap_judgements()
    text = WRAP_TEXT + "".join(f" Figure {k} of the session was 13,{600 + k}.50." for k in range(20))
    many = [judged(text, f"13,{600 + k}.50", "^IXIC", Kind.INDEX_LEVEL, 13600 + k + 0.5, dt.date(2021, 12, 20),
                   Verdict.SUPPORTED if k % 3 else Verdict.UNVERIFIABLE, moment=Moment.INTRADAY, decimals=2,
                   reason="" if k % 3 else "clock_time") for k in range(20)]
    chart, _ = wrap_chart(base[:2] + many)
    _assert_nothing_overlaps(chart)
    assert len(info(chart).badges) == 22
    layout = chart.key_layout
    listed = [e for e in layout.entries if e.number is not None]
    assert len(listed) + layout.left_out == 22
    if layout.left_out:
        assert f"and {layout.left_out} more" in layout.entries[-1].body[0]


def test_compact_layout_reuses_the_figure_and_keeps_badges_apart(wrap):
    from enrich.chart import render, style

    chart, _ = wrap
    artists = len(chart.fig.findobj())
    images = render(chart, {"png", "compact"})
    assert images["compact"][:8] == b"\x89PNG\r\n\x1a\n" and len(images["compact"]) < len(images["png"])
    chart.arrange(style.COMPACT)
    try:
        _assert_nothing_overlaps(chart)
    finally:
        chart.arrange(style.FULL)
    assert abs(len(chart.fig.findobj()) - artists) < 5


def test_a_figure_far_off_the_data_is_drawn_at_the_edge_without_squashing_the_prices():
    text = WRAP_TEXT + " A misread said the index was at 1,369,737.00."
    wild = judged(text, "1,369,737.00", "^IXIC", Kind.INDEX_LEVEL, 1369737.0, dt.date(2021, 12, 20),
                  Verdict.CONTRADICTED, decimals=2)
    chart, series = wrap_chart(wrap_judgements() + [wild])
    lo, hi = chart.ax.get_ylim()
    assert hi < 20_000  # the prices keep their scale
    top = chart.dots[(chart.ax, Verdict.CONTRADICTED, 1)].get_offsets()
    assert len(top) == 1 and lo < top[0][1] < hi  # a triangle inside the frame, pointing up
    _assert_nothing_overlaps(chart)
