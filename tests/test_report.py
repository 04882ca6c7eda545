"""The report's files: escaped and self-contained HTML, an appendix no article text can mark up, file names
that never collide, writes that never leave half a file, and provenance without machine paths."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from conftest import SEED, SEED_MARKET

from enrich.article import make_article, read
from enrich.pipeline import Enricher, open_market
from enrich.report import Names, ReportWriter, safe_stem, write_report

HOSTILE = ('Apple shares rose 2 percent to $150.00 on Monday. <script>window.__pwned = 1</script> '
           '<img src=x onerror="window.__pwned = 2"> Visit http://evil.example/x.js now.')
MARKUP = ("Apple shares rose 2 percent on Monday. ![tracker](http://evil.example/p.png) "
          "[click](javascript:alert(1)) <img src=http://evil.example/q.png> www.evil.example **bold** `code`")


def seed_market():
    return open_market([str(SEED_MARKET)], offline=True, use_store=False)


def _tags(html: str) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            found.append((tag, [k for k, _ in attrs]))

    P().feed(html)
    return found


def test_html_escapes_article_text_and_title_and_is_self_contained(tmp_path):
    art = make_article("hostile", HOSTILE, published="2018-08-06T18:00:00-04:00",
                       title='<script>alert("t")</script><img src=x onerror=alert(1)>')
    paths = write_report(Enricher(seed_market()), art, tmp_path, {"html", "md"})
    html = next(p for p in paths if p.suffix == ".html").read_text()
    tags = _tags(html)
    assert "script" not in {t for t, _ in tags}
    assert not [a for _, attrs in tags for a in attrs if a.lower().startswith("on")]
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror" in html
    assert not re.search(r'(?:src|href|srcset)="(?!data:)', html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html and "script-src" not in html


def test_markdown_appendix_gives_article_text_no_markup(tmp_path):
    title = ("A title\n# Verdict summary\n**supported**\n| a | b |\n![t](http://evil.example/p.png) "
             "[c](javascript:alert(1)) <img src=http://evil.example/q.png>")
    art = make_article("md", MARKUP, published="2018-08-06T18:00:00-04:00", title=title)
    paths = write_report(Enricher(seed_market()), art, tmp_path, {"md", "html"})
    md = next(p for p in paths if p.suffix == ".md").read_text()
    from markdown_it import MarkdownIt  # rich's Markdown parser: CommonMark, plus GitHub's tables

    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)
    tags = [t for t, _ in _tags(rendered)]
    assert "img" not in tags and "a" not in tags and "script" not in tags and "code" not in tags
    assert tags.count("h1") == 1 and "<h1>Market context: A title # Verdict summary **supported** | a | b |" in rendered
    assert "[c](javascript:alert(1))" in rendered  # shown as the text it is
    html = next(p for p in paths if p.suffix == ".html").read_text()
    assert "<h2>Verdict summary" not in html and "<strong>supported</strong>\n" not in html


def test_ids_that_differ_only_by_slash_and_underscore_get_different_files(tmp_path):
    assert safe_stem("seed") == "seed" and safe_stem("a/b") != safe_stem("a_b") == "a_b"
    long = "x" * 300
    assert len(safe_stem(long)) <= 80 and safe_stem(long) != safe_stem(long[:-1] + "y")
    assert safe_stem("../../etc/passwd").startswith("etc_passwd-") and safe_stem("CON") != "CON"
    names = Names()
    assert [names.claim("same"), names.claim("same"), names.claim("same")] == ["same", "same-2", "same-3"]
    writer = ReportWriter(Enricher(seed_market()), tmp_path, {"md"})
    text = "Facebook shares rose 3.6 percent on Monday."
    first = writer.write(make_article("news/fb", text, published="2018-08-06T18:00:00-04:00"))
    second = writer.write(make_article("news_fb", text, published="2018-08-06T18:00:00-04:00"))
    again = writer.write(make_article("news_fb", text, published="2018-08-06T18:00:00-04:00"))
    assert len({*first, *second, *again}) == 3 and all(p.exists() for p in [*first, *second, *again])
    umask = os.umask(0)
    os.umask(umask)
    assert all(p.stat().st_mode & 0o777 == 0o666 & ~umask for p in first)  # made like any file, not private


def _report_cmd(out, limit: int | None):
    """`enrich report` on the seed in a child process, its file size limit set to `limit` bytes: a real write
    failure (EFBIG) part way through the report, as a full disk would give."""
    code = ("import resource, signal, sys\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            f"limit = {limit!r}\n"
            "if limit: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n"
            "from enrich.cli import main\n"
            f"sys.argv = ['enrich', 'report', {str(SEED)!r}, '--offline', '-o', {str(out)!r}, '--format', 'html,png']\n"
            "main()\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def test_a_failed_write_leaves_the_earlier_report_whole_and_says_so_in_one_line(tmp_path):
    out = tmp_path / "out"
    assert _report_cmd(out, None).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {n.rsplit(".", 1)[1] for n in before} == {"png", "html"}
    failed = _report_cmd(out, 40_000)  # the chart PNG (about 60 KB) cannot be written whole
    assert failed.returncode == 5, failed.stderr
    assert len(failed.stderr.strip().splitlines()) == 1 and "Traceback" not in failed.stderr
    assert "could not write" in failed.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary file left, nothing cut


def test_provenance_names_the_folder_never_its_path(tmp_path):
    article = next(read([str(SEED)]))
    paths = write_report(Enricher(seed_market()), article, tmp_path, {"md", "html"})
    # a figure about a company the folder holds no prices for: its explanation names where data was sought
    other = make_article("other", "Apple shares rose 2 percent on Monday.", published="2018-08-06T18:00:00-04:00")
    more = write_report(Enricher(seed_market()), other, tmp_path, {"md", "html"})
    assert "Figures not checked" in next(p for p in more if p.suffix == ".md").read_text()
    for p in paths + more:
        text = p.read_text()
        assert str(SEED_MARKET) not in text and "/seeds/" not in text and "fetched" not in text
    md = next(p for p in paths if p.suffix == ".md").read_text()
    assert "Source: data folder \u201cseeds/market\u201d, data as of" in md  # the folder's name, not its path


def test_report_with_five_subjects_draws_one_chart_each_with_its_benchmark(tmp_path):
    from helpers import market_folder

    day = {"2018-08-06": (100.0, 104.0, 99.0, 103.0, 1e6)}
    root = market_folder(tmp_path / "m", {s: day for s in ("AAPL", "MSFT", "AMZN", "NFLX", "TSLA", "^GSPC")})
    text = ("Apple shares rose 3 percent on Monday. Microsoft shares rose 3 percent on Monday. Amazon shares rose "
            "3 percent on Monday. Netflix shares rose 3 percent on Monday. Tesla Inc. shares rose 3 percent on Monday.")
    market = open_market([str(root)], offline=True, use_store=False)
    paths = write_report(Enricher(market), make_article("five", text, published="2018-08-06T18:00:00-04:00"),
                         tmp_path / "out", {"html", "png"})
    assert len([p for p in paths if p.suffix == ".png"]) == 5
    html = next(p for p in paths if p.suffix == ".html").read_text()
    assert html.count("<figure") == 5 and html.count("against the S&amp;P 500") == 5
    assert html.count('<figure class="card">') == 5 and '<section class="charts"' in html


def test_figures_table_sorts_by_verdict_without_script(tmp_path):
    from helpers import market_folder

    day = {"2018-08-06": (100.0, 104.0, 99.0, 103.0, 1e6)}
    root = market_folder(tmp_path / "m", {s: day for s in ("AAPL", "MSFT", "^GSPC")})
    text = "Apple shares rose 3 percent on Monday. Microsoft shares rose 9 percent on Monday."
    market = open_market([str(root)], offline=True, use_store=False)
    paths = write_report(Enricher(market), make_article("sort", text, published="2018-08-06T18:00:00-04:00"),
                         tmp_path / "out", {"html"})
    html = paths[0].read_text()
    rows = re.findall(r'<tr role="row" class="(\w+)" style="--by-verdict:(\d+);--by-symbol:(\d+)">', html)
    assert [r[0] for r in rows] == ["supported", "contradicted"]
    assert [int(r[1]) for r in rows] == [1, 0]  # by verdict the contradicted figure comes first
    assert "#by-verdict:checked~table.figures tbody tr{order:var(--by-verdict)}" in html


def test_appendix_is_as_of_the_new_york_session_and_says_when_data_is_short(tmp_path):
    article = next(read([str(SEED)]))
    md = next(p for p in write_report(Enricher(seed_market()), article, tmp_path, {"md"}) if p.suffix == ".md")
    text = md.read_text()
    assert "\\$185.69 \\(6 Aug 2018\\)" in text  # published 00:05 IST on the 7th = 14:35 on the 6th in New York
    assert "52-week" not in text and "High since 1 Jun 2018" in text  # the snapshot holds less than a year
    assert text.count("**supported**") == 3


@pytest.mark.parametrize("symbol,prices,value,expected", [
    ("BP.L", [446.0, 450.0], 446.0, "446p"), ("RELIANCE.NS", [1234.5, 1230.05], 1234.5, "Rs 1,234.50"),
    ("7203.T", [21500.0], 21500.0, "¥21,500"), ("FB", [193.990005], 184.24, "$184.24"),
    ("^GSPC", [2351.1], 2351.1, "2,351.10")])
def test_prices_are_written_in_the_instruments_own_unit(symbol, prices, value, expected):
    from enrich.chart.formats import number_format

    assert number_format(symbol, prices).price(value) == expected


def test_market_values_are_billions_of_the_major_currency():
    from enrich.chart.formats import NumberFormat, number_format

    assert number_format("BP.L", [446.0]).value(12.34e9) == "£12.3bn"
    assert number_format("FB", [1.0]).value(-119.1e9) == "-$119.1bn"
    assert number_format("FB", [1.0]).value(1.02e12) == "$1.02tn"
    assert NumberFormat.pct(-19.7782) == "-19.78%" and NumberFormat.pct(3.6, 1) == "+3.6%"


def test_source_names_hide_paths():
    from enrich.chart.provenance import snapshot_date, source_name

    assert source_name("yahoo (yfinance)") == "Yahoo Finance"
    assert source_name("dir:/home/someone/data/market") == "data folder \u201cmarket\u201d"
    assert source_name("snapshot:C:\\Users\\x\\devset\\") == "data folder \u201cdevset\u201d"
    assert source_name("devset market") == "devset market"
    assert source_name("10-Q cover page, 2018/06/30") == "10-Q cover page, 2018/06/30"
    assert str(snapshot_date("2020-12-11T05:50:25+00:00")) == "2020-12-11" and snapshot_date("n/a") is None
