"""The store under concurrent writers and a process killed in the middle of an import."""
from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from enrich.market import DirectorySource, Store
from enrich.market.importer import import_folder


def make_folder(root: Path, symbols: list[str], days: int = 300) -> Path:
    (root / "prices").mkdir(parents=True)
    start = dt.date(2018, 1, 1)
    for sym in symbols:
        lines = ["Date,Open,High,Low,Close,Adj Close,Volume"]
        for k in range(days):
            p = 100 + k * 0.1
            lines.append(f"{start + dt.timedelta(days=k)},{p},{p + 1},{p - 1},{p + 0.5},{p + 0.5},{1000 + k}")
        (root / "prices" / f"{sym}.csv").write_text("\n".join(lines) + "\n")
    (root / "splits.csv").write_text("symbol,date,ratio\n")
    return root


WRITER = textwrap.dedent("""
    import sys
    from enrich.market import DirectorySource, Store
    from enrich.market.importer import import_folder
    store = Store(sys.argv[1])
    for _ in range(3):
        import_folder(DirectorySource(sys.argv[2]), store)
""")


def test_two_processes_write_at_once_without_loss(tmp_path):
    db = tmp_path / "store.sqlite"
    folders = [make_folder(tmp_path / name, [f"{name.upper()}{i}" for i in range(3)]) for name in "abcd"]
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(d)]) for d in folders]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM bars").fetchone()[0] == 12 * 300
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT COUNT(DISTINCT symbol) FROM bars").fetchone()[0] == 12


KILLER = textwrap.dedent("""
    import os, signal, sys, sqlite3
    from enrich.market import DirectorySource, Store
    from enrich.market.importer import import_folder
    store = Store(sys.argv[1])
    real = store._db
    class Dying:
        # forwards to the real connection, but dies after the first batch of rows is written
        def __init__(self): self.n = 0
        def execute(self, *a): return real.execute(*a)
        def executemany(self, *a):
            real.executemany(*a)
            self.n += 1
            if self.n == 1:
                os.kill(os.getpid(), signal.SIGKILL)
    store._db = Dying()
    import_folder(DirectorySource(sys.argv[2]), store)
""")


def test_import_killed_midway_leaves_the_store_as_it_was(tmp_path):
    db = tmp_path / "store.sqlite"
    with Store(db) as st:
        import_folder(DirectorySource(make_folder(tmp_path / "old", ["OLD"])), st)
        before = st.counts()
    new = make_folder(tmp_path / "new", [f"N{i}" for i in range(5)])
    proc = subprocess.run([sys.executable, "-c", KILLER, str(db), str(new)])
    assert proc.returncode == -signal.SIGKILL
    with Store(db) as st:
        assert st.counts() == before
        assert not st.has("N0") and st.has("OLD")
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_bad_row_is_set_aside_and_the_rest_imported(tmp_path):
    folder = make_folder(tmp_path / "f", ["GOOD", "BAD"], days=5)
    path = folder / "prices" / "BAD.csv"
    rows = path.read_text().splitlines()
    rows[3] = rows[3].replace(rows[3].split(",")[4], "oops", 1)
    path.write_text("\n".join(rows) + "\n")
    with Store(tmp_path / "s.sqlite") as st:
        counts = import_folder(DirectorySource(folder), st)
        assert counts["bars"] == 9 and counts["rows set aside"] == 1
        (p,) = st.problems("BAD")
        assert (p.file, p.line) == ("f/prices/BAD.csv", 4) and "'oops'" in p.message


def test_store_location_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ENRICH_STORE", str(tmp_path / "elsewhere.sqlite"))
    with Store() as st:
        assert st.path == tmp_path / "elsewhere.sqlite"
    assert os.path.exists(tmp_path / "elsewhere.sqlite")
