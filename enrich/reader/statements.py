"""How each quantity of a sentence is read: by the first grammar entry (entries.py) that fits it.

`SentenceView` holds one sentence's typed tokens (quantities, names, time expressions, lexicon phrases, clauses);
`read_figures` walks its quantities in order and returns a `Figure` for each one that states a market figure.
The `when` tests of the entries are the methods of `Tests` (conditions.py), each named for the condition it checks;
the nodes are defined in nodes.py.
"""
from __future__ import annotations

from dataclasses import replace

from .conditions import Tests
from .entries import ENTRIES
from .grammar import Entry, Span
from .lexicon import Phrase
from .nodes import CHANGES, Figure, SentenceView
from .quantities import Quantity
from .text import Token


def shared_units(toks: tuple[Token, ...], quantities: list[Quantity]) -> list[Quantity]:
    """"dropped 4.3 and 3.8 per cent", "rose 12, 15 and 9 points": bare numbers joined to one written with its
    unit share that unit."""
    out = list(quantities)
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        between = {t.low for t in toks[q.last:nxt.first]}
        listed = between & {"and", "&"} or (between == {","} and nxt.unit != quantities[k + 1].unit)
        if q.unit == "plain" and nxt.unit in ("pct", "points") and between <= {",", "and", "&"} and listed \
                and q.scale == 1 and not q.sign and (nxt.unit != "pct" or abs(q.value) < 100):
            # "change +1.25, +0.89%" on a quote board keeps its units; "2,850 and 1.9%" is no pair of percentages
            out[k] = replace(q, unit=nxt.unit)
    return out


def read_figures(sv: SentenceView) -> list[Figure]:
    out: list[Figure] = sv.figures
    out.clear()
    tests = Tests(sv, out)
    for q in sv.quantities:
        c = sv.clause_of(q.first)
        anchor = Span(q.first, q.last, q.unit)
        for e in ENTRIES:
            if e.units and q.unit not in e.units:
                continue
            got = sv.view.match(e.pattern, anchor, 0 if e.scope == "sentence" else c.first, c.last)
            if got is None or (e.when and not getattr(tests, e.when)(q, c)):
                continue
            if e.reads != "none":
                out.append(_figure(sv, q, e, got, out))
            break
    return _joined_moves(sv, out)


def _joined_moves(sv: SentenceView, figures: list[Figure]) -> list[Figure]:
    """Percentages joined by "and" whose rising or falling word comes only after the last ("Daimler and Siemens
    ended 1.5% and 2.2% lower"): each is a move with that word's sign, not a level of the verb before them."""
    toks = sv.toks
    for k, f in enumerate(figures):
        if f.q.unit != "pct" or f.reading != "level":
            continue
        run = [f]
        for g in figures[k + 1:]:
            if g.q.unit != "pct" or {t.low for t in toks[run[-1].q.last:g.q.first]} - {",", "and", "&"}:
                break
            run.append(g)
        last = run[-1].q.last
        word = sv.tags.starts(last, "direction.after") or sv.tags.starts(last, "direction.adverb")
        if len(run) < 2 or word is None:
            continue
        sign = 1 if word.cls.endswith(".up") else -1
        for g in run:
            figures[figures.index(g)] = replace(g, reading="change", level="", sign=sign)
    return figures


