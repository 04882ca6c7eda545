"""Charts checked by what was plotted; the report's escaping and self-containment."""
from __future__ import annotations

import datetime as dt
import re

import matplotlib.dates as mdates
import pytest
from conftest import SEED, SEED_MARKET

from enrich.article import make_article, read
from enrich.chart import draw, window_for
from enrich.models import Verdict
from enrich.pipeline import Enricher, open_market
from enrich.report import write_report


@pytest.fixture(scope="module")
def seed_chart():
    market = open_market([str(SEED_MARKET)], offline=True, use_store=False)
    article = next(read([str(SEED)]))
    checked = Enricher(market).check(article)
    series = market.series("FB", dt.date(2017, 7, 1), dt.date(2018, 9, 28))
    fig, info = draw(series, window_for(series, dt.date(2018, 8, 7), 30, 10), judgements=list(checked.judgements),
                     publish=article.published, benchmark=market.series("^GSPC", dt.date(2018, 6, 1),
                                                                          dt.date(2018, 9, 28)),
                     name="Facebook", shares_at=lambda d: market.shares_at("FB", d))
    return fig, info, series


def test_prices_plotted_are_the_quoted_closes(seed_chart):
    fig, info, series = seed_chart
    ax = fig.axes[0]
    close_line = next(line for line in ax.lines if line.get_label().startswith("FB close"))
    xs = [mdates.num2date(x).date() for x in close_line.get_xdata()]
    assert xs == info.dates
    assert list(close_line.get_ydata()) == [series.bar(d).close for d in xs]
    assert any("rebased" in line.get_label() for line in ax.lines)


def test_claim_markers_publish_line_and_largest_move(seed_chart):
    _, info, _ = seed_chart
    price = next(m for m in info.markers if m.y == 184.24)
    assert price.session == dt.date(2018, 8, 6) and price.low <= 184.24 <= price.high
    assert price.verdict is Verdict.SUPPORTED and "178.38 to $185.79" in price.label
    assert info.publish is not None
    assert info.largest_move_day == dt.date(2018, 7, 26) and info.largest_move.startswith("-19.0%")
    assert "$119" in info.largest_move
    assert "FB" in info.title and "as quoted" in info.footer


def test_labels_overlap_nothing(seed_chart):
    _, info, _ = seed_chart
    boxes = info.label_boxes
    assert len(boxes) == len(info.markers)

    def overlap(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    for i, a in enumerate(boxes):
        for b in boxes[i + 1:] + info.obstacle_boxes:
            assert not overlap(a, b), (a, b)


HOSTILE = ('Apple shares rose 2 percent to $150.00 on Monday. <script>window.__pwned = 1</script> '
           '<img src=x onerror="window.__pwned = 2"> Visit http://evil.example/x.js now.')


def test_html_escapes_article_text_and_title_and_is_self_contained(tmp_path):
    market = open_market([str(SEED_MARKET)], offline=True, use_store=False)
    art = make_article("hostile", HOSTILE, published="2018-08-06T18:00:00-04:00",
                       title='<script>alert("t")</script><img src=x onerror=alert(1)>')
    paths = write_report(Enricher(market), art, tmp_path, {"html", "md"})
    html = next(p for p in paths if p.suffix == ".html").read_text()
    tags = _tags(html)
    assert "script" not in {t for t, _ in tags}
    assert not [a for _, attrs in tags for a in attrs if a.lower().startswith("on")]
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror" in html
    assert not re.search(r'(?:src|href|srcset)="(?!data:)', html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def _tags(html: str) -> list[tuple[str, list[str]]]:
    from html.parser import HTMLParser

    found: list[tuple[str, list[str]]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            found.append((tag, [k for k, _ in attrs]))

    P().feed(html)
    return found


def test_report_with_five_subjects(tmp_path):
    from helpers import market_folder

    day = {"2018-08-06": (100.0, 104.0, 99.0, 103.0, 1e6)}
    root = market_folder(tmp_path / "m", {s: day for s in ("AAPL", "MSFT", "AMZN", "NFLX", "TSLA", "^GSPC")})
    text = ("Apple shares rose 3 percent on Monday. Microsoft shares rose 3 percent on Monday. Amazon shares rose "
            "3 percent on Monday. Netflix shares rose 3 percent on Monday. Tesla Inc. shares rose 3 percent on Monday.")
    market = open_market([str(root)], offline=True, use_store=False)
    paths = write_report(Enricher(market), make_article("five", text, published="2018-08-06T18:00:00-04:00"),
                         tmp_path / "out", {"html", "png"})
    assert len([p for p in paths if p.suffix == ".png"]) == 5


def test_appendix_is_as_of_the_new_york_session_and_says_when_data_is_short(tmp_path):
    market = open_market([str(SEED_MARKET)], offline=True, use_store=False)
    article = next(read([str(SEED)]))
    md = next(p for p in write_report(Enricher(market), article, tmp_path, {"md"}) if p.suffix == ".md").read_text()
    assert "$185.69 (6 Aug 2018)" in md  # published 00:05 IST on the 7th = 14:35 on the 6th in New York
    assert "52-week" not in md and "High since 1 Jun 2018" in md  # the snapshot holds less than a year
    assert md.count("**supported**") == 3
