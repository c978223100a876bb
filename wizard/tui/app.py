"""The Textual application: opens a canvas (or the welcome screen) and runs the wizard."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen

from wizard.files.errors import ChangedOnDiskError, LockedError, UserFileError
from wizard.files.first_frame import FirstFrame
from wizard.model.safetext import file_name
from wizard.tui import signals
from wizard.tui.held_keys import HeldKeys, InOrder, Release
from wizard.tui.key_names import key
from wizard.tui.palette import JumpProvider
from wizard.tui.settings import Preferences
from wizard.tui.textual_internals.input import reading_safely
from wizard.tui.textual_internals.output import writing_safely

if TYPE_CHECKING:
    from textual.driver import Driver

    from wizard.core.coach_request import Request
    from wizard.core.session import Session
    from wizard.files.saver import BackgroundSaver
    from wizard.model.catalog import Catalog
    from wizard.tui.keeper import Keeper
    from wizard.tui.screens.question import QuestionScreen

# Everything below that needs pydantic (the models, the session, the question screen) is
# imported inside the methods: the first frame is painted before any of it is loaded.


def _export_provider() -> type[Provider]:
    """"Export ..." in the palette, loaded when the palette opens, not before the first frame."""
    from wizard.tui.screens.export import ExportProvider

    return ExportProvider


class WizardApp(App[str]):
    CSS_PATH = "app.tcss"
    TITLE = "Canvas Wizard"
    COMMANDS = App.COMMANDS | {JumpProvider, _export_provider}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True,
                tooltip="Close the wizard; every answer is already saved, typing is kept as a draft"),
    ]

    def __init__(self, path: Path | None, catalog: Catalog | None = None, coach: bool = False,
                 frame: FirstFrame | None = None, banks_dir: Path | None = None, theme: str | None = None,
                 coach_request: Request | None = None, coach_clock: Callable[[], float] = time.monotonic) -> None:
        """Without a catalog the banks (shipped, and `banks_dir`'s) are loaded once `frame`,
        the picture of the first question, is on screen (see wizard/files/first_frame.py).
        `theme` is for this run only; the user's settings file gives the theme otherwise.
        `coach_request`: the coach session's length and sections from the command line;
        `coach_clock`: what the coach session's times are read from (tests run a session
        of 45 minutes in no time)."""
        super().__init__()
        self.preferences = Preferences(self, theme)  # before the first frame: painted in its theme
        self.start_path = path
        self._catalog = catalog
        self.banks_dir = banks_dir
        self.coach = coach
        self.coach_request = coach_request
        self.coach_clock = coach_clock
        self.session: Session | None = None
        self.new_title = ""
        self.asking_whose = False
        """The file changed on disk and the wizard is asking whose version wins (on_disk.py)."""
        self._frame = frame if path is not None else None
        self._held = HeldKeys(self)
        self._keeper: Keeper | None = None
        self.stopped_by = 0
        """The signal that is closing the wizard (0: none)."""
        self._in_order = InOrder(self, super().on_event, super().post_message)

    def get_driver_class(self) -> type[Driver]:
        # Pastes whole and bytes that are not UTF-8 refused, not fatal (textual_internals/input.py);
        # a terminal closed while output is on its way never blocks the close (output.py).
        return writing_safely(reading_safely(super().get_driver_class()))

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            from wizard.files.banks import load_catalog

            self._catalog = load_catalog(self.banks_dir)
        return self._catalog

    @property
    def keeper(self) -> Keeper:
        if self._keeper is None:
            from wizard.tui.keeper import Keeper

            self._keeper = Keeper(self)
        return self._keeper

    def on_mount(self) -> None:
        signals.install(self.stop_for_signal)
        self.preferences.start()
        if self.start_path is None:
            from wizard.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())
            return
        # Keys pressed before the first question is up are held for it (held_keys.py).
        self._held.start()
        if self._frame is None:
            # Not in this handler: Textual handles the app's Mount inside a batch of updates, in
            # which a screen shown renders its first frame and then drops it (30-40 ms at 120x40).
            self.call_later(self._open_start)
        # Else the picture is the default screen (see get_default_screen); once its first
        # frame is painted, it calls _open_start to load the rest and put the live question
        # in its place.

    def get_default_screen(self) -> Screen[Any]:
        if self._frame is None:
            from wizard.tui.textual_internals.screens import FirstScreen

            return FirstScreen(id="_default")
        from wizard.tui.screens.preview import PreviewScreen

        return PreviewScreen(self._frame, painted=self._open_start)

    def _open_start(self) -> None:
        """Open the canvas the wizard was started on, once the app is up (and the picture, if
        any, is painted), and hand it the keys held meanwhile."""
        assert self.start_path is not None
        try:
            self.open_path(self.start_path, at=self._frame.step if self._frame is not None else "")
        except UserFileError as exc:  # a bank is broken: nothing to ask the questions with
            self._held.drop()
            self.exit(f"canvas-wizard: {exc}", return_code=1)
            return
        self._release_keys()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste, events.MouseDown, events.MouseUp)) and not event.is_forwarded:
            # Keys pressed before the first question is up (a picture, or nothing yet) are kept for it.
            if self._held.take(event):
                return
            await self._typed(event)
            return
        await super().on_event(event)

    async def _typed(self, event: events.Event) -> None:
        """One key, paste or click from the terminal, in its turn (see held_keys.py)."""
        await self._in_order.handle(event)

    def post_message(self, message: Message) -> bool:
        # A key the app is handling comes back up here once the widgets are done with it.
        in_order: InOrder | None = self.__dict__.get("_in_order")
        return (in_order is not None and in_order.came_back(message)) or super().post_message(message)

    async def on_release(self, message: Release) -> None:
        # Handled in the app's own queue: keys typed since wait behind this message.
        from wizard.tui.screens.question import QuestionScreen

        await self._held.replay(isinstance(self.screen, QuestionScreen), self._typed)

    def on_resize(self, event: events.Resize) -> None:
        # Every screen's layout for the new width, the ones under the top one too: they are
        # laid out again for the new size but get no Resize of their own, and a question
        # screen left in its wide layout came back at 80 columns with its answer column 0
        # wide (Textual then failed to wrap the options in it).
        from wizard.tui.screen_text import body_classes

        for screen in self.screen_stack:
            for body in screen.query(".responsive"):
                body.set_classes(f"responsive {body_classes(event.size.width)}")
            fit_to = getattr(screen, "fit_to", None)
            if fit_to is not None:
                fit_to(event.size)  # the answer box kept in view (screen_fit.py)

    def _release_keys(self) -> None:
        from wizard.tui.screens.question import QuestionScreen

        def ready() -> bool:  # the answer box has the focus, not whatever had it first
            focused = self.focused
            return focused is not None and any(a.id == "field-box" for a in focused.ancestors)

        self._held.release(wanted=lambda: isinstance(self.screen, QuestionScreen), ready=ready)

    def open_path(self, path: Path, read_only: bool = False, at: str = "") -> None:
        """Resume `path`, or start a new canvas there; a bad file gets its own screen, and
        a file another wizard has open asks what to do. `at`: the step the first frame
        showed, where the keys typed on it belong."""
        from wizard.core import resume
        from wizard.core.session import Session, Step
        from wizard.files.drafts import Drafts, remember
        from wizard.tui.screens.bad_file import BadFileScreen
        from wizard.tui.screens.question import QuestionScreen

        problem = self.close_session()
        if problem:
            self.notify(problem, title="Not saved", severity="error", markup=False, timeout=15)
        catalog = self.catalog  # a broken bank is not the canvas's fault: the caller says so
        resumed = path.exists()
        try:
            title = self.new_title or path.stem.replace("-", " ").replace("_", " ")
            session = Session.open(path, catalog, read_only=read_only, title=title)
        except LockedError as exc:
            from wizard.tui import on_disk

            on_disk.ask_locked(self, path, exc.holder)
            return
        except UserFileError as exc:
            self.show_only(BadFileScreen(path, exc.problem))
            return
        session.on_conflict = self._changed_on_disk
        session.on_set_aside = self._set_aside
        session.saver = self.writer(session)
        self.session = session
        # Read-only because another wizard has it, or because its permissions say so.
        drafts = Drafts(path, read_only=bool(session.read_only))
        restored = drafts.take_back_read_only()
        resume.recover(drafts, session)
        self.keeper.watch(drafts)
        remember(path)
        start = resume.resume_at(drafts, session)
        if at and at != start.ref:
            pictured = Step.from_ref(at)
            if session.exists(pictured):
                start = pictured
            elif self._held.events:
                self._held.drop()
                self.notify("What you typed while the wizard started was not used: the question it was "
                            "typed at is not there any more.", severity="warning", markup=False, timeout=10)
        self.show_only(QuestionScreen(session, drafts, start, coach=self.coach, clock=self.coach_clock))
        if resumed:
            note = " Unsaved text was restored." if drafts.texts else ""
            if restored:
                note += f" {restored} draft{'s' * (restored > 1)} typed while it was open read-only came back."
            homework = session.canvas.coach.open_homework()
            if homework:
                pieces = f"{homework} piece{'s' * (homework > 1)} of homework"
                how = f"{key(self, 'finish')}, then {key(self, 'finish-homework')}, ticks off what is done."
                note += (f" {pieces[0].upper()}{pieces[1:]} from earlier sessions still open: " if self.coach
                         else f" Your coach set {pieces} still to do: ") + how
            self.notify(f"Welcome back: {session.report().score}% done.{note}", markup=False,
                        timeout=12 if homework else None)
        if resumed:  # after the first paint: at 1000 segments the check takes 50 ms
            self.call_after_refresh(self._tell_rejected, session)
        if session.file.upgraded_from is not None and session.file.kept:
            kept = file_name(session.file.kept[-1].name)
            self.notify(f"Upgraded from an older format; the original is kept as {kept}.", markup=False)
        if session.read_only:
            self.notify(f"{session.read_only}. Nothing you do here is saved; typing is kept as drafts.",
                        title="Read-only", severity="warning", markup=False, timeout=10)

    def _tell_rejected(self, session: Session) -> None:
        """Hand-edited values `check` rejects: where they are, and that they are kept."""
        from wizard.core import set_aside

        if session is self.session:
            note = set_aside.opening_note(session.path, set_aside.rejected(session.canvas, session.catalog))
            if note:
                self.notify(note, title="Values the wizard cannot use", severity="warning", markup=False, timeout=30)

    def _set_aside(self, message: str) -> None:
        self.notify(message, title="Old value set aside", severity="warning", markup=False, timeout=15)

    def writer(self, session: Session) -> BackgroundSaver:
        """The writer thread for the open session, reporting back on the UI's loop."""
        from wizard.files.saver import BackgroundSaver

        loop, ui_context = asyncio.get_running_loop(), contextvars.copy_context()

        def saved(error: BaseException | None) -> None:
            # From the writer thread: hand over without waiting, since the UI thread may be
            # waiting for that very thread while it closes. In the UI's context, not the
            # writer's: Textual finds its app there (a timer started without it fails).
            with contextlib.suppress(RuntimeError):  # the loop is gone: the app has closed
                loop.call_soon_threadsafe(self._saved, error, context=ui_context.copy())

        return BackgroundSaver(session.save, saved)

    def _saved(self, error: BaseException | None) -> None:
        """A background save ended; say so when it failed (the answers stay open here)."""
        if isinstance(error, ChangedOnDiskError):
            self._changed_on_disk(error)
        elif error is not None:
            self.keeper.save_failed(error)
        else:
            self.keeper.saved()
        screen = self.question_screen()
        if screen is not None and screen.is_mounted:
            # A save that ends as the wizard closes finds the screen's widgets going: nothing to say then.
            with contextlib.suppress(NoMatches):
                screen.refresh_status()

    def _changed_on_disk(self, exc: ChangedOnDiskError) -> None:
        """A save found the file changed on disk: ask, once, whose version wins."""
        from wizard.tui import on_disk

        on_disk.ask(self, exc)

    def question_screen(self) -> QuestionScreen | None:
        from wizard.tui.screens.question import QuestionScreen

        return next((s for s in reversed(self.screen_stack) if isinstance(s, QuestionScreen)), None)

    def close_session(self, hold: bool = False) -> str:
        """Save what is still being written and let go of the canvas (wizard/tui/closing.py).
        Returns a message when the last changes could not be saved; with `hold`, a canvas
        whose work could not be written anywhere stays open."""
        from wizard.tui import closing

        return closing.close_session(self, hold)

    def on_unmount(self) -> None:
        self.close_session()

    def show_only(self, screen: Screen[Any]) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen)

    async def action_quit(self) -> None:
        # Nothing is ever unsaved, so quitting asks nothing; it says where the work is. A
        # coach session still running is closed first, and its summary shown.
        screen = self.question_screen()
        if screen is not None and screen.run is not None and screen.run.record is not None:
            screen.end_session(quitting=True)
            return
        self.finish()

    def stop_for_signal(self, signum: int) -> None:
        """SIGHUP or SIGTERM: close as Ctrl+Q does, once, whatever is on screen."""
        if not self.stopped_by:
            self.stopped_by = signum
            self.call_later(self.finish)  # after the keys already read, as a key would be

    def finish(self) -> None:
        """Close the wizard from any screen (wizard/tui/closing.py): exit 0 when every answer
        is in the file, 1 when not, 128 + N when signal N closed it."""
        from wizard.tui import closing

        closing.finish(self)

    def finish_message(self) -> str:
        """What is printed once the wizard has closed: where the canvas is, and what next."""
        from wizard.tui import closing

        return closing.finish_message(self)
