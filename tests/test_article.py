"""Articles in every format, and bad input answered with a clear message."""
from __future__ import annotations

import json

import pytest

from enrich.article import MAX_BYTES, parse, read
from enrich.errors import ArticleError
from enrich.models import Article, BadArticle

HTML = """<!doctype html><html><head><title>Facebook shares jump</title>
<meta property="article:published_time" content="2018-08-06T14:35:00-04:00">
<script>var tracking = "Apple shares rose 99 percent";</script><style>p{color:red}</style></head>
<body><nav>Markets | Apple | Tesla</nav><article><h1>Facebook shares jump</h1>
<p>Shares in Facebook were trading up 3.6 percent to USD 184.24 on Monday.</p>
<script>document.write("Tesla fell 50 percent")</script></article><footer>(c) Example</footer></body></html>"""


def test_html_keeps_the_story_and_drops_scripts_navigation_and_boilerplate():
    (a,) = parse(HTML.encode(), "story.html")
    assert "3.6 percent" in a.text and "99 percent" not in a.text and "Tesla" not in a.text
    assert a.title == "Facebook shares jump"
    assert a.published.isoformat() == "2018-08-06T14:35:00-04:00"
    assert a.text[a.text.find("USD"):a.text.find("USD") + 10] == "USD 184.24"  # offsets are into the analysed text


def test_markdown_json_and_jsonl(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("# Title\n\n**Apple** shares rose [2 percent](http://x) on Monday.\n")
    (a,) = read([str(md)])
    assert a.text.splitlines()[0] == "Title" and "Apple shares rose 2 percent on Monday." in a.text
    js = tmp_path / "a.json"
    js.write_text(json.dumps([{"id": "one", "text": "Apple rose.", "published": "2018-08-06"},
                              {"id": "two", "text": "Tesla fell."}]))
    assert [x.id for x in read([str(js)])] == ["one", "two"]
    jl = tmp_path / "b.jsonl"
    jl.write_text("\n".join(json.dumps({"id": str(i), "text": f"Article {i}."}) for i in range(3)) + "\n")
    assert [x.id for x in read([str(jl)])] == ["0", "1", "2"]


def test_invalid_utf8_is_read_with_replacements():
    (a,) = parse(b"Apple shares rose 2 percent \xff\xfe on Monday.", "bad.txt")
    assert "2 percent" in a.text and "\ufffd" in a.text


@pytest.mark.parametrize("raw,name,message", [
    (b"", "empty.txt", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image.txt", "binary"),
    (b'{"id": 1}', "x.json", '"text"'),
    (b"{not json", "x.json", "not valid JSON"),
])
def test_bad_input_messages(raw, name, message):
    with pytest.raises(ArticleError, match=message) as info:
        parse(raw, name)
    assert name in str(info.value) and "\n" not in str(info.value)


def test_a_file_over_the_limit_is_refused_without_being_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no 20 MB written
    (bad,) = read([str(big)])
    assert isinstance(bad, BadArticle) and "over the 20 MB limit" in bad.message and bad.source == str(big)


def test_a_50_mb_line_in_jsonl_is_set_aside_with_the_limit_and_the_next_line_read(tmp_path):
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "a", "text": "' + b"x" * (50 * 1024 * 1024) + b'"}\n')
        fh.write(b'{"id": "b", "text": "Apple shares rose 2 percent."}\n')
    first, second = read([str(path)])
    assert isinstance(first, BadArticle) and first.line == 1 and "52.4 MB is over" in first.message
    assert isinstance(second, Article) and second.id == "b"


PAGE = """<!doctype html><html><head><title>Globex climbs</title>
<meta property="og:url" content="https://news.example.com/markets/globex">
<meta name="article:modified_time" content="2019-03-14T10:00:00Z">
{meta}
<script type="application/ld+json">{ld}</script></head>
<body><header><time datetime="2019-03-01T07:00:00Z">1 March</time></header><article>
<p>Globex went public on May 18, 2012.</p><p>Its shares rose 2 percent on Tuesday.</p></article></body></html>"""


@pytest.mark.parametrize("meta,ld,expected,how", [
    ("", '{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", '
         '"datePublished": "2019-03-12T09:30:00-04:00", "dateModified": "2019-03-14T10:00:00Z"}]}',
     "2019-03-12T09:30:00-04:00", "JSON-LD datePublished"),
    ('<meta property="article:published_time" content="2019-03-12T13:30:00Z">', "{not json",
     "2019-03-12T13:30:00+00:00", "article:published_time"),
    ("", "", "2019-03-01T07:00:00+00:00", "<time> element"),
])
def test_html_metadata_gives_the_publish_time(meta, ld, expected, how):
    (a,) = parse(PAGE.format(meta=meta, ld=ld).encode(), "page.html")
    assert a.published.isoformat() == expected and how in a.published_how
    assert a.url == "https://news.example.com/markets/globex" and a.title == "Globex climbs"
    assert "went public" in a.text and "datePublished" not in a.text


def test_json_list_records_are_set_aside_one_by_one_with_their_index(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"id": "a", "text": "Globex rose."}, {"id": "b"}, {"id": "c", "text": "Initech fell."}]))
    items = list(read([str(path)]))
    assert [type(x).__name__ for x in items] == ["Article", "BadArticle", "Article"]
    assert (items[1].line, items[1].id) == (1, "b") and f"{path}[1]" in items[1].message
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "z", "text": 5}))
    (bad,) = read([str(single)])
    assert (bad.line, bad.id) == (None, "z")
