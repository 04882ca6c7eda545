"""Tables in running text: a header row ("Stock | Close | Chg") names what each column of the rows under it holds,
so "Amazon | 128.36 | -0.6%" is a close and a move, not a price of no stated moment; a list's caption ("Largest
one-day market value losses:") names what the bare numbers of the lines under it are ("Apple, 9/03/2020: -$180bn")."""
from __future__ import annotations

from dataclasses import dataclass, replace

from .nodes import Figure, SentenceView

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
    """The figures of a row under a header, each read as its column says; a number the grammar left unread is read
    by its column alone ("FTSE 100 | 7,507.15 | -17.01 | -0.23%": the third number is the "% Chg")."""
    read = {f.q.first for f in figures}
    figures = sorted([*figures, *(Figure(q, "level", "a number in a table's column", quote_first=q.first)
                                  for q in sv.quantities if q.first not in read)], key=lambda f: f.q.first)
    out = []
    for f in figures:
        k = sum(1 for t in sv.toks[:f.q.first] if t.text == "|")
        said = column(columns[k]) if k < len(columns) else None
        if said is not None and f.reading in TABLE_READINGS:
            f = _read_as(f, said)
        elif f.entry == "a number in a table's column":
            continue  # a number under no known label stays unread
        out.append(f)
    return out


def _read_as(f: Figure, said: tuple[str, str]) -> Figure:
    """A figure read as its column or label says; a percentage column's plain numbers are percentages ("% Chg")."""
    reading, level = said
    if level == "pct":
        level = ""
        if f.q.unit == "plain":
            f = replace(f, q=replace(f.q, unit="pct"))
    return replace(f, reading=reading, level=level, sign=f.sign or f.q.sign or (1 if reading == "change" else 0))


@dataclass(frozen=True)
class Caption:
    """What a list's caption says the numbers of its lines are."""

    reading: str  # value_change | change | level | volume
    unit: str  # the unit the caption names for a change ("pct", "points"), "" for any; the level for "level"
    sign: int  # +1 / -1 when the caption names gains or losses only
    subject: str | None  # the company or index the caption names ("The Dow's worst point drops:"), if any


LIST_NOUNS = frozenset({"change", "changes", "moves", "movers", "gainers", "losers", "decliners", "advancers",
                        "fallers", "risers"})


def caption(sv: SentenceView) -> Caption | None:
    """A line that ends in a colon, states no figure of its own (a count such as "Ten biggest" may be there) and
    names a measure: "Largest one-day market cap declines:", "Biggest point drops for the Dow:", "Top percentage
    gainers (Nasdaq):", "Closing prices:", "Most active:"."""
    toks = sv.toks
    if len(toks) < 2 or toks[-1].text != ":" or any(q.unit != "plain" or q.decimals for q in sv.quantities):
        return None
    return _measure(sv, len(toks))


def inline_caption(sv: SentenceView) -> Caption | None:
    """A caption that opens a line of items: "Top gainers: Tata Motors (up 3.8%), Maruti Suzuki (2.6%)", "Heading
    lower: Lowe's, 2.9% to $201.30", "Most active: Ford 82.3m shares, Apple 58.9m"."""
    colon = next((k for k in range(1, min(6, len(sv.toks))) if sv.toks[k].text == ":"), None)
    if colon is None or colon == len(sv.toks) - 1 or any(q.first < colon for q in sv.quantities):
        return None
    n = len(sv.toks)
    if sv.tags.within(colon, n, "direction.verb") or sv.tags.within(colon, n, "level") \
            or sv.tags.within(colon, n, "value.change_verbs"):
        return None  # "Gains were modest: Coca-Cola added 0.4%": a sentence after the colon, not a list of items
    return _measure(sv, colon, inline=True)


def _measure(sv: SentenceView, n: int, inline: bool = False) -> Caption | None:
    """What the caption words in tokens [0, n) say the numbers under (or after) them are."""
    up, down = sv.tags.within(0, n, "direction.noun.up"), sv.tags.within(0, n, "direction.noun.down")
    if inline:  # "Heading lower:", "Up:"
        up = up or sv.tags.within(0, n, "direction.after.up")
        down = down or sv.tags.within(0, n, "direction.after.down")
    words = {t.low for t in sv.toks[:n]}
    named = next((x.symbol for x in reversed(sv.names) if x.symbol and x.last <= n), None)
    sign = (1 if up and not down else -1 if down and not up else 0) or (
        1 if words & {"gainers", "advancers", "risers"} else -1 if words & {"losers", "decliners", "fallers"} else 0)
    if sv.tags.within(0, n, "value.nouns") and (up or down):
        return Caption("value_change", "", sign, named)
    if words & {"active", "volume", "volumes", "traded"}:
        return Caption("volume", "", 0, named)  # "Most active:", "Volume leaders:"
    if up or down or words & LIST_NOUNS:
        unit = "pct" if words & {"%", "percent", "percentage", "pct"} else "points" if words & {"point", "points"} \
            else ""
        return Caption("change", unit, sign, named)
    if words & {"close", "closes", "closing"}:
        return Caption("level", "close", 0, named)
    return None


