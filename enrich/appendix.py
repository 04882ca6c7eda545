"""The context appendix: for each subject, a short summary, a table of context figures, the verdicts on
the article's figures, and where the data came from.

Built as data (`Appendix`) and written two ways, Markdown and HTML, each escaping every piece of text
itself: an article's title, quotes and the explanations that repeat them can hold anything ("**", "#",
"![x](http://...)", "<script>", line breaks), and none of it may become markup in either form.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from .chart.formats import NumberFormat, day, number_format
from .chart.provenance import credit, public_text, source_name
from .market.data import SharesAt
from .models import Article, Judgement, PriceSeries


@dataclass(frozen=True)
class Context:
    symbol: str
    name: str
    session: dt.date
    close: float
    day_move: float | None  # percent
    five_day: float | None
    one_month: float | None
    high_52w: float
    low_52w: float
    high_52w_day: dt.date
    low_52w_day: dt.date
    market_cap: float | None  # in the major currency
    shares: SharesAt | None
    largest: tuple[dt.date, float] | None  # largest one-day move in the chart window (percent)
    since: dt.date | None = None  # set when the data holds less than 52 weeks: the high and low are since then


@dataclass(frozen=True)
class Finding:
    verdict: str
    reason: str
    quote: str
    explanation: str


@dataclass(frozen=True)
class Section:
    title: str
    summary: str
    rows: tuple[tuple[str, str], ...]
    findings: tuple[Finding, ...]
    provenance: tuple[str, ...]


@dataclass(frozen=True)
class Appendix:
    title: str
    published: str
    sections: tuple[Section, ...]
    unchecked: tuple[tuple[str, str, str], ...]  # quote, symbol, explanation


def _change(s: PriceSeries, day_: dt.date, back: int) -> float | None:
    i = s.index_of(day_)
    if i is None or i - back < 0:
        return None
    return (s.bars[i].close / s.bars[i - back].close - 1) * 100


def context(s: PriceSeries, session: dt.date, name: str, shares: SharesAt | None,
            window: tuple[dt.date, dt.date]) -> Context | None:
    i = s.index_of(session)
    if i is None:
        return None
    year = [b for b in s.bars if session - dt.timedelta(days=365) <= b.date <= session]
    hi = max(year, key=lambda b: b.high)
    lo = min(year, key=lambda b: b.low)
    moves = [(b.date, (b.close / s.bars[k - 1].close - 1) * 100) for k, b in enumerate(s.bars)
             if k and window[0] <= b.date <= window[1]]
    largest = max(moves, key=lambda m: abs(m[1])) if moves else None
    close = s.bars[i].close
    short = year[0].date > session - dt.timedelta(days=358)
    per_major = number_format(s.symbol).per_major
    return Context(s.symbol, name, session, close, _change(s, session, 1), _change(s, session, 5),
                   _change(s, session, 21), hi.high, lo.low, hi.date, lo.date,
                   shares.shares * close / per_major if shares else None, shares, largest,
                   year[0].date if short else None)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else NumberFormat.pct(x)


def summary(c: Context, f: NumberFormat) -> str:
    move = "" if c.day_move is None else f", {'up' if c.day_move >= 0 else 'down'} {abs(c.day_move):.2f}% on the day"
    first = f"{c.name} ({c.symbol}) closed at {f.price(c.close)} on {day(c.session, True)}{move}."
    dist_hi = (c.close / c.high_52w - 1) * 100
    span = f"high since {day(c.since, True)}" if c.since else "52-week high"
    second = (f"That was {abs(dist_hi):.2f}% below its {span} of {f.price(c.high_52w)} "
              f"({day(c.high_52w_day, True)})" if dist_hi < -0.005 else f"That was at its {span}")
    if c.five_day is not None:
        second += f", and {_pct(c.five_day)} over five sessions"
    return f"{first} {second}."


def section(c: Context, judgements: list[Judgement], series: PriceSeries, published_during: bool = False) -> Section:
    f = number_format(series.symbol, [b.close for b in series.bars])
    label = ("Close of the session the article was published in (it was published during it)" if published_during
             else "Latest close at the publish time")
    since = f" since {day(c.since, True)} (the data starts there)" if c.since else ""
    rows = [
        (label, f"{f.price(c.close)} ({day(c.session, True)})"),
        ("Move that day", _pct(c.day_move)),
        ("5-session change", _pct(c.five_day)),
        ("1-month change (21 sessions)", _pct(c.one_month)),
        (f"High{since}" if c.since else "52-week high", f"{f.price(c.high_52w)} ({day(c.high_52w_day, True)}), close "
                                                         f"is {_pct((c.close / c.high_52w - 1) * 100)} from it"),
        (f"Low since {day(c.since, True)}" if c.since else "52-week low",
         f"{f.price(c.low_52w)} ({day(c.low_52w_day, True)}), close is {_pct((c.close / c.low_52w - 1) * 100)} from it"),
    ]
    if c.market_cap is not None and c.shares is not None:
        rows.append(("Market value", f"{f.value(c.market_cap)} ({c.shares.shares:,.0f} shares as of "
                                     f"{day(c.shares.date, True)})"))
    if c.largest is not None:
        rows.append(("Largest one-day move in the chart window", f"{_pct(c.largest[1])} on {day(c.largest[0], True)}"))
    findings = tuple(Finding(j.verdict.value, j.reason, j.claim.quote,
                             public_text(j.explanation + (f" {j.date_note}" if j.date_note else "")))
                     for j in judgements)
    provenance = [credit(series).sentence()]
    if c.shares is not None:
        provenance.append(f"Shares outstanding: {source_name(c.shares.source)}.")
    return Section(f"{c.name} ({c.symbol})", summary(c, f), tuple(rows), findings, tuple(provenance))


def build(article: Article, sections: list[Section], unchecked: list[Judgement]) -> Appendix:
    pub = article.published.isoformat() if article.published else "unknown"
    return Appendix(article.title or article.id, f"{pub} ({article.published_how})", tuple(sections),
                    tuple((j.claim.quote, j.claim.symbol, public_text(j.explanation)) for j in unchecked))


# -- Markdown -----------------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&$])")


def md_text(text: str) -> str:
    """Text as inert Markdown on one line: line breaks become spaces, and every character Markdown (or
    GitHub's flavour: tables, strikethrough, math, bare "www." links) could read as markup is escaped."""
    one_line = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", one_line).replace("://", ":\\/\\/").replace("www.", "www\\.")


def to_markdown(a: Appendix) -> str:
    out = [f"# Market context: {md_text(a.title)}", "", f"Published: {md_text(a.published)}", ""]
    for s in a.sections:
        out += [f"## {md_text(s.title)}", "", md_text(s.summary), "", "| Figure | Value |", "|---|---|"]
        out += [f"| {md_text(k)} | {md_text(v)} |" for k, v in s.rows]
        if s.findings:
            out += ["", "### The article's figures", ""]
            for f in s.findings:
                reason = f" ({md_text(f.reason)})" if f.reason else ""
                out.append(f"- **{md_text(f.verdict)}{reason}**: \u201c{md_text(f.quote)}\u201d: {md_text(f.explanation)}")
        out += [""] + [md_text(p) for p in s.provenance] + [""]
    if a.unchecked:
        out += ["## Figures not checked", ""]
        out += [f"- \u201c{md_text(q)}\u201d ({md_text(sym)}): {md_text(e)}" for q, sym, e in a.unchecked]
    return "\n".join(out).rstrip("\n") + "\n"


# -- HTML ---------------------------------------------------------------------------------------------------

def to_html(a: Appendix) -> str:
    esc = html.escape
    out = []
    for s in a.sections:
        out.append(f"<h3>{esc(s.title)}</h3><p>{esc(s.summary)}</p><table class=\"context\">"
                   + "".join(f"<tr><th scope=\"row\">{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in s.rows)
                   + "</table>")
        if s.findings:
            out.append("<ul>" + "".join(
                f"<li><strong class=\"v-{esc(f.verdict)}\">{esc(f.verdict)}{esc(f' ({f.reason})' if f.reason else '')}"
                f"</strong>: \u201c{esc(f.quote)}\u201d: {esc(f.explanation)}</li>" for f in s.findings) + "</ul>")
        out.append("".join(f"<p class=\"meta\">{esc(p)}</p>" for p in s.provenance))
    if a.unchecked:
        out.append("<h3>Figures not checked</h3><ul>" + "".join(
            f"<li>\u201c{esc(q)}\u201d ({esc(sym)}): {esc(e)}</li>" for q, sym, e in a.unchecked) + "</ul>")
    return "\n".join(out)
