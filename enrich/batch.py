"""Verifying many articles on one machine: one record an article, in input order, each written as soon as it and
those before it are done; N worker processes give the same records as one.

A record is the object `enrich verify --format jsonl` prints for the article, or an error record
(output.error_dict) for an article that could not be read or checked; the batch goes on either way.
"""
from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import Enricher, MarketConfig
from .errors import ArticleError, EnrichError
from .models import Article, BadArticle
from .output import error_dict, is_error

Item = Article | BadArticle
Outcome = tuple[dict[str, Any], int]  # the record, and the exit status its failure calls for (0: none)
VERDICTS = ("supported", "contradicted", "unverifiable")
# Articles go to the workers in chunks of up to CHUNK from one input: one at a time, the handing over cost more
# than the checking (800 articles on 2 workers: 9.5 s one at a time, 5.0 s in chunks of 16). A chunk never waits
# for the next input, which may be a pipe that stalls, so records that are ready are never held back.
CHUNK = 16


def outcome(enricher: Enricher, item: Item) -> Outcome:
    """The record of one item. An article that fails becomes an error record, whatever the failure: one
    article must not cost the others their output."""
    if isinstance(item, BadArticle):
        return error_dict(item), 2
    try:
        return enricher.pipeline.check(item).to_dict(), 0
    except EnrichError as e:
        return error_dict(item, str(e)), e.exit_code
    except Exception as e:  # a bug of ours on an odd article: say so on its record and go on with the next
        return error_dict(item, _our_failure("check", e)), 1


def _our_failure(what: str, e: Exception) -> str:
    """The one line an article's record carries when enrich itself failed on it (not the article's fault)."""
    first = str(e).splitlines()[0] if str(e) else ""
    return f"enrich could not {what} this article ({type(e).__name__}: {first}); please report it with the article"


@dataclass(frozen=True)
class Summary:
    """What a batch did: articles, figures by verdict, errors, and its rate."""

    articles: int
    figures: int
    verdicts: dict[str, int]
    unchecked: int
    errors: int
    seconds: float
    exit_code: int = 0  # 0 when every article got a result, else the status of the first failure

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        verdicts = ", ".join(f"{self.verdicts.get(v, 0)} {v}" for v in VERDICTS)
        return (f"{self.articles} articles, {self.figures} figures ({verdicts}; {self.unchecked} unchecked), "
                f"{self.errors} errors, {self.seconds:.1f} s, {self.rate:.1f} articles/s")

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "figures": self.figures, "verdicts": dict(self.verdicts),
                "unchecked": self.unchecked, "errors": self.errors, "seconds": round(self.seconds, 3),
                "articles_per_second": round(self.rate, 2), "exit_code": self.exit_code}


@dataclass
class Tally:
    """Counts records as they pass, for the Summary at the end."""

    started: float = field(default_factory=time.perf_counter)
    articles: int = 0
    figures: int = 0
    verdicts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    unchecked: int = 0
    errors: int = 0
    exit_code: int = 0

    def add(self, record: dict[str, Any], status: int = 0) -> None:
        self.articles += 1
        if is_error(record):
            self.errors += 1
            self.exit_code = self.exit_code or status or 1
            return
        for claim in record["claims"]:
            if "verdict" in claim:  # an extraction's figures carry none
                self.verdicts[claim["verdict"]] = self.verdicts.get(claim["verdict"], 0) + 1
        self.figures += len(record["claims"])
        self.unchecked += len(record.get("unchecked", ()))

    def merge(self, other: Summary) -> None:
        self.articles += other.articles
        self.figures += other.figures
        for v, n in other.verdicts.items():
            self.verdicts[v] = self.verdicts.get(v, 0) + n
        self.unchecked += other.unchecked
        self.errors += other.errors
        self.exit_code = self.exit_code or other.exit_code

    def summary(self, seconds: float | None = None) -> Summary:
        took = time.perf_counter() - self.started if seconds is None else seconds
        return Summary(self.articles, self.figures, dict(self.verdicts), self.unchecked, self.errors, took,
                       self.exit_code)


def verify_stream(inputs: Iterable[Iterable[Item]], config: MarketConfig, *, workers: int = 1,
                  published: str | None = None) -> Iterator[Outcome]:
    """One outcome an item of each input in turn, in order, each as soon as it and those before it are done.

    The market sources are opened here first, so a bad folder or store fails at once (EnrichError) rather
    than in every worker."""
    enricher = Enricher(config=config, published=published)
    if workers <= 1:
        with enricher:
            for items in inputs:
                for item in items:
                    yield outcome(enricher, item)
        return
    enricher.close()  # each worker opens its own: an SQLite connection must not cross a fork
    # fork starts a worker in milliseconds with enrich already imported; spawn where there is no fork
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers, _start_worker, (config, published)) as pool:
        chunks = (chunk for items in inputs for chunk in _chunks(items))
        for done in pool.imap(_worker_chunk, chunks):
            yield from done


def _chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    """The items of one input, CHUNK at most a list; the last goes as soon as the input ends."""
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_stream(items: Iterable[Item], config: MarketConfig, *, published: str | None = None
                   ) -> Iterator[Outcome]:
    """What each article states (no verdicts), one outcome an item, in order."""
    with Enricher(config=config, published=published) as enricher:
        for item in items:
            if isinstance(item, BadArticle):
                yield error_dict(item), 2
                continue
            try:
                yield enricher.pipeline.extract(item).to_dict(), 0
            except EnrichError as e:
                yield error_dict(item, str(e)), e.exit_code
            except Exception as e:  # a bug of ours on one article must not cost the others their output
                yield error_dict(item, _our_failure("read", e)), 1


def report_stream(enricher: Enricher, items: Iterable[Item], out: Path, *, formats: Sequence[str],
                  before: int = 30, after: int = 10, benchmark: str | None = None
                  ) -> Iterator[tuple[list[Path], EnrichError | None]]:
    """The report of each article in turn: the files written, or why there are none (the others go on)."""
    for item in items:
        if isinstance(item, BadArticle):
            yield [], ArticleError(item.message)
            continue
        try:
            yield enricher.report(item, out, formats=formats, before=before, after=after, benchmark=benchmark), None
        except EnrichError as e:
            yield [], e
        except Exception as e:  # a bug of ours on one article: the next ones still get their reports
            yield [], EnrichError(_our_failure("report on", e))


# -- inside a worker process -------------------------------------------------------------------------------
@dataclass
class _WorkerState:
    enricher: Enricher | None = None
    failure: str = ""


_state = _WorkerState()  # one a worker process: the pool's initializer fills it, its tasks read it


def _start_worker(config: MarketConfig, published: str | None) -> None:
    try:
        _state.enricher = Enricher(config=config, published=published)
    except EnrichError as e:  # raising here would make the pool restart the worker forever
        _state.failure = str(e)


def _worker_chunk(items: list[Item]) -> list[Outcome]:
    enricher = _state.enricher
    if enricher is None:
        return [(error_dict(item, _state.failure or "the worker could not start"), 1) for item in items]
    return [outcome(enricher, item) for item in items]
