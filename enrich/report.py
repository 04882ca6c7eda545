"""The report people read: charts (PNG/SVG), the Markdown appendix and one self-contained HTML file.

The HTML inlines its images as data: URIs and carries a Content-Security-Policy that allows no
script and no network request; every piece of article text and metadata is escaped.
"""
from __future__ import annotations

import base64
import datetime as dt
import html
import io
import re
from pathlib import Path

import matplotlib.pyplot as plt

from . import appendix
from .chart import draw, window_for
from .calendar import Phase
from .errors import DataError
from .market.data import MarketData
from .models import Article, Judgement, Mention, PriceSeries
from .pipeline import Checked, Enricher

CSS = """
body{font:16px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header,main{max-width:1400px;margin:0 auto;padding:0 1.2rem}
header h1{font-size:1.5rem;margin:1.2rem 0 .2rem}.meta{color:#555;font-size:.9rem;margin:0 0 1rem}
.layout{display:grid;grid-template-columns:1fr;gap:1.5rem}
@media (min-width:1000px){.layout{grid-template-columns:minmax(0,1fr) minmax(0,1.15fr)}}
.article{background:#fff;padding:1rem 1.3rem;border:1px solid #ddd;border-radius:6px;white-space:pre-wrap}
.charts figure{margin:0 0 1.2rem;background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem}
.charts img{width:100%;height:auto;display:block}figcaption{font-size:.85rem;color:#444}
mark{background:none;border-bottom:2px solid #999;position:relative;cursor:help;padding:0 1px}
mark.mention{border-bottom:2px dotted #0072B2}
mark.claim.supported{background:#d8f3ea;border-color:#009E73}
mark.claim.contradicted{background:#fbe3d6;border-color:#D55E00}
mark.claim.unverifiable{background:#eee;border-color:#7F7F7F}
mark:focus{outline:3px solid #0072B2;outline-offset:1px}
mark .tip{display:none;position:absolute;left:0;top:1.6em;z-index:10;width:min(26rem,80vw);background:#1b1b1b;color:#fff;
padding:.5rem .6rem;border-radius:4px;font-size:.85rem;line-height:1.4;white-space:normal}
mark:hover .tip,mark:focus .tip,mark:focus-within .tip{display:block}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem;margin:.5rem 0 1rem}
th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
.v-supported{color:#00704f;font-weight:600}.v-contradicted{color:#b34700;font-weight:600}.v-unverifiable{color:#555;font-weight:600}
.legend span{margin-right:1rem}
.summary{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin-bottom:1.2rem}
.summary h2{font-size:1.05rem;margin:.2rem 0 .4rem}.summary ul{margin:.2rem 0;padding-left:1.1rem;font-size:.92rem}
.badge{display:inline-block;border-radius:3px;padding:0 .45rem;margin-right:.4rem;color:#fff;font-weight:600}
.badge.supported{background:#00704f}.badge.contradicted{background:#b34700}.badge.unverifiable{background:#666}
"""


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def highlighted(text: str, mentions: list[Mention], judgements: list[Judgement]) -> str:
    """The article text, escaped, with mentions and claims wrapped in focusable <mark> elements."""
    spans: list[tuple[int, int, str, str]] = []
    for j in judgements:
        c = j.claim
        tip = f"{j.verdict.value.upper()}: {j.explanation}" + (f" {j.date_note}" if j.date_note else "")
        spans.append((c.start, c.end, f"claim {j.verdict.value}", tip))
    for m in mentions:
        spans.append((m.start, m.end, "mention", f"{m.name} ({m.symbol})"))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out, pos, n = [], 0, 0
    for start, end, cls, tip in spans:
        if start < pos:
            continue  # overlapping spans: the longer, earlier one wins
        n += 1
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark class="{cls}" tabindex="0" aria-describedby="tip{n}">{html.escape(text[start:end])}'
                   f'<span class="tip" role="tooltip" id="tip{n}">{html.escape(tip)}</span></mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def md_to_html(md: str) -> str:
    """The appendix's own small Markdown subset (headings, tables, bullets, bold), escaped."""
    out, in_table, in_list = [], False, False
    for line in md.splitlines():
        esc = html.escape(line.replace("&lt;", "<").replace("&gt;", ">").replace("\\|", "\u2502"))
        esc = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", esc)
        if line.startswith("|"):
            cells = [c.strip().replace("\u2502", "|") for c in esc.strip("|").split("|")]
            if set("".join(cells)) <= set("-"):
                continue
            if not in_table:
                out.append("<table>")
                in_table = True
                out.append("<tr>" + "".join(f"<th>{c}</th>" for c in cells) + "</tr>")
            else:
                out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{esc[2:]}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        m = re.match(r"^(#{1,3}) (.*)", esc)
        if m:
            level = len(m.group(1)) + 1
            out.append(f"<h{level}>{m.group(2)}</h{level}>")
        elif esc.strip():
            out.append(f"<p>{esc}</p>")
    if in_table:
        out.append("</table>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def render_html(article: Article, checked: Checked, charts: list[tuple[str, bytes, bytes, str]],
                appendix_md: str) -> str:
    rows = []
    for j in list(checked.judgements) + list(checked.unchecked):
        c = j.claim
        reason = f" ({j.reason})" if j.reason else ""
        rows.append(f"<tr><td class=\"v-{j.verdict.value}\">{j.verdict.value}{html.escape(reason)}</td>"
                    f"<td>{html.escape(c.symbol)}</td><td>{html.escape(c.kind.value)}</td>"
                    f"<td>{html.escape(c.quote)}</td><td>{html.escape(str(j.evidence.get('session', c.session)))}</td>"
                    f"<td>{html.escape(j.explanation + (' ' + j.date_note if j.date_note else ''))}</td></tr>")
    figures = "".join(
        f'<figure><picture><source media="(max-width: 700px)" srcset="{_data_uri(small)}">'
        f'<img src="{_data_uri(png)}" alt="{html.escape(alt)}" width="1200" height="700"></picture>'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>" for caption, png, small, alt in charts)
    title = article.title or article.id
    pub = article.published.isoformat() if article.published else "unknown"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} - enrich report</title><style>{CSS}</style></head>
