"""Verifying archives on a Dask cluster (the distributed scheduler; dask.bag over parts of the inputs).

    enrich batch news-*.jsonl -o results/ --dask local:4

The inputs (JSONL, or Parquet with id/text/published/url/title columns) are cut into parts at line or row-group
boundaries; each part is read by a worker and written as OUT/part-NNNNN.jsonl (or .parquet), whose records, parts
taken in order, are the lines `enrich verify --format jsonl` prints for the same inputs. OUT/summary.json holds the
counts. Workers read the inputs, the --data folders and the store at the paths given: on a cluster of several
machines these are on storage every worker sees.

Market data is fetched once per symbol, by the driver: in a first pass the workers note what each article would
fetch from Yahoo instead of fetching it (an article that needed something is set aside); the driver fetches the
union, one request per symbol, into the store; a second pass checks the articles set aside, which now find their
data in the store (a share count, asked for only once the prices are there, may take a third). Offline, there is
one pass.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from .api import Enricher, MarketConfig, to_article
from .batch import Item, Summary, Tally, outcome
from .errors import DataError, EnrichError, InputError
from .market import MarketData, YahooSource
from .models import BadArticle

PLUGIN = "enrich"
PASSES = 3  # the last one fetches whatever is still missing itself, as `enrich verify` would
Want = tuple[str, dt.date, dt.date]


@dataclass(frozen=True)
class Part:
    """A slice of one input: lines [first_line, ...) at bytes [start, end) of a JSONL file, or a Parquet row group."""

    index: int
    path: str
    start: int = 0
    end: int = 0
    first_line: int = 1
    row_group: int = -1  # >= 0 for Parquet

    def output(self, out: Path, fmt: str) -> Path:
        return out / f"part-{self.index:05d}.{fmt}"


@dataclass(frozen=True)
class PartDone:
    index: int
    deferred: tuple[int, ...]  # articles set aside until the driver has fetched what they need
    bars: tuple[Want, ...] = ()
    shares: tuple[Want, ...] = ()
    summary: Summary | None = None  # when the part is written


@dataclass(frozen=True)
class BatchResult:
    parts: tuple[Path, ...]
    summary: Summary
    fetched: tuple[str, ...] = ()  # symbols the driver asked Yahoo for


def plan_parts(inputs: Sequence[str], part_size: int) -> list[Part]:
    """Cut every input into parts of about part_size articles, in order."""
    parts: list[Part] = []
    for name in inputs:
        path = Path(name)
        if not path.is_file():
            raise InputError(f"{name}: no such file; give JSONL or Parquet archives")
        if path.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            try:
                groups = pq.ParquetFile(path).num_row_groups
            except Exception as e:  # pyarrow's errors have no common base
                raise InputError(f"{name}: not a Parquet file we can read ({e})") from None
            parts += [Part(len(parts) + g, name, row_group=g) for g in range(groups)]
            continue
        with path.open("rb") as fh:
            start, line, lines = 0, 1, 0
            for row in iter(fh.readline, b""):
                lines += 1
                if lines == part_size:
                    end = fh.tell()
                    parts.append(Part(len(parts), name, start, end, line))
                    start, line, lines = end, line + lines, 0
            if lines:
                parts.append(Part(len(parts), name, start, fh.tell(), line))
    return parts


def read_part(part: Part, published: str | None) -> list[Item]:
    """The articles of a part; an unreadable one becomes a BadArticle where it stood."""
    if part.row_group >= 0:
        import pyarrow.parquet as pq

        table = pq.ParquetFile(part.path).read_row_group(part.row_group)
        base = sum(pq.ParquetFile(part.path).metadata.row_group(g).num_rows for g in range(part.row_group))
        return [_article(row, f"{part.path}:{base + i + 1}", part.path, base + i + 1, published)
                for i, row in enumerate(table.to_pylist())]
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        lines = fh.read(part.end - part.start).split(b"\n")
    items: list[Item] = []
    for n, line in enumerate(lines, part.first_line):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as e:
            items.append(BadArticle(part.path, n, "", f"{part.path}:{n}: not valid JSON ({str(e)[:80]}); each line "
                                                       f"must be one JSON object"))
            continue
        items.append(_article(record, f"{part.path}:{n}", part.path, n, published))
    return items


def _article(record: Any, where: str, path: str, line: int, published: str | None) -> Item:
    if not isinstance(record, dict):
        return BadArticle(path, line, "", f"{where}: expected an object with a \"text\" string")
    try:
        return to_article(record, published=published, where=where)
    except EnrichError as e:
        return BadArticle(path, line, str(record.get("id") or ""), str(e))


class _Deferred:
    """Stands where the Yahoo source is during the first passes: notes what an article would fetch, fetches
    nothing. MarketData asks it what it would ask Yahoo, after its folders and store; like Yahoo, it skips what
    the store's coverage already answers (a share count Yahoo did not have is asked for once, not again)."""

    store_trouble = ""  # the deferred source stores nothing, so the store never refuses it

    def __init__(self, live: YahooSource | None = None) -> None:
        self.live = live
        self.bars: list[Want] = []
        self.shares: list[Want] = []

    def held(self, symbol: str, start: dt.date, end: dt.date) -> None:
        """Nothing fetched this run is held apart from the store (the live source's answers go to the store)."""
        return None

    def _covered(self, symbol: str, what: str, start: dt.date, end: dt.date) -> bool:
        return self.live is not None and self.live.store.covered(symbol, what, start, min(end, self.live.today()))

    def fetch(self, symbols: list[str], start: dt.date, end: dt.date) -> list[str]:
        self.bars += [(s, start, end) for s in symbols if not self._covered(s, "bars", start, end)]
        return []

    def fetch_shares(self, symbol: str, start: dt.date, end: dt.date) -> None:
        if not self.live or not self.live.store.covered(symbol, "shares", start, end):
            self.shares.append((symbol, start, end))


