"""The answer widget for a long text: a text area where Enter starts a new line."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Input, TextArea

from wizard.model.canvas import Value
from wizard.tui.key_names import key
from wizard.tui.textual_internals.painting import SteadyStatic
from wizard.tui.widgets.answer_field import AnswerField
from wizard.tui.widgets.focus import focus_now


class LongTextField(AnswerField):
    DEFAULT_CSS = "LongTextField TextArea { height: 8; }"
    QUIET: ClassVar[tuple[type[Message], ...]] = (Input.Changed, TextArea.Changed)

    def compose(self) -> ComposeResult:
        yield TextArea(self.start_text(), placeholder=self._placeholder(), tab_behavior="focus")
        yield SteadyStatic(f"Enter starts a new line; {key(self.app, 'next')} saves and goes on.",
                           classes="field-hint", markup=False)

    def _placeholder(self) -> str:
        return self.question.placeholder or "Type your answer"

    def load(self) -> None:
        area = self.query_one(TextArea)
        area.load_text(self.start_text())  # which also starts a new undo history
        area.placeholder = self._placeholder()

    def value(self) -> Value | None:
        text = self.query_one(TextArea).text
        if self.initial is not None and text == str(self.initial):
            return self.initial  # not edited: the answer stays exactly as the file has it
        return text.strip()

    def draft(self) -> str:
        text = self.query_one(TextArea).text
        return "" if text.strip() == str(self.initial or "").strip() else text

    def focus_first(self) -> None:
        areas = self.query(TextArea)
        if not areas:  # already replaced by the next question
            return
        area = areas.first()
        focus_now(area)
        area.move_cursor(area.document.end)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self.draft()))
