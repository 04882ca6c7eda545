"""The results of the pipeline, and their plain-data forms (the JSON of ../eval/FORMAT.md's "What the program
returns"): `to_dict()` is exactly the object `enrich verify --format jsonl` prints, `to_frame()` one row a figure.

An article a batch could not read or check becomes an error record instead of a result (`error_dict`):

    {"id": "a7" or null, "error": "one line: what was wrong and what to do", "source": "news.jsonl", "line": 7}
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .models import Article, BadArticle, Claim, Judgement, Mention, PriceSeries

if TYPE_CHECKING:
    import pandas as pd

# one row a figure in to_frame(): the scalar fields of a claim's dict, in this order
FRAME_COLUMNS = ("id", "symbol", "kind", "value", "approx", "quote", "start", "end", "session", "currency")
VERDICT_COLUMNS = ("verdict", "reason", "explanation", "date_note", "unchecked")


@dataclass(frozen=True)
class Extraction:
    """What an article states: its mentions and market figures, with the sessions they refer to."""

    article: Article
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]

    def to_dict(self) -> dict[str, Any]:
        return extraction_dict(self)

    def to_frame(self) -> pd.DataFrame:
        return _frame(self.to_dict()["claims"], self.article.id, FRAME_COLUMNS)


@dataclass(frozen=True)
class Checked:
    """An article's figures judged against the data of their sessions."""

    article: Article
    mentions: tuple[Mention, ...]
    judgements: tuple[Judgement, ...]
    unchecked: tuple[Judgement, ...] = ()  # figures about instruments or sessions no source holds data for
    series: dict[str, PriceSeries] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # data rows set aside in the data about this article's symbols

    def to_dict(self) -> dict[str, Any]:
        return checked_dict(self)

    def to_frame(self) -> pd.DataFrame:
        d = self.to_dict()
        rows = [{**c, "unchecked": False} for c in d["claims"]] + [{**c, "unchecked": True} for c in d["unchecked"]]
        return _frame(rows, self.article.id, FRAME_COLUMNS + VERDICT_COLUMNS)


def _frame(claims: list[dict[str, Any]], article_id: str, columns: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([{**c, "id": article_id} for c in claims], columns=list(columns))


def mention_dict(m: Mention) -> dict[str, Any]:
    return {"symbol": m.symbol, "name": m.name, "text": m.text, "start": m.start, "end": m.end, "role": m.role}


def claim_dict(c: Claim) -> dict[str, Any]:
    t = c.time
    out: dict[str, Any] = {
        "symbol": c.symbol, "kind": c.kind.value, "value": c.value, "approx": c.approx, "quote": c.quote,
        "start": c.start, "end": c.end, "session": t.session.isoformat() if t and t.session else None,
        "currency": c.currency,
        "time": {"text": t.text, "moment": t.moment.value, "why": t.why,
                 "from_session": t.from_session.isoformat() if t.from_session else None,
                 "candidates": [d.isoformat() for d in t.candidates]} if t else None,
    }
    if t and t.from_session:
        out["from_session"] = t.from_session.isoformat()
    if c.base_price is not None:
        out["base_price"] = c.base_price
    return out


def judged_dict(j: Judgement) -> dict[str, Any]:
    d = claim_dict(j.claim)
    if j.evidence.get("session"):
        d["session"] = j.evidence["session"]
    d.update(verdict=j.verdict.value, reason=j.reason, evidence=j.evidence,
             explanation=j.explanation + (" " + j.date_note if j.date_note else ""), date_note=j.date_note)
    return d


def extraction_dict(ex: Extraction) -> dict[str, Any]:
    a = ex.article
    return {"id": a.id, "published": a.published.isoformat() if a.published else None,
            "published_how": a.published_how, "mentions": [mention_dict(m) for m in ex.mentions],
            "claims": [claim_dict(c) for c in ex.claims]}


def checked_dict(ch: Checked) -> dict[str, Any]:
    a = ch.article
    return {"id": a.id, "published": a.published.isoformat() if a.published else None,
            "published_how": a.published_how, "mentions": [mention_dict(m) for m in ch.mentions],
            "claims": [judged_dict(j) for j in ch.judgements],
            "unchecked": [judged_dict(j) for j in ch.unchecked], **({"warnings": list(ch.warnings)} if ch.warnings
                                                                      else {})}


def error_dict(item: Article | BadArticle, message: str = "") -> dict[str, Any]:
    """The record of an article that got no result: what it was, where it came from, and why."""
    if isinstance(item, BadArticle):
        return {"id": item.id or None, "error": message or item.message, "source": item.source, "line": item.line}
    # a JSONL article's source is "file:line" (a JSON list's "file[index]"): give the line apart, as BadArticle does
    m = re.fullmatch(r"(.+):(\d+)", item.source)
    source, line = (m.group(1), int(m.group(2))) if m else (item.source, None)
    return {"id": item.id, "error": message, "source": source, "line": line}


def is_error(record: dict[str, Any]) -> bool:
    return "error" in record
