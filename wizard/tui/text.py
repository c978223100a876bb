"""Showing user text safely: never as markup, never as raw control bytes."""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Control characters as harmless visible symbols (ESC shows as ␛), so a canvas
    cannot move the cursor, ring the bell or open a hyperlink in the user's terminal."""

    def picture(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        return "␡" if code == 0x7F else "\ufffd"

    return _CONTROL.sub(picture, text)


def literal(text: str, style: str = "") -> Content:
    """Content that shows `text` exactly as typed: `[bold]` stays `[bold]`."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


def one_line(text: str, width: int = 60) -> str:
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def literal_text(text: str, style: str = "") -> Text:
    """A Rich Text of `text` as typed, for widgets that still take Rich renderables (Tree)."""
    return Text(visible(text), style=style)
