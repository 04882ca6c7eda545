"""How well the publish time is found: enrich's reader against htmldate, on pages built from case files.

Each case ({"text", "url", "published"}, the dev sets' format) becomes four HTML pages: the story with
its publish time in JSON-LD (beside a later dateModified), in <meta article:published_time>, in a
<time> element, and with no metadata at all (only what the text itself says). Both readers get the
same page and URL; a reading counts as right when its date is the case's, and as exact when the time
and offset agree too (for cases whose time is known). Also timed per page.

    .venv/bin/python bench/published_eval.py /work/shared/devset*/cases

htmldate is not a dependency: install it beside enrich to compare (pip install htmldate); without it
only enrich is measured.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import sys
import time
from pathlib import Path

from enrich.article import parse

LATER = "2031-01-02T03:04:05+00:00"  # a dateModified no case has


def pages(case: dict) -> dict[str, str]:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in case["text"].split("\n\n"))
    url, when = case.get("url", ""), case["published"]
    ld = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "url": url}, {"@type": "NewsArticle", "datePublished": when, "dateModified": LATER}]})
    head = f'<link rel="canonical" href="{html.escape(url)}"><title>{html.escape(case.get("title") or "")}</title>'
    return {
        "JSON-LD": f'<html><head>{head}<script type="application/ld+json">{ld}</script></head><body>{body}</body>',
        "meta": f'<html><head>{head}<meta property="article:published_time" content="{when}">'
                f'<meta property="article:modified_time" content="{LATER}"></head><body>{body}</body>',
        "time": f'<html><head>{head}</head><body><header><time datetime="{when}">{when[:10]}</time></header>'
                f'<article>{body}</article></body>',
        "none": f"<html><head>{head}</head><body><article>{body}</article></body>",
    }


def judge(got: dt.datetime | None, gold: str) -> tuple[bool | None, bool | None]:
    """(date right, or None when nothing was found; time and offset right, or None when the case has no time)."""
    if got is None:
        return None, False if len(gold) > 10 else None
    right = got.date().isoformat() == gold[:10]
    if len(gold) == 10:
        return right, None
    want = dt.datetime.fromisoformat(gold)
    return right, got.tzinfo is not None and got == want


def with_enrich(page: str, url: str) -> dt.datetime | None:
    (a,) = parse(page.encode(), "page.html")
    return a.published


def with_htmldate(page: str, url: str) -> dt.datetime | None:
    from htmldate import find_date

    found = find_date(page, url=url, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S%z")
    if not found:
        return None
    try:
        return dt.datetime.strptime(found, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return dt.datetime.fromisoformat(found[:19])  # htmldate leaves the offset out when it has none


def main(folders: list[str]) -> None:
    cases = [json.loads(p.read_text()) for f in folders for p in sorted(Path(f).glob("*.json"))]
    cases = [c for c in cases if c.get("published")]
    readers = {"enrich": with_enrich}
    try:
        import htmldate  # noqa: F401
        readers["htmldate"] = with_htmldate
    except ImportError:
        print("htmldate is not installed: measuring enrich alone")
    for name, reader in readers.items():
        print(f"\n{name}: {len(cases)} cases with a publish time")
        for kind in ("JSON-LD", "meta", "time", "none"):
            right = wrong = exact = timed = 0
            started = time.perf_counter()
            for c in cases:
                ok, same = judge(reader(pages(c)[kind], c.get("url", "")), c["published"])
                right += ok is True
                wrong += ok is False
                if same is not None:
                    timed += 1
                    exact += same
            ms = (time.perf_counter() - started) / len(cases) * 1000
            print(f"  {kind:8} date right {right}/{len(cases)}, wrong {wrong}, none found {len(cases) - right - wrong}; "
                  f"time and offset right {exact}/{timed}; {ms:.1f} ms a page")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(p) for p in sorted(Path("/work/shared").glob("devset*/cases"))])