class EnrichPlugin(WorkerPlugin):
    """Per worker: the market configuration, and an Enricher per worker thread (SQLite connections stay in the
    thread that opened them), made at the first task."""

    name = PLUGIN

    def __init__(self, config: MarketConfig, published: str | None) -> None:
        self.config = config
        self.published = published
        self._local = threading.local()

    def setup(self, worker: Any) -> None:
        self._local = threading.local()  # a fresh one on the worker: thread-locals do not travel

    def enricher(self) -> Enricher:
        if getattr(self._local, "enricher", None) is None:
            self._local.enricher = Enricher(config=self.config, published=self.published)
            self._local.yahoo = self._local.enricher.market.yahoo
        enricher: Enricher = self._local.enricher
        return enricher

    def live_yahoo(self) -> Any:
        return self._local.yahoo

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "published": self.published}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"], state["published"])  # type: ignore[misc]


def run_part(job: tuple[Part, tuple[int, ...] | None], out: str, fmt: str, final: bool) -> PartDone:
    """One part on a worker: check its articles (or those set aside before), write it when all are done."""
    part, redo = job
    plugin: EnrichPlugin = get_worker().plugins[PLUGIN]  # type: ignore[assignment]
    enricher = plugin.enricher()
    live = plugin.live_yahoo()
    items = read_part(part, plugin.published)
    previous = None if redo is None else _load_partial(part.output(Path(out), fmt))
    records, noted = check_items(enricher, items, redo, previous, live=None if final else live)
    deferred = [i for i, r in enumerate(records) if r is None]
    target = part.output(Path(out), fmt)
    if deferred:
        _save_partial(target, records)
        return PartDone(part.index, tuple(deferred), tuple(noted.bars), tuple(noted.shares))
    tally = Tally()
    done = [r for r in records if r is not None]
    for record, status in done:
        tally.add(record, status)
    _write_part(target, [record for record, _ in done], fmt)
    return PartDone(part.index, (), summary=tally.summary(0.0))


def check_items(enricher: Enricher, items: Sequence[Item], redo: tuple[int, ...] | None,
                previous: list[tuple[dict[str, Any], int] | None] | None, *, live: Any
                ) -> tuple[list[tuple[dict[str, Any], int] | None], _Deferred]:
    """Outcomes of the items (those in redo, the others kept from previous). With `live` (the Yahoo source), an
    article that would fetch from it is set aside (None) and what it would fetch is noted instead."""
    records: list[tuple[dict[str, Any], int] | None] = list(previous) if previous is not None else [None] * len(items)
    noted = _Deferred()
    for i, item in enumerate(items):
        if redo is not None and i not in redo:
            continue
        mine = _Deferred(live)
        enricher.market.yahoo = mine if live is not None else enricher.market.yahoo  # type: ignore[assignment]
        try:
            result = outcome(enricher, item)
        finally:
            if live is not None:
                enricher.market.yahoo = live
        records[i] = None if mine.bars or mine.shares else result
        noted.bars += mine.bars
        noted.shares += mine.shares
    return records, noted


def _load_partial(target: Path) -> list[tuple[dict[str, Any], int] | None]:
    with open(str(target) + ".partial", encoding="utf-8") as fh:
        return [None if entry is None else (entry[0], entry[1]) for entry in map(json.loads, fh)]


def _save_partial(target: Path, records: list[tuple[dict[str, Any], int] | None]) -> None:
    _atomic_write(Path(str(target) + ".partial"), "".join(json.dumps(r) + "\n" for r in records).encode("utf-8"))


def _write_part(target: Path, records: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        _atomic_write(target, "".join(json.dumps(r) + "\n" for r in records).encode("utf-8"))
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [{"id": r.get("id"), "published": r.get("published"), "published_how": r.get("published_how"),
                 "mentions": _json(r, "mentions"), "claims": _json(r, "claims"), "unchecked": _json(r, "unchecked"),
                 "error": r.get("error"), "source": r.get("source"), "line": r.get("line")} for r in records]
        tmp = target.with_name(target.name + ".tmp")
        pq.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA()), tmp)
        os.replace(tmp, target)
    Path(str(target) + ".partial").unlink(missing_ok=True)


