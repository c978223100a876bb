"""Adding, renaming, reordering and removing customer types, segments or jobs."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from wizard.core.session import Session, Step
from wizard.files.errors import UserFileError
from wizard.model.structure import STRUCTURE_NOUNS, STRUCTURE_PLACEHOLDERS
from wizard.tui.key_names import key
from wizard.tui.screens.dialogs import ConfirmScreen
from wizard.tui.textual_internals.painting import SteadyBox
from wizard.tui.widgets.focus import focus_now
from wizard.tui.widgets.list_editor import ListEditor


class StructureField(SteadyBox, Vertical):
    """The children of one node, edited in place; every change is saved at once."""

    DEFAULT_CSS = "StructureField { height: auto; }"

    class Changed(Message):
        pass

    def __init__(self, session: Session, step: Step, draft: str) -> None:
        super().__init__()
        self.session = session
        self.step = step
        self.draft_text = draft
        self.badges: dict[str, str] = {}
        """The entries' evidence marks, for a list not made yet (interview_actions.show_evidence)."""

    def compose(self) -> ComposeResult:
        yield ListEditor(self._names(), self._placeholder(), self.draft_text, noun=self._noun(), badges=self.badges)

    def show_step(self, step: Step, draft: str) -> None:
        """Show another step's children in this widget, as a new one made for it would."""
        self.step, self.draft_text = step, draft
        editor = self.editor
        editor.noun = self._noun()
        with self.prevent(Input.Changed):  # filling it in is no typing to keep as a draft
            editor.reset(self._names(), self._placeholder(), draft)
        self.focus_first()

    def _noun(self) -> str:
        return STRUCTURE_NOUNS[self.step.key]

    def _placeholder(self) -> str:
        return STRUCTURE_PLACEHOLDERS[self.step.key]

    def _names(self) -> list[str]:
        return [c.name for c in self.session.children(self.step)]

    @property
    def editor(self) -> ListEditor:
        return self.query_one(ListEditor)

    def on_mount(self) -> None:
        if self.display:  # one made ahead (FieldBox.prepare) waits hidden and takes nothing
            self.focus_first()

    def focus_first(self) -> None:
        editors = self.query(ListEditor)
        if editors:  # not when the app closes before this field is composed
            focus_now(editors.first().input)

    def draft(self) -> str:
        return self.editor.input.value

    def _apply(self, change: Callable[[], object], highlight: int | None = None, typed: str = "") -> bool:
        """Make `change`; `typed`, the name it took from the box, stays in the drafts until the
        file has it, and is typed in the box again when the change fails."""
        drafts = self.screen.drafts  # type: ignore[attr-defined]
        try:
            change()
        except (UserFileError, ValueError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=8)
            if typed and not self.draft():
                self.editor.input.value = typed
            ok = False
        else:
            if typed:
                drafts.added(self.step.ref, typed)
                drafts.put(self.step.ref, self.draft())
            ok = True
        self.editor.set_items(self._names(), highlight)
        self.post_message(self.Changed())
        return ok

    def take_typed(self) -> bool:
        """Ctrl+N and the like with a name typed and not added: add it (or rename the one
        being edited) first. False when that failed, and the name is still typed."""
        typed, editor = self.draft().strip(), self.editor
        if not typed:
            return True
        editing, editor.editing = editor.editing, None
        editor.clear_typed()
        if editing is not None and editing < len(editor.items):
            child = self._child_id(editing)
            return self._apply(lambda: self.session.rename_child(self.step, child, typed), editing, typed)
        return self._apply(lambda: self.session.add_child(self.step, typed), typed=typed)

    def _child_id(self, index: int) -> str:
        return self.session.children(self.step)[index].id

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        event.stop()
        self.screen.drafts.put(self.step.ref, event.value)  # type: ignore[attr-defined]

    @on(ListEditor.Done)
    def _done(self, event: ListEditor.Done) -> None:
        # Moving on with no type, segment or job would skip everything asked about them.
        if not self.editor.items:
            event.stop()
            self.notify(f"Add at least one {self._noun()} first: type a name and press Enter "
                        f"({key(self.app, 'skip')} skips for now).", severity="warning", markup=False)

    @on(ListEditor.Added)
    def _added(self, event: ListEditor.Added) -> None:
        event.stop()
        self._apply(lambda: self.session.add_child(self.step, event.text), typed=event.text)

    @on(ListEditor.Replaced)
    def _renamed(self, event: ListEditor.Replaced) -> None:
        event.stop()
        child = self._child_id(event.index)
        self._apply(lambda: self.session.rename_child(self.step, child, event.text), event.index, event.text)

    @on(ListEditor.MoveRequest)
    def _moved(self, event: ListEditor.MoveRequest) -> None:
        event.stop()
        child = self._child_id(event.index)
        target = max(0, min(len(self.editor.items) - 1, event.index + event.delta))
        self._apply(lambda: self.session.move_child(self.step, child, event.delta), target)

    @on(ListEditor.RemoveRequest)
    def _removed(self, event: ListEditor.RemoveRequest) -> None:
        event.stop()
        child = self.session.children(self.step)[event.index]
        answers = self.session.answers_below(self.step, child.id)
        index = event.index

        def remove(confirmed: bool | None = True) -> None:
            if confirmed:
                self._apply(lambda: self.session.remove_child(self.step, child.id), index)

        if answers:
            question = (f"Remove '{child.name}' and the {answers} answer{'s' * (answers > 1)} "
                        "given for it? The previous file is kept as a backup.")
            self.app.push_screen(ConfirmScreen(question), remove)
        else:
            remove()
