"""Closing a canvas: everything written somewhere (the file, a rescue copy, the drafts), or the wizard stays open.

A full disk under both the canvas and the state folder can leave no place to write
anything. Then quitting would lose the answers, so the wizard does not quit: it says what
could not be written and where it tried, keeps the work on screen, and tries again when
asked. Only the user's explicit "quit anyway", or a signal that ends the process, goes on,
and the exit status then says that not everything was kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wizard.core.session import Session
from wizard.files.drafts import Drafts, rescue
from wizard.files.errors import UserFileError
from wizard.tui.text import literal


@dataclass(frozen=True)
class Outcome:
    message: str = ""
    """What went wrong and where the work is instead; "" when everything is in the file."""
    saved: bool = True
    """Every change is in the canvas file."""
    only_here: bool = False
    """Something is written nowhere (not the file, not a rescue copy, not the drafts)."""


def settle(session: Session, drafts: Drafts | None) -> Outcome:
    """Write what is still to be written: the canvas to its file, else a rescue copy, and
    the drafts. Says only what did happen; the session stays open (the caller closes it)."""
    lines: list[str] = []
    saved, only_here = True, False
    try:
        session.flush()
    except UserFileError as exc:
        saved = False
        kept, said = rescue(session.path, session.canvas)
        lines += [f"NOT saved: {exc}.", said]
        only_here = kept is None
    if drafts is not None and not drafts.retry():
        either = " either" if not saved else ""
        lines.append(f"What you typed and did not commit could not be kept as drafts{either} ({drafts.unwritten}).")
        only_here = True
    return Outcome(" ".join(lines), saved, only_here)


class NotWrittenScreen(ModalScreen[str]):
    """Nothing could be written anywhere: try again, go back to the wizard, or quit and lose it."""

    # What failed scrolls, so that the choices stay on screen whatever the paths' length.
    DEFAULT_CSS = """NotWrittenScreen { align: center middle; }
    NotWrittenScreen #what-failed { height: auto; max-height: 7; }"""
    BINDINGS = [Binding("r", "dismiss('retry')", "Try again"), Binding("escape", "dismiss('back')", "Back"),
                Binding("q", "dismiss('quit')", "Quit and lose it")]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Your work could not be written anywhere", classes="heading", markup=False)
            with VerticalScroll(id="what-failed"):
                yield Static(literal(self.problem), id="problem", markup=False)
            yield Static("It is only in this window now, and the wizard stays open so that it is not lost. "
                         "Make room (free some disk space, or fix the folder), then try again (r). Esc goes "
                         "back to the wizard; q quits and loses what is not written.", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Try again (r)", id="retry", variant="primary")
                yield Button("Back (Esc)", id="back")
                yield Button("Quit, lose it (q)", id="quit", variant="error")

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "back")
