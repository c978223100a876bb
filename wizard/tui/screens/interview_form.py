"""The interview form: when, who (a name, optional), how, notes and their words; then the items
it showed (interview_links.py). Every key typed is kept as a draft until the interview is saved."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, RadioButton, RadioSet, Static, TextArea

from wizard.core import interviews
from wizard.core.interviews import HOW, Form
from wizard.core.session import Session
from wizard.files.drafts import Drafts
from wizard.files.errors import UserFileError
from wizard.model.tree import Location
from wizard.tui.key_names import key
from wizard.tui.text import literal, one_line
from wizard.tui.widgets.answer_input import AnswerInput
from wizard.tui.widgets.list_editor import ListEditor


class WayButton(RadioButton):
    """A way the interview was held: the chosen one shows its dot, the others an empty
    button, so the choice reads without colour (a light theme, NO_COLOR, a screen reader)."""

    @property
    def _button(self) -> Content:
        return Content.assemble("(", ("●", "bold"), ")") if self.value else Content("( )")


class WaySet(RadioSet):
    """The ways an interview was held. Enter chooses the highlighted one and moves on to the
    notes, as Enter does in every other box of the form: a founder typing on after Enter
    would otherwise type into a row of buttons, which takes no text (Space still only chooses)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Choose and go on", show=False, id="interview-how-choose")]

    def action_choose(self) -> None:
        self.action_toggle_button()
        self.screen.focus_next()


