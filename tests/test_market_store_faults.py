"""Stores that cannot be used as they are: another program's file, another layout, damaged pages, a lock
held by another process. Each is a one-line StoreError within seconds, and the file is left as it was."""
from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import SEED, SEED_MARKET
from test_market_store import make_folder
from typer.testing import CliRunner

from enrich.cli import app
from enrich.errors import StoreError
from enrich.market import DirectorySource, Store
from enrich.market.importer import import_folder
from enrich.market.store import APPLICATION_ID, SCHEMA_VERSION


def one_line(e: pytest.ExceptionInfo[StoreError]) -> str:
    text = str(e.value)
    assert "\n" not in text
    return text


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "not a SQLite database" in one_line(info) and str(path) in one_line(info)
    assert path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "app.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE users (name TEXT)")
        db.execute("INSERT INTO users VALUES ('ada')")
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "not an enrich store" in one_line(info) and "users" in one_line(info)
    assert path.read_bytes() == before


def test_a_table_named_like_ours_with_other_columns_is_not_taken_for_a_store(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        for name in ("bars", "splits", "dividends", "shares", "symbols", "coverage"):
            db.execute(f"CREATE TABLE {name} (id INTEGER, payload TEXT)")
    with pytest.raises(StoreError, match="not an enrich store"):
        Store(path)


def test_a_store_from_a_newer_enrich_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "newer enrich" in one_line(info)


def test_a_store_of_the_first_layout_is_kept_and_marked(tmp_path):
    path = tmp_path / "old.sqlite"
    with Store(path) as st:
        import_folder(DirectorySource(make_folder(tmp_path / "f", ["OLD"], days=20)), st)
    with sqlite3.connect(path) as db:  # as the first layout left a store: no problems table, no marks
        db.execute("DROP TABLE problems")
        db.execute("PRAGMA application_id = 0")
        db.execute("PRAGMA user_version = 0")
    with Store(path) as st:
        assert st.counts()["bars"] == 20 and st.problems("OLD") == []
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_store_with_damaged_pages_is_a_one_line_error(tmp_path):
    path = tmp_path / "hurt.sqlite"
    with Store(path) as st:
        import_folder(DirectorySource(make_folder(tmp_path / "f", [f"S{i}" for i in range(6)], days=400)), st)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = db.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    for k in range(3, len(data) // page, 2):  # scribble over every other page after the schema
        data[k * page: k * page + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    hurt = path.read_bytes()
    with pytest.raises(StoreError) as info:
        with Store(path) as st:
            for i in range(6):
                st.bars(f"S{i}", dt.date(2018, 1, 1), dt.date(2019, 12, 31))
    assert "is damaged" in one_line(info) and "Move it aside" in one_line(info)
    assert path.read_bytes() == hurt


HOLDER = textwrap.dedent("""
    import sqlite3, sys, time
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "rollback":
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("BEGIN EXCLUSIVE")  # no other process may even read
    else:
        db.execute("BEGIN IMMEDIATE")  # a writer in the middle of a long import
        db.execute("INSERT INTO coverage VALUES ('X', 'bars', '2018-01-01', '2018-01-02', 'holder', 'now')")
    print("holding", flush=True)
    time.sleep(60)
""")


def hold(path, mode):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), mode], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_readers_do_not_wait_for_a_writer_and_a_second_writer_is_told_within_seconds(tmp_path):
    path = tmp_path / "busy.sqlite"
    with Store(path) as st:
        import_folder(DirectorySource(make_folder(tmp_path / "f", ["AAA"], days=30)), st)
    proc = hold(path, "wal")
    try:
        started = time.monotonic()
        with Store(path, busy_timeout=3.0) as st:  # opening and reading: no wait (a wait would last 3 s)
            assert len(st.bars("AAA", dt.date(2018, 1, 1), dt.date(2018, 12, 31))) == 30
            assert time.monotonic() - started < 2.0
            with pytest.raises(StoreError) as info:
                st.put(coverage=[("AAA", "bars", dt.date(2018, 1, 1), dt.date(2018, 1, 2), "test")])
        assert "locked by another process" in one_line(info) and "3 s" in one_line(info)
        assert time.monotonic() - started < 8
    finally:
        proc.kill()
        proc.wait()


def test_a_store_locked_against_readers_is_said_within_seconds(tmp_path):
    path = tmp_path / "shut.sqlite"
    Store(path).close()
    proc = hold(path, "rollback")
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as info:
            Store(path, busy_timeout=0.5)
        assert "locked by another process" in one_line(info) and time.monotonic() - started < 5
    finally:
        proc.kill()
        proc.wait()


def test_the_cli_refuses_a_non_store_with_one_line_and_status_4(tmp_path):
    path = tmp_path / "photo.sqlite"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    result = CliRunner().invoke(app, ["verify", str(SEED), "--store", str(path), "--data", str(SEED_MARKET)])
    assert result.exit_code == 4
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert lines == [lines[0]] and lines[0].startswith("enrich: error: store ")
