"""The Python API: what the command line, the HTTP service and batch runs call.

    import enrich

    result = enrich.verify({"id": "a1", "text": "...", "published": "2018-08-06"}, data=["market"], offline=True)
    result.to_dict()   # the object `enrich verify --format jsonl` prints for the article
    result.to_frame()  # one row a figure (pandas)

An article is its text (a string: plain text, Markdown or HTML, read as the command line reads a file), a mapping
with id/text/published/url/title (read as one line of a JSONL input), or an `Article`. The module functions build
an `Enricher` for one call; starting one (gazetteer, calendar, store) takes about half a second, so keep an
`Enricher` for many articles.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Union

from . import article as reader
from . import pipeline
from .errors import ArticleError, InputError
from .market import MarketData
from .models import Article, BadArticle
from .output import Checked, Extraction

ArticleLike = Union[str, Mapping[str, object], Article]
PathLike = Union[str, "os.PathLike[str]"]
REPORT_FORMATS = ("html", "md", "png", "svg")


@dataclass(frozen=True)
class MarketConfig:
    """Where market data comes from. Plain and picklable, so that worker processes open the same sources."""

    data: tuple[str, ...] = ()  # market data folders, in the order they are asked
    store: str | None = None  # the store file (default: $ENRICH_STORE or the cache folder)
    offline: bool = False  # never ask Yahoo
    near: tuple[str, ...] = ()  # article files: a market/ folder beside one is used too (the seed's snapshot)
    use_store: bool | None = None  # None: the store, unless offline with data folders and no store named

    def reads_store(self) -> bool:
        if self.use_store is not None:
            return self.use_store
        return not (self.offline and self.data and self.store is None)

    def open(self) -> MarketData:
        return pipeline.open_market(list(self.data), store_path=self.store, offline=self.offline,
                                    near=list(self.near), use_store=self.reads_store())


def market_config(data: Sequence[PathLike] | PathLike | None = None, store: PathLike | None = None,
                  offline: bool = False, *, near: Sequence[PathLike] = (), use_store: bool | None = None
                  ) -> MarketConfig:
    folders = [data] if isinstance(data, (str, os.PathLike)) else list(data or [])
    return MarketConfig(tuple(os.fspath(d) for d in folders), os.fspath(store) if store is not None else None,
                        offline, tuple(os.fspath(p) for p in near), use_store)


def to_article(item: ArticleLike, *, published: str | None = None, where: str = "article") -> Article:
    """One article from what a caller has; `where` names it in errors and is its id when it has none.

    `published` is the publish time to assume when neither the input nor its text gives one."""
    if isinstance(item, Article):
        return item
    if isinstance(item, BadArticle):  # what enrich.read yields for an input it could not read
        raise ArticleError(item.message)
    if isinstance(item, str):
        raw = item.encode("utf-8", errors="replace")
    elif isinstance(item, Mapping):
        record = {str(k): v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for k, v in item.items()}
        try:
            raw = json.dumps(record).encode("utf-8")
        except (TypeError, ValueError) as e:
            raise ArticleError(f"{where}: {e}; give id, text, published, url and title as strings") from None
    else:
        raise ArticleError(f"{where}: got {type(item).__name__}; give the article's text, a mapping with \"text\" "
                           f"(and id, published, url, title) or an enrich.Article")
    # the reader's own rules (format, size, publish time) apply, so the answer is the command line's
    found = list(reader.parse(raw, where, published))
    if len(found) != 1:
        raise InputError(f"{where}: holds {len(found)} articles; give one at a time")
    if isinstance(found[0], BadArticle):
        raise ArticleError(found[0].message)
    return found[0]


def read(paths: Sequence[PathLike], published: str | None = None) -> Iterator[Article | BadArticle]:
    """Every article in the given files ("-" is standard input), in order. An input that cannot be read comes
    as a BadArticle in its place, and reading goes on with the next file."""
    return reader.read([os.fspath(p) for p in paths], published)


def read_each(paths: Sequence[PathLike], published: str | None = None) -> list[Iterator[Article | BadArticle]]:
    """The articles of each file apart (for workers: a chunk never spans two inputs). ArticleError at once when
    nothing can be read (no input, "-" named twice, a --published that is no date)."""
    return reader.read_each([os.fspath(p) for p in paths], published)


class Enricher:
    """Keeps what is costly (gazetteer, calendar, store, the market data already read) across many articles.

    Use it as a context manager, or call close(), to close the store."""

    def __init__(self, data: Sequence[PathLike] | PathLike | None = None, store: PathLike | None = None,
                 offline: bool = False, *, near: Sequence[PathLike] = (), use_store: bool | None = None,
                 published: str | None = None, config: MarketConfig | None = None) -> None:
        self.config = config or market_config(data, store, offline, near=near, use_store=use_store)
        self.published = published  # the publish time assumed for articles that give none
        self.market = self.config.open()
        self.pipeline = pipeline.Enricher(self.market)
        self._names: dict[Path, Any] = {}  # per output folder, the report file names taken so far

    def article(self, item: ArticleLike, where: str = "article") -> Article:
        return to_article(item, published=self.published, where=where)

    def extract(self, item: ArticleLike) -> Extraction:
        """The companies, indices and market figures the article states, with their sessions; no verdicts."""
        return self.pipeline.extract(self.article(item))

    def verify(self, item: ArticleLike) -> Checked:
        """Every market figure of the article judged against the trading data of its session."""
        return self.pipeline.check(self.article(item))

    def report(self, item: ArticleLike, out_dir: PathLike, *, formats: Sequence[str] = REPORT_FORMATS,
               before: int = 30, after: int = 10, benchmark: str | None = None) -> list[Path]:
        """Verdicts, charts, the appendix and the HTML report of one article in out_dir; the files written."""
        from .report import Names, write_report  # matplotlib: loaded on the first report only

        chosen = set(check_formats(formats))
        names = self._names.setdefault(Path(out_dir), Names())  # file names unique across this Enricher's run
        return write_report(self.pipeline, self.article(item), Path(out_dir), chosen, before=before, after=after,
                            benchmark=benchmark, names=names)

    def chart(self, symbol: str, around: dt.date | str, out: PathLike, *, before: int = 30, after: int = 10,
              benchmark: str | None = None) -> Path:
        """The price chart of one symbol around a date, without an article (.png or .svg)."""
        from .chart import draw_symbol

        day = parse_day(around, "around")
        path = Path(out)
        if path.suffix.lower() not in (".png", ".svg"):
            raise InputError(f"{path}: give a .png or .svg file name")
        draw_symbol(self.market, symbol.upper(), day, path, before=before, after=after, benchmark=benchmark)
        return path

    def close(self) -> None:
        if self.market.store is not None:
            self.market.store.close()

    def __enter__(self) -> Enricher:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def check_formats(formats: Sequence[str] | str) -> list[str]:
    chosen = [f.strip() for f in (formats.split(",") if isinstance(formats, str) else formats) if f.strip()]
    if not chosen or set(chosen) - set(REPORT_FORMATS):
        raise InputError(f"formats {','.join(chosen) or '(none)'}: use a comma list of {', '.join(REPORT_FORMATS)}")
    return chosen


def parse_day(value: dt.date | str, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name} {value!r} is not a YYYY-MM-DD date") from None


def extract(article: ArticleLike, *, data: Sequence[PathLike] | PathLike | None = None,
            published: str | None = None) -> Extraction:
    """Mentions and market figures of one article (no market data is read but symbol history)."""
    with Enricher(data, offline=True, use_store=False, published=published) as e:
        return e.extract(article)


def verify(article: ArticleLike, *, data: Sequence[PathLike] | PathLike | None = None, store: PathLike | None = None,
           offline: bool = False, published: str | None = None) -> Checked:
    """One article's figures judged: `enrich verify` for one article."""
    with Enricher(data, store, offline, published=published) as e:
        return e.verify(article)


def report(article: ArticleLike, out_dir: PathLike, *, formats: Sequence[str] = REPORT_FORMATS,
           data: Sequence[PathLike] | PathLike | None = None, store: PathLike | None = None, offline: bool = False,
           published: str | None = None) -> list[Path]:
    """`enrich report` for one article: the files written to out_dir."""
    with Enricher(data, store, offline, published=published) as e:
        return e.report(article, out_dir, formats=formats)
