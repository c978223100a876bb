"""The place under the question where its answer widget goes, kept from question to question."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message

from wizard.core.session import Session, Step
from wizard.model.bank import Kind, Question
from wizard.model.canvas import Value
from wizard.tui.textual_internals.painting import SteadyBox
from wizard.tui.widgets.answer_field import AnswerField
from wizard.tui.widgets.fields import make_field
from wizard.tui.widgets.structure_field import StructureField

Field = TypeVar("Field", AnswerField, StructureField)


def _ready(kept: Field | None) -> Field | None:
    """`kept`, or None when it was made ahead (prepare) and is not mounted yet: it goes."""
    if kept is not None and not kept.is_mounted:
        kept.remove()
        return None
    return kept


class FieldBox(SteadyBox, Container):
    """Shows one answer widget at a time.

    One widget per question kind, and one for structure, is kept and hidden while other kinds
    are asked: filling one in again costs far less than mounting a new one (which cost more
    than painting the whole screen), and a removed text box lingers in memory until Textual
    lets go of it.
    """

    class Resized(Message):
        """The answer took another height (an item added, a hint wrapped): the screen fits
        the rest around it again (screen_fit.py)."""

    def __init__(self, first: AnswerField | StructureField | None = None) -> None:
        """`first`: the first question's widget, made for it and composed with the box:
        mounted after it, it came a layout and a frame after the rest of the screen."""
        super().__init__(id="field-box")
        self.field: AnswerField | StructureField | None = None
        self._kept: dict[Kind, AnswerField] = {}
        self._structure: StructureField | None = None
        self._unshown = first
        """The widget composed for the first question, filled in for it already."""
        self.prepared = False
        """Every widget `prepare` was asked for is made and mounted (the start's background work)."""
        if isinstance(first, StructureField):
            self._structure = first
        elif first is not None:
            self._kept[first.question.kind] = first

    def compose(self) -> ComposeResult:
        if self._unshown is not None:
            yield self._unshown

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    def prepare(self, questions: list[Question], structure: tuple[Session, Step] | None = None) -> None:
        """Mount, hidden, a widget for each kind of `questions` not kept yet, and then the
        structure's (`structure`: a session and any of its structure steps): one at a time
        when the app is idle, so the first question of a kind shows as fast as the rest
        and no key waits for more than one mount."""
        if not self.is_attached:
            return
        waiting = [q for q in questions if q.kind not in self._kept]
        if not waiting:
            if structure is not None and self._structure is None:
                made = self._structure = StructureField(*structure, "")
                made.display = False
                self.mount(made)
                self.call_after_refresh(self.prepare, [])  # said once that one is mounted too
                return
            self.prepared = True
            return
        question = waiting[0]
        field = self._kept[question.kind] = make_field(question, None, None)
        field.display = False
        self.mount(field)
        self.call_after_refresh(self.prepare, waiting[1:], structure)

    def show_question(self, question: Question, value: Value | None, draft: str | None) -> None:
        kept = _ready(self._kept.get(question.kind))
        if kept is None:
            kept = self._kept[question.kind] = make_field(question, value, draft)
        elif not (kept is self._unshown and kept.question is question):  # made for it: filled in
            kept.display = True  # shown before it takes the focus from the one it replaces
            kept.show_question(question, value, draft)
        self._show(kept)

    def show_structure(self, session: Session, step: Step, draft: str) -> None:
        kept = _ready(self._structure)
        if kept is None:
            kept = self._structure = StructureField(session, step, draft)
        elif not (kept is self._unshown and kept.step == step):  # made for it: filled in
            kept.display = True
            kept.show_step(step, draft)
        self._show(kept)

    def _show(self, field: AnswerField | StructureField) -> None:
        old, self.field, self._unshown = self.field, field, None
        if field.parent is None:
            screen = self.screen
            if old is not None and screen.focused is not None and old in screen.focused.ancestors:
                # A new widget takes the focus once mounted; until then it would go to a
                # scroll container, restyling it and back.
                screen.set_focus(None)
            self.mount(field)
        if old is not None and old is not field:
            old.display = False
