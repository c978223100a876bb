"""One input widget per question kind, behind one small interface (see `make_field`)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from wizard.model.bank import Kind, Question
from wizard.model.canvas import Value
from wizard.tui.list_editor import ListEditor
from wizard.tui.text import literal


class AnswerField(Vertical):
    """Shows and edits one answer.

    Posts `Edited` when uncommitted text changes (to keep a draft), `Changed` when a
    choice or item changes (committed at once), `Commit` when the user is done here.
    """

    DEFAULT_CSS = "AnswerField { height: auto; }"

    class Edited(Message):
        def __init__(self, draft: str) -> None:
            super().__init__()
            self.draft = draft

    class Changed(Message):
        """The answer changed in a way that is committed at once (a choice, an item)."""

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

    def error(self) -> str | None:
        """Why the current input cannot be committed, or None."""
        return None

    def on_mount(self) -> None:
        # Focus once the inner widgets exist; the screen mounts us asynchronously.
        self.focus_first()

    def focus_first(self) -> None:
        focusable = [w for w in self.query("*") if w.can_focus]
        if focusable:
            focusable[0].focus()


class TextField(AnswerField):
    def compose(self) -> ComposeResult:
        text = self.draft_text if self.draft_text is not None else str(self.initial or "")
        yield Input(text, placeholder=self.question.placeholder or "Type your answer", select_on_focus=False)

    def value(self) -> Value | None:
        return self.query_one(Input).value.strip()

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


class LongTextField(AnswerField):
    DEFAULT_CSS = "LongTextField TextArea { height: 8; }"

    def compose(self) -> ComposeResult:
        text = self.draft_text if self.draft_text is not None else str(self.initial or "")
        yield TextArea(text, placeholder=self.question.placeholder or "Type your answer", tab_behavior="focus")
        yield Static("Enter starts a new line; Ctrl+N saves and goes on.", classes="field-hint", markup=False)

    def value(self) -> Value | None:
        return self.query_one(TextArea).text.strip()

    def draft(self) -> str:
        text = self.query_one(TextArea).text
        return "" if text.strip() == str(self.initial or "").strip() else text

    def focus_first(self) -> None:
        areas = self.query(TextArea)
        if not areas:  # already replaced by the next question
            return
        area = areas.first()
        area.focus()
        area.move_cursor(area.document.end)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self.draft()))


def _choice_prompt(question: Question, index: int, marker: str = "") -> Option:
    choice = question.choices[index]
    prompt = literal(f"{marker}{choice.label}")
    if choice.help:
        prompt = prompt.append(literal(f" — {choice.help}", "dim"))
    return Option(prompt, id=choice.value)


class SingleChoiceField(AnswerField):
    def compose(self) -> ComposeResult:
        marks = [("● " if c.value == self.initial else "○ ") for c in self.question.choices]
        options = [_choice_prompt(self.question, i, m) for i, m in enumerate(marks)]
        self.chosen = self.initial if isinstance(self.initial, str) else None
        yield OptionList(*options)

    def on_mount(self) -> None:
        super().on_mount()
        values = [c.value for c in self.question.choices]
        if self.chosen in values:
            self.query_one(OptionList).highlighted = values.index(self.chosen)

    def value(self) -> Value | None:
        return self.chosen

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen = event.option.id
        self.post_message(self.Changed())
        self.post_message(self.Commit())


class MultiChoiceField(AnswerField):
    def compose(self) -> ComposeResult:
        chosen = set(self.initial) if isinstance(self.initial, list) else set()
        yield SelectionList[str](*(
            Selection(literal(c.label + (f" — {c.help}" if c.help else "")), c.value, c.value in chosen)
            for c in self.question.choices
        ))
        yield Static("Space ticks or unticks; Ctrl+N goes on.", classes="field-hint", markup=False)

    def value(self) -> Value | None:
        selected = set(self.query_one(SelectionList).selected)
        return [c.value for c in self.question.choices if c.value in selected]

    @on(SelectionList.SelectedChanged)
    def _changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self.post_message(self.Changed())


class RankingList(OptionList):
    BINDINGS = [
        Binding("space,enter", "pick", "Pick", tooltip="Add to or drop from the ranking"),
        Binding("ctrl+up,alt+up,K", "move(-1)", "Up", tooltip="Rank higher"),
        Binding("ctrl+down,alt+down,J", "move(1)", "Down", tooltip="Rank lower"),
    ]

    def action_pick(self) -> None:
        field = self.ancestors_with_self[1]
        if isinstance(field, RankingField) and self.highlighted is not None:
            field.toggle(self.highlighted)

    def action_move(self, delta: int) -> None:
        field = self.ancestors_with_self[1]
        if isinstance(field, RankingField) and self.highlighted is not None:
            field.move(self.highlighted, delta)


class RankingField(AnswerField):
    """Pick choices and put them in order of importance; ranked ones are listed first."""

    def compose(self) -> ComposeResult:
        known = [c.value for c in self.question.choices]
        self.ranked = [v for v in (self.initial if isinstance(self.initial, list) else []) if v in known]
        yield RankingList(*self._options())
        yield Static("Space picks or drops; Ctrl+Up/Down changes the rank; Ctrl+N goes on.",
                     classes="field-hint", markup=False)

    def _order(self) -> list[str]:
        rest = [c.value for c in self.question.choices if c.value not in self.ranked]
        return self.ranked + rest

    def _options(self) -> list[Option]:
        index = {c.value: i for i, c in enumerate(self.question.choices)}
        out = []
        for value in self._order():
            rank = self.ranked.index(value) + 1 if value in self.ranked else 0
            out.append(_choice_prompt(self.question, index[value], f"{rank:>2}. " if rank else "    "))
        return out

    def _refresh(self, highlight_value: str) -> None:
        option_list = self.query_one(RankingList)
        option_list.clear_options()
        option_list.add_options(self._options())
        option_list.highlighted = self._order().index(highlight_value)
        self.post_message(self.Changed())

    def toggle(self, row: int) -> None:
        value = self._order()[row]
        if value in self.ranked:
            self.ranked.remove(value)
        else:
            self.ranked.append(value)
        self._refresh(value)

    def move(self, row: int, delta: int) -> None:
        value = self._order()[row]
        if value not in self.ranked:
            return
        i = self.ranked.index(value)
        j = max(0, min(len(self.ranked) - 1, i + delta))
        self.ranked.insert(j, self.ranked.pop(i))
        self._refresh(value)

    def value(self) -> Value | None:
        return list(self.ranked)


class ListField(AnswerField):
    def compose(self) -> ComposeResult:
        items = list(self.initial) if isinstance(self.initial, list) else []
        placeholder = self.question.placeholder or "Type an item and press Enter"
        yield ListEditor(items, placeholder, self.draft_text or "")

    @property
    def editor(self) -> ListEditor:
        return self.query_one(ListEditor)

    def value(self) -> Value | None:
        return list(self.editor.items)

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
        self.post_message(self.Changed())

    @on(ListEditor.Replaced)
    def _replaced(self, event: ListEditor.Replaced) -> None:
        event.stop()
        items = list(self.editor.items)
        items[event.index] = event.text
        self.editor.set_items(items, event.index)
        self.post_message(self.Changed())

    @on(ListEditor.RemoveRequest)
    def _removed(self, event: ListEditor.RemoveRequest) -> None:
        event.stop()
        items = list(self.editor.items)
        del items[event.index]
        self.editor.set_items(items, event.index)
        self.post_message(self.Changed())

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


class RangeField(AnswerField):
    DEFAULT_CSS = """
    RangeField Horizontal { height: auto; }
    RangeField Input { width: 14; }
    RangeField .range-label { padding: 1 1 0 1; width: auto; }
    """

    def compose(self) -> ComposeResult:
        low, high = ("", "")
        if isinstance(self.initial, tuple):
            low, high = str(self.initial[0]), str(self.initial[1])
        if self.draft_text and "|" in self.draft_text:
            low, high = self.draft_text.split("|", 1)
        q = self.question
        with Horizontal():
            yield Static("From", classes="range-label", markup=False)
            yield Input(low, placeholder=str(q.range_min), type="integer", id="low")
            yield Static("to", classes="range-label", markup=False)
            yield Input(high, placeholder=str(q.range_max), type="integer", id="high")
            yield Static(q.unit, classes="range-label", markup=False)

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


_FIELDS: dict[Kind, type[AnswerField]] = {
    Kind.TEXT: TextField,
    Kind.LONG_TEXT: LongTextField,
    Kind.SINGLE_CHOICE: SingleChoiceField,
    Kind.MULTI_CHOICE: MultiChoiceField,
    Kind.RANKING: RankingField,
    Kind.LIST: ListField,
    Kind.RANGE: RangeField,
}


def make_field(question: Question, value: Value | None, draft: str | None) -> AnswerField:
    """The one widget factory: question kind -> input widget."""
    return _FIELDS[question.kind](question, value, draft)


def is_answer_widget(widget: Widget) -> bool:
    return isinstance(widget, AnswerField)
