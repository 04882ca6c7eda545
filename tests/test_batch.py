"""Batch runs: records in input order as soon as they are ready, N workers giving the records of one, a bad
article becoming an error record, the summary, and `enrich batch` on a local Dask cluster."""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, SEED_MARKET
from fake_yahoo import FakeYahoo
from typer.testing import CliRunner

from enrich import api
from enrich.batch import Summary, Tally
from enrich.cli import app
from enrich.cluster import Fetcher, check_items, plan_parts, read_part
from enrich.market import YahooSource

runner = CliRunner()
STORIES = [
    "Facebook stock closed at $177.78 on Friday, August 3, after it gained 0.2 percent. The S&P 500 rose about 0.5%.",
    "Shares of Facebook slid 1.1% on Thursday, August 2, to close at $178.05, while the S&P 500 gained 0.5%.",
    "The S&P 500 ended Monday, July 30, down 0.6 percent at 2,802.60, its third loss in a row.",
    "Facebook fell as much as 5% on Monday, July 30, and closed at $171.06, wiping out some $10 billion.",
]


def _articles(n: int) -> list[dict[str, object]]:
    return [{"id": f"story-{i}", "text": STORIES[i % len(STORIES)], "published": "2018-08-06T09:00:00-04:00"}
            for i in range(n)] + [{"id": "seed", "text": SEED.read_text(encoding="utf-8")}]


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _verify(*args: str) -> tuple[int, list[dict[str, object]], str]:
    result = runner.invoke(app, ["verify", *args, "--data", str(SEED_MARKET), "--offline", "--format", "jsonl"])
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()], result.stderr


def test_two_workers_write_the_records_of_one(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", _articles(23))
    code1, one, err1 = _verify(str(path))
    code2, two, _ = _verify(str(path), "--workers", "2")
    assert code1 == code2 == 0
    assert one == two and [r["id"] for r in one] == [f"story-{i}" for i in range(23)] + ["seed"]
    assert "24 articles" in err1 and "0 errors" in err1 and "supported" in err1


def test_the_json_format_is_one_object_alone_and_a_list_of_several(tmp_path: Path) -> None:
    one = _jsonl(tmp_path / "one.jsonl", _articles(0))
    several = _jsonl(tmp_path / "several.jsonl", _articles(2))
    alone = runner.invoke(app, ["verify", str(one), "--data", str(SEED_MARKET), "--offline", "--format", "json"])
    listed = runner.invoke(app, ["verify", str(several), "--data", str(SEED_MARKET), "--offline", "--format", "json"])
    assert json.loads(alone.stdout)["id"] == "seed"
    assert [r["id"] for r in json.loads(listed.stdout)] == ["story-0", "story-1", "seed"]
    assert json.loads(listed.stdout) == _verify(str(several))[1]


def test_an_unreadable_input_is_an_error_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = _jsonl(tmp_path / "good.jsonl", _articles(2))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "fine", "text": "Apple rose 2% on Monday."}\n{not json\n')
    after = _jsonl(tmp_path / "after.jsonl", _articles(1))
    code, records, err = _verify(str(good), str(bad), str(tmp_path / "missing.jsonl"), str(after))
    errors = [r for r in records if "error" in r]
    assert code == 2 and len(errors) >= 2
    assert [r["id"] for r in records if "error" not in r and r["id"] != "fine"] == \
        ["story-0", "story-1", "seed", "story-0", "seed"]
    assert any(e["source"] == str(bad) and "JSON" in e["error"] for e in errors)
    assert any(e["source"] == str(tmp_path / "missing.jsonl") and "no such file" in e["error"] for e in errors)
    assert all(set(e) == {"id", "error", "source", "line"} for e in errors)
    assert f"{bad}" in err and "Traceback" not in err and "errors" in err.splitlines()[-1]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_each_record_is_written_as_soon_as_it_is_ready(tmp_path: Path, workers: str) -> None:
    # the second input is a pipe the test fills only after it has read the first record
    first = _jsonl(tmp_path / "first.jsonl", _articles(0))
    pipe = tmp_path / "later.jsonl"
    os.mkfifo(pipe)
    proc = subprocess.Popen([sys.executable, "-m", "enrich", "verify", str(first), str(pipe), "--data",
                             str(SEED_MARKET), "--offline", "--format", "jsonl", "--workers", workers],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "no record before the rest of the input came"
        assert proc.stdout is not None and json.loads(proc.stdout.readline())["id"] == "seed"
        _jsonl(pipe, _articles(1)[:1])
        out, _ = proc.communicate(timeout=60)
        assert [json.loads(line)["id"] for line in out.splitlines()] == ["story-0"]
    finally:
        proc.kill()
        proc.wait()


def test_summary_line_counts_what_passed() -> None:
    tally = Tally()
    tally.add({"id": "a", "claims": [{"verdict": "supported"}, {"verdict": "contradicted"}], "unchecked": [{}]})
    tally.add({"id": None, "error": "x.jsonl:3: not valid JSON", "source": "x.jsonl", "line": 3}, 2)
    s = tally.summary(seconds=2.0)
    assert s == Summary(2, 2, {"supported": 1, "contradicted": 1, "unverifiable": 0}, 1, 1, 2.0, 2)
    assert s.line() == ("2 articles, 2 figures (1 supported, 1 contradicted, 0 unverifiable; 1 unchecked), 1 errors, "
                        "2.0 s, 1.0 articles/s")


def test_parts_cut_at_line_boundaries_and_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "one"}\n\n{"text": "three"}\n[4]\n{"text": "five"}\n')
    parts = plan_parts([str(path)], 2)
    assert [(p.first_line, p.index) for p in parts] == [(1, 0), (3, 1), (5, 2)]
    items = [i for p in parts for i in read_part(p, None)]
    assert [getattr(i, "source", "") for i in items] == [f"{path}:1", f"{path}:3", str(path), f"{path}:5"]
    assert getattr(items[2], "line") == 4 and "object" in getattr(items[2], "message")


def test_batch_on_a_local_dask_cluster_gives_the_records_of_verify(tmp_path: Path) -> None:
    _, expected, _ = _verify(str(_jsonl(tmp_path / "clean.jsonl", _articles(9))))
    articles = _jsonl(tmp_path / "news.jsonl", _articles(9))
    with articles.open("a") as fh:
        fh.write("{broken line\n")
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(articles), "-o", str(out), "--dask", "local:2", "--part-size", "3",
                                 "--data", str(SEED_MARKET), "--offline"])
    assert result.exit_code == 2, result.output  # the broken line
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) == 4
    got = [json.loads(line) for p in parts for line in p.read_text().splitlines()]
    assert got[:-1] == expected
    assert got[-1]["line"] == 11 and "JSON" in got[-1]["error"]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"] == 11 and summary["errors"] == 1 and summary["parts"] == 4
    assert "11 articles" in result.stderr


