"""Enrichment processes the HTTP service hands its requests to, one request a process at a time.

Why processes, not threads: the work is pure Python and holds the GIL, so threads would not run two requests at
once; and a process that overruns the time limit can be stopped and replaced, which a thread cannot. Each
process keeps one Enricher (gazetteer, calendar, store connection) for its whole life.
"""
from __future__ import annotations

import multiprocessing
import tempfile
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from .api import Enricher, MarketConfig
from .errors import EnrichError
from .models import Article, BadArticle
from .output import error_dict

START_TIME = 120.0  # seconds a new process may take to import enrich and open its sources


@dataclass(frozen=True)
class Job:
    """One request's work: what to do and its input (article mappings, or a chart's symbol and date)."""

    action: str  # extract | verify | report | chart
    articles: tuple[tuple[str, dict[str, Any]], ...] = ()  # (where, mapping): where names it in errors
    single: bool = True  # one article asked for alone: its failure is the answer's error, not an error record
    symbol: str = ""
    around: str = ""
    image: str = "png"


@dataclass(frozen=True)
class Answer:
    """What a process sends back: records (extract, verify), a document (report, chart), or an error."""

    records: tuple[dict[str, Any], ...] = ()
    document: bytes = b""
    error: str = ""
    error_kind: str = ""  # the EnrichError class name, which the service turns into an HTTP status


class WorkerTimeout(Exception):
    pass


class WorkerGone(Exception):
    pass


class Worker:
    """One enrichment process and the pipe to it. Not thread-safe: the pool lends it to one request at a time."""

    def __init__(self, config: MarketConfig) -> None:
        self.config = config
        self.conn: Connection | None = None
        self.process: BaseProcess | None = None

    def start(self) -> None:
        """Start the process and wait until its Enricher is ready (or its start failed)."""
        ctx = multiprocessing.get_context("spawn")  # no fork: the service's event loop runs threads
        ours, theirs = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(theirs, self.config), daemon=True, name="enrich-worker")
        self.process.start()
        theirs.close()
        self.conn = ours
        if not ours.poll(START_TIME):
            self.stop()
            raise WorkerGone(f"an enrichment process did not start within {START_TIME:g} s")
        ready = ours.recv()
        if ready:
            self.stop()
            raise WorkerGone(ready)

    def call(self, job: Job, timeout: float) -> Answer:
        assert self.conn is not None, "start() first"
        try:
            self.conn.send(job)
            if not self.conn.poll(max(timeout, 0.0)):
                raise WorkerTimeout()
            answer: Answer = self.conn.recv()
            return answer
        except (EOFError, OSError):
            raise WorkerGone("the enrichment process ended while working on this request") from None

    def stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
        self.process, self.conn = None, None


# -- inside the process ----------------------------------------------------------------------------------------
def _serve(conn: Connection, config: MarketConfig) -> None:
    try:
        enricher = Enricher(config=config)
    except EnrichError as e:
        conn.send(str(e))
        return
    conn.send("")  # ready
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the service has gone
        conn.send(_answer(enricher, job))


def _answer(enricher: Enricher, job: Job) -> Answer:
    try:
        if job.action == "chart":
            return Answer(document=_chart(enricher, job))
        if job.action == "report":
            where, mapping = job.articles[0]
            return Answer(document=_report(enricher, enricher.article(mapping, where)))
        if job.single:
            where, mapping = job.articles[0]
            return Answer(records=(_result(enricher, job.action, enricher.article(mapping, where)),))
        return Answer(records=tuple(_record(enricher, job.action, where, m) for where, m in job.articles))
    except EnrichError as e:
        return Answer(error=str(e), error_kind=type(e).__name__)


def _record(enricher: Enricher, action: str, where: str, mapping: dict[str, Any]) -> dict[str, Any]:
    """The record of one article; one that cannot be read or checked becomes an error record."""
    try:
        article = enricher.article(mapping, where)
    except EnrichError as e:
        return error_dict(BadArticle(where, None, str(mapping.get("id") or ""), str(e)))
    try:
        return _result(enricher, action, article)
    except EnrichError as e:
        return error_dict(article, str(e))


def _result(enricher: Enricher, action: str, article: Article) -> dict[str, Any]:
    done = enricher.pipeline.extract(article) if action == "extract" else enricher.pipeline.check(article)
    return done.to_dict()


def _report(enricher: Enricher, article: Article) -> bytes:
    with tempfile.TemporaryDirectory(prefix="enrich-report-") as tmp:
        written = enricher.report(article, tmp, formats=("html",))
        page = next(p for p in written if p.suffix == ".html")
        return Path(page).read_bytes()


def _chart(enricher: Enricher, job: Job) -> bytes:
    with tempfile.TemporaryDirectory(prefix="enrich-chart-") as tmp:
        return enricher.chart(job.symbol, job.around, Path(tmp) / f"chart.{job.image}").read_bytes()
