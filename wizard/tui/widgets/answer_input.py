"""The answer box for a line of text: Textual's Input without a layout per key, reused across questions."""

from __future__ import annotations

from textual.widgets.input import Selection

from wizard.tui.textual_internals.painting import QuietInput


class AnswerInput(QuietInput):
    """The answer box for one line of text, reused from question to question."""

    def start_over(self, text: str, placeholder: str, focused: bool = False) -> None:
        """Hold `text` as a new input made with it would; `focused`: as one given the focus."""
        self.value = text
        self.placeholder = placeholder
        self.cursor_position = len(text)
        if not text:  # a new input leaves an empty start unvalidated
            self.clear_validity()
        if focused and self.select_on_focus:  # focus it may have kept selects nothing by itself
            self.selection = Selection(0, len(text))
