"""A market folder as vendors deliver it: glitch rows and bad data-file rows set aside alone, named by
file and line; the same answer read directly or imported; provenance without machine paths."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SEED_MARKET
from typer.testing import CliRunner

from enrich.cli import app
from enrich.market import DirectorySource, MarketData, Store
from enrich.market.check import check_folder, check_store
from enrich.market.importer import import_folder

HEADER = "Date,Open,High,Low,Close,Adj Close,Volume"
# Ten sessions of a made-up ticker in March 2019, then a row from 1971 with its High below its Low.
SESSIONS = ["2019-03-04", "2019-03-05", "2019-03-06", "2019-03-07", "2019-03-08", "2019-03-11", "2019-03-12",
            "2019-03-13", "2019-03-14", "2019-03-15"]


def bar(day: str, close: float, spread: float = 1.0) -> str:
    return f"{day},{close},{close + spread},{close - spread},{close},{close},{int(close * 1000)}"


def shelf(root: Path, *, extra: dict[str, list[str]] | None = None, shares: str = "", splits: str = "",
          symbols: str = "") -> Path:
    """A folder 'shelf' with prices of QQQX and RRRX (closes 40, 41, ... and 70, 71, ...)."""
    (root / "prices").mkdir(parents=True)
    for sym, base in (("QQQX", 40.0), ("RRRX", 70.0)):
        rows = sorted([bar(d, base + i) for i, d in enumerate(SESSIONS)] + (extra or {}).get(sym, []),
                      key=lambda r: r[:10])  # extra rows in date order (a duplicate after its twin)
        (root / "prices" / f"{sym}.csv").write_text("\n".join([HEADER, *rows]) + "\n")
    (root / "shares.csv").write_text("symbol,date,shares,source\n" + shares)
    (root / "splits.csv").write_text("symbol,date,ratio\n" + splits)
    (root / "symbols.csv").write_text("company,symbol,valid_from,valid_to\n" + symbols)
    return root


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_an_old_glitch_row_does_not_refuse_the_folder(tmp_path):
    folder = shelf(tmp_path / "shelf", extra={"QQQX": ["1971-05-03,3.1,2.9,3.0,3.0,3.0,100"]})
    market = MarketData(folders=[DirectorySource(folder)], offline=True)
    s = market.series("QQQX", day("2019-03-01"), day("2019-03-20"))
    assert len(s.bars) == 10 and s.bar(day("2019-03-05")).close == 41.0
    # the row is far from the span asked for: no warning for this run, but `data check` lists it
    assert market.take_problems() == []
    found = check_folder(folder)
    (p,) = found.problems
    assert (p.file, p.line, p.date) == ("shelf/prices/QQQX.csv", 2, day("1971-05-03"))
    assert "High 2.9 is below Low 3" in p.message


def test_a_problem_on_a_judged_session_is_in_the_evidence_and_warned_once(tmp_path):
    # the row of 7 March is a glitch: a move judged on 8 March is measured from 6 March, and says so
    folder = shelf(tmp_path / "shelf")
    path = folder / "prices" / "QQQX.csv"
    text = path.read_text().replace(bar("2019-03-07", 43.0), "2019-03-07,43,44,42,0,0,43000")
    path.write_text(text)
    market = MarketData(folders=[DirectorySource(folder)], offline=True)
    s = market.series("QQQX", day("2019-03-01"), day("2019-03-20"))
    assert s.bar(day("2019-03-07")) is None and s.previous(day("2019-03-08")).date == day("2019-03-06")
    ev = s.provenance(day("2019-03-08"))
    assert ev["data_problems"] == ["shelf/prices/QQQX.csv:5: 2019-03-07: a zero or negative price (High 44, Low 42, "
                                   "Close 0); the row is set aside"]
    assert "data_problems" not in s.provenance(day("2019-03-12"))
    assert [p.line for p in market.take_problems()] == [5]
    market.series("QQQX", day("2019-03-02"), day("2019-03-20"))
    assert market.take_problems() == []  # each problem is warned of once a run


def test_the_folder_is_named_by_its_name_and_dated_by_its_last_row(tmp_path):
    s = MarketData(folders=[DirectorySource(shelf(tmp_path / "shelf"))], offline=True).series(
        "RRRX", day("2019-03-01"), day("2019-03-20"))
    assert (s.source, s.fetched_at) == ("shelf", "2019-03-15")
    assert str(tmp_path) not in repr(s.provenance(day("2019-03-05")))
    beside = DirectorySource(SEED_MARKET)
    assert beside.name == "seeds/market"  # a folder called market is named with its parent


def test_a_bad_shares_row_sets_aside_only_that_symbol_from_its_date(tmp_path):
    shares = ("QQQX,2019-01-02,1000000,10-K\n"
              "QQQX,2019-03-06,1.2e6x,10-Q\n"
              "RRRX,2019-01-02,5000000,10-K\n")
    market = MarketData(folders=[DirectorySource(shelf(tmp_path / "shelf", shares=shares))], offline=True)
    assert market.shares_at("RRRX", day("2019-03-08")).shares == 5_000_000  # the other symbol is untouched
    assert market.shares_at("QQQX", day("2019-03-05")).shares == 1_000_000  # before the bad row: still known
    assert market.shares_at("QQQX", day("2019-03-08")) is None  # the unreadable count may be the one for the day
    (p,) = market.take_problems()
    assert (p.file, p.line) == ("shelf/shares.csv", 3) and "'1.2e6x' is not a number" in p.message


def test_a_shares_row_with_no_readable_symbol_or_date_concerns_every_count(tmp_path):
    shares = "QQQX,2019-01-02,1000000,10-K\n,someday,7,x\n"
    market = MarketData(folders=[DirectorySource(shelf(tmp_path / "shelf", shares=shares))], offline=True)
    assert market.shares_at("QQQX", day("2019-03-08")) is None
    assert "every symbol's share counts" in str(market.take_problems()[0])


def test_two_counts_for_one_day_are_a_conflict_and_neither_is_used(tmp_path):
    shares = "QQQX,2019-01-02,1000000,a\nQQQX,2019-03-01,2000000,b\nQQQX,2019-03-01,2100000,c\n"
    market = MarketData(folders=[DirectorySource(shelf(tmp_path / "shelf", shares=shares))], offline=True)
    assert market.shares_at("QQQX", day("2019-02-01")).shares == 1_000_000
    assert market.shares_at("QQQX", day("2019-03-08")) is None
    assert "both are set aside" in str(market.take_problems()[0])


def test_a_bad_split_row_sets_aside_that_symbols_prices_before_it(tmp_path):
    splits = "QQQX,2019-03-11,two\nRRRX,2019-03-11,2\n"
    folder = DirectorySource(shelf(tmp_path / "shelf", splits=splits))
    market = MarketData(folders=[folder], offline=True)
    q = market.series("QQQX", day("2019-03-01"), day("2019-03-20"))
    assert [b.date for b in q.bars] == [day(d) for d in SESSIONS[5:]]  # from the split on: no factor needed
    assert "QQQX's prices before 2019-03-11 are set aside" in str(q.problems[0])
    r = market.series("RRRX", day("2019-03-01"), day("2019-03-20"))
    assert len(r.bars) == 10 and r.bar(day("2019-03-04")).close == 140.0  # its split still un-adjusts it


def test_a_bad_symbols_row_is_set_aside_alone(tmp_path):
    symbols = "Quux Corp,QQQX,2019-01-01,2018-01-01\nRoo Inc,RRRX,2010-01-01,\n"
    folder = DirectorySource(shelf(tmp_path / "shelf", symbols=symbols))
    market = MarketData(folders=[folder], offline=True)
    assert [s.symbol for s in folder.symbol_spans()] == ["RRRX"]
    assert "valid_to 2018-01-01 is before valid_from" in str(market.take_problems()[0])


def test_a_prices_file_with_a_wrong_header_sets_aside_that_symbol_only(tmp_path):
    folder = shelf(tmp_path / "shelf")
    path = folder / "prices" / "QQQX.csv"
    path.write_text(path.read_text().replace("Adj Close", "Adjusted"))
    market = MarketData(folders=[DirectorySource(folder)], offline=True)
    assert len(market.series("RRRX", day("2019-03-01"), day("2019-03-20")).bars) == 10
    with pytest.raises(Exception, match="header"):
        market.series("QQQX", day("2019-03-01"), day("2019-03-20"))


def test_read_directly_or_imported_the_same_bars_and_the_same_problems(tmp_path):
    extra = {"QQQX": [bar("2019-03-12", 99.0)], "RRRX": ["2019-03-14,1,2,3,4,5,6", bar("2019-03-13", 77.0)]}
    folder = shelf(tmp_path / "shelf", extra=extra)
    direct = MarketData(folders=[DirectorySource(folder)], offline=True)
    with Store(tmp_path / "s.sqlite") as st:
        counts = import_folder(DirectorySource(folder), st)
        stored = MarketData(store=st, offline=True)
        for sym in ("QQQX", "RRRX"):
            a = direct.series(sym, day("2019-03-01"), day("2019-03-20"))
            b = stored.series(sym, day("2019-03-01"), day("2019-03-20"))
            assert a.bars == b.bars and a.problems == b.problems and a.fetched_at == b.fetched_at
            assert a.source == b.source == "shelf"
        q = direct.series("QQQX", day("2019-03-01"), day("2019-03-20"))
        assert q.bar(day("2019-03-12")) is None  # two rows for the day disagree: neither is trusted
        assert counts["rows set aside"] == 4
        assert {str(p) for p in check_store(st).problems} == {str(p) for p in check_folder(folder).problems}


def test_reimporting_a_fixed_folder_clears_its_problems(tmp_path):
    folder = shelf(tmp_path / "shelf", extra={"QQQX": ["1971-05-03,3.1,2.9,3.0,3.0,3.0,100"]})
    with Store(tmp_path / "s.sqlite") as st:
        import_folder(DirectorySource(folder), st)
        assert len(check_store(st).problems) == 1
        path = folder / "prices" / "QQQX.csv"
        path.write_text(path.read_text().replace("1971-05-03,3.1,2.9", "1971-05-03,3.1,3.1"))
        import_folder(DirectorySource(folder), st)
        assert check_store(st).clean


def test_data_check_command_lists_problems_and_sets_the_exit_status(tmp_path):
    runner = CliRunner()
    clean = runner.invoke(app, ["data", "check", str(shelf(tmp_path / "clean"))])
    assert clean.exit_code == 0 and "0 problems" in clean.output
    dirty = shelf(tmp_path / "dirty", extra={"RRRX": ["1971-05-03,3.1,2.9,3.0,3.0,3.0,100"]},
                  shares="QQQX,2019-01-02,-5,x\n")
    result = runner.invoke(app, ["data", "check", str(dirty)])
    assert result.exit_code == 3
    assert "dirty/prices/RRRX.csv:2: 1971-05-03: High 2.9 is below Low 3" in result.output
    assert "dirty/shares.csv:2:" in result.output and "2 problems" in result.output
    store = runner.invoke(app, ["data", "check", "--store", str(tmp_path / "new.sqlite")])
    assert store.exit_code == 0 and "0 problems" in store.output


def test_import_warns_of_each_row_set_aside_and_keeps_the_rest(tmp_path):
    folder = shelf(tmp_path / "shelf", extra={"QQQX": ["1971-05-03,3.1,2.9,3.0,3.0,3.0,100"]})
    result = CliRunner().invoke(app, ["data", "import", str(folder), "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0
    assert "warning: shelf/prices/QQQX.csv:2:" in result.output and "20 bars" in result.output


def test_store_check_lists_bars_stored_before_the_rules(tmp_path):
    from enrich.market.source import RawBar

    with Store(tmp_path / "s.sqlite") as st:
        st.put(bars=[RawBar("OLDX", day("2001-02-05"), 5.0, 4.0, 6.0, 5.0, 5.0, 10.0, day("2001-02-05"), "hand",
                            "2001-02-05")])
        (p,) = check_store(st).problems
        assert p.symbol == "OLDX" and "is not a possible bar" in p.message and p.date == day("2001-02-05")


def test_a_latin1_byte_in_a_shares_source_spoils_nothing_and_in_a_count_only_its_row(tmp_path):
    folder = shelf(tmp_path / "shelf")
    (folder / "shares.csv").write_bytes(b"symbol,date,shares,source\nQQQX,2019-01-02,1000000,Soci\xe9t\xe9 filing\n"
                                        b"RRRX,2019-01-02,5\xb000000,x\n")
    market = MarketData(folders=[DirectorySource(folder)], offline=True)
    assert market.shares_at("QQQX", day("2019-03-08")).shares == 1_000_000
    assert market.shares_at("RRRX", day("2019-03-08")) is None
    assert [p.line for p in market.take_problems()] == [3]
