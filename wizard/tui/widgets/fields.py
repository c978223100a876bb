"""One input widget per question kind, behind one small interface (see `make_field`)."""

from __future__ import annotations

import importlib

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Static

from wizard.model.bank import Kind, Question
from wizard.model.canvas import Value
from wizard.tui.key_names import key
from wizard.tui.textual_internals.notices import dismiss
from wizard.tui.textual_internals.painting import SteadyStatic
from wizard.tui.widgets.answer_field import AnswerField
from wizard.tui.widgets.answer_input import AnswerInput
from wizard.tui.widgets.list_editor import ListEditor

__all__ = ["AnswerField", "ListField", "RangeField", "TextField", "field_class", "is_answer_widget", "make_field"]

# The widgets of the other kinds are imported when their kind is first shown (or made
# ahead, hidden, once the first question is up): Textual's TextArea alone costs about
# 10 ms of the start-up, and the first question is never a long text or a choice.
_ELSEWHERE = {
    Kind.LONG_TEXT: ("wizard.tui.widgets.long_text_field", "LongTextField"),
    Kind.SINGLE_CHOICE: ("wizard.tui.widgets.choice_fields", "SingleChoiceField"),
    Kind.MULTI_CHOICE: ("wizard.tui.widgets.choice_fields", "MultiChoiceField"),
    Kind.RANKING: ("wizard.tui.widgets.choice_fields", "RankingField"),
}


class TextField(AnswerField):
    def compose(self) -> ComposeResult:
        yield AnswerInput(self.start_text(), placeholder=self._placeholder(), select_on_focus=False)

    def _placeholder(self) -> str:
        return self.question.placeholder or "Type your answer"

    def load(self) -> None:
        self.query_one(AnswerInput).start_over(self.start_text(), self._placeholder())

    def value(self) -> Value | None:
        text = self.query_one(Input).value
        if self.initial is not None and text == str(self.initial):
            return self.initial  # not edited: the answer stays exactly as the file has it
        return text.strip()

    def draft(self) -> str:
        text = self.query_one(Input).value
        return "" if text.strip() == str(self.initial or "").strip() else text

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self.draft()))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Commit())


class ListField(AnswerField):
    BINDINGS = [
        # Del or Backspace on the list removes an item at once (a Backspace meant for the box
        # above lands there after a Tab): what was removed from this answer can be put back.
        Binding("ctrl+z", "put_back", "Put back", id="list-put-back", show=False,
                tooltip="Put back the item removed last"),
    ]
    badges: dict[str, str] = {}  # replaced whole, never changed in place
    """The entries' evidence marks, for a list not made yet (interview_actions.show_evidence)."""
    removed: list[tuple[int, str]]
    """The items removed from this answer since it was shown, last one last: Ctrl+Z puts them back."""

    def __init__(self, question: Question, value: Value | None, draft: str | None) -> None:
        super().__init__(question, value, draft)
        self.removed = []

    def compose(self) -> ComposeResult:
        yield ListEditor(self._items(), self._placeholder(), self.draft_text or "", badges=self.badges)

    def _items(self) -> list[str]:
        return list(self.initial) if isinstance(self.initial, list) else []

    def _placeholder(self) -> str:
        return self.question.placeholder or "Type an item and press Enter"

    def load(self) -> None:
        self.removed = []  # another question's answer: nothing of it to put back here
        self.editor.reset(self._items(), self._placeholder(), self.draft_text or "")

    @property
    def editor(self) -> ListEditor:
        return self.query_one(ListEditor)

    def value(self) -> Value | None:
        return list(self.editor.items)

    def with_pending(self) -> Value | None:
        return self._with_pending()

    def _with_pending(self) -> list[str]:
        items, typed, editing = list(self.editor.items), self.pending(), self.editor.editing
        if typed and editing is not None and editing < len(items):
            items[editing] = typed
        elif typed:
            items.append(typed)
        return items

    def pending(self) -> str:
        return self.editor.input.value.strip()

    def take_pending(self) -> None:
        if self.pending():
            editing = self.editor.editing
            self.editor.set_items(self._with_pending(), editing)
            self.editor.editing = None
            self.editor.clear_typed()

    def give_back(self, value: Value | None, typed: str) -> None:
        self.removed = []  # the change was refused: the list is the file's again, nothing to put back
        self.editor.set_items(list(value) if isinstance(value, list) else [])
        if typed and not self.editor.input.value:
            self.editor.input.value = typed

    def draft(self) -> str:
        return self.editor.input.value

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self.draft()))

    @on(ListEditor.Added)
    def _added(self, event: ListEditor.Added) -> None:
        event.stop()
        self.editor.set_items([*self.editor.items, event.text])
        self.post_message(self.Changed(event.text))

    @on(ListEditor.Replaced)
    def _replaced(self, event: ListEditor.Replaced) -> None:
        event.stop()
        items = list(self.editor.items)
        items[event.index] = event.text
        self.editor.set_items(items, event.index)
        self.post_message(self.Changed(event.text))

    @on(ListEditor.RemoveRequest)
    def _removed(self, event: ListEditor.RemoveRequest) -> None:
        event.stop()
        items = list(self.editor.items)
        text = items.pop(event.index)
        self.removed.append((event.index, text))
        self.editor.set_items(items, event.index)
        self.post_message(self.Changed())
        self.app.notify(self._removed_notice(text), title="Removed", markup=False, timeout=8)

    def _removed_notice(self, text: str) -> str:
        return f"Removed \u201c{_short(text)}\u201d. {key(self.app, 'list-put-back')} puts it back."

    def action_put_back(self) -> None:
        if not self.removed:
            self.app.notify("Nothing removed from this answer to put back.", title="Put back",
                            markup=False, timeout=4)
            return
        index, text = self.removed.pop()
        items = list(self.editor.items)
        index = min(index, len(items))
        items.insert(index, text)
        self.editor.set_items(items, index)
        self.post_message(self.Changed())  # highlighted where it was: no notice to cover the list
        dismiss(self.app, self._removed_notice(text))  # it is back: "Removed" is no longer true

    @on(ListEditor.MoveRequest)
    def _moved(self, event: ListEditor.MoveRequest) -> None:
        event.stop()
        items = list(self.editor.items)
        j = max(0, min(len(items) - 1, event.index + event.delta))
        items.insert(j, items.pop(event.index))
        self.editor.set_items(items, j)
        self.post_message(self.Changed())

    @on(ListEditor.Done)
    def _done(self, event: ListEditor.Done) -> None:
        event.stop()
        self.post_message(self.Commit())


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "\u2026"


