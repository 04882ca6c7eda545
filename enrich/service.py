"""The HTTP service: FastAPI on uvicorn, in front of a pool of enrichment processes (enrich.workers).

    GET  /healthz                                       {"status": "ok"}
    POST /v1/extract, /v1/verify                        one article object, or {"articles": [...]}
    POST /v1/report                                     one article: the self-contained HTML report
    GET  /v1/chart/{symbol}?around=YYYY-MM-DD&format=png|svg
    GET  /docs, /openapi.json                           the API, described

Answers are exactly the objects `enrich verify --format jsonl` prints. Errors are 4xx/5xx with {"error": "..."}.
Market data comes only from the folders and store the operator configured: a request names no path.
"""
from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from .api import Enricher, MarketConfig, parse_day
from .errors import EnrichError
from .workers import Answer, Job, Worker, WorkerGone, WorkerTimeout

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

SYMBOL = re.compile(r"\^?[A-Za-z0-9][A-Za-z0-9.=\-]{0,19}")  # Yahoo style; never a path
STATUS = {"InputError": 400, "ArticleError": 400, "UnknownSymbolError": 404, "NoSessionsError": 404,
          "OfflineError": 404, "DataError": 422, "DataFileError": 500, "ProviderError": 502, "StoreError": 503}
ARTICLE_SCHEMA = {"type": "object", "required": ["text"], "properties": {
    "id": {"type": "string"}, "text": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"},
    "published": {"type": ["string", "null"], "description": "ISO time with offset, or a date; else found in the text"}}}
BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {"oneOf": [
    ARTICLE_SCHEMA, {"type": "object", "required": ["articles"],
                     "properties": {"articles": {"type": "array", "items": ARTICLE_SCHEMA}}}]}}}}}


@dataclass(frozen=True)
class Settings:
    market: MarketConfig
    workers: int = 2  # enrichment processes: requests beyond these wait for one to be free
    timeout: float = 30.0  # seconds a request may take, waiting included; an overrunning process is replaced
    max_body: int = 8 * 1024 * 1024  # bytes
    max_articles: int = 1000  # articles in one request


class JSONText(Response):
    """JSON written as the command line writes it (json.dumps), so the answers are the CLI's, byte for byte."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content).encode("utf-8")


def _error(status: int, message: str) -> JSONText:
    return JSONText({"error": message}, status_code=status)


class Pool:
    """The enrichment processes: each request borrows one, and gets it back replaced when it overran or died."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.all: list[Worker] = []

    async def start(self) -> None:
        self.all = [Worker(self.settings.market) for _ in range(self.settings.workers)]
        await asyncio.gather(*(asyncio.to_thread(w.start) for w in self.all))
        for w in self.all:
            self.idle.put_nowait(w)

    def stop(self) -> None:
        for w in self.all:
            w.stop()

    async def run(self, job: Job) -> Answer:
        deadline = time.monotonic() + self.settings.timeout
        try:
            worker = await asyncio.wait_for(self.idle.get(), self.settings.timeout)
        except asyncio.TimeoutError:
            raise HTTPException(503, f"all {len(self.all)} enrichment processes stayed busy for "
                                     f"{self.settings.timeout:g} s; retry later") from None
        try:
            answer = await asyncio.to_thread(worker.call, job, deadline - time.monotonic())
        except WorkerTimeout:
            asyncio.create_task(self._replace(worker))
            raise HTTPException(504, f"the request took longer than the {self.settings.timeout:g} s limit; send "
                                     f"fewer or shorter articles") from None
        except WorkerGone as e:
            asyncio.create_task(self._replace(worker))
            raise HTTPException(500, f"{e}; the request was not answered, and the process is being replaced") \
                from None
        self.idle.put_nowait(worker)
        return answer

    async def _replace(self, worker: Worker) -> None:
        worker.stop()
        while True:
            try:
                await asyncio.to_thread(worker.start)
                break
            except WorkerGone:
                await asyncio.sleep(1.0)
        self.idle.put_nowait(worker)


