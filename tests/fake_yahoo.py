"""A local stand-in for Yahoo's HTTP API on 127.0.0.1, and a requests session routed to it.

It answers the endpoints yfinance calls for daily history (cookie, crumb, chart) and shares
(fundamentals timeseries) in Yahoo's JSON, from bars given by the test. Behaviours are
scripted per symbol: a number of 429s before success, a delay (for timeouts), unknown symbols.

SilentServer is a dead network as a proxy or firewall makes one: it accepts every connection
and never answers.
"""
from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter


class FakeYahoo:
    def __init__(self, bars: dict[str, list[tuple[str, float, float, float, float, float, float]]],
                 splits: dict[str, list[tuple[str, float]]] | None = None,
                 shares: dict[str, list[tuple[str, float]]] | None = None) -> None:
        self.bars = bars
        self.splits = splits or {}
        self.shares = shares or {}
        self.rate_limit: dict[str, int] = {}  # symbol -> 429s still to send
        self.delay: dict[str, float] = {}
        self.chart_requests: list[str] = []
        self.all_requests: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                fake.all_requests.append(self.path)
                url = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path.startswith("/v8/finance/chart/"):
                    fake._chart(self, unquote(url.path.rsplit("/", 1)[1]), q)
                elif "/quoteSummary/" in url.path:
                    fake._summary(self, unquote(url.path.rsplit("/", 1)[1]))
                elif url.path.endswith("/getcrumb"):
                    self._send(200, b"fakecrumb", "text/plain")
                elif "fundamentals-timeseries" in url.path:
                    fake._shares(self, unquote(url.path.rsplit("/", 1)[1]), q)
                else:
                    self.send_response(200)
                    self.send_header("Set-Cookie", "A3=fake; Domain=.yahoo.com; Path=/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()

            def _send(self, code: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeYahoo:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def session(self) -> requests.Session:
        s = requests.Session()
        adapter = _ToLocal(self.port)
        s.mount("https://", adapter)
        s.mount("http://", adapter)
        return s

    def _summary(self, h, symbol: str) -> None:  # type: ignore[no-untyped-def]
        if symbol not in self.bars:
            body = {"quoteSummary": {"result": None, "error": {"code": "Not Found",
                                                               "description": f"Quote not found for symbol: {symbol}"}}}
            h._send(404, json.dumps(body).encode())
            return
        body = {"quoteSummary": {"result": [{"quoteType": {"symbol": symbol, "quoteType": "EQUITY",
                                                           "exchangeTimezoneName": "America/New_York"}}], "error": None}}
        h._send(200, json.dumps(body).encode())

    def _chart(self, h, symbol: str, q: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        history = "period1" in q  # the other chart call is yfinance's time-zone lookup (range=1d)
        if history:
            self.chart_requests.append(symbol)
        if self.delay.get(symbol) and history:
            time.sleep(self.delay[symbol])
        if self.rate_limit.get(symbol, 0) > 0 and history:
            self.rate_limit[symbol] -= 1
            h._send(429, b"Too Many Requests", "text/plain")
            return
        if symbol not in self.bars:
            body = {"chart": {"result": None, "error": {"code": "Not Found",
                                                        "description": "No data found, symbol may be delisted"}}}
            h._send(404, json.dumps(body).encode())
            return
        lo = int(q.get("period1", "0"))
        hi = int(q.get("period2", str(2**31)))
        rows = [r for r in self.bars[symbol] if lo <= _ts(r[0]) < hi]
        if q.get("range") == "1d":
            rows = self.bars[symbol][-1:]
        meta = {"currency": "USD", "symbol": symbol, "exchangeName": "NMS", "fullExchangeName": "NasdaqGS",
                "instrumentType": "EQUITY", "firstTradeDate": _ts(self.bars[symbol][0][0]),
                "regularMarketTime": _ts(self.bars[symbol][-1][0]), "hasPrePostMarketData": True, "gmtoffset": -14400,
                "timezone": "EDT", "exchangeTimezoneName": "America/New_York", "regularMarketPrice": self.bars[symbol][-1][4],
                "chartPreviousClose": rows[0][4] if rows else 0, "priceHint": 2, "dataGranularity": "1d", "range": "",
                "validRanges": ["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"]}
        result: dict[str, object] = {"meta": meta}
        if rows:
            result["timestamp"] = [_ts(r[0]) for r in rows]
            result["indicators"] = {
                "quote": [{"open": [r[1] for r in rows], "high": [r[2] for r in rows], "low": [r[3] for r in rows],
                           "close": [r[4] for r in rows], "volume": [int(r[6]) for r in rows]}],
                "adjclose": [{"adjclose": [r[5] for r in rows]}]}
            events = {str(_ts(d)): {"date": _ts(d), "numerator": ratio, "denominator": 1.0, "splitRatio": f"{ratio}:1"}
                      for d, ratio in self.splits.get(symbol, []) if lo <= _ts(d) < hi}
            if events:
                result["events"] = {"splits": events}
        else:
            result["indicators"] = {"quote": [{}], "adjclose": [{}]}
        h._send(200, json.dumps({"chart": {"result": [result], "error": None}}).encode())

    def _shares(self, h, symbol: str, q: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        rows = self.shares.get(symbol, [])
        body = {"timeseries": {"result": [{"meta": {"symbol": [symbol], "type": ["sharesOutstanding"]},
                                           "timestamp": [_ts(d) for d, _ in rows],
                                           "shares_out": [v for _, v in rows]}], "error": None}}
        h._send(200, json.dumps(body).encode())


def _ts(day: str) -> int:
    d = dt.date.fromisoformat(day)
    return int(dt.datetime(d.year, d.month, d.day, 13, 30, tzinfo=dt.timezone.utc).timestamp())


class _ToLocal(HTTPAdapter):
    """Sends every request to the fake server, keeping path and query."""

    def __init__(self, port: int) -> None:
        super().__init__(max_retries=0)
        self.port = port

    def send(self, request, **kwargs):  # type: ignore[no-untyped-def]
        parts = urlsplit(request.url)
        request.url = urlunsplit(("http", f"127.0.0.1:{self.port}", parts.path, parts.query, ""))
        return super().send(request, **kwargs)


class SilentServer:
    """Accepts connections on 127.0.0.1 and never sends a byte: the network a swallowing proxy makes."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)  # held open, never read or answered

    def __enter__(self) -> SilentServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()

    def session(self) -> requests.Session:
        s = requests.Session()
        adapter = _ToLocal(self.port)
        s.mount("https://", adapter)
        s.mount("http://", adapter)
        return s
