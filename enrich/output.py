"""Results as plain data: the JSON of ../eval/FORMAT.md's "What the program returns"."""
from __future__ import annotations

from typing import Any

from .models import Claim, Judgement, Mention
from .pipeline import Checked, Extraction


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
            "unchecked": [judged_dict(j) for j in ch.unchecked]}