def caption_row(sv: SentenceView) -> bool:
    """A line of a captioned list: names, a date, tickers and numbers only ("Apple / AAPL, 9/03/2020: -$182.39
    billion", "March 16, 2020: -2,997.10"), no clause of its own."""
    if not sv.quantities or len(sv.toks) > 24:
        return False
    spans = [(x.first, x.last) for x in sv.quantities] + [(n.first, n.last) for n in sv.names] + [
        (e.first, e.last) for e in sv.times]
    covered = {k for a, b in spans for k in range(a, b)}
    return not any(t.is_word and k not in covered and not (t.text.isupper() and len(t.text) <= 5)
                   for k, t in enumerate(sv.toks))


def by_caption(sv: SentenceView, figures: list[Figure], said: Caption) -> list[Figure]:
    """The numbers of a captioned list's line that the grammar left unread or took for a bare quote, read as the
    caption says: a large sum under a market-value caption, a percentage or points under a change caption, a price
    under a closing one."""
    out = [f for f in figures if not (f.reading == "level" and f.level == "price" and (
        f.q.sign or said.reading in ("value_change", "volume")))]  # "Ocado -8.2" is a move; "Ford 12.45 (-1.8%)" a price
    read = {f.q.first for f in out}
    for q in sv.quantities:
        if q.first in read:
            continue
        if said.reading == "value_change":
            fits = q.unit == "money" and q.large
        elif said.reading == "volume":
            fits = q.unit == "plain" and q.value >= 1000
        elif said.reading == "change":
            fits = not q.large and q.unit in (("pct", "plain") if said.unit == "pct" else ("plain", "points", "pct"))
        else:
            fits = not q.large and q.unit in ("money", "plain")
        moved = any(f.reading == "change" and f.q.last <= q.first for f in out)
        if not fits and moved and q.unit == "money" and not q.large and sv.toks[q.first - 1].low in ("to", "at"):
            out.append(Figure(q, "after_move", "a price after a listed move", level="price", quote_first=q.first))
            continue  # "Heading lower: Lowe's, 2.9% to $201.30"
        if not fits:
            out.extend(f for f in figures if f.q.first == q.first and f not in out)
            continue
        pct = said.reading == "change" and said.unit == "pct" and q.unit == "plain"
        out.append(Figure(replace(q, unit="pct") if pct else q, said.reading,
                          "a number on a line under a caption that names it", level=said.unit if said.reading ==
                          "level" else "", sign=q.sign or said.sign, quote_first=q.first))
    return sorted(out, key=lambda f: f.q.first)


def by_line_label(sv: SentenceView, figures: list[Figure]) -> list[Figure]:
    """Numbers labelled in their line: a label and a colon right before a number ("Last: $301.44 | Chg: +2.13 |
    %Chg: +0.71%") reads it as that column; a line headed by one ("Close: FTSE 100 7,559.19 (-0.1%); Rolls-Royce
    148.44p (+2.7%)") gives its prices of no stated moment that moment."""
    toks = sv.toks
    colon = next((k for k in range(min(4, len(toks))) if toks[k].text == ":"), None)
    head = column(" ".join(t.low for t in toks[:colon])) if colon else None
    by_q = {f.q.first: f for f in figures}
    out = []
    for q in sv.quantities:
        f = by_q.get(q.first)
        said = _cell_label(sv, q.first)
        if said is not None:
            out.append(_read_as(Figure(q, "level", "a number its label names", quote_first=q.first), said))
        elif f is not None and head is not None and head[0] == "level" and f.reading == "level" and f.level == "price":
            out.append(replace(f, level=head[1]))
        elif f is not None:
            out.append(f)
    return out


def _cell_label(sv: SentenceView, first: int) -> tuple[str, str] | None:
    """The column label written right before a number with a colon ("Chg: +2.13"), from the cell's start."""
    if first < 2 or sv.toks[first - 1].text != ":":
        return None
    k = first - 1
    while k > 0 and sv.toks[k - 1].text not in ("|", ";", ",", ":", "(") and first - k < 5:
        k -= 1
    return column(" ".join(t.low for t in sv.toks[k:first - 1]))
