"""Showing user text safely: never as markup, never as raw control bytes."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from wizard.model.safetext import visible

__all__ = ["literal", "literal_text", "one_line", "visible"]


def literal(text: str, style: str = "") -> Content:
    """Content that shows `text` exactly as typed: `[bold]` stays `[bold]`."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


def literal_text(text: str, style: str = "") -> Text:
    """The Rich Text form of `literal`, for the widgets that still take Rich renderables
    (Tree, DataTable)."""
    return Text(visible(text), style=style)


def one_line(text: str, width: int = 60) -> str:
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
