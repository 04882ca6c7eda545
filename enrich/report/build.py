"""One article's report: verdicts, a chart per subject (with its benchmark), the appendix and the HTML page,
each chart drawn once and saved once per image asked for, every file put in place together."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import appendix
from ..calendar import Phase, calendar_for
from ..chart import build, info, render, window_for
from ..chart.marks import numbered
from ..chart.names import benchmark_name, benchmark_series
from ..errors import DataError, EnrichError
from ..models import Article, Judgement, Kind
from ..pipeline import Checked, Enricher
from . import page
from .files import Names, Staged, safe_stem

FORMATS = ("html", "md", "png", "svg")


def _subjects(checked: Checked) -> list[str]:
    order = [j.claim.symbol for j in checked.judgements]
    if not order:
        order = [m.symbol for m in checked.mentions if m.role not in ("source", "publisher")]
    return list(dict.fromkeys(order))


def _anchor(article: Article, symbol: str, judged: list[Judgement]) -> tuple[dt.date | None, bool]:
    """The session the article was published in or after, on the subject's exchange (else the first figure's
    session), and whether it was published during that session."""
    if article.published is not None:
        try:
            where = calendar_for(symbol).locate(article.published)
            return where.session, where.phase is Phase.DURING
        except EnrichError:
            pass
    first = next((j.claim.session for j in judged if j.claim.session), None)
    return first, False


def _reach(judged: list[Judgement]) -> list[dt.date]:
    """Where the ranges the article states begin: the chart widens back to show them whole."""
    return [j.claim.time.from_session for j in judged
            if j.claim.kind is Kind.RANGE_PCT_CHANGE and j.claim.time and j.claim.time.from_session]


def write_report(enricher: Enricher, article: Article, out: Path, formats: set[str], *, before: int = 30,
                 after: int = 10, benchmark: str | None = None, names: Names | None = None) -> list[Path]:
    """Verify the article, draw a chart per subject, and write the requested files; returns their paths.

    Nothing is renamed into `out` until every file is written, so a failure leaves any earlier report whole.
    Pass one `Names` for a whole run so that two articles with the same id do not share files."""
    assert enricher.market is not None, "write_report needs market data"
    market = enricher.market
    checked = enricher.check(article)
    stem = names.claim(article.id) if names is not None else safe_stem(article.id)
    staged = Staged(out)
    figures: list[page.ChartImage] = []
    sections: list[appendix.Section] = []
    kinds = ({"png"} if "png" in formats or "html" in formats else set()) | ({"svg"} & formats) | \
            ({"compact"} if "html" in formats else set())
    try:
        for symbol in _subjects(checked):
            mine = [j for j in checked.judgements if j.claim.symbol == symbol]
            anchor, during = _anchor(article, symbol, mine)
            if anchor is None:
                continue
            earliest = min([anchor, *_reach(mine)])
            span = (min(anchor - dt.timedelta(days=400), earliest - dt.timedelta(days=10)),
                    anchor + dt.timedelta(days=after * 2 + 7))
            try:
                series = market.series(symbol, *span)
            except DataError:
                continue
            window = window_for(series, anchor, before, after, reach=_reach(mine))
            bench = benchmark_series(market, symbol, benchmark, *span)
            mention = next((m for m in checked.mentions if m.symbol == symbol), None)
            name = mention.name if mention else symbol
            shares = market.shares_lookup(symbol)
            try:
                chart = build(series, window, judgements=mine, publish=article.published, benchmark=bench,
                              name=name, exchange=mention.exchange if mention else "", shares_at=shares)
            except DataError:
                continue
            images = render(chart, kinds)
            shown = info(chart)
            file_stem = f"{stem}_{safe_stem(symbol.replace('^', 'idx-'))}"  # no Yahoo symbol has lower case
            if "png" in formats:
                staged.write(f"{file_stem}.png", images["png"])
            if "svg" in formats:
                staged.write(f"{file_stem}.svg", images["svg"])
            if "html" in formats:
                placed = sum(1 for m in shown.marks if m.panel)
                alt = (f"Price chart of {name} ({symbol}) from {window[0]} to {window[1]}"
                       + (f" against the {benchmark_name(bench.symbol)}" if bench else "")
                       + f", with {placed} of the article's figures marked by number.")
                caption = shown.title + (f". Largest one-day move in view: {shown.largest.text}." if shown.largest
                                         else ".") + f" {shown.credit.sentence()}"
                nums = {(j.claim.symbol, j.claim.start, j.claim.end): n for n, j in numbered(mine)}
                figures.append(page.ChartImage(symbol, caption, alt, images["png"], images["compact"], nums))
            as_of = max((b.date for b in series.bars if b.date <= anchor), default=window[0])
            ctx = appendix.context(series, as_of, name, shares(as_of), window)
            if ctx is not None:
                sections.append(appendix.section(ctx, mine, series, published_during=during))
        doc = appendix.build(article, sections, list(checked.unchecked))
        if "md" in formats:
            staged.write(f"{stem}_appendix.md", appendix.to_markdown(doc).encode("utf-8"))
        if "html" in formats:
            html = page.render(article, list(checked.mentions), list(checked.judgements), list(checked.unchecked),
                               figures, appendix.to_html(doc))
            staged.write(f"{stem}.html", html.encode("utf-8"))
    except BaseException:
        staged.abandon()
        raise
    return staged.commit()


class ReportWriter:
    """Reports for a run of articles into one folder, with file names unique across the run."""

    def __init__(self, enricher: Enricher, out: Path, formats: set[str], *, before: int = 30, after: int = 10,
                 benchmark: str | None = None) -> None:
        self.enricher, self.out, self.formats = enricher, out, formats
        self.before, self.after, self.benchmark = before, after, benchmark
        self.names = Names()

    def write(self, article: Article) -> list[Path]:
        return write_report(self.enricher, article, self.out, self.formats, before=self.before, after=self.after,
                            benchmark=self.benchmark, names=self.names)
