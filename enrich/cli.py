"""The command line: thin wrappers over the library (enrich.api, enrich.batch, enrich.service, enrich.cluster).
The only module that imports typer or prints.

Exit status: 0 when a command ran and every article got a result (whatever the verdicts); 2 bad input (an
article, an option); 3 a market-data problem; 4 a store problem; 1 anything else we raised on purpose. In a batch,
an article that cannot be read or checked becomes an error record and the others go on; the status is then
that of the first such article.
"""
from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .errors import EnrichError, InputError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Find the market figures in news articles, check them against price history, chart them.")
data_app = typer.Typer(no_args_is_help=True, help="Manage the on-disk market-data store.")
app.add_typer(data_app, name="data")

Articles = Annotated[list[str], typer.Argument(help="Article files (.txt .md .html .json .jsonl) or - for stdin.")]
DataOpt = Annotated[Optional[list[str]], typer.Option("--data", help="A market data folder (see README); repeatable.")]
StoreOpt = Annotated[Optional[str], typer.Option("--store", help="Store file (default: $ENRICH_STORE or the cache dir).")]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="Never touch the network; report missing data.")]
PublishedOpt = Annotated[Optional[str], typer.Option("--published", help="Publish time when the input has none, "
                                                     "e.g. 2018-08-06T14:35-04:00.")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, json or jsonl")]
Record = dict[str, Any]


def _fail(e: EnrichError) -> None:
    typer.echo(f"enrich: error: {e}", err=True)
    raise typer.Exit(e.exit_code)


def _warn(problems: list[Any]) -> None:
    """Problems the library returned (data rows set aside): one warning line each on stderr."""
    for p in problems:
        typer.echo(f"enrich: warning: {p}", err=True)


def _extra(module: str, extra: str) -> Any:
    """A module that needs an optional dependency, or a one-line error saying how to install it."""
    import importlib

    try:
        return importlib.import_module(f"enrich.{module}")
    except ImportError as e:
        raise InputError(f"this command needs {e.name}: pip install 'enrich[{extra}]'") from None


def _format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise InputError(f"--format {value!r} is not one of {', '.join(allowed)}")
    return value


@app.command()
def extract(articles: Articles, fmt: FormatOpt = "table", published: PublishedOpt = None, data: DataOpt = None) -> None:
    """Print the companies, indices and market figures each article states (no verdicts)."""
    from . import api, batch

    try:
        _format(fmt, ("table", "json", "jsonl"))
        config = api.market_config(data, offline=True, near=articles, use_store=False)
        outcomes = batch.extract_stream(api.read(articles, published), config, published=published)
        _write(outcomes, fmt, _extract_table, summary=False)
    except EnrichError as e:
        _fail(e)


@app.command()
def verify(articles: Articles, fmt: FormatOpt = "table", data: DataOpt = None, store: StoreOpt = None,
           offline: OfflineOpt = False, published: PublishedOpt = None,
           workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes (same output).")] = 1
           ) -> None:
    """Check every market figure in each article against the trading data of its session."""
    from . import api, batch

    try:
        _format(fmt, ("table", "json", "jsonl"))
        config = api.market_config(data, store, offline, near=articles)
        inputs = api.read_each(articles, published)  # a chunk for the workers never spans two inputs
        outcomes = batch.verify_stream(inputs, config, workers=workers, published=published)
        _write(outcomes, fmt, _verify_table, summary=True)
    except EnrichError as e:
        _fail(e)


@app.command()
def report(articles: Articles, out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
           fmt: Annotated[str, typer.Option("--format", help="Comma list of html, md, png, svg.")] = "html,md,png,svg",
           data: DataOpt = None, store: StoreOpt = None, offline: OfflineOpt = False, published: PublishedOpt = None,
           before: Annotated[int, typer.Option(help="Sessions shown before the publish date.")] = 30,
           after: Annotated[int, typer.Option(help="Sessions shown after the publish date.")] = 10,
           benchmark: Annotated[Optional[str], typer.Option(help="Index to compare with (default ^GSPC).")] = None
           ) -> None:
    """The main job: verdicts, annotated charts, a context appendix and an HTML report per article."""
    from . import api, batch

    try:
        formats = api.check_formats(fmt)
        status = 0
        with api.Enricher(data, store, offline, near=articles, published=published) as enricher:
            for paths, error in batch.report_stream(enricher, api.read(articles, published), out, formats=formats,
                                                    before=before, after=after, benchmark=benchmark):
                for p in paths:
                    typer.echo(str(p))
                if error is not None:
                    typer.echo(f"enrich: error: {error.args[0]}", err=True)
                    status = status or error.exit_code
    except EnrichError as e:
        _fail(e)
    raise typer.Exit(status)


@app.command()
def chart(symbol: Annotated[str, typer.Argument(help="Yahoo-style symbol, e.g. FB, META, ^GSPC.")],
          around: Annotated[str, typer.Option(help="The date to centre on, YYYY-MM-DD.")],
          out: Annotated[Path, typer.Option("-o", "--out", help="Output file (.png or .svg).")] = Path("chart.png"),
          data: DataOpt = None, store: StoreOpt = None, offline: OfflineOpt = False,
          before: Annotated[int, typer.Option(help="Sessions before the date.")] = 30,
          after: Annotated[int, typer.Option(help="Sessions after the date.")] = 10,
          benchmark: Annotated[Optional[str], typer.Option(help="Index to compare with (default ^GSPC).")] = None
          ) -> None:
    """Draw the price chart of one symbol around a date, without an article."""
    from . import api

    try:
        with api.Enricher(data, store, offline) as enricher:
            typer.echo(str(enricher.chart(symbol, around, out, before=before, after=after, benchmark=benchmark)))
    except EnrichError as e:
        _fail(e)


@app.command()
def serve(host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
          data: DataOpt = None, store: StoreOpt = None, offline: OfflineOpt = False,
          workers: Annotated[int, typer.Option("--workers", min=1, help="Enrichment processes.")] = 2,
          timeout: Annotated[float, typer.Option(help="Seconds a request may take.")] = 30.0,
          max_body: Annotated[int, typer.Option(help="Largest request body, in bytes.")] = 8 * 1024 * 1024) -> None:
    """Serve extract, verify, report and chart over HTTP (OpenAPI at /docs)."""
    from . import api

    try:
        service = _extra("service", "serve")
        config = api.market_config(data, store, offline)
        settings = service.Settings(config, workers=workers, timeout=timeout, max_body=max_body)
        typer.echo(f"enrich: serving on http://{host}:{port} (docs at /docs); Ctrl-C stops", err=True)
        service.serve(settings, host=host, port=port)
    except EnrichError as e:
        _fail(e)


@app.command("batch")
def batch_run(inputs: Annotated[list[str], typer.Argument(help="JSONL or Parquet archives of articles.")],
              out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for the parts and summary.")],
              dask: Annotated[str, typer.Option("--dask", help="local, local:N or tcp://HOST:PORT")] = "local",
              fmt: Annotated[str, typer.Option("--format", help="jsonl or parquet")] = "jsonl",
              data: DataOpt = None, store: StoreOpt = None, offline: OfflineOpt = False,
              published: PublishedOpt = None,
              part_size: Annotated[int, typer.Option("--part-size", min=1, help="Articles a part.")] = 2000) -> None:
    """Verify archives on a Dask cluster: partitioned results and a summary, the records of 'enrich verify'."""
    from . import api

    try:
        cluster = _extra("cluster", "dask")
        _format(fmt, ("jsonl", "parquet"))
        config = api.market_config(data, store, offline)
        result = cluster.run_batch(inputs, out, config, scheduler=dask, fmt=fmt, part_size=part_size,
                                   published=published)
    except EnrichError as e:
        _fail(e)
        return
    typer.echo(f"enrich: {result.summary.line()}; {len(result.parts)} parts in {out}", err=True)
    raise typer.Exit(result.summary.exit_code)


@data_app.command("import")
def data_import(folder: Annotated[Path, typer.Argument(help="A market data folder (prices/, splits.csv, ...).")],
                store: StoreOpt = None) -> None:
    """Load a market data folder into the store, all of it or nothing."""
    from .market import DirectorySource, Store
    from .market.importer import import_folder

    try:
        with Store(store) as st:
            source = DirectorySource(folder)
            counts = import_folder(source, st)
            _warn(source.problems_met())
            typer.echo(f"imported into {st.path}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    except EnrichError as e:
        _fail(e)


@data_app.command("check")
def data_check(folder: Annotated[Optional[Path], typer.Argument(help="A market data folder; none: the store.")] = None,
               store: StoreOpt = None) -> None:
    """List every problem of a market folder (or the store): rows set aside, conflicts, unreadable files."""
    from .market import Store
    from .market.check import check_folder, check_store

    try:
        if folder is not None:
            found = check_folder(folder)
        else:
            with Store(store) as st:
                found = check_store(st)
    except EnrichError as e:
        _fail(e)
        return
    for p in found.problems:
        typer.echo(str(p))
    typer.echo(f"{found.name}: {found.checked}, {len(found.problems)} problem{'s' * (len(found.problems) != 1)}",
               err=True)
    if not found.clean:
        raise typer.Exit(3)


@data_app.command("info")
def data_info(store: StoreOpt = None) -> None:
    """Where the store is and how many rows of each kind it holds."""
    from .market import Store

    try:
        with Store(store) as st:
            typer.echo(f"store: {st.path}")
            for k, v in st.counts().items():
                typer.echo(f"  {k}: {v}")
    except EnrichError as e:
        _fail(e)


# -- writing records as they come ------------------------------------------------------------------------------
def _write(outcomes: Iterator[tuple[Record, int]], fmt: str, table: Callable[[Record], None], *,
           summary: bool) -> None:
    """Each record as soon as it is ready; an error record also on stderr; a summary line at the end."""
    from .batch import Tally

    tally = Tally()
    first = ""  # --format json: one record alone is an object, several a list, so the first waits for a second
    with _progress() as advance:
        warned: set[str] = set()
        for record, status in outcomes:
            tally.add(record, status)
            advance()
            if "error" in record:
                typer.echo(f"enrich: error: {record['error']}", err=True)
            new = [p for p in record.get("warnings", []) if p not in warned]
            warned.update(new)
            _warn(new)
            if fmt == "jsonl":
                typer.echo(json.dumps(record))
            elif fmt == "json":
                text = textwrap.indent(json.dumps(record, indent=2), "  ")
                if tally.articles == 1:
                    first = text
                else:
                    typer.echo(("[\n" + first if tally.articles == 2 else "") + ",\n" + text, nl=False)
            elif "error" not in record:
                table(record)
    if fmt == "json":
        typer.echo(textwrap.dedent(first) if tally.articles == 1 else "\n]" if tally.articles else "[]")
    result = tally.summary()
    if summary and result.articles != 1:
        typer.echo(f"enrich: {result.line()}", err=True)
    if result.exit_code:
        raise typer.Exit(result.exit_code)


@contextmanager
def _progress() -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when stderr is a terminal (nothing otherwise)."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("articles"), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("verify", total=None)
        yield lambda: bar.advance(task)


def _extract_table(r: Record) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{r['id']}[/bold]  published {r['published'] or 'unknown'}  ({r['published_how']})")
    counts: dict[tuple[str, str], int] = {}
    for m in r["mentions"]:
        key = (m["name"], m["symbol"])
        counts[key] = counts.get(key, 0) + 1
    console.print("mentions: " + ", ".join(f"{name} ({sym})" + (f" x{n}" if n > 1 else "")
                                           for (name, sym), n in counts.items()))
    t = Table("symbol", "kind", "value", "hedge", "session", "moment", "quote")
    for c in r["claims"]:
        value = f"{c['value']:,.0f}" if abs(c["value"]) >= 1e6 else f"{c['value']:,.6g}"
        t.add_row(c["symbol"], c["kind"], value, c["approx"], c["session"] or "-",
                  c["time"]["moment"] if c["time"] else "-", c["quote"])
    console.print(t)


def _verify_table(r: Record) -> None:
    from rich.console import Console
    from rich.table import Table

    colour = {"supported": "green", "contradicted": "red", "unverifiable": "yellow"}
    console = Console()
    console.print(f"[bold]{r['id']}[/bold]  published {r['published'] or 'unknown'}")
    t = Table("verdict", "symbol", "kind", "quote", "session", "explanation", show_lines=True)
    for c in r["claims"] + r["unchecked"]:
        v = c["verdict"] + (f" ({c['reason']})" if c["reason"] else "")
        t.add_row(f"[{colour[c['verdict']]}]{v}[/]", c["symbol"], c["kind"], c["quote"], c["session"] or "-",
                  c["explanation"])
    console.print(t)


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
