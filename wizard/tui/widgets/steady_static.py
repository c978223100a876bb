"""Textual's Static without the second layout of the whole screen that follows a change of its height."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Static


class SteadyStatic(Static):
    """A Static for text that changes with every question (the prompt, the help, the status).

    When a layout gives a widget a new size, Textual also stores its new virtual size (the
    size of what it could scroll) in a reactive that asks for another layout: one more
    layout and one more frame, 20 to 40 ms after the first, each time one of these texts
    changed height. A Static never scrolls, and the layout that sized it is the one just
    done, so its virtual size is kept without asking for another.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=False)
