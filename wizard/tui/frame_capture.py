"""Taking the first-frame picture (wizard/files/first_frame.py) from a live question screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static, TextArea

from wizard.files.first_frame import FirstFrame
from wizard.tui.textual_internals.screens import render_strips

if TYPE_CHECKING:
    from textual.screen import Screen


def _markup(widget: Static) -> str:
    content = widget.content
    return content.markup if isinstance(content, Content) else Content(str(content)).markup


def _inside(strips: list[Strip], widget: Widget, frame: bool = False) -> str:
    """What `strips` show inside `widget` (children included; its border, padding and
    scrollbar too with `frame`), as plain text."""
    region = widget.region if frame else widget.content_region
    rows = strips[region.y : region.bottom]
    return "\n".join(strip.crop(region.x, region.right).text.rstrip() for strip in rows).rstrip("\n")


def _answer(box: Widget, strips: list[Strip]) -> list[tuple[str, str, str]]:
    parts: list[tuple[str, str, str]] = []
    for widget in box.query("Input, TextArea, OptionList, Static"):
        shown = [widget, *widget.ancestors[: widget.ancestors.index(box)]]
        if not all(w.display for w in shown):
            continue  # the widgets of other kinds wait hidden in the box
        if any(isinstance(a, (Input, TextArea, OptionList)) for a in widget.ancestors):
            continue  # a part of a widget already taken
        if isinstance(widget, Input):
            parts.append(("input", widget.value, str(widget.placeholder)))
        elif isinstance(widget, TextArea):
            parts.append(("area", widget.text, str(widget.placeholder)))
        elif isinstance(widget, OptionList):
            text = _inside(strips, widget, frame=True)  # as shown: its box, scrolled, cut off
            if text:
                parts.append(("lines", text, ""))
        elif isinstance(widget, Static):
            parts.append(("hint" if widget.classes & {"field-hint", "list-hint"} else "lines",
                          Content.from_markup(_markup(widget)).plain, ""))
    return parts


def capture(screen: Screen[Any]) -> FirstFrame:
    """The question screen as it is now (its ids are the ones PreviewScreen lays out)."""
    strips = render_strips(screen)
    return FirstFrame(
        topbar=_markup(screen.query_one("#topbar", Static)),
        where=_markup(screen.query_one("#where", Static)),
        prompt=_markup(screen.query_one("#prompt", Static)),
        help=_markup(screen.query_one("#help", Static)),
        answer=_answer(screen.query_one("#field-box"), strips),
        nav=_inside(strips, screen.query_one("#nav")).splitlines(),
        keys=_inside(strips, screen.query_one(Footer)),
        step=screen.step.ref,  # type: ignore[attr-defined]
    )
