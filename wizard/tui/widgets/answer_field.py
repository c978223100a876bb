"""What every answer widget shares: its messages, its focus, and showing another question in place."""

from __future__ import annotations

from typing import ClassVar

from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from wizard.model.bank import Question
from wizard.model.canvas import Value
from wizard.tui.textual_internals.painting import SteadyBox
from wizard.tui.widgets.focus import focus_now


class AnswerField(SteadyBox, Vertical):
    """Shows and edits one answer.

    Posts `Edited` when uncommitted text changes (to keep a draft), `Changed` when a
    choice or item changes (committed at once), `Commit` when the user is done here.
    """

    DEFAULT_CSS = "AnswerField { height: auto; }"
    QUIET: ClassVar[tuple[type[Message], ...]] = (Input.Changed,)
    """What the widgets of this kind post when they are filled in: not an edit (see show_question)."""

    class Edited(Message):
        def __init__(self, draft: str) -> None:
            super().__init__()
            self.draft = draft

    class Changed(Message):
        """The answer changed in a way that is committed at once (a choice, an item)."""

        def __init__(self, typed: str = "") -> None:
            super().__init__()
            self.typed = typed
            """The text that went from the box it was typed in into the answer (an item)."""

    class Commit(Message):
        """The user finished this answer and wants the next question."""

    def __init__(self, question: Question, value: Value | None, draft: str | None) -> None:
        super().__init__()
        self.question = question
        self.initial = value
        self.draft_text = draft

    def value(self) -> Value | None:
        raise NotImplementedError

    def draft(self) -> str:
        """Text typed but not committed ("" when there is none)."""
        return ""

    def pending(self) -> str:
        """Text typed that committing takes into the answer as well (an item not added yet)."""
        return ""

    def with_pending(self) -> Value | None:
        """The answer with `pending()` taken into it."""
        return self.value()

    def take_pending(self) -> None:
        """The answer with `pending()` in it was committed: show it that way."""

    def give_back(self, value: Value | None, typed: str) -> None:
        """Committing what `typed` changed failed: show `value` again, `typed` still typed."""

    def error(self) -> str | None:
        """Why the current input cannot be committed, or None."""
        return None

    def start_text(self) -> str:
        """The text a question opens with: its draft, else its answer."""
        return self.draft_text if self.draft_text is not None else str(self.initial or "")

    def on_mount(self) -> None:
        # Focus once the inner widgets exist; the screen mounts us asynchronously. One made
        # ahead of its question (FieldBox.prepare) waits hidden and takes nothing.
        if self.display:
            self.focus_first()

    def focus_first(self) -> None:
        focusable = [w for w in self.query("*") if w.can_focus]
        if focusable:
            focus_now(focusable[0])

    def show_question(self, question: Question, value: Value | None, draft: str | None) -> bool:
        """Show another question of this kind in this widget, as a new one made for it would;
        False for another kind. Mounting a new widget costs more than painting the screen."""
        if question.kind is not self.question.kind:
            return False
        self.question, self.initial, self.draft_text = question, value, draft
        # Filling the widgets in is no edit: nothing to keep as a draft or to commit.
        with self.prevent(*self.QUIET, self.Changed, self.Edited):
            self.load()
        self.focus_first()
        return True

    def load(self) -> None:
        """Put `question`, `initial` and `draft_text` into the widgets `compose` made."""
        raise NotImplementedError
