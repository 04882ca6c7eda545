"""Reading articles: plain text, Markdown, HTML, JSON, JSONL and standard input.

Offsets everywhere refer to `Article.text`, the text analysed (markup already removed).

What stops everything and what does not. `read()` raises ArticleError only when there is nothing
to read at all (no input named, standard input named twice) or the --published value cannot be
read. Anything wrong with one input or one record (a missing file, a binary file, an input over
the limit, a bad JSONL line, a record without text, standard input closed) becomes a BadArticle
in its place, and reading goes on with the next. `parse()`, for one document already in memory,
raises ArticleError for its first bad article instead.

Limits: one article is at most MAX_BYTES. A JSONL input is read line by line with that limit per
line (a file of 20,000 short articles is read, however large); any other input, standard input
included, is read at most MAX_BYTES + 1 bytes, so endless input is refused, not held in memory.
Text may be UTF-8 (invalid bytes are replaced) or UTF-16/32 with a byte-order mark; other binary
input is refused.
"""
from __future__ import annotations

import codecs
import functools
import html
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from . import published as pub
from .errors import ArticleError
from .htmldoc import read_html
from .models import Article, BadArticle

MAX_BYTES = 20 * 1024 * 1024
STDIN = "<stdin>"
DOCUMENT_SUFFIXES = (".json", ".html", ".htm", ".md", ".markdown", ".txt")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# Byte-order marks, longest first: UTF-32 LE starts with the UTF-16 LE mark.
BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body)", re.I)
HTML_IN_TEXT = re.compile(r"<(?:p|div|html|body|br)\b", re.I)


def markdown_to_text(md: str) -> str:
    md = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", md)
    md = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"^\s{0,3}#{1,6}\s*", "", md, flags=re.M)
    md = re.sub(r"^\s{0,3}>\s?", "", md, flags=re.M)
    md = re.sub(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)", "", md)
    return md


def make_article(aid: str, text: str, *, published: str | None = None, url: str = "", title: str = "",
                 source: str = "", fallback_published: str | None = None,
                 html_dates: tuple[tuple[str, str], ...] = ()) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{source or aid}: the article is empty; give a file with the article's text")
    p = pub.resolve(published, text, url, fallback_published, html_dates)
    return Article(aid, text, p.when, p.how, p.date_only, url or "", title or "", source, p.region)


def _short(value: object, n: int = 60) -> str:
    text = str(value)
    return repr(text if len(text) <= n else text[:n] + "...")


def _number_as_written(digits: str) -> int | str:
    """JSON integers: Python refuses to convert more than 4,300 digits; such a number stays as written."""
    try:
        return int(digits)
    except ValueError:
        return digits


def _json(text: str) -> object:
    """Raises ValueError with a one-line reason for anything json cannot read, nesting included."""
    try:
        return json.loads(text, parse_int=_number_as_written)
    except json.JSONDecodeError as e:
        raise ValueError(f"not valid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply to read") from None


LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(value: object) -> object:
    """JSON may escape half a surrogate pair ("\\ud800"), which no output can encode: replace it, as
    invalid UTF-8 bytes are replaced."""
    return LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def _from_record(rec: object, source: str, line: int | None, where: str, fallback: str | None) -> Article:
    """An article from one JSON object; ArticleError (one line, naming `where`) when it is not one."""
    if isinstance(rec, dict):
        rec = {k: _clean(v) for k, v in rec.items()}
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise ArticleError(f"{where}: expected an object with a \"text\" string (and optional id, published, url, "
                           f"title)")
    raw_id = rec.get("id")
    if isinstance(raw_id, bool) or (raw_id is not None and not isinstance(raw_id, (str, int))):
        raise ArticleError(f"{where}: \"id\" must be a string, not {type(raw_id).__name__}")
    for key in ("url", "title", "published"):
        if rec.get(key) is not None and not isinstance(rec[key], (str, int)):
            raise ArticleError(f"{where}: \"{key}\" must be a string")
    aid = str(raw_id) if raw_id not in (None, "") else where
    text, title, url = rec["text"], str(rec.get("title") or ""), str(rec.get("url") or "")
    dates: tuple[tuple[str, str], ...] = ()
    if HTML_IN_TEXT.search(text[:2000]):
        doc = read_html(text)
        text, title, url, dates = doc.text, title or doc.title, url or doc.url, doc.dates
    published = rec.get("published")
    return make_article(aid, text, published=str(published) if published is not None else None, url=url,
                        title=title, source=source, fallback_published=fallback, html_dates=dates)


