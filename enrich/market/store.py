"""The embedded on-disk store: SQLite in WAL mode.

Why SQLite: one file, transactions, and safe concurrent use by several processes (WAL lets
readers run beside one writer; writers wait on a busy timeout instead of failing). Every
write of a batch happens in one transaction, so a process killed midway leaves the store as
it was before the batch.
"""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from ..errors import StoreError
from .source import RawBar, SharesRow, Split, SymbolSpan

ENV_VAR = "ENRICH_STORE"

SCHEMA = """
CREATE TABLE IF NOT EXISTS bars (
    symbol TEXT NOT NULL, date TEXT NOT NULL,
    open REAL, high REAL, low REAL, close REAL, adj_close REAL, volume REAL,
    basis_date TEXT NOT NULL, source TEXT NOT NULL, fetched_at TEXT NOT NULL,
    PRIMARY KEY (symbol, date)
);
CREATE TABLE IF NOT EXISTS splits (
    symbol TEXT NOT NULL, date TEXT NOT NULL, ratio REAL NOT NULL,
    source TEXT NOT NULL, fetched_at TEXT NOT NULL,
    PRIMARY KEY (symbol, date)
);
CREATE TABLE IF NOT EXISTS dividends (
    symbol TEXT NOT NULL, date TEXT NOT NULL, amount REAL NOT NULL,
    source TEXT NOT NULL, fetched_at TEXT NOT NULL,
    PRIMARY KEY (symbol, date)
);
CREATE TABLE IF NOT EXISTS shares (
    symbol TEXT NOT NULL, date TEXT NOT NULL, shares REAL NOT NULL,
    source TEXT NOT NULL, fetched_at TEXT NOT NULL,
    PRIMARY KEY (symbol, date)
);
CREATE TABLE IF NOT EXISTS symbols (
    company TEXT NOT NULL, symbol TEXT NOT NULL, valid_from TEXT, valid_to TEXT,
    source TEXT NOT NULL, fetched_at TEXT NOT NULL,
    PRIMARY KEY (symbol, valid_from)
);
CREATE TABLE IF NOT EXISTS coverage (
    symbol TEXT NOT NULL, what TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
    source TEXT NOT NULL, fetched_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS coverage_symbol ON coverage (symbol, what);
"""


def default_store_path() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("enrich")) / "market.sqlite"


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._setup()
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"store {self.path}: cannot open ({e}); pass --store PATH or set {ENV_VAR} "
                             f"to a writable file") from None
        self.name = f"store:{self.path}"

    def _setup(self) -> None:
        """WAL mode and the schema. Switching to WAL can fail at once with 'locked' while another process
        creates the same file (SQLite does not wait on the busy handler there), so retry for a while."""
        delay = 0.05
        for attempt in range(40):
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("BEGIN IMMEDIATE")
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute("COMMIT")
                return
            except sqlite3.OperationalError as e:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if "locked" not in str(e) and "busy" not in str(e) or attempt == 39:
                    raise
                time.sleep(delay)
                delay = min(delay * 1.5, 1.0)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing: each call is one transaction -------------------------------------------
    def _write(self, statements: Iterable[tuple[str, Iterable[tuple[object, ...]]]]) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for sql, rows in statements:
                    self._db.executemany(sql, rows)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise StoreError(f"store {self.path}: write failed ({e}); nothing was changed") from None

    def put(self, *, bars: Iterable[RawBar] = (), splits: Iterable[Split] = (), shares: Iterable[SharesRow] = (),
            spans: Iterable[SymbolSpan] = (), coverage: Iterable[tuple[str, str, dt.date, dt.date, str]] = (),
            dividends: Iterable[tuple[str, dt.date, float, str]] = (), fetched_at: str | None = None) -> None:
        """Write everything given in one transaction: all of it lands or none of it."""
        at = fetched_at or now_utc()
        self._write([
            ("INSERT OR REPLACE INTO bars VALUES (?,?,?,?,?,?,?,?,?,?,?)",
             [(b.symbol, b.date.isoformat(), b.open, b.high, b.low, b.close, b.adj_close, b.volume,
               b.basis_date.isoformat(), b.source, b.fetched_at) for b in bars]),
            ("INSERT OR REPLACE INTO splits VALUES (?,?,?,?,?)",
             [(s.symbol, s.date.isoformat(), s.ratio, s.source, at) for s in splits]),
            ("INSERT OR REPLACE INTO dividends VALUES (?,?,?,?,?)",
             [(sym, d.isoformat(), amt, src, at) for sym, d, amt, src in dividends]),
            ("INSERT OR REPLACE INTO shares VALUES (?,?,?,?,?)",
             [(s.symbol, s.date.isoformat(), s.shares, s.source, at) for s in shares]),
            ("INSERT OR REPLACE INTO symbols VALUES (?,?,?,?,?,?)",
             [(s.company, s.symbol, s.valid_from.isoformat() if s.valid_from else "",
               s.valid_to.isoformat() if s.valid_to else "", s.source, at) for s in spans]),
            ("INSERT INTO coverage VALUES (?,?,?,?,?,?)",
             [(sym, what, a.isoformat(), b.isoformat(), src, at) for sym, what, a, b, src in coverage]),
        ])

    # -- reading -------------------------------------------------------------------------
    def has(self, symbol: str) -> bool:
        return self._db.execute("SELECT 1 FROM bars WHERE symbol=? LIMIT 1", (symbol,)).fetchone() is not None

    def bars(self, symbol: str, start: dt.date, end: dt.date) -> list[RawBar]:
        rows = self._db.execute(
            "SELECT symbol,date,open,high,low,close,adj_close,volume,basis_date,source,fetched_at FROM bars "
            "WHERE symbol=? AND date BETWEEN ? AND ? ORDER BY date", (symbol, start.isoformat(), end.isoformat()))
        return [RawBar(r[0], dt.date.fromisoformat(r[1]), *r[2:8], dt.date.fromisoformat(r[8]), r[9], r[10])
                for r in rows]

    def splits(self, symbol: str) -> list[Split]:
        rows = self._db.execute("SELECT symbol,date,ratio,source FROM splits WHERE symbol=? ORDER BY date", (symbol,))
        return [Split(r[0], dt.date.fromisoformat(r[1]), r[2], r[3]) for r in rows]

    def shares(self, symbol: str) -> list[SharesRow]:
        rows = self._db.execute("SELECT symbol,date,shares,source FROM shares WHERE symbol=? ORDER BY date", (symbol,))
        return [SharesRow(r[0], dt.date.fromisoformat(r[1]), r[2], r[3]) for r in rows]

    def symbol_spans(self) -> list[SymbolSpan]:
        rows = self._db.execute("SELECT company,symbol,valid_from,valid_to,source FROM symbols")
        return [SymbolSpan(r[0], r[1], dt.date.fromisoformat(r[2]) if r[2] else None,
                           dt.date.fromisoformat(r[3]) if r[3] else None, r[4]) for r in rows]

    def covered(self, symbol: str, what: str, start: dt.date, end: dt.date) -> bool:
        """True when one recorded fetch of `what` for `symbol` spans [start, end]."""
        row = self._db.execute(
            "SELECT 1 FROM coverage WHERE symbol=? AND what=? AND start<=? AND end>=? LIMIT 1",
            (symbol, what, start.isoformat(), end.isoformat())).fetchone()
        return row is not None

    def counts(self) -> dict[str, int]:
        return {t: self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("bars", "splits", "dividends", "shares", "symbols", "coverage")}