class RangeField(AnswerField):
    DEFAULT_CSS = """
    RangeField Horizontal { height: auto; }
    RangeField Input { width: 14; }
    RangeField .range-label { padding: 1 1 0 1; width: auto; }
    """

    def compose(self) -> ComposeResult:
        low, high = self._start()
        q = self.question
        with Horizontal():
            yield SteadyStatic("From", classes="range-label", markup=False)
            yield AnswerInput(low, placeholder=str(q.range_min), type="integer", id="low")
            yield SteadyStatic("to", classes="range-label", markup=False)
            yield AnswerInput(high, placeholder=str(q.range_max), type="integer", id="high")
            yield SteadyStatic(q.unit, classes="range-label", id="unit", markup=False)

    def _start(self) -> tuple[str, str]:
        low, high = ("", "")
        if isinstance(self.initial, tuple):
            low, high = str(self.initial[0]), str(self.initial[1])
        if self.draft_text and "|" in self.draft_text:
            low, high = self.draft_text.split("|", 1)
        return low, high

    def load(self) -> None:
        q = self.question
        (low, high), ends = self._start(), self.query(AnswerInput)
        ends.first().start_over(low, str(q.range_min), focused=True)  # the focus goes there
        ends.last().start_over(high, str(q.range_max))
        self.query_one("#unit", Static).update(q.unit)

    def _texts(self) -> tuple[str, str]:
        return self.query_one("#low", Input).value.strip(), self.query_one("#high", Input).value.strip()

    def error(self) -> str | None:
        low, high = self._texts()
        if not low and not high:
            return None
        q = self.question
        try:
            a, b = int(low), int(high)
        except ValueError:
            return "Give both ends of the range as whole numbers."
        if not (q.range_min <= a <= b <= q.range_max):
            return f"Use numbers from {q.range_min} to {q.range_max}, the smaller first."
        return None

    def value(self) -> Value | None:
        low, high = self._texts()
        if self.error() or not low:
            return None
        return (int(low), int(high))

    def draft(self) -> str:
        low, high = self._texts()
        current = self.initial if isinstance(self.initial, tuple) else None
        if current and (low, high) == (str(current[0]), str(current[1])):
            return ""
        return f"{low}|{high}" if low or high else ""

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self.draft()))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "low":
            self.query_one("#high", Input).focus()
        else:
            self.post_message(self.Commit())


_HERE: dict[Kind, type[AnswerField]] = {Kind.TEXT: TextField, Kind.LIST: ListField, Kind.RANGE: RangeField}


def field_class(kind: Kind) -> type[AnswerField]:
    """The answer widget of a question kind."""
    if kind in _HERE:
        return _HERE[kind]
    module, name = _ELSEWHERE[kind]
    found: type[AnswerField] = getattr(importlib.import_module(module), name)
    return found


def make_field(question: Question, value: Value | None, draft: str | None) -> AnswerField:
    """The one widget factory: question kind -> input widget."""
    return field_class(question.kind)(question, value, draft)


def is_answer_widget(widget: Widget) -> bool:
    return isinstance(widget, AnswerField)
