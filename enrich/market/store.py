"""The embedded on-disk store: SQLite in WAL mode.

Why SQLite: one file, transactions, and safe concurrent use by several processes. WAL lets readers
run beside one writer: opening the store and reading it never waits for an import that is writing
(opening only reads; it writes only to create a new store or add a table an older one lacks). A
writer waits for another writer at most `busy_timeout` seconds, then says the store is locked and
what to do. Every write of a batch happens in one transaction, so a process killed midway leaves
the store as it was before the batch.

An enrich store is marked in the SQLite header (application_id, and user_version for the layout),
so `--store` refuses a SQLite file of another program, or of a newer enrich, instead of writing
into it. A store that cannot be read (damaged pages) is a one-line StoreError, never a traceback,
and nothing is written to it.
"""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from ..errors import StoreError
from ..models import DataProblem
from .source import RawBar, SharesRow, Split, SymbolSpan

ENV_VAR = "ENRICH_STORE"
APPLICATION_ID = 0x656E7263  # "enrc" in the SQLite header: this file is an enrich store
SCHEMA_VERSION = 2  # 1: the first layout (unmarked); 2: + the problems table, and the marks
BUSY_TIMEOUT = 10.0  # seconds a writer waits for another writer before saying the store is locked

TABLES = {
    "bars": """symbol TEXT NOT NULL, date TEXT NOT NULL,
        open REAL, high REAL, low REAL, close REAL, adj_close REAL, volume REAL,
        basis_date TEXT NOT NULL, source TEXT NOT NULL, fetched_at TEXT NOT NULL,
        PRIMARY KEY (symbol, date)""",
    "splits": """symbol TEXT NOT NULL, date TEXT NOT NULL, ratio REAL NOT NULL,
        source TEXT NOT NULL, fetched_at TEXT NOT NULL, PRIMARY KEY (symbol, date)""",
    "dividends": """symbol TEXT NOT NULL, date TEXT NOT NULL, amount REAL NOT NULL,
        source TEXT NOT NULL, fetched_at TEXT NOT NULL, PRIMARY KEY (symbol, date)""",
    "shares": """symbol TEXT NOT NULL, date TEXT NOT NULL, shares REAL NOT NULL,
        source TEXT NOT NULL, fetched_at TEXT NOT NULL, PRIMARY KEY (symbol, date)""",
    "symbols": """company TEXT NOT NULL, symbol TEXT NOT NULL, valid_from TEXT, valid_to TEXT,
        source TEXT NOT NULL, fetched_at TEXT NOT NULL, PRIMARY KEY (symbol, valid_from)""",
    "coverage": """symbol TEXT NOT NULL, what TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
        source TEXT NOT NULL, fetched_at TEXT NOT NULL""",
    # rows set aside when the data came in (a folder's glitch rows, Yahoo's): what = bars | shares | ...
    "problems": """symbol TEXT NOT NULL, what TEXT NOT NULL, file TEXT NOT NULL, line INTEGER, date TEXT,
        message TEXT NOT NULL, source TEXT NOT NULL, fetched_at TEXT NOT NULL""",
}
INDEXES = ["CREATE INDEX IF NOT EXISTS coverage_symbol ON coverage (symbol, what)",
           "CREATE INDEX IF NOT EXISTS problems_symbol ON problems (symbol, what)"]
FIRST_LAYOUT = ("bars", "splits", "dividends", "shares", "symbols", "coverage")


def default_store_path() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("enrich")) / "market.sqlite"


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _columns(name: str) -> list[str]:
    """The columns a table of this layout has, as SQLite itself reads its definition."""
    with sqlite3.connect(":memory:") as db:
        db.execute(f"CREATE TABLE {name} ({TABLES[name]})")
        return [r[1] for r in db.execute(f"PRAGMA table_info({name})")]


