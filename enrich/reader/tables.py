"""Tables in running text: a header row ("Stock | Close | Chg") names what each column of the rows under it holds,
so "Amazon | 128.36 | -0.6%" is a close and a move, not a price of no stated moment."""
from __future__ import annotations

from dataclasses import replace

from .statements import Figure, SentenceView

# What a column label says its cells are: (reading, level). Labels are matched lowered, without punctuation.
COLUMNS: dict[str, tuple[str, str]] = {
    **{w: ("level", "close") for w in ("close", "closing", "closing price", "close price", "settle", "settlement",
                                       "prev close", "previous close")},
    **{w: ("level", "price") for w in ("last", "last price", "price", "ltp", "current", "last traded", "quote")},
    **{w: ("level", "open") for w in ("open", "opening", "open price")},
    **{w: ("level", "high") for w in ("high", "day high", "day's high", "intraday high")},
    **{w: ("level", "low") for w in ("low", "day low", "day's low", "intraday low")},
    **{w: ("change", "") for w in ("chg", "change", "net change", "net chg", "move", "+/-")},
    **{w: ("change", "pct") for w in ("% chg", "%chg", "% change", "chg %", "change %", "% move", "pct chg",
                                      "pct change", "percent change", "chg pct", "change pct", "pct")},
    **{w: ("volume", "") for w in ("volume", "vol", "shares traded", "traded volume")},
}
TABLE_READINGS = ("level", "change", "after_move", "restate", "volume")


def cells(sv: SentenceView) -> list[list[str]]:
    """The words of each cell of a line whose cells are parted by "|" (none when the line has no bar)."""
    out: list[list[str]] = [[]]
    for t in sv.toks:
        if t.text == "|":
            out.append([])
        elif t.is_word or t.text in ("'s", "+/-", "%"):
            out[-1].append(t.low)
    return out if len(out) > 1 else []


def header(sv: SentenceView) -> tuple[str, ...] | None:
    """The column labels of a header row: a barred line with no numbers, one of whose cells is a known label."""
    row = cells(sv)
    if not row or sv.quantities:
        return None
    labels = tuple(" ".join(c) for c in row)
    return labels if any(column(label) is not None for label in labels) else None


def column(label: str) -> tuple[str, str] | None:
    """What a column label says its cells are; a label that names a change in percent ("Change %Gain", "% chg")
    is a percentage change whatever its other words."""
    said = COLUMNS.get(label)
    if said is not None:
        return said
    words = set(label.split())
    if words & {"chg", "change", "gain", "gains", "move"}:
        return ("change", "pct") if words & {"%", "pct", "percent"} else ("change", "")
    return None


def by_column(sv: SentenceView, figures: list[Figure], columns: tuple[str, ...]) -> list[Figure]:
    """The figures of a row under a header, each read as its column says."""
    out = []
    for f in figures:
        k = sum(1 for t in sv.toks[:f.q.first] if t.text == "|")
        said = column(columns[k]) if k < len(columns) else None
        if said is not None and f.reading in TABLE_READINGS:
            reading, level = said
            if level == "pct":  # "% Chg": its plain numbers are percentages
                level = ""
                if f.q.unit == "plain":
                    f = replace(f, q=replace(f.q, unit="pct"))
            f = replace(f, reading=reading, level=level, sign=f.sign or f.q.sign or (1 if reading == "change" else 0))
        out.append(f)
    return out
