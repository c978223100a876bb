"""The review's list of answers set aside (wizard/core/unasked.py): bring one back, or delete it."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wizard.core import unasked
from wizard.core.session import Session, Step
from wizard.files.errors import UserFileError
from wizard.model.bank import Question
from wizard.model.canvas import Value
from wizard.tui.key_names import key
from wizard.tui.screens.dialogs import ConfirmScreen, Dialog
from wizard.tui.text import literal, one_line


def value_text(question: Question | None, value: Value) -> str:
    """An answer as the founder gave it: choices by their labels, a range as from–to."""
    labels = {c.value: c.label for c in question.choices} if question is not None else {}
    if isinstance(value, tuple):
        return f"{value[0]}–{value[1]}"
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value)
    return labels.get(value, value)


class SetAsideList(OptionList):
    BINDINGS = [
        Binding("enter,r", "restore", "Bring back", id="set-aside-restore",
                tooltip="Change the answer it depends on so it is asked again"),
        Binding("delete,backspace,d", "delete", "Delete", id="set-aside-delete", tooltip="Delete this answer for good"),
    ]

    def action_restore(self) -> None:
        panel = self.parent
        if isinstance(panel, SetAsidePanel) and self.highlighted is not None:
            panel.restore(self.highlighted)

    def action_delete(self) -> None:
        panel = self.parent
        if isinstance(panel, SetAsidePanel) and self.highlighted is not None:
            panel.delete(self.highlighted)


class SetAsidePanel(Vertical):
    """Shown only when something is set aside."""

    class Changed(Message):
        """An answer was brought back or deleted: the review shows the canvas anew."""

    def __init__(self, session: Session) -> None:
        super().__init__(classes="panel", id="set-aside-panel")
        self.session = session
        self.items = unasked.find(session.canvas, session.catalog)
        self.display = bool(self.items)

    def compose(self) -> ComposeResult:
        count = len(self.items)
        restore, delete = key(self.app, "set-aside-restore"), key(self.app, "set-aside-delete")
        yield Static(f"Set aside, not counted: {count} answer{'s' * (count > 1)} to questions a changed answer "
                     f"no longer asks ({restore} brings one back, {delete} deletes it)", classes="heading",
                     markup=False)
        yield SetAsideList(*(self._row(item) for item in self.items), id="set-aside")

    def _row(self, item: unasked.SetAside) -> Option:
        entry = self.session.catalog.get(item.question_id)
        question = entry.question if entry is not None else None
        text = Content.assemble(literal(f"{item.title}: ", "bold"), literal(one_line(value_text(question, item.value))),
                                literal(f" — {one_line(item.where, 50)}", "dim"), "\n",
                                literal(f"  asked while “{item.decider_title}” allowed it; it is now "
                                        f"“{item.decided}”", "dim italic"))
        return Option(text)

    @work
    async def restore(self, index: int) -> None:
        item = self.items[index]
        choices = unasked.restore_choices(self.session.canvas, self.session.catalog, item)
        value = await self.app.push_screen_wait(RestoreScreen(item, choices))
        if value is None:
            return
        self._change(lambda: self.session.commit(Step(item.decider_location, item.decider_id), value))

    @work
    async def delete(self, index: int) -> None:
        item = self.items[index]
        question = (f"Delete the answer to '{item.title}' ({item.where}) for good? "
                    "The previous file is kept as a backup.")
        if await self.app.push_screen_wait(ConfirmScreen(question)):
            self._change(lambda: self.session.drop_answer(item.location, item.question_id))

    def _change(self, change: Callable[[], object]) -> None:
        try:
            change()
        except (UserFileError, ValueError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=8)
            return
        self.post_message(self.Changed())


class RestoreScreen(Dialog[str | None]):
    """Bring a set-aside answer back: which answer to give the question it depends on."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="set-aside-cancel")]

    def __init__(self, item: unasked.SetAside, choices: list[unasked.Restore]) -> None:
        super().__init__()
        self.item, self.choices = item, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(f"Bring back '{self.item.title}' ({self.item.where})", "bold"), markup=False)
            yield Static(literal(f"It is asked when “{self.item.decider_title}” is one of these; it is "
                                 f"“{self.item.decided}” now. Enter changes it, "
                                 f"{key(self.app, 'set-aside-cancel')} leaves it."), markup=False)
            options = []
            for choice in self.choices:
                text = literal(choice.label)
                if choice.sets_aside:
                    text = text.append(literal(f" — sets aside {', '.join(choice.sets_aside)}", "dim"))
                options.append(Option(text, id=choice.value))
            yield OptionList(*options, id="restore-choices")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