class Store:
    def __init__(self, path: str | os.PathLike[str] | None = None, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.busy_timeout = busy_timeout
        if self.path.is_dir():
            raise StoreError(f"store {self.path}: is a folder; pass --store a file name such as market.sqlite")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"store {self.path}: cannot open ({e}); pass --store PATH or set {ENV_VAR} "
                             f"to a writable file") from None
        try:
            self._open()
        except sqlite3.Error as e:
            self._db.close()
            raise self._error(e, "open it") from None
        except StoreError:
            self._db.close()
            raise
        self.name = "store"

    # -- opening: read first, write only what is missing --------------------------------------
    def _open(self) -> None:
        app = self._db.execute("PRAGMA application_id").fetchone()[0]
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app == APPLICATION_ID:
            if version > SCHEMA_VERSION:
                raise StoreError(f"store {self.path}: made by a newer enrich (layout {version}; this one reads "
                                 f"{SCHEMA_VERSION}); upgrade enrich, or pass --store a new file")
            if version < SCHEMA_VERSION or not set(TABLES) <= tables:
                self._create()
        elif app == 0 and not tables:
            self._create()
        elif app == 0 and self._is_first_layout(tables):
            self._create()  # a store from before the marks: add the problems table and mark it
        else:
            shown = ", ".join(sorted(tables)[:6]) or "none"
            raise StoreError(f"store {self.path}: is a SQLite file but not an enrich store (its tables: {shown}); "
                             f"nothing was written to it. Pass --store a new file name, or an enrich store")
        self._wal()

    def _is_first_layout(self, tables: set[str]) -> bool:
        if not set(FIRST_LAYOUT) <= tables:
            return False
        for name in FIRST_LAYOUT:
            have = [r[1] for r in self._db.execute(f"PRAGMA table_info({name})")]
            if have != _columns(name):
                return False
        return True

    def _create(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for name, ddl in TABLES.items():
                self._db.execute(f"CREATE TABLE IF NOT EXISTS {name} ({ddl})")
            for ddl in INDEXES:
                self._db.execute(ddl)
            self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _wal(self) -> None:
        """Switch to WAL once. The switch fails at once with 'locked' while another process holds the file
        (SQLite does not wait on the busy handler there), so it is retried, within the busy timeout."""
        if self._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            return
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                return
            except sqlite3.OperationalError as e:
                if not _is_locked(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _error(self, e: sqlite3.Error, doing: str) -> StoreError:
        text = str(e)
        if _is_locked(e):
            return StoreError(f"store {self.path}: is locked by another process (an import or a fetch still "
                              f"writing?) and did not free within {self.busy_timeout:g} s; wait for it to finish "
                              f"and run again, or pass --store another file")
        if "not a database" in text:
            return StoreError(f"store {self.path}: is not an enrich store (not a SQLite database, or its first page "
                              f"is damaged); nothing was written to it. Pass --store a new file name, or move it "
                              f"aside and run again")
        if any(w in text for w in ("malformed", "corrupt", "disk image")):
            return StoreError(f"store {self.path}: is damaged ({text}), so enrich cannot {doing}; nothing was "
                              f"written to it. Move it aside (sqlite3's .recover may save its rows) and run again: "
                              f"a new store fills from your data folders and Yahoo")
        return StoreError(f"store {self.path}: cannot {doing} ({text}); nothing was changed. Check the file and "
                          f"its folder are writable and the disk has room, or pass --store another file")

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
            raise self._error(e, "write to it") from None

    def put(self, *, bars: Iterable[RawBar] = (), splits: Iterable[Split] = (), shares: Iterable[SharesRow] = (),
            spans: Iterable[SymbolSpan] = (), coverage: Iterable[tuple[str, str, dt.date, dt.date, str]] = (),
            dividends: Iterable[tuple[str, dt.date, float, str]] = (),
            problems: Iterable[tuple[str, str, DataProblem]] = (), replace_problems: Iterable[tuple[str, str]] = (),
            fetched_at: str | None = None) -> None:
        """Write everything given in one transaction: all of it lands or none of it. `problems` are
        (what, source, problem); `replace_problems` (symbol, source) pairs whose earlier problems go first."""
        at = fetched_at or now_utc()
        self._write([
            ("DELETE FROM problems WHERE symbol=? AND source=?", list(replace_problems)),
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
            ("INSERT INTO problems VALUES (?,?,?,?,?,?,?,?)",
             [(p.symbol, what, p.file, p.line, p.date.isoformat() if p.date else None, p.message, src, at)
              for what, src, p in problems]),
        ])

    # -- reading -------------------------------------------------------------------------
    def _select(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:  # type: ignore[type-arg]
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as e:
            raise self._error(e, "read it") from None

    def has(self, symbol: str) -> bool:
        return bool(self._select("SELECT 1 FROM bars WHERE symbol=? LIMIT 1", (symbol,)))

    def bars(self, symbol: str, start: dt.date, end: dt.date) -> list[RawBar]:
        rows = self._select(
            "SELECT symbol,date,open,high,low,close,adj_close,volume,basis_date,source,fetched_at FROM bars "
            "WHERE symbol=? AND date BETWEEN ? AND ? ORDER BY date", (symbol, start.isoformat(), end.isoformat()))
        return [RawBar(r[0], dt.date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6], r[7],
                       dt.date.fromisoformat(r[8]), r[9], r[10]) for r in rows]

    def splits(self, symbol: str) -> list[Split]:
        rows = self._select("SELECT symbol,date,ratio,source FROM splits WHERE symbol=? ORDER BY date", (symbol,))
        return [Split(r[0], dt.date.fromisoformat(r[1]), r[2], r[3]) for r in rows]

    def shares(self, symbol: str) -> list[SharesRow]:
        rows = self._select("SELECT symbol,date,shares,source FROM shares WHERE symbol=? ORDER BY date", (symbol,))
        return [SharesRow(r[0], dt.date.fromisoformat(r[1]), r[2], r[3]) for r in rows]

    def symbol_spans(self) -> list[SymbolSpan]:
        rows = self._select("SELECT company,symbol,valid_from,valid_to,source FROM symbols")
        return [SymbolSpan(r[0], r[1], dt.date.fromisoformat(r[2]) if r[2] else None,
                           dt.date.fromisoformat(r[3]) if r[3] else None, r[4]) for r in rows]

    def _problems(self, where: str, params: tuple[object, ...]) -> list[DataProblem]:
        rows = self._select(f"SELECT file,line,date,message,symbol FROM problems WHERE {where} "
                            f"ORDER BY file, line, date", params)
        return [DataProblem(r[0], r[1], dt.date.fromisoformat(r[2]) if r[2] else None, r[3], r[4]) for r in rows]

    def problems(self, symbol: str) -> list[DataProblem]:
        """Rows of the symbol's bars and splits set aside when they came in (an import, a Yahoo answer)."""
        return self._problems("symbol=? AND what IN ('bars', 'splits')", (symbol,))

    def shares_problems(self, symbol: str) -> list[DataProblem]:
        """Share-count rows set aside that concern the symbol: its own, and those naming no symbol."""
        return self._problems("symbol IN (?, '') AND what='shares'", (symbol,))

    def all_problems(self) -> list[DataProblem]:
        return self._problems("1", ())

    def covered(self, symbol: str, what: str, start: dt.date, end: dt.date) -> bool:
        """True when one recorded fetch of `what` for `symbol` spans [start, end]."""
        return bool(self._select(
            "SELECT 1 FROM coverage WHERE symbol=? AND what=? AND start<=? AND end>=? LIMIT 1",
            (symbol, what, start.isoformat(), end.isoformat())))

    def symbol_count(self) -> int:
        return int(self._select("SELECT COUNT(DISTINCT symbol) FROM bars")[0][0])

    def counts(self) -> dict[str, int]:
        return {t: self._select(f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}

    def unsound_bars(self) -> list[DataProblem]:
        """Stored bars that break the rules rows.py applies as data comes in (a store written before those
        rules, or by hand): what `enrich data check --store` lists beside the recorded problems."""
        rows = self._select(
            "SELECT symbol,date,high,low,close,source FROM bars WHERE high < low OR close > high * 1.000001 "
            "OR close < low * 0.999999 OR close <= 0 OR low <= 0 ORDER BY symbol, date")
        return [DataProblem(f"store {r[5]}", None, dt.date.fromisoformat(r[1]),
                            f"{r[1]}: {r[0]} High {r[2]:g}, Low {r[3]:g}, Close {r[4]:g} is not a possible bar "
                            f"(re-import its folder or fetch it again)", r[0]) for r in rows]


def _is_locked(e: sqlite3.Error) -> bool:
    return "locked" in str(e) or "busy" in str(e)
