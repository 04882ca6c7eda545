"""The HTTP service, run for real (`enrich serve` on 127.0.0.1, a free port) and called with an HTTP client."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import SEED, SEED_MARKET
from typer.testing import CliRunner

from enrich.cli import app

ARTICLES = [
    {"id": "seed", "text": SEED.read_text(encoding="utf-8"), "published": None, "url": "", "title": ""},
    {"id": "made-up", "text": "Facebook stock closed at $177.78 on Friday, August 3, after it gained 0.2 percent. "
                              "The S&P 500 rose about 0.5%.", "published": "2018-08-03T18:00:00-04:00"},
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(tmp_path_factory.mktemp("serve"), "--workers", "2", "--max-body", "2000000")


def _serve(tmp: Path, *options: str) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "ENRICH_STORE": str(tmp / "store.sqlite")}
    log = (tmp / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "enrich", "serve", "--port", str(port), "--data", str(SEED_MARKET),
                             "--offline", *options], stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, (tmp / "serve.log").read_text()
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the service did not start"
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(20)
        log.close()


def _cli_records(tmp_path: Path, command: str, articles: list[dict[str, object]]) -> list[dict[str, object]]:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles))
    offline = ["--offline"] if command == "verify" else []  # extract never reads the network
    result = CliRunner().invoke(app, [command, str(path), "--data", str(SEED_MARKET), *offline, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_healthz(server: str) -> None:
    r = httpx.get(server + "/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


@pytest.mark.parametrize("command", ["verify", "extract"])
def test_one_article_and_a_list_answer_as_the_command_line(server: str, tmp_path: Path, command: str) -> None:
    expected = _cli_records(tmp_path, command, ARTICLES)
    one = httpx.post(f"{server}/v1/{command}", json=ARTICLES[0], timeout=60)
    assert one.status_code == 200 and one.json() == expected[0]
    many = httpx.post(f"{server}/v1/{command}", json={"articles": ARTICLES}, timeout=60)
    assert many.status_code == 200 and many.json() == {"results": expected}
    if command == "verify":
        assert [c["verdict"] for c in one.json()["claims"]] == ["supported"] * 3


def test_a_bad_article_in_a_list_is_an_error_record_and_the_others_are_answered(server: str) -> None:
    r = httpx.post(server + "/v1/verify", json={"articles": [{"id": "blank", "text": "  "}, ARTICLES[1]]}, timeout=60)
    assert r.status_code == 200
    bad, good = r.json()["results"]
    assert bad["id"] == "blank" and "empty" in bad["error"] and bad["source"] == "articles[0]"
    assert good["id"] == "made-up" and good["claims"]


@pytest.mark.parametrize("body,status,words", [
    (b"{not json", 400, "not JSON"),
    (b"[1, 2]", 400, "JSON list"),
    (b'{"articles": "x"}', 400, "non-empty list"),
    (b'{"articles": [7]}', 400, "articles[0]"),
    (b'{"id": "x"}', 400, "text"),
    (b'{"text": ""}', 400, "empty"),
    (b"[" * 100_000 + b"]" * 100_000, 400, "not JSON"),
    (b'{"text": "a", "n": ' + b"9" * 5000 + b"}", 400, "not JSON"),
    (b'{"text": "' + b"a" * (3 * 1024 * 1024) + b'"}', 413, "limit"),
])
def test_bad_requests_get_an_error_naming_what_was_wrong(server: str, body: bytes, status: int, words: str) -> None:
    r = httpx.post(server + "/v1/verify", content=body, headers={"content-type": "application/json"}, timeout=60)
    assert r.status_code == status, r.text
    assert words in r.json()["error"]
    assert httpx.get(server + "/healthz").status_code == 200


def test_a_body_sent_in_chunks_is_held_to_the_limit(server: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(64):
            yield b" " * 65536

    r = httpx.post(server + "/v1/verify", content=chunks(), timeout=60)
    assert r.status_code == 413 and "limit" in r.json()["error"]


def test_report_is_one_self_contained_html_page(server: str) -> None:
    r = httpx.post(server + "/v1/report", json=ARTICLES[0], timeout=120)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.text.startswith("<!doctype html>") and "Content-Security-Policy" in r.text
    assert "data:image/png;base64," in r.text and "184.24" in r.text
    many = httpx.post(server + "/v1/report", json={"articles": ARTICLES}, timeout=60)
    assert many.status_code == 400 and "one article" in many.json()["error"]


def test_chart_png_and_svg(server: str) -> None:
    png = httpx.get(server + "/v1/chart/FB", params={"around": "2018-08-06"}, timeout=60)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG") and len(png.content) > 10_000
    svg = httpx.get(server + "/v1/chart/FB", params={"around": "2018-08-06", "format": "svg"}, timeout=60)
    assert svg.status_code == 200 and b"<svg" in svg.content[:1000]


@pytest.mark.parametrize("path,status,words", [
    ("/v1/chart/FB?around=2018-13-40", 400, "YYYY-MM-DD"),
    ("/v1/chart/FB", 400, "around"),
    ("/v1/chart/FB?around=2018-08-06&format=gif", 400, "png or svg"),
    ("/v1/chart/NOSUCH?around=2018-08-06", 404, "NOSUCH"),
    ("/v1/chart/..%2F..%2Fetc%2Fpasswd?around=2018-08-06", 404, "no endpoint"),
    ("/v1/chart/FB%20%3B%20X?around=2018-08-06", 400, "symbol"),
    ("/v1/nothing", 404, "no endpoint"),
])
def test_bad_chart_requests(server: str, path: str, status: int, words: str) -> None:
    r = httpx.get(server + path, timeout=60)
    assert r.status_code == status, r.text
    assert words in r.json()["error"]


def test_method_not_allowed_is_json(server: str) -> None:
    r = httpx.get(server + "/v1/verify")
    assert r.status_code == 405 and "/v1/verify" in r.json()["error"]


def test_concurrent_requests_all_get_the_same_answer(server: str) -> None:
    def call(i: int) -> tuple[int, object]:
        if i % 3 == 2:
            r = httpx.post(server + "/v1/verify", content=b"{broken", timeout=120)
            return r.status_code, None
        r = httpx.post(server + "/v1/verify", json=ARTICLES[i % 2], timeout=120)
        return r.status_code, r.json()

    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(call, range(24)))
    assert [s for s, _ in answers] == [400 if i % 3 == 2 else 200 for i in range(24)]
    firsts = {i % 2: body for i, (_, body) in enumerate(answers) if body is not None}
    assert all(body == firsts[i % 2] for i, (_, body) in enumerate(answers) if body is not None)


def test_openapi_describes_every_endpoint(server: str) -> None:
    assert httpx.get(server + "/docs").status_code == 200
    paths = httpx.get(server + "/openapi.json").json()["paths"]
    assert {"/healthz", "/v1/extract", "/v1/verify", "/v1/report", "/v1/chart/{symbol}"} <= set(paths)
    assert "requestBody" in paths["/v1/verify"]["post"]


def test_an_overrunning_request_is_stopped_and_the_service_goes_on(tmp_path: Path) -> None:
    # one process and a 1 s limit; an article of 1.5 MB takes well over a second to read
    long_text = (ARTICLES[1]["text"] + " ") * 9000  # type: ignore[operator]
    for url in _serve(tmp_path, "--workers", "1", "--timeout", "1"):
        r = httpx.post(url + "/v1/extract", json={"text": long_text, "published": "2018-08-03"}, timeout=60)
        assert r.status_code == 504 and "limit" in r.json()["error"]
        assert httpx.get(url + "/healthz").status_code == 200
        deadline = time.monotonic() + 60  # the process is being replaced meanwhile: busy (503), then answered
        while (r := httpx.post(url + "/v1/extract", json=ARTICLES[1], timeout=60)).status_code == 503:
            assert time.monotonic() < deadline
            time.sleep(0.5)
        assert r.status_code == 200 and r.json()["id"] == "made-up"
