"""The picture's colours, light, dark and print, and the WCAG contrast every text colour keeps on every background.

Every text colour is used on every background somewhere (a muted label on a tinted stage
card, an accent heading on the sheet), so each theme is checked as a whole: every
TEXT token against every SURFACE token must reach AA for body text (4.5:1).
"""

from __future__ import annotations

TEXT = ("fg", "muted", "accent", "pain", "gain", "badge-fg")
SURFACE = ("sheet", "card", "pain-bg", "gain-bg", "badge")
OTHER = ("desk", "line", "rule")
"""Not text on a surface: the desk the sheets lie on (screen only) and lines between things."""

LIGHT = {
    "desk": "#e7e4dc", "sheet": "#ffffff", "card": "#f7f6f2", "pain-bg": "#fcf3f0", "gain-bg": "#f0f7f2",
    "badge": "#e3ecf4", "line": "#d6d2c7", "rule": "#1f5d8c",
    "fg": "#1b1b19", "muted": "#57554f", "accent": "#1d5a88", "pain": "#9b2c1b", "gain": "#1c6636",
    "badge-fg": "#173f60",
}
DARK = {
    "desk": "#0e0f11", "sheet": "#1a1c1f", "card": "#23262a", "pain-bg": "#2e2422", "gain-bg": "#1f2b24",
    "badge": "#24384b", "line": "#3b3f45", "rule": "#8cc0ec",
    "fg": "#ecebe6", "muted": "#b1aea6", "accent": "#95c6ef", "pain": "#f2a797", "gain": "#93d6a8",
    "badge-fg": "#d6e8f7",
}
# Paper: light colours on white, whether or not the browser prints backgrounds.
PRINT = LIGHT | {"desk": "#ffffff"}
THEMES = {"light": LIGHT, "dark": DARK, "print": PRINT}
AA = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of `#rrggbb`."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def weakest(theme: dict[str, str]) -> tuple[float, str, str]:
    """The lowest contrast of any text colour on any surface of a theme, and which pair it is."""
    surfaces = [*SURFACE, "desk"] if theme is PRINT else SURFACE
    return min((contrast(theme[t], theme[s]), t, s) for t in TEXT for s in surfaces)


def variables(theme: dict[str, str]) -> str:
    return " ".join(f"--{name}: {value};" for name, value in theme.items())
