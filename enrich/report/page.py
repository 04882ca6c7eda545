"""The HTML report: one self-contained file an editor can read on a phone, print on A4 or Letter, or read
in dark mode.

Safety: images are inlined as data: URIs and a Content-Security-Policy allows no script and no request.
Every piece of article text and metadata goes through html.escape.

The figures table sorts by verdict (or symbol, or back to article order) with no script: radio buttons
before the table set each row's CSS `order` from rank numbers written into the row. We chose this over a
script allowed by hash because the page carries hostile text: a policy of no script at all stays true
even if an escaping bug slipped through one day, and a CSS sort needs no upkeep of hashes. The cost is that
a screen reader reads rows in article order whatever the sort, which the table's caption says.
"""
from __future__ import annotations

import base64
import html
from dataclasses import dataclass

from ..chart.provenance import public_text
from ..models import Article, Judgement, Mention

CSS = """
:root{--bg:#fafafa;--fg:#1b1b1b;--card:#fff;--line:#ddd;--muted:#555;--ok:#00704f;--bad:#b34700;--unk:#555;
--ok-bg:#d8f3ea;--bad-bg:#fbe3d6;--unk-bg:#eee;--accent:#0072B2;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e8e8e8;--card:#1f2226;--line:#3a3f45;--muted:#b0b0b0;
--ok:#5fd3a9;--bad:#ff9f66;--unk:#c4c4c4;--ok-bg:#143d31;--bad-bg:#4a2815;--unk-bg:#33363a;--accent:#6cb6ff}}
body{font:16px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:var(--fg);background:var(--bg)}
header,main{max-width:1400px;margin:0 auto;padding:0 1.2rem}
header h1{font-size:1.5rem;margin:1.2rem 0 .2rem}.meta{color:var(--muted);font-size:.9rem;margin:0 0 1rem}
.layout{display:grid;grid-template-columns:1fr;gap:1.5rem}
@media (min-width:1000px){.layout{grid-template-columns:minmax(0,1.2fr) minmax(0,1fr)}}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,900px),1fr));gap:1.2rem;margin-top:1.5rem}
.charts figure{margin:0;max-width:1216px}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px}
.article{padding:1rem 1.3rem;white-space:pre-wrap;overflow-wrap:anywhere}
figure{margin:0 0 1.2rem;padding:.5rem}
figure img{width:100%;height:auto;display:block;background:#fff;border-radius:3px}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.3rem}
mark{background:none;color:inherit;border-bottom:2px solid var(--muted);position:relative;cursor:help;padding:0 1px}
mark.mention{border-bottom:2px dotted var(--accent)}
mark.claim.supported{background:var(--ok-bg);border-color:var(--ok)}
mark.claim.contradicted{background:var(--bad-bg);border-color:var(--bad)}
mark.claim.unverifiable{background:var(--unk-bg);border-color:var(--unk)}
mark:focus{outline:3px solid var(--accent);outline-offset:1px}
mark .tip{display:none;position:absolute;left:0;top:1.6em;z-index:10;width:min(26rem,80vw);background:#1b1b1b;color:#fff;
padding:.5rem .6rem;border-radius:4px;font-size:.85rem;line-height:1.4;white-space:normal}
mark:hover .tip,mark:focus .tip,mark:focus-within .tip{display:block}
table{border-collapse:collapse;width:100%;background:var(--card);font-size:.9rem;margin:.5rem 0 1rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
.v-supported{color:var(--ok);font-weight:600}.v-contradicted{color:var(--bad);font-weight:600}
.v-unverifiable{color:var(--unk);font-weight:600}
.summary{padding:.6rem 1rem;margin-bottom:1.2rem}
.summary h2{font-size:1.05rem;margin:.2rem 0 .4rem}.summary ul{margin:.2rem 0;padding-left:1.1rem;font-size:.92rem}
.badge{display:inline-block;border-radius:3px;padding:0 .45rem;margin-right:.4rem;color:#fff;font-weight:600}
.badge.supported{background:#00704f}.badge.contradicted{background:#b34700}.badge.unverifiable{background:#555}
.sortable{margin:.4rem 0}.sorter{font-size:.9rem;margin-right:.8rem}label.sorter{cursor:pointer}
.sort{position:absolute;opacity:0;width:1px;height:1px}
.sort:focus-visible+label{outline:2px solid var(--accent)}
table.figures{margin-top:.5rem}.sort:checked+label{font-weight:700;text-decoration:underline}
table.figures thead,table.figures tbody{display:flex;flex-direction:column}
table.figures tr{display:grid;grid-template-columns:2.2rem 7.5rem 4.5rem 7rem minmax(8rem,1.3fr) 6.5rem minmax(10rem,2fr)}
table.figures caption{caption-side:bottom;text-align:left;font-size:.8rem;color:var(--muted)}
#by-verdict:checked~table.figures tbody tr{order:var(--by-verdict)}
#by-symbol:checked~table.figures tbody tr{order:var(--by-symbol)}
@media screen and (max-width:700px){table.figures tr{grid-template-columns:2rem 6.5rem 1fr}
table.figures td:nth-child(3),table.figures th:nth-child(3),table.figures td:nth-child(6),
table.figures th:nth-child(6){display:none}table.figures td:nth-child(5),table.figures th:nth-child(5),
table.figures td:nth-child(7),table.figures th:nth-child(7){grid-column:1/-1}}
@page{margin:14mm}
@media print{:root{--bg:#fff;--fg:#000;--card:#fff;--line:#999;--muted:#333}
body{font-size:10.5pt;background:#fff;color:#000}header,main{max-width:none;padding:0}
.layout,.charts{display:block}.sorter,.sort,mark .tip{display:none!important}
mark{border-bottom-width:1px}figure,tr,.summary{break-inside:avoid}h2,h3{break-after:avoid}
figure img{max-width:100%}table.figures thead,table.figures tbody{display:table-row-group}
table.figures thead{display:table-header-group}table.figures tr{display:table-row}
table.figures td:nth-child(-n+3),table.figures td:nth-child(6){white-space:nowrap}}
"""


