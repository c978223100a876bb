"""A list of text items that can be added, edited, reordered and removed from the keyboard."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from wizard.tui.key_names import bound_keys
from wizard.tui.screen_text import list_hint
from wizard.tui.text import literal
from wizard.tui.textual_internals.painting import SteadyBox, SteadyStatic, WrapsOnWidth
from wizard.tui.widgets.answer_input import AnswerInput
from wizard.tui.widgets.focus import is_text, type_into


class ItemList(WrapsOnWidth, SteadyBox, OptionList):
    """The items; its bindings act on the highlighted one."""

    BINDINGS = [
        Binding("e,enter", "edit", "Edit", id="list-edit", tooltip="Edit the highlighted item"),
        # No letter removes or moves an item: text typed here is a new item (`_on_key`), and
        # "dad" or "John" typed after a Tab removed or moved the highlighted one.
        Binding("delete,backspace", "remove", "Remove", id="list-remove", tooltip="Remove the highlighted item"),
        Binding("ctrl+up,alt+up", "move(-1)", "Up", id="list-up", tooltip="Move the item up"),
        Binding("ctrl+down,alt+down", "move(1)", "Down", id="list-down", tooltip="Move the item down"),
    ]

    async def _on_key(self, event: events.Key) -> None:
        # Text typed here is a new item (the keys above excepted): it used to vanish.
        editor = self.parent
        if isinstance(editor, ListEditor) and is_text(event, bound_keys(self)):
            type_into(editor.input, self, event)

    def on_focus(self) -> None:
        # Reached with Tab, the list had no highlighted item: its keys (edit, remove, move)
        # did nothing at all until an arrow was pressed. The first item is the one they act on.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def action_edit(self) -> None:
        if self.highlighted is not None:
            self.post_message(ListEditor.EditRequest(self.highlighted))

    def action_remove(self) -> None:
        if self.highlighted is not None:
            self.post_message(ListEditor.RemoveRequest(self.highlighted))

    def action_move(self, delta: int) -> None:
        if self.highlighted is not None:
            self.post_message(ListEditor.MoveRequest(self.highlighted, delta))


class ItemInput(AnswerInput):
    """The box items are typed in, empty again the moment Enter sends its text: an Enter
    typed right behind it finds it empty and means "next", not the same item once more.

    Emptying it is no edit: the text stays in the drafts until the answer holding the item
    is on disk (the question screen moves it there when it handles the item). A paste of
    several lines adds each line as an item, as typing them with Enter between would."""

    async def action_submit(self) -> None:
        await super().action_submit()
        self.clear_quietly()

    def clear_quietly(self) -> None:
        with self.prevent(Input.Changed):
            self.value = ""

    @on(events.Paste)
    async def _paste_lines(self, event: events.Paste) -> None:
        *lines, last = event.text.split("\n")
        if not lines:
            return  # one line: pasted as into any answer box
        event.prevent_default()  # Textual's Input would take the first line only
        event.stop()
        for line in lines:
            self.insert_text_at_cursor(line)
            if self.value.strip():  # an empty line would mean "next"
                await self.action_submit()
        if last:
            self.insert_text_at_cursor(last)


class ListEditor(SteadyBox, Vertical):
    """An input that adds items and a list below it; Enter on an empty input moves on."""

    DEFAULT_CSS = """
    ListEditor { height: auto; }
    ListEditor > ItemList { height: auto; max-height: 12; }
    ListEditor > .list-hint { color: $text-muted; }
    """

    class Added(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Replaced(Message):
        def __init__(self, index: int, text: str) -> None:
            super().__init__()
            self.index, self.text = index, text

    class EditRequest(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class RemoveRequest(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class MoveRequest(Message):
        def __init__(self, index: int, delta: int) -> None:
            super().__init__()
            self.index, self.delta = index, delta

    class Done(Message):
        """Enter on an empty input: the user is finished with this list."""

    def __init__(self, items: list[str], placeholder: str, draft: str = "", noun: str = "item",
                 badges: dict[str, str] | None = None) -> None:
        super().__init__()
        self.items = list(items)
        self.placeholder = placeholder
        self.draft = draft
        self.noun = noun
        self.editing: int | None = None
        self.badges: dict[str, str] = dict(badges or {})
        """The evidence mark shown beside an entry, by its text (wizard/core/interviews.py)."""

    def compose(self) -> ComposeResult:
        yield ItemInput(self.draft, placeholder=self.placeholder, id="new-item", select_on_focus=False)
        yield SteadyStatic(self._hint(), classes="list-hint", markup=False)
        items = ItemList(*self._options(), id="items")
        items.display = bool(self.items)  # an empty box would look like a second input
        yield items

    def _hint(self) -> str:
        return list_hint(self.noun, self.editing, bool(self.items), self.app)

    def _options(self) -> list[Option]:
        options = []
        for n, text in enumerate(self.items, 1):
            label = literal(f"{n}. {text}")
            badge = self.badges.get(text)
            if badge:
                label = label.append(literal(f"  {badge}", "bold"))
            options.append(Option(label))
        return options

    def set_badges(self, badges: dict[str, str]) -> None:
        """Show each entry's evidence beside it (`?`, `✓2`, `✗`, `●`, `$`; none: no mark)."""
        if badges != self.badges:
            self.badges = dict(badges)
            for listing in self.query(ItemList):  # none yet: the list is made with them
                self.set_items(self.items, listing.highlighted)

    @property
    def input(self) -> Input:
        return self.query_one("#new-item", Input)

    def reset(self, items: list[str], placeholder: str, draft: str = "") -> None:
        """Show another list, as a new editor made for it would."""
        self.editing = None
        self.placeholder = placeholder
        self.query_one("#new-item", AnswerInput).start_over(draft, placeholder)
        self.set_items(items, highlight=0)  # as a new list starts

    def set_items(self, items: list[str], highlight: int | None = None) -> None:
        self.items = list(items)
        option_list = self.query_one(ItemList)
        option_list.clear_options()
        option_list.add_options(self._options())
        option_list.display = bool(self.items)
        if highlight is not None and self.items:
            option_list.highlighted = max(0, min(highlight, len(self.items) - 1))
        self.query_one(".list-hint", Static).update(self._hint())

    @on(Input.Submitted, "#new-item")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if self.editing is not None:
            index, self.editing = self.editing, None
            if text:
                self.post_message(self.Replaced(index, text))
        elif text:
            self.post_message(self.Added(text))
        else:
            self.post_message(self.Done())
        self.query_one(".list-hint", Static).update(self._hint())

    @on(EditRequest)
    def _start_edit(self, event: EditRequest) -> None:
        event.stop()
        typed = self.input.value.strip()
        if typed:  # what was typed in the box goes into the list first, not away
            self.post_message(self.Replaced(self.editing, typed) if self.editing is not None else self.Added(typed))
        self.editing = event.index
        with self.prevent(Input.Changed):  # showing the item is no typing: the draft stays as it is
            self.input.value = self.items[event.index]
        self.input.cursor_position = len(self.input.value)
        self.input.focus()
        self.query_one(".list-hint", Static).update(self._hint())

    def clear_typed(self) -> None:
        """Empty the box without it counting as an edit (its text is in the answer now)."""
        self.query_one("#new-item", ItemInput).clear_quietly()
        self.query_one(".list-hint", Static).update(self._hint())

    def cancel_edit(self) -> bool:
        if self.editing is None:
            return False
        self.editing = None
        self.input.value = ""
        self.query_one(".list-hint", Static).update(self._hint())
        return True