def _document(data: str, name: str, suffix: str, fallback: str | None) -> Iterator[Article | BadArticle]:
    """The article(s) of one whole document: JSON (an object or a list), HTML, Markdown or text."""
    stem = Path(name).stem if name != STDIN else "stdin"
    stripped = data.lstrip()
    if suffix == ".json" or stripped.startswith(("{", "[")):
        try:
            doc = _json(data)
        except ValueError as e:
            if suffix == ".json":
                yield BadArticle(name, None, "", f"{name}: {e}; give one JSON object or a list of them")
                return
            doc = None  # text that happens to start with a bracket
        if doc is not None:
            listed = isinstance(doc, list)
            for i, rec in enumerate(doc if isinstance(doc, list) else [doc]):
                where, index = (f"{name}[{i}]", i) if listed else (name, None)
                yield _guarded(functools.partial(_from_record, rec, name, index, where, fallback), name, index, rec)
            return
    if suffix in (".html", ".htm") or HTML_START.match(data[:500]):
        page = read_html(data)
        yield _guarded(lambda: make_article(stem, page.text, url=page.url, title=html.unescape(page.title),
                                            source=name, fallback_published=fallback, html_dates=page.dates),
                       name, None, None)
        return
    if suffix in (".md", ".markdown"):
        data = markdown_to_text(data)
    title = next((ln.strip() for ln in data.splitlines() if ln.strip()), "")[:200]
    yield _guarded(lambda: make_article(stem, data, title=title, source=name, fallback_published=fallback),
                   name, None, None)


def _guarded(build: Callable[[], Article], source: str, line: int | None, rec: object) -> Article | BadArticle:
    """The article `build` makes, or the BadArticle that takes its place."""
    try:
        return build()
    except ArticleError as e:
        aid = rec.get("id") if isinstance(rec, dict) and isinstance(rec.get("id"), (str, int)) else ""
        return BadArticle(source, line, str(aid), str(e))