def test_batch_writes_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _articles(3)
    pq.write_table(pa.Table.from_pylist([{**r, "published": r.get("published")} for r in rows]),
                   tmp_path / "news.parquet", row_group_size=2)
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(tmp_path / "news.parquet"), "-o", str(out), "--dask", "local:1",
                                 "--format", "parquet", "--data", str(SEED_MARKET), "--offline"])
    assert result.exit_code == 0, result.output
    table = pa.concat_tables([pq.read_table(p) for p in sorted(out.glob("part-*.parquet"))])
    assert table.column("id").to_pylist() == ["story-0", "story-1", "story-2", "seed"]
    expected = _verify(str(_jsonl(tmp_path / "same.jsonl", rows)))[1]
    assert [json.loads(c) for c in table.column("claims").to_pylist()] == [r["claims"] for r in expected]


def _seed_bars(symbol: str) -> list[tuple[str, float, float, float, float, float, float]]:
    with (SEED_MARKET / "prices" / f"{symbol}.csv").open() as fh:
        return [(r["Date"], float(r["Open"]), float(r["High"]), float(r["Low"]), float(r["Close"]),
                 float(r["Adj Close"]), float(r["Volume"])) for r in csv.DictReader(fh)]


def test_market_data_is_fetched_once_a_symbol_for_the_whole_batch(tmp_path: Path) -> None:
    """The passes of a batch: articles note what they need, the driver fetches it once, the articles then find it.
    The records are those of a run that fetched as it went."""
    import yfinance as yf
    from yfinance.data import YfData

    yf.set_tz_cache_location(str(tmp_path / "yf-cache"))
    items = [api.to_article(a, where=f"a:{i}") for i, a in enumerate(_articles(8))]
    with FakeYahoo({"META": _seed_bars("FB"), "^GSPC": _seed_bars("^GSPC")}) as fake:
        with api.Enricher(store=tmp_path / "direct.sqlite") as direct:
            direct.market.yahoo = YahooSource(direct.market.store, session=fake.session(),  # type: ignore[arg-type]
                                              today=lambda: dt.date(2018, 9, 28))
            fetched_as_it_went = [direct.verify(a).to_dict() for a in items]
        fake.chart_requests.clear()
        YfData.cache_get.cache_clear()  # yfinance memoises GET answers in-process
        with api.Enricher(store=tmp_path / "batch.sqlite") as batch:
            live = YahooSource(batch.market.store, session=fake.session(),  # type: ignore[arg-type]
                               today=lambda: dt.date(2018, 9, 28))
            batch.market.yahoo = live
            records, noted = check_items(batch, items, None, None, live=live)
            assert fake.chart_requests == [] and all(r is None for r in records)
            assert Fetcher().fetch(batch.market, noted.bars, noted.shares)
            assert sorted(fake.chart_requests) == ["META", "^GSPC"]  # one request a symbol, for all the articles
            for _ in range(2):  # prices found now; a market value then asks for its share count, fetched once too
                redo = tuple(i for i, r in enumerate(records) if r is None)
                records, noted = check_items(batch, items, redo, records, live=live)
                assert not noted.bars
                Fetcher().fetch(batch.market, noted.bars, noted.shares)
    assert all(r is not None for r in records)
    assert sorted(fake.chart_requests) == ["META", "^GSPC"]
    strip = _without_fetch_times
    assert [strip(r[0]) for r in records if r is not None] == [strip(r) for r in fetched_as_it_went]


def _without_fetch_times(record: dict[str, object]) -> str:
    text = json.dumps(record)
    return __import__("re").sub(r'"fetched_at": "[^"]*"', "", text)


def test_a_failure_of_ours_on_one_article_costs_no_other_its_record(monkeypatch: pytest.MonkeyPatch) -> None:
    from enrich.article import make_article
    from enrich.batch import extract_stream
    from enrich.pipeline import Enricher as Pipeline

    real = Pipeline.extract

    def flaky(self: Pipeline, article):  # type: ignore[no-untyped-def]
        if "boom" in article.text:  # stands for a bug of ours that one odd article sets off
            raise IndexError("list index out of range")
        return real(self, article)

    monkeypatch.setattr(Pipeline, "extract", flaky)
    items = [make_article(f"a{i}", text, published="2018-08-06") for i, text in
             enumerate(["Apple rose 2% on Monday.", "boom", "Intel fell 1% on Monday."])]
    records = list(extract_stream(items, api.MarketConfig(offline=True)))
    assert [code for _, code in records] == [0, 1, 0]
    assert "IndexError" in records[1][0]["error"] and records[2][0]["claims"]
