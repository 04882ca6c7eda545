"""Where a chart's numbers came from, said the way a newspaper credits data: the source by name, the date of
the snapshot, the price basis. Never a filesystem path and never the time a file happened to be read.

`PriceSeries.source` names a source ("yahoo (yfinance)", a data folder by its name, or in older stores a
"dir:" / "snapshot:" tag with the folder's path); `PriceSeries.fetched_at` is the snapshot's date or time.
Both are shown through `credit`, so a path that reaches it is cut to the folder's own name.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..models import PriceSeries
from .formats import day

_TAG = re.compile(r"^(?:dir|snapshot|folder|data|store|file):", re.I)


def source_name(source: str) -> str:
    """"Yahoo Finance" for Yahoo; a data folder by its last path component; anything else as given."""
    text = source.strip()
    if not text:
        return "unknown source"
    if "yahoo" in text.lower():
        return "Yahoo Finance"
    tagged = bool(_TAG.match(text))
    text = _TAG.sub("", text).strip()
    if tagged or re.match(r"^(?:[A-Za-z]:)?[\\/]", text):
        name = re.split(r"[\\/]+", text.rstrip("\\/"))[-1] or "data"
        return f"data folder \u201c{name}\u201d"
    return public_text(text)


_PATH = re.compile(r"(?<![\w.:/])(?:[A-Za-z]:)?(?:[\\/][^\s\\/'\",;()]+)+[\\/]?")


def public_text(text: str) -> str:
    """A sentence to show a reader with every filesystem path in it cut to its last component ("no price
    data for ^DJI in /home/x/devset/market" says "in market"): the report never shows a machine's folders."""
    return _PATH.sub(lambda m: re.split(r"[\\/]+", m.group(0).rstrip("\\/"))[-1] or m.group(0), text)


def snapshot_date(fetched_at: str) -> dt.date | None:
    """The date of an ISO date or time ("2020-12-11", "2020-12-11T05:50:25+00:00"), else None."""
    try:
        return dt.date.fromisoformat(fetched_at.strip()[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Credit:
    source: str  # "Yahoo Finance", "data folder “market”"
    as_of: dt.date | None
    basis: str  # "prices as quoted on each day"

    def sentence(self) -> str:
        when = f", data as of {day(self.as_of, year=True)}" if self.as_of else ""
        return f"Source: {self.source}{when}; {self.basis}."


def series_source(source: str) -> str:
    """A price series comes from Yahoo or from a data folder, which the market data names by its own name
    ("devset/market"): said as "data folder “devset/market”" (a path that reached here cut to its last part)."""
    name = source_name(source)
    if name == "Yahoo Finance" or name.startswith("data folder"):
        return name
    return f"data folder \u201c{name}\u201d"


def credit(series: PriceSeries) -> Credit:
    basis = series.basis if series.basis.startswith("prices") else f"prices {series.basis}"
    return Credit(series_source(series.source), snapshot_date(series.fetched_at), basis)
