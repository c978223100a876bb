"""Showing user text safely: never as markup, never as raw control bytes."""

from __future__ import annotations

from textual.content import Content

# Widgets that still take Rich renderables (Tree, DataTable) use the core's Rich Text form.
from wizard.model.safetext import literal as literal_text
from wizard.model.safetext import visible

__all__ = ["literal", "literal_text", "one_line", "visible"]


def literal(text: str, style: str = "") -> Content:
    """Content that shows `text` exactly as typed: `[bold]` stays `[bold]`."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


def one_line(text: str, width: int = 60) -> str:
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
