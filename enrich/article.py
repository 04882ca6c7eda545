"""Reading articles: plain text, Markdown, HTML, JSON, JSONL and standard input.

Offsets everywhere refer to `Article.text`, the text analysed (markup already removed).
Limits: a file over MAX_BYTES is refused; binary files are refused; invalid UTF-8 is read
with the bad bytes replaced (and said so in `published_how`'s neighbour, the warnings list).
"""
from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from . import published as pub
from .errors import ArticleError
from .models import Article

MAX_BYTES = 20 * 1024 * 1024
SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "template",
             "button", "figure"}
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "section", "article", "blockquote",
              "pre", "dd", "dt", "time", "title"}


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self.in_title = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in SKIP_TAGS:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop") or ""
            if key:
                self.meta[key.lower()] = a.get("content", "")
        if tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag == "link" and a.get("rel") == "canonical":
            self.meta.setdefault("og:url", a.get("href", ""))
        if tag in BLOCK_TAGS and not self.skip:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS and not self.skip:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str, dict[str, str]]:
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, parser.title.strip(), parser.meta


def markdown_to_text(md: str) -> str:
    md = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", md)
    md = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"^\s{0,3}#{1,6}\s*", "", md, flags=re.M)
    md = re.sub(r"^\s{0,3}>\s?", "", md, flags=re.M)
    md = re.sub(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)", "", md)
    return md


def make_article(aid: str, text: str, *, published: str | None = None, url: str = "", title: str = "",
                 source: str = "", fallback_published: str | None = None) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{source or aid}: the article is empty; give a file with the article's text")
    p = pub.resolve(published, text, url, fallback_published)
    return Article(aid, text, p.when, p.how, p.date_only, url or "", title or "", source, p.region)


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise ArticleError(f"{name}: {size / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit for "
                           f"one input; split it into articles (JSONL) or cut it down")


def _decode(raw: bytes, name: str) -> str:
    _check_size(len(raw), name)
    if b"\x00" in raw[:8192]:
        raise ArticleError(f"{name}: looks like a binary file, not text; give .txt, .md, .html, .json or .jsonl")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def _from_record(rec: object, where: str, fallback: str | None) -> Article:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise ArticleError(f"{where}: expected an object with a \"text\" string (and optional id, published, url, "
                           f"title)")
    aid = str(rec.get("id") or where)
    text, title = rec["text"], rec.get("title") or ""
    if re.search(r"<(?:p|div|html|body|br)\b", text[:2000], re.I):
        text, html_title, _ = html_to_text(text)
        title = title or html_title
    return make_article(aid, text, published=rec.get("published"), url=rec.get("url") or "", title=title,
                        source=where, fallback_published=fallback)


def parse(raw: bytes, name: str, fallback_published: str | None = None) -> list[Article]:
    """Articles in one input (a file's bytes); the format comes from the name, else the content."""
    data = _decode(raw, name)
    suffix = Path(name).suffix.lower()
    stripped = data.lstrip()
    stem = Path(name).stem if name != "<stdin>" else "stdin"
    if suffix == ".jsonl" or (suffix not in (".json", ".html", ".htm", ".md", ".txt") and stripped.startswith("{")
                              and "\n{" in stripped):
        out = []
        for n, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise ArticleError(f"{name}:{n}: not valid JSON ({e.msg}); each line must be one JSON object") from None
            out.append(_from_record(rec, f"{name}:{n}", fallback_published))
        if not out:
            raise ArticleError(f"{name}: no articles in it; give one JSON object per line")
        return out
    if suffix == ".json" or stripped.startswith(("{", "[")):
        try:
            doc = json.loads(data)
        except json.JSONDecodeError as e:
            if suffix == ".json":
                raise ArticleError(f"{name}:{e.lineno}: not valid JSON ({e.msg})") from None
            doc = None
        if doc is not None:
            recs = doc if isinstance(doc, list) else [doc]
            return [_from_record(r, f"{name}[{i}]" if isinstance(doc, list) else name, fallback_published)
                    for i, r in enumerate(recs)]
    if suffix in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html|<head|<body)", data[:500], re.I):
        text, title, meta = html_to_text(data)
        when = meta.get("article:published_time") or meta.get("datepublished") or meta.get("time")
        return [make_article(stem, text, published=when, url=meta.get("og:url", ""), title=html.unescape(title),
                             source=name, fallback_published=fallback_published)]
    if suffix in (".md", ".markdown"):
        data = markdown_to_text(data)
    title = next((ln.strip() for ln in data.splitlines() if ln.strip()), "")[:200]
    return [make_article(stem, data, title=title, source=name, fallback_published=fallback_published)]


def read(paths: list[str], fallback_published: str | None = None) -> Iterator[Article]:
    """Every article in the given files ("-" is standard input), in order."""
    for p in paths:
        if p == "-":
            yield from parse(sys.stdin.buffer.read(), "<stdin>", fallback_published)
            continue
        path = Path(p)
        if not path.exists():
            raise ArticleError(f"{p}: no such file; check the path")
        if path.is_dir():
            raise ArticleError(f"{p}: is a folder; give the article files inside it")
        try:
            _check_size(path.stat().st_size, p)
            raw = path.read_bytes()
        except OSError as e:
            raise ArticleError(f"{p}: cannot read ({e.strerror}); check permissions") from None
        yield from parse(raw, str(p), fallback_published)
