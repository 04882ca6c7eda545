"""A folder of market data in Yahoo's CSV layout (the layout of the devset's market/).

    prices/<SYM>.csv   Date,Open,High,Low,Close,Adj Close,Volume   (split-adjusted as of the file's last row)
    splits.csv         symbol,date,ratio
    shares.csv         symbol,date,shares,source
    symbols.csv        company,symbol,valid_from,valid_to

Every row is checked. A bad row is set aside with a DataProblem naming the file and line, and it sets
aside only what it concerns: a bad price row that session (see rows.py); a bad split row the
symbol's prices before that split (they cannot be turned back into the prices quoted then); a bad
shares row that symbol's share counts from its date on (see MarketData.shares_at); a bad symbols row
itself. A file that cannot be read at all (its header) is set aside whole, with one problem; a byte
that is not UTF-8 spoils only its row. Nothing here raises for a bad row.

A folder is named by its name, never by its absolute path ("devset/market": a folder called
"market", the layout's own name, is named with its parent), and its snapshot by its own date: the
last row of each prices file.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import os
from pathlib import Path

from ..errors import InputError
from ..models import DataProblem
from .rows import Row, sound_rows
from .source import RawBar, SharesRow, Split, SymbolSpan

PRICE_HEADER = ["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"]
SPLITS_HEADER = ["symbol", "date", "ratio"]
SHARES_HEADER = ["symbol", "date", "shares", "source"]
SYMBOLS_HEADER = ["company", "symbol", "valid_from", "valid_to"]
NO_TRADE = ("", "null", "NaN", "nan")  # Yahoo writes a row of nulls for a day with no trade


class BadField(ValueError):
    """One field of a row cannot be read; the message says which and why."""


def folder_name(root: Path) -> str:
    """How a folder is named in evidence and footers: its own name, with its parent's when it is called
    'market' (the layout's own name, which says nothing by itself). Never an absolute path."""
    root = root.resolve()
    if root.name.lower() == "market" and root.parent.name:
        return f"{root.parent.name}/{root.name}"
    return root.name or str(root)


def _date(text: str, what: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise BadField(f"{what} {text[:40]!r} is not a YYYY-MM-DD date") from None


def _num(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise BadField(f"{what} {text[:40]!r} is not a number") from None
    if not math.isfinite(value):
        raise BadField(f"{what} {text[:40]!r} is not a finite number")
    return value


class DirectorySource:
    """Reads a market folder lazily: a file is parsed the first time something in it is asked for."""

    def __init__(self, root: str | os.PathLike[str], name: str | None = None,
                 today: dt.date | None = None) -> None:
        self.root = Path(root)
        if not (self.root / "prices").is_dir():
            raise InputError(
                f"{self.root}: not a market data folder (no prices/ inside); see 'Market data folders' in the README"
            )
        self.name = name or folder_name(self.root)
        self.today = today or dt.date.today()
        self._bars: dict[str, list[RawBar]] = {}
        self._price_problems: dict[str, list[DataProblem]] = {}
        self._splits: list[Split] | None = None
        self._shares: list[SharesRow] | None = None
        self._spans: list[SymbolSpan] | None = None
        self._blocked: dict[str, dt.date] = {}  # symbol -> its prices before this date are set aside
        self._file_problems: dict[str, list[DataProblem]] = {}  # splits/shares/symbols file -> its problems

    # -- reading a file ----------------------------------------------------------------------
    def _label(self, path: Path) -> str:
        return f"{self.name}/{path.relative_to(self.root).as_posix()}"

    def _rows(self, path: Path, header: list[str], problems: list[DataProblem],
              symbol: str = "") -> list[tuple[int, dict[str, str]]]:
        """The rows of a CSV file as (line, fields); a file whose header or encoding is wrong gives none."""
        label = self._label(path)
        try:
            # A byte that is not UTF-8 spoils its row only: a text field keeps a replacement mark, a number fails.
            with path.open(newline="", encoding="utf-8-sig", errors="replace") as fh:
                reader = csv.reader(fh)
                head = next(reader, None)
                if head is None or [h.strip() for h in head[: len(header)]] != header:
                    problems.append(DataProblem(label, 1, None, f"the header {','.join(head or [])[:80]!r} is not "
                                                f"{','.join(header)}; the file is set aside (use the layout in the "
                                                f"README)", symbol))
                    return []
                out = []
                for row in reader:
                    if not row or not "".join(row).strip():
                        continue
                    if len(row) < len(header):
                        problems.append(DataProblem(label, reader.line_num, None, f"the row has {len(row)} fields, "
                                                    f"expected {len(header)}; the row is set aside", symbol))
                        continue
                    out.append((reader.line_num, dict(zip(header, (c.strip() for c in row)))))
                return out
        except (OSError, csv.Error) as e:
            problems.append(DataProblem(label, None, None, f"cannot be read ({e}); the file is set aside", symbol))
        return []

    # -- prices --------------------------------------------------------------------------------
    def _price_path(self, symbol: str) -> Path:
        return self.root / "prices" / f"{symbol}.csv"

    def symbols(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "prices").glob("*.csv"))

    def has(self, symbol: str) -> bool:
        return self._price_path(symbol).is_file()

    def _read_prices(self, symbol: str) -> None:
        path = self._price_path(symbol)
        label = self._label(path)
        problems: list[DataProblem] = []
        rows: list[Row] = []
        for line, r in self._rows(path, PRICE_HEADER, problems, symbol):
            if all(r[c] in NO_TRADE for c in PRICE_HEADER[1:5]):
                continue
            day: dt.date | None = None
            try:
                day = _date(r["Date"])
                o, h, lo, c = (_num(r[k], k) if r[k] not in NO_TRADE else math.nan
                               for k in ("Open", "High", "Low", "Close"))
                adj = _num(r["Adj Close"], "Adj Close") if r["Adj Close"] not in NO_TRADE else c
                vol = _num(r["Volume"], "Volume") if r["Volume"] not in NO_TRADE else 0.0
            except BadField as e:
                when = f"{day}: " if day else ""
                problems.append(DataProblem(label, line, day, f"{when}{e}; the row is set aside", symbol))
                continue
            rows.append(Row(line, day, 0.0 if math.isnan(o) else o, h, lo, c, adj, vol))
        sound, bad = sound_rows(rows, label, symbol, self.today)
        problems += bad
        # The vendor adjusted the whole file as of the day it was written: its last dated row, glitch or not.
        basis = max((r.date for r in rows if r.date <= self.today), default=self.today)
        stamp = basis.isoformat()
        self._bars[symbol] = [RawBar(symbol, r.date, r.open, r.high, r.low, r.close, r.adj_close, r.volume, basis,
                                     self.name, stamp) for r in sound]
        self._price_problems[symbol] = sorted(problems, key=lambda p: (p.line is None, p.line or 0))

    def all_bars(self, symbol: str) -> list[RawBar]:
        """Every sound bar of the symbol's file, except those a bad split row sets aside."""
        if symbol not in self._bars:
            self._read_prices(symbol)
        self._load_splits()
        blocked = self._blocked.get(symbol)
        bars = self._bars[symbol]
        return [b for b in bars if b.date >= blocked] if blocked is not None else bars

    def bars(self, symbol: str, start: dt.date, end: dt.date) -> list[RawBar]:
        if not self.has(symbol):
            return []
        return [b for b in self.all_bars(symbol) if start <= b.date <= end]

    def price_problems(self, symbol: str) -> list[DataProblem]:
        """The rows of this symbol's prices file set aside."""
        if symbol not in self._price_problems and self.has(symbol):
            self._read_prices(symbol)
        return self._price_problems.get(symbol, [])

    def split_problems(self, symbol: str) -> list[DataProblem]:
        """The rows of splits.csv about this symbol set aside (each sets aside prices before its split)."""
        self._load_splits()
        return [p for p in self._file_problems["splits"] if p.symbol == symbol]

    def problems(self, symbol: str) -> list[DataProblem]:
        """The problems met in this symbol's prices file and in the split rows about it."""
        return self.price_problems(symbol) + self.split_problems(symbol)

    # -- splits, shares, symbols ---------------------------------------------------------------
    def _load_splits(self) -> None:
        if self._splits is not None:
            return
        path = self.root / "splits.csv"
        problems: list[DataProblem] = []
        found: dict[tuple[str, dt.date], tuple[int, Split]] = {}
        if path.is_file():
            for line, r in self._rows(path, SPLITS_HEADER, problems):
                symbol = r["symbol"].upper()
                day: dt.date | None = None
                try:
                    day = _date(r["date"])
                    ratio = _num(r["ratio"], "ratio")
                    if ratio <= 0:
                        raise BadField(f"ratio {r['ratio']!r} is not a split (4 = 4-for-1, 0.1 = 1-for-10)")
                    seen = found.get((symbol, day))
                    if seen and seen[1].ratio != ratio:
                        raise BadField(f"it gives ratio {ratio:g} where line {seen[0]} gives {seen[1].ratio:g}")
                except BadField as e:
                    self._block(symbol, day, problems, DataProblem(self._label(path), line, day, str(e), symbol))
                    continue
                found.setdefault((symbol, day), (line, Split(symbol, day, ratio, self.name)))
        self._splits = [s for _, s in found.values()]
        self._file_problems["splits"] = problems

    def _block(self, symbol: str, day: dt.date | None, problems: list[DataProblem], p: DataProblem) -> None:
        """A split that cannot be read: the symbol's prices before it cannot be un-adjusted, so they are set aside."""
        if not symbol:
            problems.append(DataProblem(p.file, p.line, p.date, f"{p.message}; the row names no symbol, so it "
                                                                f"is set aside alone"))
            return
        cut = day or dt.date.max
        self._blocked[symbol] = max(self._blocked.get(symbol, dt.date.min), cut)
        span = f"before {day}" if day else "(all of them)"
        problems.append(DataProblem(p.file, p.line, p.date, f"{p.message}; {symbol}'s prices {span} are set aside "
                                                            f"(they cannot be turned back into the prices quoted "
                                                            f"then); fix the row", symbol))

    def splits(self, symbol: str) -> list[Split]:
        self._load_splits()
        assert self._splits is not None
        return [s for s in self._splits if s.symbol == symbol]

    def _load_shares(self) -> None:
        if self._shares is not None:
            return
        path = self.root / "shares.csv"
        problems: list[DataProblem] = []
        found: dict[tuple[str, dt.date], tuple[int, SharesRow]] = {}
        conflicts: set[tuple[str, dt.date]] = set()
        if path.is_file():
            for line, r in self._rows(path, SHARES_HEADER, problems):
                symbol = r["symbol"].upper()
                day: dt.date | None = None
                try:
                    day = _date(r["date"])
                    shares = _num(r["shares"], "shares")
                    if shares <= 0:
                        raise BadField(f"shares {r['shares']!r} must be a positive count")
                    seen = found.get((symbol, day))
                    if seen and seen[1].shares != shares:
                        conflicts.add((symbol, day))
                        raise BadField(f"it gives {shares:,.0f} shares where line {seen[0]} gives "
                                       f"{seen[1].shares:,.0f}; both are set aside")
                except BadField as e:
                    whose = f"{symbol}'s share counts" if symbol else "every symbol's share counts"
                    since = f" from {day} on" if day else ""
                    problems.append(DataProblem(self._label(path), line, day, f"{e}; {whose}{since} are unknown "
                                                                              f"until it is fixed", symbol))
                    continue
                found.setdefault((symbol, day), (line, SharesRow(symbol, day, shares, r["source"] or self.name)))
        self._shares = [row for key, (_, row) in found.items() if key not in conflicts]
        self._file_problems["shares"] = problems

    def shares(self, symbol: str) -> list[SharesRow]:
        self._load_shares()
        assert self._shares is not None
        return [s for s in self._shares if s.symbol == symbol]

    def shares_problems(self, symbol: str) -> list[DataProblem]:
        """Problems of shares rows about this symbol, or about no symbol that could be read (any symbol)."""
        self._load_shares()
        return [p for p in self._file_problems["shares"] if p.symbol in ("", symbol)]

    def symbol_spans(self) -> list[SymbolSpan]:
        if self._spans is None:
            path = self.root / "symbols.csv"
            problems: list[DataProblem] = []
            self._spans = []
            if path.is_file():
                for line, r in self._rows(path, SYMBOLS_HEADER, problems):
                    try:
                        if not r["symbol"]:
                            raise BadField("the symbol is empty")
                        vf = _date(r["valid_from"], "valid_from") if r["valid_from"] else None
                        vt = _date(r["valid_to"], "valid_to") if r["valid_to"] else None
                        if vf and vt and vt < vf:
                            raise BadField(f"valid_to {vt} is before valid_from {vf}")
                    except BadField as e:
                        problems.append(DataProblem(self._label(path), line, None, f"{e}; the row is set aside",
                                                    r["symbol"].upper()))
                        continue
                    self._spans.append(SymbolSpan(r["company"], r["symbol"].upper(), vf, vt, self.name))
            self._file_problems["symbols"] = problems
        return list(self._spans)

    def all_problems(self) -> list[DataProblem]:
        """Every problem of the folder: reads every file (what `enrich data check` lists)."""
        out: list[DataProblem] = []
        for symbol in self.symbols():
            self.all_bars(symbol)
            out += self._price_problems[symbol]
        self._load_splits()
        self._load_shares()
        self.symbol_spans()
        for name in ("splits", "shares", "symbols"):
            out += self._file_problems.get(name, [])
        return out

    def problems_met(self) -> list[DataProblem]:
        """The problems of the files read so far (nothing is read for this)."""
        out = [p for ps in self._price_problems.values() for p in ps]
        for name in ("splits", "shares", "symbols"):
            out += self._file_problems.get(name, [])
        return out