<body><header><h1>{html.escape(title)}</h1>
<p class="meta">Published {html.escape(pub)} ({html.escape(article.published_how)}).
{html.escape(article.url)}</p>
<p class="legend meta"><span class="v-supported">supported</span><span class="v-contradicted">contradicted</span>
<span class="v-unverifiable">unverifiable</span> Hover over or tab to a highlighted figure for its verdict.</p></header>
<main><div class="layout"><article class="article" aria-label="Article text">{highlighted(article.text, list(checked.mentions), list(checked.judgements))}</article>
<section class="charts" aria-label="Verdicts and charts">{_summary(checked)}
{figures or '<p>No chart: no price data for the subjects.</p>'}</section></div>
<h2>Figures in the article</h2>
<table><tr><th>Verdict</th><th>Symbol</th><th>Kind</th><th>Quote</th><th>Session</th><th>Explanation</th></tr>
{''.join(rows) or '<tr><td colspan="6">No market figures found.</td></tr>'}</table>
<section class="appendix">{md_to_html(appendix_md)}</section></main></body></html>
"""


def _summary(checked: Checked) -> str:
    """Above the charts: how many figures got which verdict, and each one's sentence."""
    judged = list(checked.judgements)
    counts = {v: sum(j.verdict.value == v for j in judged) for v in ("supported", "contradicted", "unverifiable")}
    badges = "".join(f'<span class="badge {v}">{n} {v}</span>' for v, n in counts.items() if n)
    items = "".join(f"<li><strong>{html.escape(j.verdict.value)}</strong>: {html.escape(j.explanation)}"
                    f"{(' ' + html.escape(j.date_note)) if j.date_note else ''}</li>" for j in judged)
    none = "<p>No market figures in this article could be checked.</p>" if not judged else ""
    return (f'<div class="summary"><h2>{len(judged)} market figure{"s" * (len(judged) != 1)} checked</h2>'
            f"{badges}{none}<ul>{items}</ul></div>")


