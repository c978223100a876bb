"""The Textual application: opens a canvas (or the welcome screen) and runs the wizard."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from wizard import store
from wizard.errors import UserFileError
from wizard.model.catalog import Catalog
from wizard.session import Session, new_canvas
from wizard.tui.palette import JumpProvider
from wizard.userstate import Drafts, remember


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

    def on_mount(self) -> None:
        if self.start_path is None:
            from wizard.tui.welcome_screen import WelcomeScreen

            self.push_screen(WelcomeScreen())
        else:
            self.open_path(self.start_path)

    def open_path(self, path: Path) -> None:
        """Resume `path`, or start a new canvas there; a bad file gets its own screen."""
        from wizard.tui.bad_file_screen import BadFileScreen
        from wizard.tui.question_screen import QuestionScreen

        resumed = path.exists()
        try:
            if resumed:
                canvas = store.load(path)
            else:
                canvas = new_canvas(self.new_title or path.stem.replace("-", " ").replace("_", " "))
            session = Session(path, canvas, self.catalog)
            if not resumed:
                session.save()
        except UserFileError as exc:
            self._show_only(BadFileScreen(path, exc.problem))
            return
        self.session = session
        drafts = Drafts(path)
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
        self.exit(self.finish_message())

    def finish_message(self) -> str:
        if self.session is None:
            return ""
        score = self.session.report().score
        return f"Saved {self.session.path}: {score}% complete."
