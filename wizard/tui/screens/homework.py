"""The founder's homework from the coach: every piece, from every session, ticked off as it is done.

The coach sets homework in a session (F2 in coach mode); the founder's exports and the
session summary list what is still to do. Here the founder, or the coach with them, ticks
a piece off (Space or Enter) and it is saved at once: the exports leave done homework out,
`report` counts only what is open, and the coach's copy shows it done.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from wizard.core import coach_sessions
from wizard.core.session import Session
from wizard.files.errors import UserFileError
from wizard.model.coach import CoachSession, SessionNote
from wizard.tui.key_names import key
from wizard.tui.screens.dialogs import Dialog
from wizard.tui.text import literal


def describe(session: Session, record: CoachSession, note: SessionNote) -> str:
    """`12 Nov · Users › Students, Who pays: Ask three parents what they pay today`."""
    place = coach_sessions.note_place(session.canvas, session.catalog, note.place)
    where = place.where if place.location else "The whole canvas"
    about = f"{where}, {place.question}" if place.question else where
    return f"{record.started:%d %b} · {about}: {note.text}"


def summary(session: Session) -> str:
    """`2 of 3 still to do`, or "" when the coach set none."""
    pieces = coach_sessions.homework(session.canvas)
    if not pieces:
        return ""
    left = sum(1 for _, note in pieces if not note.done)
    return f"{left} of {len(pieces)} still to do" if left else f"all done ({len(pieces)})"


def heading(session: Session) -> str:
    return f"Homework from your coach: {summary(session) or 'none yet'}"


class HomeworkScreen(Dialog[None]):
    """Every piece of homework, oldest session first; a ticked box is done."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="homework-close")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.pieces = coach_sessions.homework(session.canvas)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="homework"):
            yield Static(literal(heading(self.session), "bold"), id="homework-title")
            if self.pieces:
                yield SelectionList[int](*(Selection(literal(describe(self.session, record, note)), n, note.done)
                                           for n, (record, note) in enumerate(self.pieces)), id="homework-list")
                # The highlighted piece whole: the list cuts each at one line.
                yield Static(literal(describe(self.session, *self.pieces[0])), id="homework-text")
                yield Static(f"Space or Enter ticks one off (saved at once) · {key(self.app, 'homework-close')} closes",
                             classes="field-hint", markup=False)
            else:
                yield Static(literal("A coach sets homework in a coach session (canvas-wizard --coach FILE, then "
                                     f"{key(self.app, 'note')})."))
                yield Static(f"{key(self.app, 'homework-close')} closes", classes="field-hint", markup=False)

    def on_mount(self) -> None:
        for found in self.query("#homework-list").results(SelectionList):
            found.focus()

    @on(SelectionList.SelectionHighlighted, "#homework-list")
    def _highlighted(self, event: SelectionList.SelectionHighlighted[int]) -> None:
        record, note = self.pieces[event.selection.value]
        self.query_one("#homework-text", Static).update(literal(describe(self.session, record, note)))

    @on(SelectionList.SelectionToggled, "#homework-list")
    def _toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        n = event.selection.value
        _, note = self.pieces[n]
        done = n in event.selection_list.selected
        try:
            coach_sessions.set_done(self.session, note, done)
        except (UserFileError, ValueError) as exc:
            # Kept as ticked, as any answer is: the wizard saves it once it can, or says at the close.
            self.notify(str(exc), title="Not saved yet", severity="error", markup=False, timeout=8)
        self.query_one("#homework-title", Static).update(literal(heading(self.session), "bold"))