def _subjects(checked: Checked) -> list[str]:
    order = [j.claim.symbol for j in checked.judgements]
    if not order:
        order = [m.symbol for m in checked.mentions if m.role != "source"]
    return list(dict.fromkeys(order))


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "article"


def write_report(enricher: Enricher, article: Article, out: Path, formats: set[str], *, before: int = 30,
                 after: int = 10, benchmark: str | None = None) -> list[Path]:
    """Verify the article, draw a chart per subject, and write the requested files; returns their paths."""
    assert enricher.market is not None
    market: MarketData = enricher.market
    checked = enricher.check(article)
    # the session the article was published in (or after): the publish date in New York, not the outlet's
    where = enricher.calendar.locate(article.published) if article.published else None
    anchor = where.session if where else (
        checked.judgements[0].claim.session if checked.judgements and checked.judgements[0].claim.session else None)
    during = where is not None and where.phase is Phase.DURING
    stem = _safe_name(article.id)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    charts: list[tuple[str, bytes, bytes, str]] = []
    sections: list[str] = []
    for symbol in _subjects(checked) if anchor else []:
        span = (anchor - dt.timedelta(days=400), anchor + dt.timedelta(days=after * 2 + 7))
        try:
            series: PriceSeries = market.series(symbol, *span)
        except DataError:
            continue
        window = window_for(series, anchor, before, after)
        bench = market.benchmark(symbol, benchmark, *span)
        mention = next((m for m in checked.mentions if m.symbol == symbol), None)
        name = mention.name if mention else symbol
        mine = [j for j in checked.judgements if j.claim.symbol == symbol]

        shares = market.shares_lookup(symbol)
        try:
            fig, info = draw(series, window, judgements=mine, publish=article.published, benchmark=bench, name=name,
                             exchange=mention.exchange if mention else "", shares_at=shares)
        except DataError:
            continue
        if "svg" in formats:
            fig.savefig(out / f"{stem}_{_safe_name(symbol)}.svg")
            written.append(out / f"{stem}_{_safe_name(symbol)}.svg")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100)
        plt.close(fig)
        png = buf.getvalue()
        if "png" in formats:
            path = out / f"{stem}_{_safe_name(symbol)}.png"
            path.write_bytes(png)
            written.append(path)
        if "html" in formats:  # the compact chart serves phones in the HTML only
            alt = f"Price chart of {name} ({symbol}) from {window[0]} to {window[1]}, with {len(info.markers)} " \
                  f"figure(s) from the article marked."
            small_fig, _ = draw(series, window_for(series, anchor, min(before, 15), min(after, 5)), judgements=mine,
                                publish=article.published, name=name, shares_at=shares, size=(6.4, 6.0))
            buf = io.BytesIO()
            small_fig.savefig(buf, format="png", dpi=100)
            plt.close(small_fig)
            charts.append((info.title + (f"; largest move {info.largest_move}" if info.largest_move else ""), png,
                           buf.getvalue(), alt))
        # the context is as of the latest session at or before the publish date
        as_of = max((b.date for b in series.bars if b.date <= anchor), default=window[0])
        ctx = appendix.context(series, as_of, name, shares(as_of), window)
        if ctx is not None:
            sections.append(appendix.section(ctx, mine, series, published_during=during))
    md = appendix.document(article, sections, list(checked.unchecked))
    if "md" in formats:
        p = out / f"{stem}_appendix.md"
        p.write_text(md, encoding="utf-8")
        written.append(p)
    if "html" in formats:
        p = out / f"{stem}.html"
        p.write_text(render_html(article, checked, charts, md), encoding="utf-8")
        written.append(p)
    return written