@dataclass(frozen=True)
class ChartImage:
    """One subject's chart in the report: the full image, the compact one for phones, and its numbers."""

    symbol: str
    caption: str
    alt: str
    png: bytes
    compact: bytes
    numbers: dict[tuple[str, int, int], int]  # (symbol, start, end) of a figure -> its number on the chart


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def highlighted(text: str, mentions: list[Mention], judgements: list[Judgement],
                numbers: dict[tuple[str, int, int], int] | None = None) -> str:
    """The article text, escaped, with mentions and figures wrapped in focusable <mark> elements; a figure's
    tip says which badge it is on its chart."""
    spans: list[tuple[int, int, str, str]] = []
    for j in judgements:
        c = j.claim
        n = (numbers or {}).get((c.symbol, c.start, c.end))
        where = f"{c.symbol} chart, figure {n}. " if n is not None else ""
        tip = where + public_text(f"{j.verdict.value.upper()}: {j.explanation}" +
                                  (f" {j.date_note}" if j.date_note else ""))
        spans.append((c.start, c.end, f"claim {j.verdict.value}", tip))
    for m in mentions:
        if m.end > m.start:  # (a name only in the title has no place in the text)
            spans.append((m.start, m.end, "mention", f"{m.name} ({m.symbol})"))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out, pos, n = [], 0, 0
    for start, end, cls, tip in spans:
        if start < pos or start < 0 or end > len(text):
            continue  # overlapping spans: the longer, earlier one wins
        n += 1
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark class="{cls}" tabindex="0" aria-describedby="tip{n}">{html.escape(text[start:end])}'
                   f'<span class="tip" role="tooltip" id="tip{n}">{html.escape(tip)}</span></mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _said(j: Judgement) -> str:
    """A figure's explanation and date note as a reader sees them (no machine paths)."""
    return public_text(j.explanation + (f" {j.date_note}" if j.date_note else ""))


VERDICT_RANK = {"contradicted": 0, "unverifiable": 1, "supported": 2}


