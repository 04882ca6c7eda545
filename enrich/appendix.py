"""The context appendix: for each subject, a short summary, a table of context figures, the
verdicts on the article's figures, and where the data came from. Pure: returns Markdown text."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .market.data import SharesAt
from .models import Article, Judgement, PriceSeries
from .verify import money


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
    market_cap: float | None
    shares: SharesAt | None
    largest: tuple[dt.date, float] | None  # largest one-day move in the chart window (percent)
    since: dt.date | None = None  # set when the data holds less than 52 weeks: the high and low are since then


def _change(s: PriceSeries, day: dt.date, back: int) -> float | None:
    i = s.index_of(day)
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
    return Context(s.symbol, name, session, close, _change(s, session, 1), _change(s, session, 5),
                   _change(s, session, 21), hi.high, lo.low, hi.date, lo.date,
                   shares.shares * close if shares else None, shares, largest, year[0].date if short else None)


def _fmt_pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:+.2f}%"


def _day(d: dt.date) -> str:
    return d.strftime("%d %b %Y").lstrip("0")


def summary(c: Context) -> str:
    move = "" if c.day_move is None else f", {'up' if c.day_move >= 0 else 'down'} {abs(c.day_move):.1f}% on the day"
    first = f"{c.name} ({c.symbol}) closed at {money(c.close, c.symbol)} on {_day(c.session)}{move}."
    dist_hi = (c.close / c.high_52w - 1) * 100
    span = f"high since {_day(c.since)}" if c.since else "52-week high"
    second = (f"That was {abs(dist_hi):.1f}% below its {span} of {money(c.high_52w, c.symbol)} "
              f"({_day(c.high_52w_day)})" if dist_hi < -0.05 else f"That was at its {span}")
    if c.five_day is not None:
        second += f", and {_fmt_pct(c.five_day)} over five sessions"
    return f"{first} {second}."


def section(c: Context, judgements: list[Judgement], series: PriceSeries, published_during: bool = False) -> str:
    label = ("Close of the session the article was published in (it was published during it)" if published_during
             else "Latest close at the publish time")
    rows = [
        (label, f"{money(c.close, c.symbol)} ({_day(c.session)})"),
        ("Move that day", _fmt_pct(c.day_move)),
        ("5-session change", _fmt_pct(c.five_day)),
        ("1-month change (21 sessions)", _fmt_pct(c.one_month)),
        (f"High since {_day(c.since)} (the data starts there)" if c.since else "52-week high",
         f"{money(c.high_52w, c.symbol)} ({_day(c.high_52w_day)}), close is "
                         f"{(c.close / c.high_52w - 1) * 100:+.1f}% from it"),
        (f"Low since {_day(c.since)}" if c.since else "52-week low", f"{money(c.low_52w, c.symbol)} ({_day(c.low_52w_day)}), close is "
                        f"{(c.close / c.low_52w - 1) * 100:+.1f}% from it"),
    ]
    if c.market_cap is not None and c.shares is not None:
        rows.append(("Market value", f"{money(c.market_cap, c.symbol)} ({c.shares.shares:,.0f} shares as of "
                                     f"{c.shares.date})"))
    if c.largest is not None:
        rows.append(("Largest one-day move in the chart window", f"{c.largest[1]:+.2f}% on {_day(c.largest[0])}"))
    out = [f"## {c.name} ({c.symbol})", "", summary(c), "", "| Figure | Value |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in rows]
    if judgements:
        out += ["", "### The article's figures", ""]
        for j in judgements:
            note = f" {j.date_note}" if j.date_note else ""
            reason = f" ({j.reason})" if j.reason else ""
            out.append(f"- **{j.verdict.value}{reason}**: \u201c{_md_escape(j.claim.quote)}\u201d: "
                       f"{_md_escape(j.explanation)}{_md_escape(note)}")
    out += ["", f"Data: {series.source}; fetched {series.fetched_at or 'n/a'}; prices {series.basis}."]
    if c.shares is not None:
        out.append(f"Shares outstanding: {_md_escape(c.shares.source)}.")
    return "\n".join(out)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def document(article: Article, sections: list[str], unchecked: list[Judgement]) -> str:
    pub = article.published.isoformat() if article.published else "unknown"
    head = [f"# Market context: {_md_escape(article.title or article.id)}", "",
            f"Published: {pub} ({_md_escape(article.published_how)})", ""]
    tail = []
    if unchecked:
        tail = ["", "## Figures not checked", ""]
        tail += [f"- \u201c{_md_escape(j.claim.quote)}\u201d ({j.claim.symbol}): {_md_escape(j.explanation)}"
                 for j in unchecked]
    return "\n".join(head) + "\n" + "\n\n".join(sections) + "\n".join(tail) + "\n"
