"""Input a hostile or unlucky user gives: every case is a result or a one-line error, never a traceback,
and one bad article never costs the others their output."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from conftest import SEED_MARKET
from typer.testing import CliRunner

import enrich.article as article_module
from enrich.article import read
from enrich.errors import InputError
from enrich.models import Article, BadArticle

GOOD = "Globex shares rose 2 percent on Monday."


def cli(*args: str):
    result = CliRunner().invoke(__import__("enrich.cli", fromlist=["app"]).app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def errors(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith("enrich: error:")]


@pytest.mark.parametrize("value", ["25:00", "2018-08-06T25:00", "2018-02-30", "yesterday-ish", "07/10/2020 - 03:60"])
def test_an_unreadable_published_option_is_one_line(tmp_path, value):
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    result = cli("extract", str(path), "--published", value)
    assert result.exit_code == 2
    (line,) = errors(result.output)
    assert "--published" in line and "2018-08-06T14:35-04:00" in line


def test_read_checks_the_option_before_reading(tmp_path):
    with pytest.raises(InputError, match="--published"):
        list(read([str(tmp_path / "missing.txt")], "31:99"))


def test_deeply_nested_json_is_one_bad_article(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    (bad,) = read([str(path)])
    assert isinstance(bad, BadArticle) and "nested too deeply" in bad.message


def test_a_number_of_5000_digits_is_kept_as_written(tmp_path):
    path = tmp_path / "n.json"
    digits = "7" * 5000
    path.write_text('{"id": ' + digits + ', "text": "' + GOOD + '", "published": "2019-03-04"}')
    (a,) = read([str(path)])
    assert isinstance(a, Article) and a.id == digits


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read(tmp_path, encoding):
    path = tmp_path / "a.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + ("Published: 4 March 2019\n\n" + GOOD + " \u20ac5").encode(encoding))
    (a,) = read([str(path)])
    assert isinstance(a, Article) and GOOD in a.text and a.text.endswith("\u20ac5")
    assert a.published.date().isoformat() == "2019-03-04"


def test_utf16_jsonl_is_read_line_by_line(tmp_path):
    path = tmp_path / "b.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": GOOD}) for i in range(3)]
    path.write_bytes("\n".join(lines).encode("utf-16"))
    assert [x.id for x in read([str(path)])] == ["n0", "n1", "n2"]


def test_utf16_without_a_mark_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(GOOD.encode("utf-16-le"))
    (bad,) = read([str(path)])
    assert "binary" in bad.message and "UTF-16" in bad.message


def test_a_batch_goes_on_past_bad_lines_missing_files_and_empty_records(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "first", "text": GOOD}),
        "{this is not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": ["not", "a", "string"], "text": GOOD}),
        "[" * 5000 + "]" * 5000,
        json.dumps({"id": "last", "text": GOOD}),
    ]) + "\n")
    items = list(read([str(tmp_path / "nowhere.txt"), str(batch), str(tmp_path / "also-missing.md")]))
    kinds = [(type(x).__name__, getattr(x, "line", None), x.id) for x in items]
    assert kinds == [("BadArticle", None, ""), ("Article", None, "first"), ("BadArticle", 2, ""),
                     ("BadArticle", 3, "empty"), ("BadArticle", 4, ""), ("BadArticle", 5, ""),
                     ("Article", None, "last"), ("BadArticle", None, "")]
    assert all("\n" not in x.message for x in items if isinstance(x, BadArticle))
    assert f"{batch}:2: not valid JSON" in items[2].message


def test_the_cli_writes_the_good_articles_of_a_batch_and_exits_2(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "a", "text": GOOD, "published": "2019-03-05"}) + "\n{oops\n" +
                     json.dumps({"id": "b", "text": GOOD, "published": "2019-03-05"}) + "\n")
    result = cli("extract", str(batch), "--format", "jsonl")
    assert result.exit_code == 2
    records = [json.loads(ln) for ln in result.output.splitlines() if ln.startswith("{")]
    assert [r["id"] for r in records] == ["a", None, "b"]  # the bad line is an error record in its place
    assert (records[1]["source"], records[1]["line"]) == (str(batch), 2)
    assert errors(result.output) == [f"enrich: error: {batch}:2: not valid JSON (Expecting "
                                                           f"property name enclosed in double quotes at line 1 column 2); "
                                                           f"each line must be one JSON object"]


def test_jsonl_limit_is_per_article_not_per_file(tmp_path, monkeypatch):
    monkeypatch.setattr(article_module, "MAX_BYTES", 4096)
    path = tmp_path / "many.jsonl"
    records = [json.dumps({"id": f"a{i}", "text": f"{GOOD} Item {i}."}) for i in range(300)]
    records.insert(150, json.dumps({"id": "big", "text": "y" * 5000}))
    path.write_text("\n".join(records) + "\n")
    assert path.stat().st_size > 4096 * 4
    items = list(read([str(path)]))
    assert sum(isinstance(x, Article) for x in items) == 300
    (bad,) = [x for x in items if isinstance(x, BadArticle)]
    assert bad.line == 151 and "over the 0 MB limit for one article" in bad.message


def test_an_id_of_300_characters_gives_a_result(tmp_path):
    path = tmp_path / "long.jsonl"
    aid = "story-" + "k" * 294
    path.write_text(json.dumps({"id": aid, "text": GOOD, "published": "2019-03-05"}) + "\n")
    result = cli("verify", str(path), "--offline", "--data", str(SEED_MARKET), "--format", "jsonl")
    assert result.exit_code == 0 and json.loads(result.output.splitlines()[-1])["id"] == aid


def test_a_dateline_with_an_impossible_time_keeps_its_date(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("07/10/2020 - 03:60\n\n" + GOOD)
    (a,) = read([str(path)])
    assert a.published.date().isoformat() == "2020-07-10" and a.published_date_only
    assert "'03:60' is no clock time" in a.published_how


def run_cli(args: list[str], **kw) -> subprocess.CompletedProcess:
    exe = os.path.join(os.path.dirname(sys.executable), "enrich")
    done = subprocess.run([exe, *args], capture_output=True, text=True, timeout=120, **kw)
    assert "Traceback" not in done.stderr
    return done


def test_a_closed_standard_input_is_one_line():
    done = run_cli(["extract", "-"], preexec_fn=lambda: os.close(0))
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [
        "enrich: error: <stdin>: standard input is closed; pipe an article in, or give a file"]


def test_endless_standard_input_is_bounded_like_a_file():
    source = subprocess.Popen([sys.executable, "-c", "import sys\nwhile True: sys.stdout.write('Globex rose. ' * 80 + "
                               "'\\n')"], stdout=subprocess.PIPE)
    try:
        started = time.monotonic()
        done = run_cli(["extract", "-"], stdin=source.stdout)
        assert done.returncode == 2 and "over the 20 MB limit" in done.stderr and time.monotonic() - started < 60
    finally:
        source.kill()
        source.wait()


def test_standard_input_named_twice_stops_before_reading():
    done = run_cli(["extract", "-", "-"], input=GOOD)
    assert done.returncode == 2 and "more than once" in done.stderr


def test_half_a_surrogate_pair_escaped_in_json_is_replaced(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s\\ud800", "text": "' + GOOD + ' \\udc00 \\ud83d\\ude00", "published": "2019-03-05"}\n')
    (a,) = read([str(path)])
    assert a.id == "s\ufffd" and a.text.endswith("\ufffd \U0001f600")
    assert cli("extract", str(path)).exit_code == 0