# -- streams ---------------------------------------------------------------------------------
def _lines(stream: BinaryIO, encoding: str) -> Iterator[tuple[str | None, int]]:
    """(line with its end, its size in bytes) for each line; None for a line over the limit, which is
    skipped to its end without being kept."""
    if encoding == "utf-8":
        first = True
        while raw := stream.readline(MAX_BYTES + 1):
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                size = len(raw)  # read on to the line's end, keeping nothing, to say how big it was
                while (rest := stream.readline(1 << 20)) and (size := size + len(rest)) and not rest.endswith(b"\n"):
                    pass
                yield None, size
                continue
            if first:
                raw, first = raw.removeprefix(codecs.BOM_UTF8), False
            yield raw.decode("utf-8", errors="replace"), len(raw)
        return
    width = 4 if encoding == "utf-32" else 2
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    while line := text.readline(MAX_BYTES // width + 1):
        if len(line) > MAX_BYTES // width and not line.endswith("\n"):
            size = len(line) * width
            while (more := text.readline(1 << 18)) and (size := size + len(more) * width) and not more.endswith("\n"):
                pass
            yield None, size
            continue
        yield line, len(line) * width


def _too_big(name: str, size: int, what: str = "one input") -> str:
    fix = "cut it down" if what == "one article" else "split it into articles, one per line of a JSONL file"
    return f"{name}: {size / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit for {what}; {fix}"


def _is_jsonl_line(line: str) -> bool:
    try:
        return isinstance(_json(line), dict)
    except ValueError:
        return False


def _jsonl(lines: Iterable[tuple[int, str | None, int]], name: str, fallback: str | None
           ) -> Iterator[Article | BadArticle]:
    seen = False
    for n, line, size in lines:
        if line is None:
            yield BadArticle(name, n, "", _too_big(f"{name}:{n}", size, "one article"))
            seen = True
            continue
        if not line.strip():
            continue
        seen = True
        try:
            rec = _json(line)
        except ValueError as e:
            yield BadArticle(name, n, "", f"{name}:{n}: {e}; each line must be one JSON object")
            continue
        yield _guarded(functools.partial(_from_record, rec, name, n, f"{name}:{n}", fallback), name, n, rec)
    if not seen:
        yield BadArticle(name, None, "", f"{name}: no articles in it; give one JSON object per line")


def _stream(source: BinaryIO, name: str, fallback: str | None) -> Iterator[Article | BadArticle]:
    """The articles of one input read as a stream, within the limits."""
    # peek: the encoding and a binary file are told from the first bytes without consuming them
    stream = source if isinstance(source, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, source))
    head = stream.peek(8192)[:8192]
    encoding = next((enc for bom, enc in BOMS if head.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in head:
        odd, even = head[1::2], head[0::2]  # UTF-16 text: one of the two is all NULs, the other is not
        utf16 = (not odd.strip(b"\x00") and even.strip(b"\x00")) or (not even.strip(b"\x00") and odd.strip(b"\x00"))
        hint = " (UTF-16 without a byte-order mark? save it as UTF-8)" if utf16 else ""
        yield BadArticle(name, None, "", f"{name}: looks like a binary file, not text{hint}; give .txt, .md, .html, "
                                         f".json or .jsonl")
        return
    suffix = Path(name).suffix.lower() if name != STDIN else ""
    numbered = ((n, line, size) for n, (line, size) in enumerate(_lines(stream, encoding), 1))
    first = next(numbered, None)
    while first is not None and first[1] is not None and not first[1].strip() and suffix not in DOCUMENT_SUFFIXES:
        first = next(numbered, None)  # blank lines before a JSONL stream
    if first is None:
        yield BadArticle(name, None, "", f"{name}: the input is empty; give an article's text")
        return
    if suffix in JSONL_SUFFIXES or (suffix not in DOCUMENT_SUFFIXES and first[1] is not None
                                    and _is_jsonl_line(first[1])):
        yield from _jsonl(_chain(first, numbered), name, fallback)
        return
    parts, size = [], 0
    for _, line, n_bytes in _chain(first, numbered):
        size += n_bytes
        if line is None or size > MAX_BYTES:
            yield BadArticle(name, None, "", _too_big(name, size if line is not None else MAX_BYTES + 1))
            return
        parts.append(line)
    yield from _document("".join(parts), name, suffix, fallback)


def _chain(first: tuple[int, str | None, int], rest: Iterator[tuple[int, str | None, int]]
           ) -> Iterator[tuple[int, str | None, int]]:
    yield first
    yield from rest


def parse(raw: bytes, name: str, fallback_published: str | None = None) -> list[Article]:
    """Articles in one input held in memory; the format comes from the name, else the content."""
    out = []
    for item in _stream(io.BytesIO(raw), name, fallback_published):
        if isinstance(item, BadArticle):
            raise ArticleError(item.message)
        out.append(item)
    return out


def _file(p: str, fallback: str | None) -> Iterator[Article | BadArticle]:
    path = Path(p)
    if not path.exists():
        yield BadArticle(p, None, "", f"{p}: no such file; check the path")
        return
    if path.is_dir():
        yield BadArticle(p, None, "", f"{p}: is a folder; give the article files inside it")
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES and path.suffix.lower() not in JSONL_SUFFIXES:
            yield BadArticle(p, None, "", _too_big(p, size))  # refused without being read
            return
        with path.open("rb") as fh:
            yield from _stream(fh, p, fallback)
    except OSError as e:
        yield BadArticle(p, None, "", f"{p}: cannot read ({e.strerror or e}); check it and its permissions")


def _stdin(fallback: str | None) -> Iterator[Article | BadArticle]:
    stream = getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
    if stream is None:
        yield BadArticle(STDIN, None, "", f"{STDIN}: standard input is closed; pipe an article in, or give a file")
        return
    try:
        yield from _stream(stream, STDIN, fallback)
    except (OSError, ValueError) as e:  # a descriptor closed under us: EBADF, "I/O operation on closed file"
        yield BadArticle(STDIN, None, "", f"{STDIN}: standard input cannot be read ({e}); pipe an article in, or "
                                          f"give a file")


def read_each(paths: list[str], fallback_published: str | None = None) -> list[Iterator[Article | BadArticle]]:
    """The articles of each input apart ("-" is standard input), with a BadArticle in the place of each that
    cannot be read. ArticleError, before anything is read, only when nothing could be: no input, "-" named twice,
    a --published that is no date or time."""
    if not paths:
        raise ArticleError("no input given; name article files, or - for standard input")
    if paths.count("-") > 1:
        raise ArticleError("standard input (-) is named more than once; it can be read only once")
    pub.check_option(fallback_published)
    return [_stdin(fallback_published) if p == "-" else _file(p, fallback_published) for p in paths]


def read(paths: list[str], fallback_published: str | None = None) -> Iterator[Article | BadArticle]:
    """Every article of the inputs in order (read_each, one input after another)."""
    for each in read_each(paths, fallback_published):
        yield from each
