"""The figures key beside the chart: for each numbered figure its verdict, date, quote and the article's
number against the data's; then the window's largest move. Lines are measured and wrapped here, so the
panel never spills: a long list gets a smaller font, then is cut with a line saying how many are left out.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..models import Verdict
from .layout import line_height, text_width, wrap
from .marks import LargestMove, Mark
from .style import SIGN

SIZES = (8.5, 7.5)  # points: the usual size, then the one a long list falls back to
GAP = 7.0  # pixels between entries
INDENT = 26.0  # pixels from the panel's left edge to an entry's text (the badge sits in that margin)


@dataclass(frozen=True)
class Entry:
    number: int | None  # None for the largest-move line and the "N more" line
    verdict: Verdict | None
    head: str  # the verdict line, bold: "✓ Supported, 6 Aug"
    body: tuple[str, ...]  # wrapped lines: the quote, then article against data
    top: float  # pixels from the panel's top to the entry's first line


@dataclass(frozen=True)
class KeyLayout:
    size: float  # font size in points
    heading: str
    entries: tuple[Entry, ...]
    left_out: int  # figures not listed for lack of room


def _head(m: Mark) -> str:
    word = m.verdict.value.capitalize() + (f" ({m.reason})" if m.reason and m.verdict is Verdict.UNVERIFIABLE else "")
    return f"{SIGN[m.verdict]} {word}, {m.when}"


def _body(m: Mark, width: float, size: float, roomy: bool) -> tuple[str, ...]:
    quote = wrap(f"\u201c{m.quote}\u201d", width, size, max_lines=2 if roomy else 1)
    facts = wrap(f"Article: {m.said}; data: {m.data}", width, size, max_lines=3 if roomy else 2)
    return tuple(quote + facts)


def lay_out(marks: list[Mark], largest: LargestMove | None, width: float, height: float) -> KeyLayout:
    """Entries for a panel `width` x `height` pixels, the first font size (and wrapping) that fits them all,
    else the smaller size with as many as fit and a closing "N more" line."""
    heading = f"Figures in the article ({len(marks)})" if marks else "In this window"
    for size, roomy in ((SIZES[0], True), (SIZES[1], True), (SIZES[1], False)):
        entries, top, lh = [], line_height(10.0) + 6.0, line_height(size)
        text_w = width - INDENT
        fitted = 0
        for m in marks:
            head = _head(m)
            body = _body(m, text_w, size, roomy)
            tall = lh * (1 + len(body))
            if top + tall > height:
                break
            entries.append(Entry(m.number, m.verdict, head, body, top))
            top += tall + GAP
            fitted += 1
        tail = []
        if largest is not None:
            tail = wrap(f"\u25c7 Largest one-day move in view: {largest.text}", width, size, max_lines=2)
        spare = height - top - lh * len(tail)
        if fitted == len(marks) and spare >= 0:
            if tail:
                entries.append(Entry(None, None, "", tuple(tail), top))
            return KeyLayout(size, heading, tuple(entries), 0)
    # the smallest size still leaves some out: drop entries until the closing lines fit
    more_h = lh * (1 + len(tail))
    while entries and entries[-1].top + lh * (1 + len(entries[-1].body)) + GAP + more_h > height:
        entries.pop()
    top = entries[-1].top + lh * (1 + len(entries[-1].body)) + GAP if entries else line_height(10.0) + 6.0
    left = len(marks) - len(entries)
    entries.append(Entry(None, None, "", (f"and {left} more: see the report's figures table",) + tuple(tail), top))
    return KeyLayout(SIZES[1], heading, tuple(entries), left)


def widest(layout: KeyLayout) -> float:
    """The widest line the key will draw, in pixels (for tests and for checking the panel's width)."""
    lines = [(e.head, True) for e in layout.entries if e.head] + [(b, False) for e in layout.entries for b in e.body]
    return max((text_width(t, layout.size, bold=b) for t, b in lines), default=0.0)
