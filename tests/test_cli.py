"""End to end through the command line, in tmp_path; bad input gets one line, never a traceback."""
from __future__ import annotations

import json
import shutil

import pytest
from conftest import SEED, SEED_MARKET
from typer.testing import CliRunner

from enrich.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_every_command_has_help_text():
    import typer.main

    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        assert cmd.help, name
        for sub in getattr(cmd, "commands", {}).values():
            assert sub.help, sub.name


def test_report_on_the_seed_writes_chart_appendix_and_html(tmp_path):
    result = run("report", str(SEED), "--offline", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    png = tmp_path / "000_7903127f19e28dd9_FB.png"
    assert png.exists() and (tmp_path / "000_7903127f19e28dd9_appendix.md").exists()
    html = (tmp_path / "000_7903127f19e28dd9.html").read_text()
    assert "data:image/png;base64," in html and "184.24" in html
    from matplotlib.image import imread

    assert imread(png).shape[1] >= 800


def test_verify_jsonl_follows_the_format(tmp_path):
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "seed", "text": SEED.read_text(), "published": None}) + "\n")
    result = run("verify", str(articles), "--data", str(SEED_MARKET), "--offline", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output.splitlines()[0])
    assert out["id"] == "seed" and out["published"] == "2018-08-07T00:05:00+05:30"
    assert {m["symbol"] for m in out["mentions"]} == {"FB", "USB"}
    for c in out["claims"]:
        assert {"symbol", "kind", "value", "approx", "quote", "start", "end", "session", "verdict", "reason",
                "evidence", "explanation"} <= set(c)
        assert SEED.read_text()[c["start"]:c["end"]] == c["quote"]
    assert sorted(c["verdict"] for c in out["claims"]) == ["supported"] * 3


def test_extract_table_and_stdin():
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=SEED.read_text())
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["claims"]) == 3


@pytest.mark.parametrize("setup,expect", [
    (lambda p: None, "no such file"),
    (lambda p: p.write_bytes(b"\x00\x01\x02binary"), "binary"),
    (lambda p: p.write_text(""), "empty"),
])
def test_bad_article_input_is_one_line(tmp_path, setup, expect):
    path = tmp_path / "article.txt"
    setup(path)
    result = run("verify", str(path), "--offline", "--data", str(SEED_MARKET))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and expect in lines[0] and str(path) in lines[0]
    assert "Traceback" not in result.output


def test_bad_jsonl_line_names_the_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x", "text": "Apple rose 2%."}\n{not json}\n')
    result = run("extract", str(path))
    assert result.exit_code == 2 and f"{path}:2" in result.output


def test_bad_data_row_names_file_and_line(tmp_path):
    market = tmp_path / "market"
    shutil.copytree(SEED_MARKET, market)
    prices = market / "prices" / "FB.csv"
    lines = prices.read_text().splitlines()
    lines[40] = "2018-07-27,abc,1,1,1,1,1"
    prices.write_text("\n".join(lines) + "\n")
    result = run("verify", str(SEED), "--offline", "--data", str(market))
    assert result.exit_code == 0  # the row is set aside with a warning; the rest of the folder is used
    assert "market/prices/FB.csv:41" in result.output and "'abc'" in result.output


def test_unknown_symbol_and_empty_range_for_chart(tmp_path):
    result = run("chart", "NOSUCH", "--around", "2018-08-06", "--offline", "--data", str(SEED_MARKET), "-o",
                 str(tmp_path / "c.png"))
    assert result.exit_code == 3 and "NOSUCH" in result.output
    result = run("chart", "FB", "--around", "2030-01-01", "--offline", "--data", str(SEED_MARKET), "-o",
                 str(tmp_path / "c.png"))
    assert result.exit_code == 3 and "FB" in result.output and len(result.output.strip().splitlines()) == 1


def test_chart_command_draws_a_png(tmp_path):
    out = tmp_path / "fb.png"
    result = run("chart", "FB", "--around", "2018-08-06", "--offline", "--data", str(SEED_MARKET), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 10_000


def test_data_import_then_offline_report_from_the_store(tmp_path):
    store = tmp_path / "s.sqlite"
    assert run("data", "import", str(SEED_MARKET), "--store", str(store)).exit_code == 0
    article = tmp_path / "seed.txt"
    article.write_text(SEED.read_text())  # no market/ folder beside it: the store must answer
    result = run("verify", str(article), "--offline", "--store", str(store), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [c["verdict"] for c in json.loads(result.output)["claims"]] == ["supported"] * 3
    info = run("data", "info", "--store", str(store))
    assert "bars:" in info.output


def test_bad_format_option():
    result = run("verify", str(SEED), "--format", "xml")
    assert result.exit_code == 2 and "--format" in result.output
