"""Closing a canvas and the wizard: all written somewhere (the file, a rescue copy, the drafts), or it stays open.

A full disk under both the canvas and the state folder can leave no place to write
anything. Then quitting would lose the answers, so the wizard does not quit: it says what
could not be written and where it tried, keeps the work on screen, and tries again when
asked. Only the user's explicit "quit anyway", or a signal that ends the process, goes on,
and the exit status then says that not everything was kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wizard.core.session import Session
from wizard.files.drafts import Drafts, rescue
from wizard.files.errors import UserFileError
from wizard.model.safetext import file_name
from wizard.tui.key_names import key
from wizard.tui.text import literal

if TYPE_CHECKING:
    from wizard.tui.app import WizardApp


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


def close_session(app: WizardApp, hold: bool = False) -> str:
    """Save what is still being written and let go of the canvas (its lock).

    Returns a message when the last changes could not be saved, naming where a rescue
    copy of the canvas was kept instead. With `hold`, a canvas whose work could not be
    written anywhere (not its file, not a rescue copy, not the drafts) stays open, with
    a writer again, and the message says what was not written.
    """
    session = app.session
    if session is None:
        return ""
    screen = app.question_screen()
    outcome = settle(session, screen.drafts if screen is not None else None)
    if hold and outcome.only_here:
        session.saver = app.writer(session)
        return outcome.message
    app.session = None
    if outcome.saved:
        keep_first_frame(app, session)
    session.close()
    return outcome.message


def keep_first_frame(app: WizardApp, session: Session) -> None:
    """Picture the question the next start opens on, if it is the one on screen."""
    from wizard.core import resume
    from wizard.files import first_frame, locations
    from wizard.tui.frame_capture import capture

    if session.read_only:
        return
    screen = app.question_screen()
    frame = None
    if screen is not None and screen.is_mounted and screen.step == resume.resume_at(screen.drafts, session):
        screen.refresh_status()  # the top bar as the next start shows it: saved, not "saving…"
        frame = capture(screen)
    banks = first_frame.banks_key(locations.shipped_dir(), app.banks_dir)
    first_frame.store(session.path, banks, app.coach, frame)


def finish(app: WizardApp) -> None:
    """Close the wizard from any screen; coach time is added to the canvas first.

    The exit status is 0 when every answer is in the file, 1 when it is not (even with a
    rescue copy), and 128 + the signal's number when a signal closed the wizard. Work
    that could not be written anywhere keeps the wizard open, unless a signal ends it."""
    from wizard.tui.screens.question import QuestionScreen

    for screen in app.screen_stack:
        if isinstance(screen, QuestionScreen):
            screen.leaving()
    message = finish_message(app)
    problem = close_session(app, hold=not app.stopped_by)
    if app.session is not None:  # held: the work is only in this window
        ask_unwritten(app, problem)
        return
    code = 128 + app.stopped_by if app.stopped_by else 1 if problem else 0
    app.exit(problem or message, return_code=code)


def ask_unwritten(app: WizardApp, problem: str) -> None:
    if isinstance(app.screen, NotWrittenScreen):
        return

    def chosen(choice: str | None) -> None:
        if choice == "retry":
            finish(app)
        elif choice == "quit":
            lost = close_session(app)
            app.exit(f"{lost or problem} Quit anyway: what could not be written is lost.", return_code=1)

    app.clear_notifications()  # what they said is in the dialog, which they would cover
    app.push_screen(NotWrittenScreen(problem), chosen)


def finish_message(app: WizardApp) -> str:
    """What is printed once the wizard has closed: where the canvas is, and what next."""
    if app.session is None:
        return ""
    from wizard.tui.screens.finish import next_steps

    score = app.session.report().score
    steps = next_steps(app.session.path)[:3]
    return "\n".join([f"Saved {file_name(app.session.path)}: {score}% complete.",
                      *(f"  {command}   # {what}" for command, what in steps)])


class NotWrittenScreen(ModalScreen[str]):
    """Nothing could be written anywhere: try again, go back to the wizard, or quit and lose it."""

    # What failed scrolls, so that the choices stay on screen whatever the paths' length.
    DEFAULT_CSS = """NotWrittenScreen { align: center middle; }
    NotWrittenScreen #what-failed { height: auto; max-height: 7; }"""
    BINDINGS = [Binding("r", "dismiss('retry')", "Try again", id="closing-retry"),
                Binding("escape", "dismiss('back')", "Back", id="closing-back"),
                Binding("q", "dismiss('quit')", "Quit and lose it", id="closing-lose")]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Your work could not be written anywhere", classes="heading", markup=False)
            with VerticalScroll(id="what-failed"):
                yield Static(literal(self.problem), id="problem", markup=False)
            retry, back, lose = (key(self.app, i) for i in ("closing-retry", "closing-back", "closing-lose"))
            yield Static("It is only in this window now, and the wizard stays open so that it is not lost. "
                         f"Make room (free some disk space, or fix the folder), then try again ({retry}). {back} "
                         f"goes back to the wizard; {lose} quits and loses what is not written.", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"Try again ({retry})", id="retry", variant="primary")
                yield Button(f"Back ({back})", id="back")
                yield Button(f"Quit, lose it ({lose})", id="quit", variant="error")

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "back")
