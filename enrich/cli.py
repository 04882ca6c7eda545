"""The command line: thin wrappers over library calls. The only module that imports typer or prints.

Exit status: 0 when a command ran (whatever the verdicts), 2 bad input (article, option), 3 market
data problem, 4 store problem, 1 anything else we raised on purpose.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

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


def _fail(e: EnrichError) -> None:
    typer.echo(f"enrich: error: {e}", err=True)
    raise typer.Exit(e.exit_code)


def _format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise InputError(f"--format {value!r} is not one of {', '.join(allowed)}")
    return value


@app.command()
def extract(articles: Articles, fmt: Annotated[str, typer.Option("--format", help="table, json or jsonl")] = "table",
            published: PublishedOpt = None, data: DataOpt = None) -> None:
    """Print the companies, indices and market figures each article states (no verdicts)."""
    from . import article as art
    from .output import extraction_dict
    from .pipeline import Enricher, open_market

    try:
        _format(fmt, ("table", "json", "jsonl"))
        enricher = Enricher(open_market(data, offline=True, near=articles, use_store=False))
        results = [extraction_dict(enricher.extract(a)) for a in art.read(articles, published)]
    except EnrichError as e:
        _fail(e)
        return
    _emit(results, fmt, table=_extract_table)


@app.command()
def verify(articles: Articles, fmt: Annotated[str, typer.Option("--format", help="table, json or jsonl")] = "table",
           data: DataOpt = None, store: StoreOpt = None, offline: OfflineOpt = False,
           published: PublishedOpt = None) -> None:
    """Check every market figure in each article against the trading data of its session."""
    from . import article as art
    from .output import checked_dict
    from .pipeline import Enricher, open_market

    try:
        _format(fmt, ("table", "json", "jsonl"))
        market = open_market(data, store_path=store, offline=offline, near=articles, use_store=not (data and offline))
        enricher = Enricher(market)
        results = []
        for a in art.read(articles, published):
            results.append(checked_dict(enricher.check(a)))
            if fmt == "jsonl":
                typer.echo(json.dumps(results.pop()))
    except EnrichError as e:
        _fail(e)
        return
    if fmt != "jsonl":
        _emit(results, fmt, table=_verify_table)


@app.command()
def report(articles: Articles, out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
           fmt: Annotated[str, typer.Option("--format", help="Comma list of html, md, png, svg.")] = "html,md,png,svg",
           data: DataOpt = None, store: StoreOpt = None, offline: OfflineOpt = False, published: PublishedOpt = None,
           before: Annotated[int, typer.Option(help="Sessions shown before the publish date.")] = 30,
           after: Annotated[int, typer.Option(help="Sessions shown after the publish date.")] = 10,
           benchmark: Annotated[Optional[str], typer.Option(help="Index to compare with (default ^GSPC).")] = None
           ) -> None:
    """The main job: verdicts, annotated charts, a context appendix and an HTML report per article."""
    from . import article as art
    from .pipeline import Enricher, open_market
    from .report import ReportWriter

    try:
        formats = {f.strip() for f in fmt.split(",") if f.strip()}
        bad = formats - {"html", "md", "png", "svg"}
        if bad or not formats:
            raise InputError(f"--format {fmt!r}: use a comma list of html, md, png, svg")
        market = open_market(data, store_path=store, offline=offline, near=articles)
        writer = ReportWriter(Enricher(market), out, formats, before=before, after=after, benchmark=benchmark)
        for a in art.read(articles, published):
            for p in writer.write(a):
                typer.echo(str(p))
    except EnrichError as e:
        _fail(e)


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
    from .chart import draw_symbol
    from .pipeline import open_market

    try:
        try:
            day = dt.date.fromisoformat(around)
        except ValueError:
            raise InputError(f"--around {around!r} is not a YYYY-MM-DD date") from None
        if out.suffix.lower() not in (".png", ".svg"):
            raise InputError(f"--out {out}: give a .png or .svg file name")
        market = open_market(data, store_path=store, offline=offline)
        draw_symbol(market, symbol.upper(), day, out, before=before, after=after, benchmark=benchmark)
        typer.echo(str(out))
    except EnrichError as e:
        _fail(e)


@data_app.command("import")
def data_import(folder: Annotated[Path, typer.Argument(help="A market data folder (prices/, splits.csv, ...).")],
                store: StoreOpt = None) -> None:
    """Load a market data folder into the store, all of it or nothing."""
    from .market import DirectorySource, Store
    from .market.importer import import_folder

    try:
        with Store(store) as st:
            counts = import_folder(DirectorySource(folder), st)
            typer.echo(f"imported into {st.path}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    except EnrichError as e:
        _fail(e)


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


def _emit(results: list[dict], fmt: str, table) -> None:  # type: ignore[no-untyped-def,type-arg]
    if fmt == "json":
        typer.echo(json.dumps(results if len(results) != 1 else results[0], indent=2))
    elif fmt == "jsonl":
        for r in results:
            typer.echo(json.dumps(r))
    else:
        table(results)


def _extract_table(results: list[dict]) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for r in results:
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


def _verify_table(results: list[dict]) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    colour = {"supported": "green", "contradicted": "red", "unverifiable": "yellow"}
    console = Console()
    for r in results:
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