def PARQUET_SCHEMA() -> Any:  # noqa: N802 - a constant, built on first use so pyarrow loads only for Parquet
    import pyarrow as pa

    text = pa.string()
    return pa.schema([("id", text), ("published", text), ("published_how", text), ("mentions", text),
                      ("claims", text), ("unchecked", text), ("error", text), ("source", text), ("line", pa.int64())])


def _json(record: dict[str, Any], key: str) -> str | None:
    return json.dumps(record[key]) if key in record else None


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@dataclass
class Fetcher:
    """The driver's side: fetches what the workers noted, each symbol once, into the store they read."""

    asked: set[Want] = field(default_factory=set)
    symbols: list[str] = field(default_factory=list)

    def fetch(self, market: MarketData, bars: list[Want], shares: list[Want]) -> bool:
        """Fetch what has not been asked for before; False when there was nothing new."""
        spans: dict[str, tuple[dt.date, dt.date]] = {}
        for symbol, start, end in bars:
            old = spans.get(symbol)
            spans[symbol] = (min(start, old[0]), max(end, old[1])) if old else (start, end)
        new_bars = [(s, a, b) for s, (a, b) in spans.items() if (s, a, b) not in self.asked]
        new_shares = sorted(set(shares) - self.asked)
        if not new_bars and not new_shares:
            return False
        for want in new_bars:
            self.asked.add(want)
            self.symbols.append(want[0])
            try:
                market.prefetch([want])
            except DataError:
                pass  # the article's own check meets the same failure and records it
        for symbol, start, end in new_shares:
            self.asked.add((symbol, start, end))
            if market.yahoo is not None:
                try:
                    market.yahoo.fetch_shares(symbol, start, end)
                except DataError:
                    pass
        return True


def run_batch(inputs: Sequence[str], out: Path, config: MarketConfig, *, scheduler: str = "local",
              fmt: str = "jsonl", part_size: int = 2000, published: str | None = None) -> BatchResult:
    """Verify every article of the inputs on a Dask cluster; the parts written and the summary."""
    import dask.bag as db

    parts = plan_parts(inputs, part_size)
    out.mkdir(parents=True, exist_ok=True)
    fetcher = Fetcher()
    tally = Tally()
    # the driver's own sources: opened first, so a bad folder or store is one error now, not one a worker
    with Enricher(config=config) as driver, _client(scheduler) as client:
        client.register_plugin(EnrichPlugin(config, published), name=PLUGIN)
        todo: dict[int, tuple[int, ...] | None] = {p.index: None for p in parts}
        final = config.offline
        for attempt in range(PASSES):
            final = final or attempt == PASSES - 1
            jobs = [(parts[i], todo[i]) for i in sorted(todo)]
            bag = db.from_sequence(jobs, npartitions=max(1, len(jobs)))
            done: list[PartDone] = bag.map(run_part, str(out), fmt, final).compute()
            for d in done:
                if d.summary is not None:
                    tally.merge(d.summary)
            todo = {d.index: d.deferred for d in done if d.deferred}
            if not todo:
                break
            if not fetcher.fetch(driver.market, [w for d in done for w in d.bars], [w for d in done for w in d.shares]):
                final = True  # nothing new to fetch: the next pass fetches what is left itself
    summary = tally.summary()
    (out / "summary.json").write_text(json.dumps({**summary.to_dict(), "parts": len(parts), "format": fmt,
                                                  "inputs": list(inputs), "fetched": fetcher.symbols}, indent=2) + "\n")
    return BatchResult(tuple(p.output(out, fmt) for p in parts), summary, tuple(fetcher.symbols))


@contextmanager
def _client(spec: str) -> Iterator[Client]:
    """A Dask client for --dask: local (a worker a core), local:N, or tcp://HOST:PORT of a running scheduler."""
    if spec == "local" or spec.startswith("local:"):
        count = spec.partition(":")[2] or str(os.cpu_count() or 1)
        if not count.isdigit() or int(count) < 1:
            raise InputError(f"--dask {spec!r}: give local, local:N (N workers) or tcp://HOST:PORT")
        with LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client
        return
    if not spec.startswith(("tcp://", "tls://")):
        raise InputError(f"--dask {spec!r}: give local, local:N (N workers) or tcp://HOST:PORT")
    try:
        client = Client(spec, timeout=30)
    except (OSError, TimeoutError) as e:
        raise InputError(f"--dask {spec}: cannot reach the scheduler ({e}); is it running?") from None
    with client:
        yield client


def iter_records(result: BatchResult) -> Iterator[dict[str, Any]]:
    """The records of a finished JSONL batch, parts in order."""
    for path in result.parts:
        with path.open(encoding="utf-8") as fh:
            yield from map(json.loads, fh)
