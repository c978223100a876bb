"""Scrolling panes of the question screen that a click never takes the focus to.

Textual gives the focus to the scrollable container under a click on its blank part, so a
click beside the answer box (on the help, below the question; in a browser, to bring the
page to the front) took the focus from it and the next keys went nowhere. The panes still
scroll with the mouse wheel and can be reached with Tab.
"""

from __future__ import annotations

from textual.containers import VerticalScroll

from wizard.tui.textual_internals.painting import SteadyBox


class Pane(SteadyBox, VerticalScroll):
    def focus_on_click(self) -> bool:
        return False
