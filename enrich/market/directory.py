"""A folder of market data in Yahoo's CSV layout (the layout of the devset's market/).

    prices/<SYM>.csv   Date,Open,High,Low,Close,Adj Close,Volume   (split-adjusted as of the last row)
    splits.csv         symbol,date,ratio
    shares.csv         symbol,date,shares,source
    symbols.csv        company,symbol,valid_from,valid_to

Every row is checked; a bad one raises DataFileError naming the file and line.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

from ..errors import DataFileError, InputError
from .source import RawBar, SharesRow, Split, SymbolSpan

PRICE_HEADER = ["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"]


def _date(text: str, path: Path, line: int, what: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise DataFileError(str(path), line, f"{what} {text!r} is not a YYYY-MM-DD date", "fix or delete the row") from None


def _num(text: str, path: Path, line: int, col: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise DataFileError(str(path), line, f"{col} {text!r} is not a number", "fix or delete the row") from None
    if value != value or value < 0:
        raise DataFileError(str(path), line, f"{col} {text!r} must be a non-negative number", "fix or delete the row")
    return value


def _rows(path: Path, header: list[str]) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            head = next(reader, None)
            if head is None or [h.strip() for h in head[: len(header)]] != header:
                raise DataFileError(str(path), 1, f"header {head!r} is not {','.join(header)}", "use the documented layout")
            out = []
            for row in reader:
                if not row or not "".join(row).strip():
                    continue
                if len(row) < len(header):
                    raise DataFileError(str(path), reader.line_num, f"row has {len(row)} fields, expected {len(header)}",
                                        "fix or delete the row")
                out.append((reader.line_num, dict(zip(head, (c.strip() for c in row)))))
            return out
    except UnicodeDecodeError:
        raise DataFileError(str(path), None, "is not UTF-8 text", "save it as UTF-8 CSV") from None


class DirectorySource:
    """Reads a market folder lazily: a symbol's file is parsed the first time it is asked for."""

    def __init__(self, root: str | os.PathLike[str], name: str | None = None) -> None:
        self.root = Path(root)
        if not (self.root / "prices").is_dir():
            raise InputError(
                f"{self.root}: not a market data folder (no prices/ inside); see 'Market data folders' in the README"
            )
        self.name = name or f"dir:{self.root}"
        stamp = dt.datetime.fromtimestamp((self.root / "prices").stat().st_mtime, dt.timezone.utc)
        self.fetched_at = stamp.isoformat(timespec="seconds")
        self._bars: dict[str, list[RawBar]] = {}
        self._splits: list[Split] | None = None
        self._shares: list[SharesRow] | None = None

    def _price_path(self, symbol: str) -> Path:
        return self.root / "prices" / f"{symbol}.csv"

    def symbols(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "prices").glob("*.csv"))

    def has(self, symbol: str) -> bool:
        return self._price_path(symbol).is_file()

    def all_bars(self, symbol: str) -> list[RawBar]:
        if symbol not in self._bars:
            path = self._price_path(symbol)
            parsed = []
            for line, r in _rows(path, PRICE_HEADER):
                if any(r[c] in ("", "null", "NaN") for c in PRICE_HEADER[1:5]):
                    continue  # Yahoo writes null rows for days with no trade; they carry nothing
                parsed.append((_date(r["Date"], path, line), line, r))
            parsed.sort(key=lambda t: t[0])
            basis = parsed[-1][0] if parsed else dt.date.today()
            bars = []
            for day, line, r in parsed:
                o, h, lo, c = (_num(r[k], path, line, k) for k in ("Open", "High", "Low", "Close"))
                adj = _num(r["Adj Close"], path, line, "Adj Close") if r["Adj Close"] not in ("", "null") else c
                vol = _num(r["Volume"], path, line, "Volume") if r["Volume"] not in ("", "null") else 0.0
                if o == 0:
                    o = float("nan")  # old Yahoo rows carry no opening print; 0 means "not recorded"
                if h + 1e-6 < lo:
                    raise DataFileError(str(path), line, f"High {h} is below Low {lo}", "fix the row")
                bars.append(RawBar(symbol, day, o, h, lo, c, adj, vol, basis, self.name, self.fetched_at))
            self._bars[symbol] = bars
        return self._bars[symbol]

    def bars(self, symbol: str, start: dt.date, end: dt.date) -> list[RawBar]:
        if not self.has(symbol):
            return []
        return [b for b in self.all_bars(symbol) if start <= b.date <= end]

    def splits(self, symbol: str) -> list[Split]:
        if self._splits is None:
            path = self.root / "splits.csv"
            self._splits = []
            if path.is_file():
                for line, r in _rows(path, ["symbol", "date", "ratio"]):
                    ratio = _num(r["ratio"], path, line, "ratio")
                    if ratio == 0:
                        raise DataFileError(str(path), line, "ratio 0 is not a split", "fix the row")
                    self._splits.append(Split(r["symbol"].upper(), _date(r["date"], path, line), ratio, self.name))
        return [s for s in self._splits if s.symbol == symbol]

    def shares(self, symbol: str) -> list[SharesRow]:
        if self._shares is None:
            path = self.root / "shares.csv"
            self._shares = []
            if path.is_file():
                for line, r in _rows(path, ["symbol", "date", "shares", "source"]):
                    self._shares.append(SharesRow(r["symbol"].upper(), _date(r["date"], path, line),
                                                  _num(r["shares"], path, line, "shares"), r["source"] or self.name))
        return [s for s in self._shares if s.symbol == symbol]

    def symbol_spans(self) -> list[SymbolSpan]:
        path = self.root / "symbols.csv"
        if not path.is_file():
            return []
        out = []
        for line, r in _rows(path, ["company", "symbol", "valid_from", "valid_to"]):
            vf = _date(r["valid_from"], path, line, "valid_from") if r["valid_from"] else None
            vt = _date(r["valid_to"], path, line, "valid_to") if r["valid_to"] else None
            out.append(SymbolSpan(r["company"], r["symbol"].upper(), vf, vt, self.name))
        return out
