"""The answer widgets for choices: one of several, several, and several in order of importance."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, OptionList, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from wizard.model.bank import Question
from wizard.model.canvas import Value
from wizard.tui.key_names import key, up_down
from wizard.tui.text import literal
from wizard.tui.textual_internals.painting import SteadyStatic, WrapsOnWidth
from wizard.tui.widgets.answer_field import AnswerField
from wizard.tui.widgets.choice_search import FindsAsTyped

_QUIET = (Input.Changed, SelectionList.SelectedChanged)
"""Filling these in is no edit either (see AnswerField.show_question)."""

def _choice_prompt(question: Question, index: int, marker: str = "") -> Option:
    choice = question.choices[index]
    prompt = literal(f"{marker}{choice.label}")
    if choice.help:
        prompt = prompt.append(literal(f" — {choice.help}", "dim"))
    return Option(prompt, id=choice.value)


class ChoiceList(FindsAsTyped, WrapsOnWidth, OptionList):
    """The choices of a single-choice question (wrapped again only at a new width)."""


class TickList(FindsAsTyped, SelectionList[str]):
    """The choices of a multi-choice question."""


class _InQuestionOrder(AnswerField):
    @property
    def choose_key(self) -> str:
        return "Enter chooses it"

    def option_labels(self) -> list[str]:
        return [c.label for c in self.question.choices]


class SingleChoiceField(_InQuestionOrder):
    QUIET = _QUIET

    def compose(self) -> ComposeResult:
        self.chosen = self.initial if isinstance(self.initial, str) else None
        yield ChoiceList(*self._options())

    def _options(self) -> list[Option]:
        marks = [("● " if c.value == self.initial else "○ ") for c in self.question.choices]
        return [_choice_prompt(self.question, i, m) for i, m in enumerate(marks)]

    def on_mount(self) -> None:
        super().on_mount()
        self._highlight_chosen()

    def _highlight_chosen(self) -> None:
        values = [c.value for c in self.question.choices]
        if self.chosen in values:
            self.query_one(OptionList).highlighted = values.index(self.chosen)

    def load(self) -> None:
        self.chosen = self.initial if isinstance(self.initial, str) else None
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())
        options.action_first()  # as a new list starts
        self._highlight_chosen()

    def value(self) -> Value | None:
        return self.chosen

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen = event.option.id
        self.post_message(self.Changed())
        self.post_message(self.Commit())


class MultiChoiceField(_InQuestionOrder):
    QUIET = _QUIET
    @property
    def choose_key(self) -> str:
        return f"Space ticks or unticks it ({key(self.app, 'next')} goes on)"

    def compose(self) -> ComposeResult:
        yield TickList(*self._selections())
        yield SteadyStatic(f"Space ticks or unticks; {key(self.app, 'next')} goes on.", classes="field-hint",
                           markup=False)

    def _selections(self) -> list[Selection[str]]:
        chosen = set(self.initial) if isinstance(self.initial, list) else set()
        return [Selection(literal(c.label + (f" — {c.help}" if c.help else "")), c.value, c.value in chosen)
                for c in self.question.choices]

    def load(self) -> None:
        selections = self.query_one(SelectionList)
        selections.clear_options()
        selections.add_options(self._selections())
        selections.action_first()  # as a new list starts

    def value(self) -> Value | None:
        selected = set(self.query_one(SelectionList).selected)
        return [c.value for c in self.question.choices if c.value in selected]

    @on(SelectionList.SelectedChanged)
    def _changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self.post_message(self.Changed())


class RankingList(FindsAsTyped, WrapsOnWidth, OptionList):
    BINDINGS = [
        Binding("space,enter", "pick", "Pick", id="ranking-pick", tooltip="Add to or drop from the ranking"),
        # No letters: they find a choice (choice_search.py).
        Binding("ctrl+up,alt+up", "move(-1)", "Up", id="ranking-up", tooltip="Rank higher"),
        Binding("ctrl+down,alt+down", "move(1)", "Down", id="ranking-down", tooltip="Rank lower"),
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

    QUIET = _QUIET
    @property
    def choose_key(self) -> str:
        return f"{key(self.app, 'ranking-pick')} picks it ({up_down(self.app, 'ranking-up', 'ranking-down')} ranks it)"

    def option_labels(self) -> list[str]:
        label = {c.value: c.label for c in self.question.choices}
        return [label[value] for value in self._order()]

    def compose(self) -> ComposeResult:
        self.ranked = self._initial_ranking()
        yield RankingList(*self._options())
        app = self.app
        yield SteadyStatic(f"{key(app, 'ranking-pick')} picks or drops; {up_down(app, 'ranking-up', 'ranking-down')} "
                           f"changes the rank; {key(app, 'next')} goes on.", classes="field-hint", markup=False)

    def _initial_ranking(self) -> list[str]:
        known = [c.value for c in self.question.choices]
        return [v for v in (self.initial if isinstance(self.initial, list) else []) if v in known]

    def load(self) -> None:
        self.ranked = self._initial_ranking()
        option_list = self.query_one(RankingList)
        option_list.clear_options()
        option_list.add_options(self._options())
        option_list.action_first()  # as a new list starts

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
