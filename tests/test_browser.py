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


def test_report_loads_its_charts_highlights_figures_and_runs_no_injected_script(tmp_path):
    from playwright.sync_api import sync_playwright

    market = open_market([str(SEED_MARKET)], offline=True, use_store=False)
    text = ("Facebook shares were trading up 3.6 percent to USD 184.24 in mid-day trading on Monday. " + HOSTILE)
    art = make_article("hostile", text, published="2018-08-06T14:35:00-04:00",
                       title='<img src=x onerror="window.__pwned = 3">')
    html = next(p for p in write_report(Enricher(market), art, tmp_path, {"html"}) if p.suffix == ".html")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
        widths = page.eval_on_selector_all("img", "els => els.map(e => e.naturalWidth)")
        assert widths and all(w > 0 for w in widths)
        assert page.locator("mark.claim").count() >= 2 and page.locator("mark.mention").count() >= 1
        assert page.evaluate("window.__pwned") is None
        # keyboard users reach a figure and see its verdict
        page.keyboard.press("Tab")
        shown = page.evaluate("getComputedStyle(document.activeElement.querySelector('.tip')).display")
        assert shown == "block"
        assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
        page.screenshot(path=str(tmp_path / "wide.png"), full_page=False)
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(html.as_uri())
        assert phone.eval_on_selector_all("img", "els => els.map(e => e.currentSrc === e.src)") == [False]
        browser.close()
