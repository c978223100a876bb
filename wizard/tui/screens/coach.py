"""Coach mode's screens: facilitator notes for a question and its segment, and the agenda."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Static, TextArea

from wizard.core import coaching
from wizard.core.coaching import AgendaRow, clock_text
from wizard.core.session import Session, Step
from wizard.files.errors import UserFileError
from wizard.tui.screens.dialogs import Dialog
from wizard.tui.text import literal, literal_text, one_line


def notes_text(targets: list[tuple[str, str, str]]) -> Content:
    """The notes shown above the help in coach mode (a hint when there are none yet)."""
    notes = [(heading, text) for _key, heading, text in targets if text]
    if not notes:
        return Content("Coach's notes: none yet (F2)").stylize("dim")
    parts = [literal("Coach's notes", "bold")]
    parts += [Content.assemble(literal(heading, "italic"), "\n", literal(text)) for heading, text in notes]
    return Content("\n").join(parts)


async def edit_notes(app: App[object], session: Session, step: Step) -> bool:
    """The coach's notes on `step` and its segment, edited in a dialog; True once saved."""
    targets = coaching.note_targets(session, step)
    changes = await app.push_screen_wait(NoteScreen(targets))
    if changes is None:
        return False
    try:
        coaching.set_notes(session, changes)
    except (UserFileError, ValueError) as exc:
        app.notify(str(exc), title="Notes not saved", severity="error", markup=False, timeout=8)
        return False
    return True


class NoteScreen(Dialog[dict[str, str] | None]):
    """Two notes at once: on this question here, and on the segment (or type) it belongs to.

    Returns {key: text} for both (an empty text removes a note), or None when cancelled.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save notes", id="note-save", priority=True),
        Binding("escape", "dismiss(None)", "Cancel", id="note-cancel"),
    ]

    def __init__(self, notes: list[tuple[str, str, str]]) -> None:
        """`notes`: (key, heading, current text) for each note to edit."""
        super().__init__()
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):
            yield Static("Coach's notes (kept apart from the founder's answers)", classes="heading", markup=False)
            for n, (_key, heading, text) in enumerate(self.notes):
                yield Static(literal(heading, "bold"), markup=False)
                yield TextArea(text, id=f"note-{n}", tab_behavior="focus", classes="note-text")
            yield Static("Tab moves between notes · Ctrl+S saves · Esc cancels", classes="field-hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save (Ctrl+S)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        area = self.query_one("#note-0", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        texts = {key: self.query_one(f"#note-{n}", TextArea).text for n, (key, _h, _t) in enumerate(self.notes)}
        self.dismiss(texts)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)


class AgendaScreen(Dialog[None]):
    """The session's plan: each section's planned time, time spent, score and notes."""

    BINDINGS = [Binding("escape,f3", "dismiss(None)", "Close", id="agenda-close")]

    def __init__(self, rows: list[AgendaRow], session_seconds: int, current: str) -> None:
        super().__init__()
        self.rows = rows
        self.session_seconds = session_seconds
        self.current = current

    def compose(self) -> ComposeResult:
        planned = sum(r.minutes for r in self.rows)
        with Vertical(classes="dialog agenda-dialog"):
            yield Static(f"Agenda: {planned} min planned · this session {clock_text(self.session_seconds)}",
                         classes="heading", markup=False)
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Static("Times add up over sessions; over plan shows in bold. Esc closes.",
                         classes="field-hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "Section", "Plan", "Spent", "Score", "Notes")
        for row in self.rows:
            over = row.spent > row.minutes * 60
            # DataTable measures Rich Text cells; user text goes in as Text, never as markup.
            spent = literal_text(clock_text(row.spent), "bold" if over else "")
            mark = "▸" if row.section == self.current else ""
            table.add_row(mark, literal_text(one_line(row.title, 34)), f"{row.minutes} min", spent,
                          f"{row.score}%", str(row.notes) if row.notes else "")
        table.focus()
