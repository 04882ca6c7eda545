"""Where the numbered badges and the key's lines go, worked out in pixels before anything is drawn.

Badges: each figure's number sits in a small badge near its point, joined to it by a short leader, never on
another badge, a bracket, the publish label or the frame, and kept off the price line where any place
near the point allows. Ranges: brackets stacked in rows above the prices, one row per overlap. Key: each
entry wrapped to the panel's width with the font's real advances, the font shrunk once and then the list
cut ("and N more") when the panel is full. Pure geometry: matplotlib only lends its measure of text.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.font_manager import FontProperties

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels, y upwards

RINGS = (30.0, 48.0, 66.0, 86.0, 108.0, 132.0)
ANGLES = (90, 270, 60, 120, 300, 240, 30, 150, 330, 210, 0, 180)  # degrees, 90 = straight up


def overlaps(a: Box, b: Box, gap: float = 0.0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _seg_distance(points: np.ndarray, seg: np.ndarray) -> np.ndarray:
    """Distance of each point (k, 2) to the nearest of the segments (n, 2, 2)."""
    if len(seg) == 0:
        return np.full(len(points), np.inf)
    a, b = seg[:, 0, :], seg[:, 1, :]
    ab = b - a
    denom = np.maximum((ab * ab).sum(axis=1), 1e-9)
    ap = points[:, None, :] - a[None, :, :]
    t = np.clip((ap * ab[None, :, :]).sum(axis=2) / denom[None, :], 0.0, 1.0)
    near = a[None, :, :] + t[:, :, None] * ab[None, :, :]
    # numpy's stubs type a reduction along an axis as Any (it could be a scalar); along axis 1 of (k, n) it is (k,)
    nearest: np.ndarray = np.sqrt(((points[:, None, :] - near) ** 2).sum(axis=2)).min(axis=1)
    return nearest


@dataclass(frozen=True)
class Placed:
    centre: tuple[float, float]
    box: Box


def place_badges(anchors: list[tuple[float, float]], bounds: Box, radius: float, *,
                 taken: list[Box] | None = None, line: np.ndarray | None = None) -> list[Placed]:
    """One badge per anchor (pixels), in the given order: the nearest free place on rings around the
    anchor, inside `bounds`, clear of `taken` boxes, of earlier badges and of every anchor's dot; among
    those, one clear of the `line` segments if any is (the price line stays readable)."""
    boxes = list(taken or [])
    dots = [(ax - 4, ay - 4, ax + 4, ay + 4) for ax, ay in anchors]
    offsets = np.array([(d * math.cos(math.radians(a)), d * math.sin(math.radians(a))) for d in RINGS for a in ANGLES])
    segs = np.zeros((0, 2, 2)) if line is None or len(line) < 2 else np.stack([line[:-1], line[1:]], axis=1)
    out = []
    r = radius + 2.0
    for ax_, ay in anchors:
        cands = offsets + np.array([ax_, ay])
        clear = _seg_distance(cands, segs) > r + 1.5
        choice = None
        for want_clear in (True, False):
            for (cx, cy), ok in zip(cands, clear):
                if want_clear and not ok:
                    continue
                box = (cx - r, cy - r, cx + r, cy + r)
                if box[0] < bounds[0] or box[2] > bounds[2] or box[1] < bounds[1] or box[3] > bounds[3]:
                    continue
                if any(overlaps(box, b) for b in boxes) or any(overlaps(box, d) for d in dots):
                    continue
                choice = Placed((float(cx), float(cy)), box)
                break
            if choice is not None:
                break
        if choice is None:  # nowhere free: straight above, at the last ring, and the overlap test will say so
            cx, cy = ax_, ay + RINGS[-1]
            choice = Placed((cx, cy), (cx - r, cy - r, cx + r, cy + r))
        boxes.append(choice.box)
        out.append(choice)
    return out


def bracket_rows(spans: list[tuple[float, float]]) -> list[int]:
    """A row for each span such that spans sharing a row do not overlap (shortest spans nearest the data)."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][1] - spans[i][0])
    rows: list[list[tuple[float, float]]] = []
    out = [0] * len(spans)
    for i in order:
        a, b = spans[i]
        for k, row in enumerate(rows):
            if all(b < c - 0.6 or a > d + 0.6 for c, d in row):
                row.append((a, b))
                out[i] = k
                break
        else:
            rows.append([(a, b)])
            out[i] = len(rows) - 1
    return out


# -- text measuring and wrapping -----------------------------------------------------------------------

@lru_cache(maxsize=1)
def _renderer() -> RendererBase:
    from matplotlib.backends.backend_agg import RendererAgg

    # only measures: its one-pixel canvas is never drawn on. RendererAgg has no annotations in matplotlib (no
    # stub for backend_agg), so its constructor is an untyped call; the measuring method is typed on RendererBase
    return RendererAgg(1, 1, 100.0)  # type: ignore[no-untyped-call]


@lru_cache(maxsize=8)
def _prop(size_pt: float, bold: bool) -> FontProperties:
    from matplotlib.font_manager import FontProperties

    return FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal", size=size_pt)


@lru_cache(maxsize=8192)
def text_width(text: str, size_pt: float, dpi: float = 100.0, bold: bool = False) -> float:
    """The width in pixels of one line of DejaVu Sans exactly as the Agg renderer lays it out (its own
    measurement, so hinting and kerning of any matplotlib version are accounted for)."""
    width, _, _ = _renderer().get_text_width_height_descent(text, _prop(size_pt, bold), ismath=False)
    return float(width) * dpi / 100.0


def _space(size_pt: float, dpi: float, bold: bool) -> float:
    return text_width("a a", size_pt, dpi, bold) - 2 * text_width("a", size_pt, dpi, bold)


def _cut(word: str, width_px: float, size_pt: float, dpi: float, bold: bool) -> list[str]:
    """A word too long for a line, cut into pieces that fit."""
    pieces = []
    while text_width(word, size_pt, dpi, bold) > width_px and len(word) > 1:
        cut = len(word) - 1
        while cut > 1 and text_width(word[:cut], size_pt, dpi, bold) > width_px:
            cut -= 1
        pieces.append(word[:cut])
        word = word[cut:]
    return pieces + [word]


def wrap(text: str, width_px: float, size_pt: float, dpi: float = 100.0, bold: bool = False,
         max_lines: int = 3) -> list[str]:
    """Greedy word wrap to `width_px`; past `max_lines` the last line ends with an ellipsis.

    Lines are filled by adding up the words' widths (each measured once and remembered), then each line is
    measured whole and gives back its last word while it is too wide: exact, with few measurements."""
    space = _space(size_pt, dpi, bold)
    words = [piece for w in text.split() for piece in _cut(w, width_px, size_pt, dpi, bold)]
    lines: list[str] = []
    while words:
        used, n = text_width(words[0], size_pt, dpi, bold), 1
        while n < len(words) and used + space + text_width(words[n], size_pt, dpi, bold) <= width_px:
            used += space + text_width(words[n], size_pt, dpi, bold)
            n += 1
        while n > 1 and text_width(" ".join(words[:n]), size_pt, dpi, bold) > width_px:
            n -= 1
        lines.append(" ".join(words[:n]))
        words = words[n:]
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "\u2026", size_pt, dpi, bold) > width_px:
            last = last[:-1]
        lines = lines[: max_lines - 1] + [last.rstrip() + "\u2026"]
    return lines


def line_height(size_pt: float, dpi: float = 100.0) -> float:
    return size_pt * dpi / 72.0 * 1.3
