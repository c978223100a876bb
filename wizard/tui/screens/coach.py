"""Coach mode's screens: facilitator notes for a question and its segment, and the agenda (today's plan)."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, DataTable, Static, TextArea

from wizard.core import coach_sessions, coaching
from wizard.core.coach_plan import Plan
from wizard.core.coach_run import CoachRun
from wizard.core.coach_sessions import HOMEWORK, PRIVATE, KeptNote
from wizard.core.coaching import AgendaRow, NoteTarget, clock_text, minutes_text
from wizard.core.session import Step
from wizard.export.view import stamp
from wizard.files.errors import UserFileError
from wizard.model.coach import NoteKind
from wizard.tui.key_names import key
from wizard.tui.screens.dialogs import Dialog
from wizard.tui.text import literal, literal_text, one_line


def notes_text(notes: list[tuple[str, KeptNote]], note_key: str) -> Content:
    """The coach's notes at this question and its segment, each with its date and kind,
    shown with the probes in coach mode (none: the key bar offers `note_key`, F2)."""
    if not notes:
        return Content("")
    parts = [literal(f"Coach's notes ({note_key})", "bold")]
    for heading, note in notes:
        when = stamp(note.date) if note.date is not None else "undated"
        kind = "homework" + (", done" if note.done else "") if note.kind == HOMEWORK else "private"
        parts.append(Content.assemble(literal(f"{heading} · {when} · {kind}", "italic"), "\n", literal(note.text)))
    return Content("\n").join(parts)


async def edit_notes(app: App[object], run: CoachRun, step: Step) -> bool:
    """This session's notes on `step` and its segment, edited in a dialog; True once saved."""
    session = run.session
    try:
        record = run.begin()  # a note always belongs to a session: one begins if none runs
        targets = coaching.note_targets(session, step, record)
        changes = await app.push_screen_wait(NoteScreen(targets))
        if changes is None:
            return False
        coach_sessions.set_notes(session, record, changes)
    except (UserFileError, ValueError) as exc:
        app.notify(str(exc), title="Notes not saved", severity="error", markup=False, timeout=8)
        return False
    return True


class NoteScreen(Dialog[dict[str, tuple[str, NoteKind]] | None]):
    """Two notes at once, in this session: on this question here, and on the segment (or
    type) it belongs to; each private (the default) or homework for the founder.

    Returns {key: (text, kind)} for both (an empty text removes a note), or None when cancelled.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save notes", id="note-save", priority=True),
        Binding("escape", "dismiss(None)", "Cancel", id="note-cancel"),
    ]

    def __init__(self, notes: list[NoteTarget]) -> None:
        super().__init__()
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):
            yield Static("Coach's notes in this session (apart from the founder's answers)", classes="heading",
                         markup=False)
            for n, target in enumerate(self.notes):
                yield Static(literal(target.heading, "bold"), markup=False)
                yield TextArea(target.text, id=f"note-{n}", tab_behavior="focus", classes="note-text")
                yield Checkbox("Homework for the founder (unticked: private, for the coach)",
                               target.kind == HOMEWORK, id=f"note-homework-{n}", compact=True)
            save, cancel = key(self.app, "note-save"), key(self.app, "note-cancel")
            yield Static(f"Tab moves · Space ticks homework · {save} saves · {cancel} cancels", classes="field-hint",
                         markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"Save ({save})", id="save", variant="primary", compact=True)
                yield Button(f"Cancel ({cancel})", id="cancel", compact=True)

    def on_mount(self) -> None:
        area = self.query_one("#note-0", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        texts: dict[str, tuple[str, NoteKind]] = {}
        for n, target in enumerate(self.notes):
            homework = self.query_one(f"#note-homework-{n}", Checkbox).value
            texts[target.key] = (self.query_one(f"#note-{n}", TextArea).text, HOMEWORK if homework else PRIVATE)
        self.dismiss(texts)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)


class AgendaScreen(Dialog[str | None]):
    """Today's plan: each section's share of the session, time spent today, score and notes.

    Returns the section to jump to (Enter on its row), REPLAN (p), or None (Esc)."""

    REPLAN = "\x00replan"
    END = "\x00end"
    BINDINGS = [Binding("escape,f3", "dismiss(None)", "Close", id="agenda-close"),
                Binding("p,f4", "replan", "Re-plan", id="agenda-replan"),
                Binding("e", "end", "End the session", id="agenda-end")]

    def __init__(self, rows: list[AgendaRow], plan: Plan | None, session_seconds: int, current: str) -> None:
        super().__init__()
        self.rows = rows
        self.plan = plan
        self.session_seconds = session_seconds
        self.current = current

    def compose(self) -> ComposeResult:
        gone = clock_text(self.session_seconds)
        if self.plan is None:
            heading = f"Agenda: no plan yet (p plans it) · {gone} so far"
        else:
            left = self.plan.seconds - self.session_seconds
            state = f"{minutes_text(left)} left" if left > 0 else f"over by {minutes_text(-left)}"
            heading = f"Agenda: {self.plan.minutes} min session · {gone} gone · {state}"
        with Vertical(classes="dialog agenda-dialog"):
            yield Static(heading, classes="heading", markup=False)
            yield DataTable(cursor_type="row", zebra_stripes=True)
            app = self.app
            yield Static(f"Enter jumps to a section · {key(app, 'agenda-replan')} re-plans · "
                         f"{key(app, 'agenda-end')} ends the session · {key(app, 'agenda-close')} closes. Over its "
                         "time shows in bold.", classes="field-hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "Section", "Today", "Spent", "Left", "Score", "Notes")
        for row in self.rows:
            left = row.left
            over = left is not None and left < 0
            # DataTable measures Rich Text cells; user text goes in as Text, never as markup.
            mark = "▸" if row.section == self.current else ""
            today = f"{round(row.today / 60)} min" if row.today is not None else "-"
            left_text = "-" if left is None else f"+{minutes_text(-left)}" if over else minutes_text(left)
            table.add_row(mark, literal_text(one_line(row.title, 30)), today, clock_text(row.spent_today),
                          literal_text(left_text, "bold" if over else ""), f"{row.score}%",
                          str(row.notes) if row.notes else "", key=row.section)
        current = next((i for i, r in enumerate(self.rows) if r.section == self.current), 0)
        table.move_cursor(row=current)
        table.focus()

    def action_replan(self) -> None:
        self.dismiss(self.REPLAN)

    def action_end(self) -> None:
        self.dismiss(self.END)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)
