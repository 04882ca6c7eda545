"""Small builders shared by tests: a market folder of synthetic bars, and articles."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from enrich.article import make_article
from enrich.calendar import get_calendar


def market_folder(root: Path, bars: dict[str, dict[str, tuple[float, float, float, float, float]]],
                  splits: list[tuple[str, str, float]] = (), shares: list[tuple[str, str, int]] = (),
                  symbols: list[tuple[str, str, str, str]] = ()) -> Path:
    """bars: symbol -> {date: (open, high, low, close, volume)}; a flat 100.0 fills the other sessions."""
    (root / "prices").mkdir(parents=True, exist_ok=True)
    cal = get_calendar()
    for sym, given in bars.items():
        days = cal.between(dt.date.fromisoformat(min(given)) - dt.timedelta(days=400),
                           dt.date.fromisoformat(max(given)) + dt.timedelta(days=30))
        lines = ["Date,Open,High,Low,Close,Adj Close,Volume"]
        for d in days:
            o, h, lo, c, v = given.get(d.isoformat(), (100.0, 100.5, 99.5, 100.0, 1_000_000))
            lines.append(f"{d},{o},{h},{lo},{c},{c},{v}")
        (root / "prices" / f"{sym}.csv").write_text("\n".join(lines) + "\n")
    (root / "splits.csv").write_text("symbol,date,ratio\n" + "".join(f"{s},{d},{r}\n" for s, d, r in splits))
    (root / "shares.csv").write_text("symbol,date,shares,source\n" + "".join(
        f"{s},{d},{n},test fixture\n" for s, d, n in shares))
    (root / "symbols.csv").write_text("company,symbol,valid_from,valid_to\n" + "".join(
        f"{c},{s},{a},{b}\n" for c, s, a, b in symbols))
    return root


def article(text: str, published: str, url: str = "https://example.com/story", aid: str = "t"):
    return make_article(aid, text, published=published, url=url)
