"""Textual's Input without the whole-screen layout it asks for on every key typed."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input
from textual.widgets.input import Selection


class AnswerInput(Input):
    """An Input whose text never changes its size, so typing repaints only the input.

    Textual's Input keeps its virtual size (the width of its text) in a reactive that
    asks for a layout, and the first character past its width turns on a (zero-width)
    scrollbar, another layout: each of these lays out the whole screen again, the
    larger part of what a key cost on the question screen. The input is a fixed three
    lines high and as wide as its container whatever it holds, so neither can move
    anything: both are set here without a layout, and the scroll range is brought up to
    date as the text changes, which is all the layout did for the input itself.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0))
    show_horizontal_scrollbar: Reactive[bool] = Reactive(False)

    def _watch_virtual_size(self, size: Size) -> None:
        # What ScrollView._size_updated does after a layout: may the text scroll sideways now?
        self._refresh_scrollbars()

    def _on_paste(self, event: events.Paste) -> None:
        # One line holds the whole paste, its lines joined (Textual's Input keeps the first).
        # Textual calls the handler of each class in turn: Input's own is called from here.
        event.prevent_default()
        super()._on_paste(events.Paste(" ".join(event.text.splitlines())))
        event.stop()

    def start_over(self, text: str, placeholder: str, focused: bool = False) -> None:
        """Hold `text` as a new input made with it would; `focused`: as one given the focus."""
        self.value = text
        self.placeholder = placeholder
        self.cursor_position = len(text)
        if not text:  # a new input leaves an empty start unvalidated
            self.remove_class("-valid", "-invalid")
        if focused and self.select_on_focus:  # focus it may have kept selects nothing by itself
            self.selection = Selection(0, len(text))
