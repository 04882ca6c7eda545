"""The report in a real browser: headless Chromium (Debian's package) driven by Playwright."""
from __future__ import annotations

import shutil

import pytest
from conftest import SEED_MARKET
from test_report import HOSTILE

from enrich.article import make_article
from enrich.pipeline import Enricher, open_market
from enrich.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
# Two figures on the seed's data: one the data supports, one it contradicts (the day's move was 0.34% at the close).
TEXT = ("Facebook shares were trading up 3.6 percent to USD 184.24 in mid-day trading on Monday. Facebook shares "
        "closed up 9 percent on Monday. ")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    market = open_market([str(SEED_MARKET)], offline=True, use_store=False)
    art = make_article("hostile", TEXT + HOSTILE, published="2018-08-06T16:35:00-04:00",
                       title='<img src=x onerror="window.__pwned = 3">')
    out = tmp_path_factory.mktemp("report")
    return next(p for p in write_report(Enricher(market), art, out, {"html"}) if p.suffix == ".html")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_report_loads_its_charts_highlights_figures_and_runs_no_injected_script(report, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    widths = page.eval_on_selector_all("img", "els => els.map(e => e.naturalWidth)")
    assert widths and all(w > 0 for w in widths)
    assert page.locator("mark.claim").count() >= 2 and page.locator("mark.mention").count() >= 1
    assert page.evaluate("window.__pwned") is None
    page.keyboard.press("Tab")  # keyboard users reach a figure and see its verdict
    shown = page.evaluate("getComputedStyle(document.activeElement.querySelector('.tip')).display")
    assert shown == "block"
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(report.as_uri())
    assert phone.eval_on_selector_all("img", "els => els.map(e => e.currentSrc === e.src)") == [False]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone


def _row_verdicts(page) -> list[str]:
    return page.evaluate("""[...document.querySelectorAll('table.figures tbody tr')]
        .map(r => [r.getBoundingClientRect().top, r.className]).sort((a, b) => a[0] - b[0]).map(x => x[1])""")


def test_figures_table_sorts_by_verdict_with_mouse_or_keyboard(report, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(report.as_uri())
    first = _row_verdicts(page)
    assert first[0] == "supported" and "contradicted" in first  # article order
    page.click("label[for=by-verdict]")
    assert _row_verdicts(page)[0] == "contradicted"
    page.focus("#by-verdict")
    page.keyboard.press("ArrowLeft")  # back to article order, as radio buttons do
    assert _row_verdicts(page) == first


def test_dark_mode_follows_the_system_setting(report, browser):
    ctx = browser.new_context(color_scheme="dark")
    page = ctx.new_page()
    page.goto(report.as_uri())
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    fg = page.evaluate("getComputedStyle(document.body).color")

    def lum(css: str) -> float:
        r, g, b = (int(v) for v in css[css.index("(") + 1:css.index(")")].split(",")[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    assert lum(bg) < 60 and lum(fg) > 180
    ctx.close()


@pytest.mark.parametrize("paper,width_mm", [("A4", 210.0), ("Letter", 215.9)])
def test_prints_on_a4_and_letter_without_cutting_anything(report, browser, paper, width_mm):
    content_px = int((width_mm - 28) / 25.4 * 96)  # the page less the 14 mm margins, in CSS pixels
    page = browser.new_page(viewport={"width": content_px, "height": 1000})
    page.goto(report.as_uri())
    page.emulate_media(media="print")
    assert page.evaluate("document.documentElement.scrollWidth") <= content_px
    assert page.evaluate("getComputedStyle(document.querySelector('.sorter')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('table.figures tr')).display") == "table-row"
    cells = "table.figures tbody td:nth-child(2), table.figures tbody td:nth-child(3), table.figures tbody td:nth-child(6)"
    heights = page.evaluate(f"""[...document.querySelectorAll('{cells}')].map(td => {{
        const r = document.createRange(); r.selectNodeContents(td);
        return r.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight) }})""")
    assert heights and all(0.5 < h < 1.5 for h in heights), heights  # shown, and never broken across lines
    # the picture picks its print source again after the media change, asynchronously: wait for it (or time out)
    page.wait_for_function("document.querySelector('picture img').currentSrc === document.querySelector('picture img').src",
                           timeout=10_000)
    pdf = page.pdf(format=paper)
    assert pdf[:5] == b"%PDF-" and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + \
        pdf.count(b"/Type/Page") >= 1
