"""Showing user text literally in exported Markdown and HTML: no markup, no raw control bytes."""

from __future__ import annotations

import html
import re

from wizard.model import safetext

# Everywhere in a line: characters that start emphasis, code, links, HTML, entities, tables.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&#!])")
# At the start of a line: what would begin a list or underline a heading (# and > are escaped anywhere).
_MD_LIST_MARK = re.compile(r"^([-+=]|\d+(?=[.)]))")


def visible(text: str) -> str:
    """Control characters as harmless visible symbols (ESC shows as ␛), so an export cannot
    carry terminal escape sequences into a pager or a browser; Windows line ends are plain ends."""
    return safetext.visible(text.replace("\r\n", "\n"))


def md_line(text: str) -> str:
    """One line of Markdown that reads exactly as `text` (newlines become spaces)."""
    flat = " ".join(visible(text).split())
    escaped = _MD_INLINE.sub(r"\\\1", flat)
    # "1. x" stays a number when the dot is escaped; "- x" when the dash is.
    return _MD_LIST_MARK.sub(lambda m: m.group() + "\\" if m.group().isdigit() else "\\" + m.group(), escaped)


def md_block(text: str, indent: str = "") -> str:
    """Several lines of Markdown, one paragraph with hard line breaks, indented for a list item."""
    lines = [md_line(line) for line in visible(text).split("\n") if line.strip()]
    return f"\\\n{indent}".join(lines)


def html_text(text: str) -> str:
    """Text for an HTML element or attribute: escaped, quotes included, controls visible."""
    return html.escape(visible(text), quote=True)
