"""An HTML page as an article: its text (markup, scripts and navigation removed), title, canonical URL,
and the publish dates its metadata states, in the order they are trusted:

    JSON-LD datePublished (schema.org, in <script type="application/ld+json">)
    <meta> article:published_time, og:published_time, datePublished, pubdate, publishdate, date, ...
    <time> marked as the publication (pubdate, itemprop=datePublished), else the first <time datetime>

Modified dates (dateModified, article:modified_time) are not publish dates and are not taken.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "template",
             "button", "figure"}
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "section", "article", "blockquote",
              "pre", "dd", "dt", "time", "title"}
# <meta> names that state the publication, most specific first
META_PUBLISHED = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                  "publish-date", "article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued",
                  "dcterms.created", "date")
MAX_JSON_LD = 200_000  # characters of one JSON-LD block read; a page's real block is a few KB
MAX_DEPTH = 12  # levels of a JSON-LD document searched for datePublished


@dataclass(frozen=True)
class HtmlDoc:
    text: str
    title: str
    url: str
    dates: tuple[tuple[str, str], ...]  # (where it was stated, value), most trusted first


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.times: list[tuple[bool, str]] = []  # (marked as the publication, datetime)
        self.ld: list[str] = []
        self.in_ld = False
        self.url = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self.in_ld = True
            self.ld.append("")
        if tag in SKIP_TAGS:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
        if tag == "time" and a.get("datetime"):
            marked = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
            self.times.append((marked, a["datetime"]))
        if tag == "link" and "canonical" in a.get("rel", "").lower().split() and not self.url:
            self.url = a.get("href", "")
        if tag in BLOCK_TAGS and not self.skip:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_ld = False
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS and not self.skip:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_ld:
            if len(self.ld[-1]) < MAX_JSON_LD:
                self.ld[-1] += data
            return
        if self.in_title:
            self.title += data
            return
        if not self.skip:
            self.parts.append(data)


def _date_published(node: Any, depth: int = 0) -> str:
    """The first datePublished in a JSON-LD document, breadth first (an @graph lists the page's things)."""
    level = [node]
    while level and depth <= MAX_DEPTH:
        nxt = []
        for item in level:
            if isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str) and value.strip():
                    return value.strip()
                nxt += [v for v in item.values() if isinstance(v, (dict, list))]
            elif isinstance(item, list):
                nxt += [v for v in item if isinstance(v, (dict, list))]
        level, depth = nxt, depth + 1
    return ""


def read_html(markup: str) -> HtmlDoc:
    parser = _Reader()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    dates: list[tuple[str, str]] = []
    for block in parser.ld:
        try:
            found = _date_published(json.loads(block))
        except (ValueError, RecursionError):  # a page's broken JSON-LD is its problem, not a reason to stop
            continue
        if found:
            dates.append(("JSON-LD datePublished", found))
            break
    dates += [(f"<meta {key}>", parser.meta[key]) for key in META_PUBLISHED if parser.meta.get(key)]
    times = sorted(parser.times, key=lambda t: not t[0])  # the marked one first, then in page order
    if times:
        dates.append(("<time pubdate>" if times[0][0] else "<time> element", times[0][1]))
    url = parser.url or parser.meta.get("og:url", "")
    return HtmlDoc(text, parser.title.strip(), url, tuple(dates))
