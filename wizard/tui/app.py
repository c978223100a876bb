"""The Textual application: opens a canvas (or the welcome screen) and runs the wizard."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from wizard.errors import ChangedOnDiskError, LockedError, UserFileError
from wizard.model.catalog import Catalog
from wizard.saver import BackgroundSaver
from wizard.session import Session
from wizard.tui.palette import JumpProvider
from wizard.userstate import Drafts, remember, rescue

if TYPE_CHECKING:
    from wizard.tui.question_screen import QuestionScreen


class WizardApp(App[str]):
    CSS_PATH = "app.tcss"
    TITLE = "Canvas Wizard"
    COMMANDS = App.COMMANDS | {JumpProvider}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True,
                tooltip="Close the wizard; every answer is already saved, typing is kept as a draft"),
    ]

    def __init__(self, path: Path | None, catalog: Catalog, coach: bool = False) -> None:
        super().__init__()
        self.start_path = path
        self.catalog = catalog
        self.coach = coach
        self.session: Session | None = None
        self.new_title = ""
        self._asking = False

    def on_mount(self) -> None:
        if self.start_path is None:
            from wizard.tui.welcome_screen import WelcomeScreen

            self.push_screen(WelcomeScreen())
        else:
            self.open_path(self.start_path)

    def open_path(self, path: Path, read_only: bool = False) -> None:
        """Resume `path`, or start a new canvas there; a bad file gets its own screen, and
        a file another wizard has open asks what to do."""
        from wizard.tui.bad_file_screen import BadFileScreen
        from wizard.tui.question_screen import QuestionScreen

        problem = self.close_session()
        if problem:
            self.notify(problem, title="Not saved", severity="error", markup=False, timeout=15)
        resumed = path.exists()
        try:
            title = self.new_title or path.stem.replace("-", " ").replace("_", " ")
            session = Session.open(path, self.catalog, read_only=read_only, title=title)
        except LockedError as exc:
            self._ask_locked(path, exc.holder)
            return
        except UserFileError as exc:
            self._show_only(BadFileScreen(path, exc.problem))
            return
        session.on_conflict = self._changed_on_disk
        loop = asyncio.get_running_loop()

        def saved(error: BaseException | None) -> None:
            # From the writer thread: hand over without waiting, since the UI thread may be
            # waiting for that very thread while it closes.
            with contextlib.suppress(RuntimeError):  # the loop is gone: the app has closed
                loop.call_soon_threadsafe(self._saved, error)

        session.saver = BackgroundSaver(session.save, saved)
        self.session = session
        drafts = Drafts(path)
        if read_only:  # never write over the drafts of the wizard that has the file
            drafts.path = drafts.path.with_name(f"{drafts.path.stem}-read-only.toml")
        start = session.first_open() or session.steps()[-1]
        if drafts.position:
            from wizard.session import Step

            remembered = Step.from_ref(drafts.position)
            if drafts.get(remembered.ref) is not None and session.exists(remembered):
                start = remembered  # they were typing here when the wizard closed
        remember(path)
        self._show_only(QuestionScreen(session, drafts, start, coach=self.coach))
        if resumed:
            note = " Unsaved text was restored." if drafts.texts else ""
            self.notify(f"Welcome back: {session.report().score}% done.{note}", markup=False)
        if session.file.upgraded_from is not None and session.file.kept:
            self.notify(f"Upgraded from an older format; the original is kept as {session.file.kept[-1].name}.",
                        markup=False)
        if read_only:
            self.notify(f"{session.read_only}. Nothing you do here is saved; typing is kept as drafts.",
                        title="Read-only", severity="warning", markup=False, timeout=10)

    def _ask_locked(self, path: Path, holder: str) -> None:
        from wizard.tui.dialogs import LockedScreen
        from wizard.tui.welcome_screen import WelcomeScreen

        def chosen(choice: str | None) -> None:
            if choice == "read-only":
                self.open_path(path, read_only=True)
            elif choice == "other":
                self._show_only(WelcomeScreen(f"{path} is open in another wizard: open another file."))
            else:
                self.exit("")

        self.push_screen(LockedScreen(path, holder), chosen)

    def _saved(self, error: BaseException | None) -> None:
        """A background save ended; say so when it failed (the answers stay open here)."""
        if isinstance(error, ChangedOnDiskError):
            self._changed_on_disk(error)
        elif error is not None:
            self.notify(f"{error} Your answers stay open here and are saved with your next change.",
                        title="Not saved", severity="error", markup=False, timeout=10)
        screen = self._question_screen()
        if screen is not None and screen.is_mounted:
            screen.refresh_status()

    def _changed_on_disk(self, exc: ChangedOnDiskError) -> None:
        """A save found the file changed on disk: ask, once, whose version wins."""
        from wizard.tui.dialogs import ChangedOnDiskScreen

        if self._asking:
            return
        self._asking = True

        def chosen(choice: str | None) -> None:
            self._asking = False
            if choice == "mine":
                self._keep_mine()
            elif choice == "theirs":
                self._load_theirs()

        self.push_screen(ChangedOnDiskScreen(exc.path, exc.problem), chosen)

    def _keep_mine(self) -> None:
        session = self.session
        assert session is not None
        try:
            session.save(overwrite=True)
        except UserFileError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=8)
            return
        kept = f"; the version from disk is kept as {session.file.kept[-1].name}" if session.file.kept else ""
        self.notify(f"Saved your version{kept}.", markup=False, timeout=8)
        screen = self._question_screen()
        if screen is not None:
            screen.refresh_status()

    def _load_theirs(self) -> None:
        from wizard.tui.question_screen import QuestionScreen

        session, screen = self.session, self._question_screen()
        assert session is not None
        try:
            session.reload()
        except UserFileError as exc:
            self.notify(f"{exc} Your version is still open here.", title="Not loaded", severity="error",
                        markup=False, timeout=10)
            return
        if screen is None:
            return
        start = screen.step if session.exists(screen.step) else session.first_open() or session.steps()[-1]
        self._show_only(QuestionScreen(session, screen.drafts, start, coach=self.coach))
        self.notify("Loaded the file from disk; what you had typed here is kept as drafts.", markup=False)

    def _question_screen(self) -> QuestionScreen | None:
        from wizard.tui.question_screen import QuestionScreen

        return next((s for s in reversed(self.screen_stack) if isinstance(s, QuestionScreen)), None)

    def close_session(self) -> str:
        """Save what is still being written and let go of the canvas (its lock).

        Returns a message when the last changes could not be saved, naming where a rescue
        copy of the canvas was kept instead.
        """
        session, self.session = self.session, None
        if session is None:
            return ""
        problem = ""
        try:
            session.flush()
        except UserFileError as exc:
            problem = f"NOT saved: {exc}. {rescue(session.path, session.canvas)}"
        session.close()
        return problem

    def on_unmount(self) -> None:
        self.close_session()

    def _show_only(self, screen: object) -> None:
        from textual.screen import Screen

        assert isinstance(screen, Screen)
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen)

    async def action_quit(self) -> None:
        # Nothing is ever unsaved, so quitting asks nothing; it says where the work is.
        self.finish()

    def finish(self) -> None:
        """Close the wizard from any screen; coach time is added to the canvas first."""
        from wizard.tui.question_screen import QuestionScreen

        for screen in self.screen_stack:
            if isinstance(screen, QuestionScreen):
                screen.leaving()
        message = self.finish_message()
        self.exit(self.close_session() or message)

    def finish_message(self) -> str:
        if self.session is None:
            return ""
        score = self.session.report().score
        return f"Saved {self.session.path}: {score}% complete."