def figures_table(judgements: list[Judgement], numbers: dict[tuple[str, int, int], int]) -> str:
    """The figures table, with each row's rank under each sort written in as CSS custom properties."""
    if not judgements:
        return '<p>No market figures found.</p>'
    by_verdict = sorted(range(len(judgements)), key=lambda i: (VERDICT_RANK[judgements[i].verdict.value], i))
    by_symbol = sorted(range(len(judgements)), key=lambda i: (judgements[i].claim.symbol, i))
    rank_v = {i: r for r, i in enumerate(by_verdict)}
    rank_s = {i: r for r, i in enumerate(by_symbol)}
    rows = []
    for i, j in enumerate(judgements):
        c = j.claim
        reason = f" ({j.reason})" if j.reason else ""
        num = numbers.get((c.symbol, c.start, c.end))
        rows.append(
            f'<tr role="row" class="{j.verdict.value}" style="--by-verdict:{rank_v[i]};--by-symbol:{rank_s[i]}">'
            f'<td role="cell">{num if num is not None else ""}</td>'
            f'<td role="cell" class="v-{j.verdict.value}">{j.verdict.value}{html.escape(reason)}</td>'
            f'<td role="cell">{html.escape(c.symbol)}</td><td role="cell">{html.escape(c.kind.value.replace("_", " "))}</td>'
            f'<td role="cell">{html.escape(c.quote)}</td>'
            f'<td role="cell">{html.escape(str(j.evidence.get("session", c.session)))}</td>'
            f'<td role="cell">{html.escape(_said(j))}</td></tr>')
    head = "".join(f'<th role="columnheader" scope="col">{h}</th>' for h in
                   ("#", "Verdict", "Symbol", "Kind", "Quote", "Session", "Explanation"))
    # the radio buttons are the table's siblings: the CSS that orders the rows selects "checked ~ table"
    return ('<div class="sortable"><span class="sorter">Sort the figures:</span>'
            '<input class="sort" type="radio" name="sort" id="by-article" checked><label class="sorter" '
            'for="by-article">as in the article</label><input class="sort" type="radio" name="sort" id="by-verdict">'
            '<label class="sorter" for="by-verdict">by verdict</label><input class="sort" type="radio" name="sort" '
            'id="by-symbol"><label class="sorter" for="by-symbol">by symbol</label>'
            '<table class="figures" role="table"><caption>The sort changes the order shown; assistive technology '
            f'reads the rows in article order.</caption><thead><tr role="row">{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def summary(judged: list[Judgement]) -> str:
    """Above the charts: how many figures got which verdict, and each one's sentence."""
    counts = {v: sum(j.verdict.value == v for j in judged) for v in ("supported", "contradicted", "unverifiable")}
    badges = "".join(f'<span class="badge {v}">{n} {v}</span>' for v, n in counts.items() if n)
    items = "".join(f"<li><strong>{html.escape(j.verdict.value)}</strong>: {html.escape(_said(j))}</li>"
                    for j in judged)
    none = "<p>No market figures in this article could be checked.</p>" if not judged else ""
    return (f'<div class="summary card"><h2>{len(judged)} market figure{"s" * (len(judged) != 1)} checked</h2>'
            f"{badges}{none}<ul>{items}</ul></div>")


def _figure(f: ChartImage) -> str:
    return (f'<figure class="card"><picture><source media="screen and (max-width: 700px)" srcset="{data_uri(f.compact)}">'
            f'<img src="{data_uri(f.png)}" alt="{html.escape(f.alt)}" width="1200" height="700"></picture>'
            f"<figcaption>{html.escape(f.caption)}</figcaption></figure>")


def render(article: Article, mentions: list[Mention], judged: list[Judgement], unchecked: list[Judgement],
           figures: list[ChartImage], appendix_html: str) -> str:
    numbers: dict[tuple[str, int, int], int] = {}
    for f in figures:
        numbers.update(f.numbers)
    title = article.title or article.id
    pub = article.published.isoformat() if article.published else "unknown"
    charts = "".join(_figure(f) for f in figures) or "<p>No chart: no price data for the subjects.</p>"
    text = highlighted(article.text, mentions, judged, numbers)
    # the article beside its verdicts, then the charts at full width: their figure lists stay legible
    body = (f'<div class="layout"><article class="article card" aria-label="Article text">{text}</article>'
            f'<section aria-label="Verdicts">{summary(judged)}</section></div>'
            f'<section class="charts" aria-label="Charts">{charts}</section>')
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{html.escape(title)} - enrich report</title><style>{CSS}</style></head>
<body><header><h1>{html.escape(title)}</h1>
<p class="meta">Published {html.escape(pub)} ({html.escape(article.published_how)}). {html.escape(article.url)}</p>
<p class="meta"><span class="v-supported">supported</span> &middot; <span class="v-contradicted">contradicted</span>
&middot; <span class="v-unverifiable">unverifiable</span>. Hover over or tab to a highlighted figure for its verdict;
the numbers match the badges on the charts.</p></header>
<main>{body}
<h2>Figures in the article</h2>
{figures_table(judged + unchecked, numbers)}
<h2>Market context</h2><section class="appendix">{appendix_html}</section></main></body></html>
"""