def create_app(settings: Settings) -> FastAPI:
    pool = Pool(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        yield
        pool.stop()

    app = FastAPI(title="enrich", lifespan=lifespan, description=(
        "Find the market figures in news articles and check them against price history. Answers are the objects "
        "`enrich verify --format jsonl` prints."))
    app.add_middleware(BodyLimit, limit=settings.max_body)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code in (404, 405) and exc.detail in ("Not Found", "Method Not Allowed"):
            return _error(exc.status_code, f"no endpoint {request.method} {request.url.path[:80]}; see /docs")
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        return _error(500, f"internal error ({type(exc).__name__}); the service goes on, please report it")

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error(400, problems)

    @app.get("/healthz", summary="Liveness: the service answers")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/extract", summary="Mentions and market figures of articles (no verdicts)", openapi_extra=BODY)
    async def extract(request: Request) -> Response:
        return await _records(pool, "extract", await _articles(request, settings))

    @app.post("/v1/verify", summary="Market figures of articles judged against price history", openapi_extra=BODY)
    async def verify(request: Request) -> Response:
        return await _records(pool, "verify", await _articles(request, settings))

    @app.post("/v1/report", summary="The self-contained HTML report of one article", openapi_extra=BODY,
              response_class=Response)
    async def report(request: Request) -> Response:
        articles, single = await _articles(request, settings)
        if not single:
            raise HTTPException(400, "/v1/report takes one article object, not {\"articles\": [...]}")
        answer = _checked(await pool.run(Job("report", articles)))
        return Response(answer.document, media_type="text/html; charset=utf-8")

    @app.get("/v1/chart/{symbol}", summary="The price chart of a symbol around a date", response_class=Response)
    async def chart(symbol: str, around: str, format: str = "png") -> Response:
        if not SYMBOL.fullmatch(symbol):
            raise HTTPException(400, f"symbol {symbol[:40]!r} is not a Yahoo-style symbol such as META or ^GSPC")
        if format not in ("png", "svg"):
            raise HTTPException(400, f"format {format[:20]!r} is not png or svg")
        try:
            day = parse_day(around, "around")
        except EnrichError as e:
            raise HTTPException(400, str(e)) from None
        answer = _checked(await pool.run(Job("chart", symbol=symbol, around=day.isoformat(), image=format)))
        return Response(answer.document, media_type="image/png" if format == "png" else "image/svg+xml")

    return app


async def _articles(request: Request, settings: Settings) -> tuple[tuple[tuple[str, dict[str, Any]], ...], bool]:
    """The articles of a request body, each with the name it goes by in errors; and whether it came alone."""
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError) as e:  # bad JSON, 5,000-digit numbers, nesting too deep
        raise HTTPException(400, f"the body is not JSON we can read ({str(e)[:120]}); send one article object "
                                 f"or {{\"articles\": [...]}}") from None
    if not isinstance(body, dict):
        raise HTTPException(400, f"the body is a JSON {type(body).__name__}; send one article object "
                                 f"{{\"text\": ...}} or {{\"articles\": [...]}}")
    if "articles" not in body:
        return (("article", body),), True
    items = body["articles"]
    if not isinstance(items, list) or not items:
        raise HTTPException(400, "\"articles\" must be a non-empty list of article objects")
    if len(items) > settings.max_articles:
        raise HTTPException(413, f"{len(items)} articles in one request; send at most {settings.max_articles}")
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise HTTPException(400, f"articles[{i}] is a JSON {type(item).__name__}; each must be an object "
                                     f"with \"text\"")
    return tuple((f"articles[{i}]", item) for i, item in enumerate(items)), False


async def _records(pool: Pool, action: str, request: tuple[tuple[tuple[str, dict[str, Any]], ...], bool]) -> Response:
    articles, single = request
    answer = _checked(await pool.run(Job(action, articles, single=single)))
    return JSONText(answer.records[0] if single else {"results": list(answer.records)})


def _checked(answer: Answer) -> Answer:
    if answer.error:
        raise HTTPException(STATUS.get(answer.error_kind, 500), answer.error)
    return answer


class BodyLimit:
    """Refuse a request body over the limit (413) before the app reads it, whether its length is declared or
    it comes in chunks."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = _error(413, f"the request body is over the {self.limit:,} byte limit; send fewer or shorter "
                               f"articles")
        await response(scope, receive, send)


def check_settings(settings: Settings) -> None:
    """Open the configured sources once, so a bad folder or store is one error at start, not one a request."""
    Enricher(config=settings.market).close()


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the service until interrupted (Ctrl-C or SIGTERM)."""
    import uvicorn

    check_settings(settings)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)