class InterviewFormScreen(Screen[str | None]):
    """Returns the id of the interview saved, or None when closed without saving (what was
    typed stays a draft; the interviews screen offers it again)."""

    DEFAULT_CSS = """
    InterviewFormScreen #form-title { height: 1; background: $panel; text-style: bold; }
    InterviewFormScreen #form { padding: 0 1; }
    InterviewFormScreen .form-row { height: auto; }
    InterviewFormScreen .form-label { width: 7; padding: 1 0 0 0; text-style: bold; }
    InterviewFormScreen .form-label.flat { padding: 0; }
    InterviewFormScreen #date { width: 16; }
    InterviewFormScreen #who { width: 1fr; }
    InterviewFormScreen #name { width: 1fr; }
    InterviewFormScreen #how { layout: horizontal; height: auto; width: 1fr; border: none; }
    InterviewFormScreen #how:focus-within { border: none; }
    InterviewFormScreen #notes { height: 4; width: 1fr; }
    InterviewFormScreen .form-hint { color: $text-muted; }
    InterviewFormScreen #form-problem { color: $error; text-style: bold; }
    """

    BINDINGS = [
        Binding("ctrl+n", "links", "Link items", id="interview-links", priority=True,
                tooltip="Mark which items of the canvas this interview supports or contradicts"),
        Binding("ctrl+s", "save", "Save", id="interview-save", priority=True, tooltip="Save the interview"),
        Binding("escape", "close", "Close", id="interview-close",
                tooltip="Close the form; what you typed is kept as a draft"),
    ]

    def __init__(self, session: Session, drafts: Drafts, segment: Location, form: Form, key: str) -> None:
        super().__init__()
        self.session = session
        self.drafts = drafts
        self.segment = segment
        self.form = form
        self.original = Form.loads(form.dumps()) if not drafts.get(key) else None
        """The interview as saved, to tell typing from none (None: a draft came back)."""
        self.key = key
        self._loading = True
        self._box_before: str | None = None
        """What the quote box held before a quote was typed in the picker (None: none is)."""

    def compose(self) -> ComposeResult:
        name = " › ".join(self._names())
        verb = "Edit the interview" if self.form.id else "Log an interview"
        yield Static(literal(f" {verb} — {one_line(name, 60)}"), id="form-title", markup=False)
        with VerticalScroll(id="form"):
            with Horizontal(classes="form-row"):
                yield Static("Date", classes="form-label", markup=False)
                yield AnswerInput(self.form.date, placeholder="YYYY-MM-DD", id="date", select_on_focus=False)
                yield Static(" Who", classes="form-label", markup=False)
                yield AnswerInput(self.form.who, placeholder="a role or initials, e.g. 2nd-year student, J.M.",
                                  id="who", select_on_focus=False)
            with Horizontal(classes="form-row"):
                yield Static("Name", classes="form-label", markup=False)
                yield AnswerInput(self.form.name, placeholder="optional: exports leave names out unless asked",
                                  id="name", select_on_focus=False)
            with Horizontal(classes="form-row"):
                yield Static("How", classes="form-label flat", markup=False)
                ways = list(HOW) if self.form.how in HOW or not self.form.how else [self.form.how, *HOW]
                with WaySet(id="how"):
                    for way in ways:
                        yield WayButton(way, value=way == (self.form.how or "call"), name=way)
            with Horizontal(classes="form-row"):
                yield Static("Notes", classes="form-label", markup=False)
                yield TextArea(self.form.notes, id="notes", tab_behavior="focus", soft_wrap=True)
            yield Static(literal("Quotes: their words, as they said them"), classes="form-hint", markup=False)
            yield ListEditor(self.form.quotes, "Type a quote and press Enter", noun="quote")
            yield Static("", id="form-problem", markup=False)
            app = self.app
            yield Static(literal(f"Enter moves on · Tab between boxes · empty Enter in the quotes (or "
                                 f"{key(app, 'interview-links')}): link the items it showed · "
                                 f"{key(app, 'interview-save')} saves · {key(app, 'interview-close')} closes, "
                                 "kept as a draft"), classes="form-hint", markup=False)
        yield Footer()

    def _names(self) -> tuple[str, ...]:
        from wizard.model.tree import find

        place = find(self.session.canvas, self.segment)
        return place.names if place is not None else self.segment

    def on_mount(self) -> None:
        self.query_one("#who" if self.form.date else "#date", Input).focus()
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    # -- what the form holds ------------------------------------------------------------
    def _read(self) -> Form:
        """The form as the widgets hold it now (an unadded quote counted as one)."""
        form = self.form
        form.date = self.query_one("#date", Input).value
        form.who = self.query_one("#who", Input).value
        form.name = self.query_one("#name", Input).value
        pressed = self.query_one("#how", RadioSet).pressed_button
        form.how = str(pressed.name) if pressed is not None and pressed.name else form.how
        form.notes = self.query_one("#notes", TextArea).text
        editor = self.query_one(ListEditor)
        typed = editor.input.value.strip()
        form.quotes = list(editor.items)
        if typed and editor.editing is not None and editor.editing < len(form.quotes):
            form.quotes[editor.editing] = typed
        elif typed:
            form.quotes.append(typed)
        return form

    def keep(self) -> None:
        """The form into the drafts, as it is now; dropped again once it is as saved."""
        if self._loading:
            return
        form = self._read()
        if self.original is not None and form == self.original:
            self.drafts.drop(self.key)
        else:
            self.drafts.put(self.key, form.dumps())

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(RadioSet.Changed)
    def _typed(self) -> None:
        self.query_one("#form-problem", Static).update("")
        self.keep()

    @on(Input.Submitted, "#date")
    def _date_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#who", Input).focus()

    @on(Input.Submitted, "#who")
    def _who_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _name_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#how", RadioSet).focus()

    # -- the quotes (the list editor's requests, as a list answer handles them) ----------
    def _typing_quote(self, text: str | None) -> None:
        """A quote being typed in the link screen's picker, kept with the form's draft as its
        quote box would keep it (a kill then loses none of it); None puts the box back."""
        box = self.query_one(ListEditor).input
        if text is None:
            box.value, self._box_before = (self._box_before or ""), None
        else:
            if self._box_before is None:
                self._box_before = box.value
            box.value = text
        self.keep()

    def _add_quote(self, text: str) -> None:
        editor = self.query_one(ListEditor)
        editor.set_items([*editor.items, text])
        self.keep()

    @on(ListEditor.Added)
    def _quote_added(self, event: ListEditor.Added) -> None:
        editor = self.query_one(ListEditor)
        editor.set_items([*editor.items, event.text])
        self.keep()

    @on(ListEditor.Replaced)
    def _quote_replaced(self, event: ListEditor.Replaced) -> None:
        editor = self.query_one(ListEditor)
        items = list(editor.items)
        old, items[event.index] = items[event.index], event.text
        for link in self.form.links:  # a quote picked for a link follows its rewording
            if link.get("quote") == old:
                link["quote"] = event.text
        editor.set_items(items, event.index)
        self.keep()

    @on(ListEditor.RemoveRequest)
    def _quote_removed(self, event: ListEditor.RemoveRequest) -> None:
        editor = self.query_one(ListEditor)
        items = list(editor.items)
        del items[event.index]
        editor.set_items(items, event.index)
        self.keep()

    @on(ListEditor.MoveRequest)
    def _quote_moved(self, event: ListEditor.MoveRequest) -> None:
        editor = self.query_one(ListEditor)
        items = list(editor.items)
        j = max(0, min(len(items) - 1, event.index + event.delta))
        items.insert(j, items.pop(event.index))
        editor.set_items(items, j)
        self.keep()

    @on(ListEditor.Done)
    def _quotes_done(self, event: ListEditor.Done) -> None:
        event.stop()
        self.action_links()

    # -- actions --------------------------------------------------------------------------
    @work
    async def action_links(self) -> None:
        from wizard.tui.screens.interview_links import LinkScreen, QuoteHooks

        form = self._read()
        self.query_one(ListEditor).clear_typed()  # an unadded quote is one of the quotes now
        self.query_one(ListEditor).set_items(form.quotes)
        report = interviews.segment_report(self.session, self.segment)
        if report is None:
            return
        choice = await self.app.push_screen_wait(LinkScreen(report, form, self.keep,
                                                            QuoteHooks(self._typing_quote, self._add_quote)))
        if choice == "save":
            self.action_save()

    def action_save(self) -> None:
        form = self._read()
        problem = interviews.problems(form)
        if problem:
            self.query_one("#form-problem", Static).update(literal(problem))
            self.notify(problem, title="Not saved yet", severity="warning", markup=False)
            if problem.startswith("Date"):
                self.query_one("#date", Input).focus()
            return
        try:
            saved = interviews.save(self.session, self.segment, form)
        except (UserFileError, ValueError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return  # the draft stays
        self.drafts.drop(self.key)
        n = len(saved.links)
        self.notify(f"Interview saved: {saved.date.isoformat()} {saved.who}, {n} item{'s' * (n != 1)} linked.",
                    markup=False)
        self.dismiss(saved.id)

    def action_close(self) -> None:
        self.keep()
        if self.drafts.get(self.key):
            self.notify(f"Not saved: what you typed is kept as a draft ({key(self.app, 'interviews')}, the "
                        "interviews, brings it back).", markup=False, timeout=8)
        self.dismiss(None)
