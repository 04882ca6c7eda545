"""The Python API answers as the command line does, for every form an article may take."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import SEED, SEED_MARKET
from typer.testing import CliRunner

import enrich
from enrich.cli import app

STORY = {"id": "made-up", "text": "Facebook stock closed at $177.78 on Friday, August 3, after it gained 0.2 percent.",
         "published": "2018-08-03T18:00:00-04:00", "url": "https://example.com/a", "title": "A made-up story"}


def _cli(command: str, path: Path, *options: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, [command, str(path), "--data", str(SEED_MARKET), *options, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_verify_a_mapping_is_the_cli_record(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(STORY) + "\n")
    result = enrich.verify(STORY, data=SEED_MARKET, offline=True)
    assert result.to_dict() == _cli("verify", path, "--offline")[0]
    assert [c["kind"] for c in result.to_dict()["claims"]] == ["close", "pct_change"]


def test_verify_text_is_the_cli_record_of_a_file_named_article(tmp_path: Path) -> None:
    path = tmp_path / "article"
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = enrich.verify(SEED.read_text(encoding="utf-8"), data=[SEED_MARKET], offline=True)
    assert result.to_dict() == _cli("verify", path, "--offline")[0]
    assert result.article.id == "article" and len(result.judgements) == 3


def test_an_article_and_a_datetime_published_are_taken_as_they_are() -> None:
    when = dt.datetime(2018, 8, 3, 18, 0, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
    from_mapping = enrich.verify({**STORY, "published": when}, data=SEED_MARKET, offline=True)
    from_article = enrich.verify(from_mapping.article, data=SEED_MARKET, offline=True)
    assert from_mapping.article.published == when
    assert from_article.to_dict() == from_mapping.to_dict()


def test_extract_is_the_cli_record(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(STORY) + "\n")
    assert enrich.extract(STORY, data=SEED_MARKET).to_dict() == _cli("extract", path)[0]


def test_frames_have_a_row_a_figure() -> None:
    checked = enrich.verify(SEED.read_text(encoding="utf-8"), data=SEED_MARKET, offline=True)
    frame = checked.to_frame()
    assert len(frame) == len(checked.judgements) + len(checked.unchecked) == 3
    assert list(frame["verdict"]) == ["supported"] * 3 and set(frame["id"]) == {"article"}
    assert {"symbol", "kind", "value", "quote", "session", "reason", "explanation", "unchecked"} <= set(frame.columns)
    figures = enrich.extract(STORY).to_frame()
    assert list(figures["kind"]) == ["close", "pct_change"] and "verdict" not in figures.columns


def test_results_are_frozen() -> None:
    result = enrich.extract(STORY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.claims = ()  # type: ignore[misc]


def test_an_enricher_serves_many_articles_and_closes_its_store(tmp_path: Path) -> None:
    with enrich.Enricher(SEED_MARKET, store=tmp_path / "s.sqlite", offline=True) as enricher:
        first = enricher.verify(STORY).to_dict()
        again = [enricher.verify({**STORY, "id": f"n{i}"}).to_dict() for i in range(5)]
        assert all({**r, "id": "made-up"} == first for r in again)
        assert enricher.market.store is not None
    with pytest.raises(Exception):
        enricher.market.store._db.execute("SELECT 1")  # closed


def test_report_writes_the_files_asked_for(tmp_path: Path) -> None:
    written = enrich.report(STORY, tmp_path, formats=["html", "png"], data=SEED_MARKET, offline=True)
    assert sorted(p.name for p in written) == ["made-up.html", "made-up_FB.png"]
    assert all(p.stat().st_size > 1000 for p in written)


@pytest.mark.parametrize("item,words", [
    (42, "int"),
    ({"id": "x"}, "text"),
    ({"text": "Apple rose", "published": object()}, "strings"),
    ('{"text": "one"}\n{"text": "two"}\n', "2 articles"),
    ("   ", "empty"),
])
def test_bad_articles_raise_one_line_errors(item: object, words: str) -> None:
    with pytest.raises(enrich.InputError) as err:
        enrich.extract(item)  # type: ignore[arg-type]
    assert words in str(err.value) and "\n" not in str(err.value)


def test_bad_formats_and_days_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(enrich.InputError, match="formats"):
        enrich.report(STORY, tmp_path, formats=["pdf"], data=SEED_MARKET, offline=True)
    with enrich.Enricher(SEED_MARKET, offline=True) as enricher, pytest.raises(enrich.InputError, match="YYYY-MM-DD"):
        enricher.chart("FB", "6 August", tmp_path / "c.png")


def test_read_yields_a_bad_article_in_place_of_an_unreadable_input(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(STORY) + "\n")
    items = list(enrich.read([tmp_path / "missing.txt", good]))
    assert isinstance(items[0], enrich.BadArticle) and "no such file" in items[0].message
    assert isinstance(items[1], enrich.Article) and items[1].id == "made-up"


def test_the_package_exports_a_sorted_all_and_ships_py_typed() -> None:
    assert enrich.__all__ == sorted(enrich.__all__)
    assert all(hasattr(enrich, name) for name in enrich.__all__)
    assert (Path(enrich.__file__).parent / "py.typed").exists()