def _figure(sv: SentenceView, q: Quantity, e: Entry, got: list[Phrase], before: list[Figure]) -> Figure:
    hedge = _hedge(sv, q)
    other = max((o.last for o in sv.quantities if o.last <= q.first), default=0)  # the quote holds one figure
    first = min([p.first for p in got if p.first >= other] + [q.first])
    sign = 0
    for p in got:
        if p.cls.endswith(".up"):
            sign = 1
        elif p.cls.endswith(".down"):
            sign = -1
    reading, level = e.reads, e.level
    if reading == "coordinate":  # "... on Tuesday and 7.6 million on Wednesday": the figure before's reading
        prev = next((f for f in reversed(before) if f.q.unit == q.unit), before[-1])  # (of its unit)
        if "another" in sv.words(prev.q.last, q.first):  # "rose 3% to $200 on Thursday and another $5": a move
            prev = next((f for f in reversed(before) if f.reading in CHANGES), prev)
        reading, level, sign = prev.reading, prev.level, sign or prev.sign
    if reading in ("restate", "gapped"):
        move = next((f for f in reversed(before) if f.reading in CHANGES and f.q.last <= q.first), None)
        if move is not None:
            sign = sign or move.sign
            if e.reads == "gapped" and q.unit == "plain" and move.q.unit == "pct":
                q = replace(q, unit="pct")  # "Reliance was up 0.3 per cent and ITC 0.6": the unit is elided too
            reading = "change" if move.reading in ("restate", "gapped") else move.reading
            if reading == "value_change" and not q.large:
                reading = "change"
        else:
            reading = "change"
    if q.sign and not sign:
        sign = q.sign
    if not sign and reading in CHANGES:
        sign = _sign_before(sv, q) or 1  # a change nothing says the direction of is a rise ("0.17" on a quote row)
    if level == "crossed":
        level = _crossed(sv, q, got)
    extreme = ""
    if level == "extreme":
        high = next((p for p in got if p.cls.startswith("level.high")), None)
        extreme = "level.high" if high is not None else "level.low"
        level = "high" if high is not None else "low"
        at = (high or next(p for p in got if p.cls.startswith("level.low"))).first
        if sv.toks[at - 1].low == "closing" or sv.tags.within(at + 1, q.first, "level.close"):
            level = "close"  # "its 52-week closing high of $80.44", "from its high of the day to finish at $308.93"
    if reading == "level" and level == "price":
        level = _level_after(sv, q) or level  # "Touched $214.10 at the bottom of the session"
    if reading == "level" and level == "price" and before and before[-1].level in ("close", "open", "high", "low") \
            and not any(sv.tags.within(before[-1].q.last, q.first, cls) for cls in ("direction", "level")):
        level = before[-1].level  # "Apple closed at $173.93 and Microsoft at $319.53": the verb is not repeated
    if reading == "after_move":
        level = _level_before(sv, q.first)
        move = next((f for f in reversed(before) if f.reading in CHANGES), None)
        if move is not None and move.hedge and move.hedge.split()[-1] == "as" and move.hedge.startswith(("as", "up")):
            level = "high" if move.sign >= 0 else "low"  # "rose as much as 4.5% to $198.40": the day's high
        if q.large and (sv.tags.within(sv.clause_of(q.first).first, q.first, "value.nouns")
                        or move is not None and move.reading == "value_change"):
            reading, level = "value", ""  # "Nvidia's value would rise by $181 billion to a record $936 billion",
            # "added $277 billion to its market value, pushing it to $1.96 trillion"
    if hedge and first > q.first - len(hedge.split()):
        first = min(first, q.first - len(hedge.split()))
    opened = q.first - (len(hedge.split()) if hedge else 0)
    if reading == "value" and opened > 0 and sv.toks[opened - 1].low == "from":
        level = "from"  # "its value has shrunk from about $200 billion to $42 billion": the value it started at
    joins = e.reads in ("restate", "after_move", "before_move") and before
    chain = before[-1].chain if joins else (before[-1].chain + 1 if before else 0)
    return Figure(q, reading, e.name, level, sign, hedge, max(0, first), extreme, chain)


def _sign_before(sv: SentenceView, q: Quantity) -> int:
    """The sign of the nearest rising or falling word before the figure in its clause ("a weak forecast cost
    Facebook more than $120 billion in market value")."""
    c = sv.clause_of(q.first)
    for start in (c.first, 0):  # else the sentence's: "with falls in Lloyds (1.2%) and Barclays (0.9%)"
        words = [p for cls in ("direction.verb", "direction.adverb", "direction.noun", "value.change_verbs")
                 for p in sv.tags.within(start, q.first, cls)]
        if words:
            break
    if not words:
        return 0
    last = max(words, key=lambda p: p.last)
    return 1 if last.cls.endswith(".up") else -1


def _crossed(sv: SentenceView, q: Quantity, got: list[Phrase]) -> str:
    """A level crossed is the close when a closing word stands right before the threshold ("closed above
    26,000"), else the session's high (a level topped, breached, passed) or low (a level fallen below)."""
    th = next((p for p in got if p.cls == "threshold"), None)
    at = th.first if th is not None else q.first
    if sv.tags.within(max(0, at - 3), at, "level.close"):
        return "close"
    word = sv.toks[at].low if th is not None else ""
    return "low" if word in ("below", "under", "beneath", "sub") else "high"


def _level_after(sv: SentenceView, q: Quantity) -> str:
    """"$214.10 at the bottom of the session", "$58.70 at the day's high": the extreme named after the price."""
    j = q.last
    words = [t.low for t in sv.toks[j:j + 3]]
    if words[:1] in (["at"], ["near"]) and len(words) > 1 and words[1] in ("the", "its", "a"):
        k = j + 2
        if sv.tags.starts(k, "level.low") is not None or sv.toks[k].low == "bottom" if k < len(sv.toks) else False:
            return "low"
        if k < len(sv.toks) and (sv.tags.starts(k, "level.high") is not None or sv.toks[k].low == "top"):
            return "high"
    return ""


def _level_before(sv: SentenceView, i: int) -> str:
    """The point of the session the clause (or the sentence before it) names: "closed", "opened", else a price
    (words of a time expression, "after the bell", name no point of the session)."""
    timed = {k for e in sv.times for k in range(e.first, e.last)}
    for p in reversed([p for p in sv.tags.within(0, i, "level") if p.first not in timed]):
        verbs = [v for v in sv.tags.within(p.last, i, "direction.verb") if v.first not in timed]
        if verbs and {t.low for t in sv.toks[p.last:verbs[-1].first]} & {"and", "then", "but", "before", "later"}:
            return "price"  # "closed at $11.10 and then sank 17% to $9.21": the price the new move reached
        if p.cls == "level.close":
            return "close"
        if p.cls == "level.open":
            return "open"
    return "price"


def _hedge(sv: SentenceView, q: Quantity) -> str:
    j = q.first
    while j > 0 and sv.toks[j - 1].low in ("the", "a", "an", "some") and sv.tags.ends(j, "hedge") is None:
        j -= 1
    p = sv.tags.ends(j, "hedge")
    if p is None:
        return ""
    return " ".join(t.low for t in sv.toks[p.first:p.last])
