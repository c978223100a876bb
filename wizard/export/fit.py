"""How big the type on a sheet of the picture can be: the height of its content estimated at each size.

The page holds no script (it must open anywhere, offline, and print the same), so nothing
can measure it in the browser; and no Python library lays out HTML without one. So this
estimates the height the way the stylesheet lays the sheet out (widths in em, lines wrapped
at an average character width of the widest common fallback font, DejaVu Sans) and picks the
largest size at which the sheet fits an A4 landscape page. When even the smallest does not,
the sheet continues on the next page, cards whole (break-inside: avoid).
The em lengths here mirror page_style.py's; tests print the pages in Chromium to hold the two together.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass

SIZES_PT = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
"""The type sizes a sheet may take (`fit-0` is the largest). Down to 6 pt, so a segment with
three jobs answered in full (the event example) still fits its page: small print, but one
sheet to hand over beats a segment split across two."""
PAGE_W, PAGE_H = 281.0, 194.0
"""The printable area of A4 landscape inside the 8 mm margins, in mm."""
CHAR = 0.56
"""The average advance of a character of text, in em."""
LINE = 1.25
PT_MM = 25.4 / 72
SLACK = 0.96
"""Estimates are near, not exact: a sheet must fit in this share of the page."""


@dataclass(frozen=True)
class Ruler:
    """Lengths at one type size: `em` is the sheet's em in mm."""

    em: float

    def lines(self, text: str, width_mm: float, scale: float = 1.0) -> int:
        per_line = max(1, int(width_mm / (CHAR * self.em * scale)))
        count = sum(len(textwrap.wrap(par, per_line)) or 1 for par in text.split("\n") if par.strip())
        return max(1, count)

    def text(self, text: str, width_mm: float, scale: float = 1.0, leading: float = LINE) -> float:
        """The height of a paragraph of `text` in a box `width_mm` wide, at `scale` of the sheet's type."""
        return self.lines(text, width_mm, scale) * leading * scale * self.em

    def items(self, items: Iterable[str], width_mm: float, indent_em: float = 0.9, scale: float = 1.0) -> float:
        """A list of items, each with a hanging marker `indent_em` wide."""
        return sum(self.text(item, width_mm - indent_em * self.em * scale, scale) for item in items)

    def label(self) -> float:
        """A small upper-case label over a fact (.label)."""
        return 0.72 * LINE * self.em + 0.15 * self.em

    def columns(self, width_mm: float, weights: Iterable[float], gap_em: float) -> list[float]:
        """The widths of grid columns of these fr `weights` with `gap_em` between them."""
        weights = list(weights)
        free = width_mm - gap_em * self.em * (len(weights) - 1)
        return [free * w / sum(weights) for w in weights]


def ruler(size: int) -> Ruler:
    return Ruler(SIZES_PT[size] * PT_MM)


def choose(height: Callable[[Ruler], float]) -> int:
    """The largest type size (lowest `fit-N`) at which `height` fits the page; the smallest if none does."""
    for size in range(len(SIZES_PT)):
        if height(ruler(size)) <= PAGE_H * SLACK:
            return size
    return len(SIZES_PT) - 1


def stack(r: Ruler, heights: Iterable[float], gap_em: float) -> float:
    """Blocks one above the other with `gap_em` between them."""
    hs = [h for h in heights if h > 0]
    return sum(hs) + gap_em * r.em * max(0, len(hs) - 1)


def balanced(r: Ruler, heights: list[float], columns: int) -> float:
    """Unbreakable blocks flowed into `columns` balanced CSS columns: at least a share of the total,
    and the greedy fill leaves part of a block over it (measured in Chromium: about a third of the largest)."""
    if not heights:
        return 0.0
    return max(max(heights), sum(heights) / columns + 0.35 * max(heights))
