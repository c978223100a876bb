"""Someone else has the canvas: another wizard holds its lock, or another program changed it on disk."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wizard.files.errors import ChangedOnDiskError, UserFileError
from wizard.model.safetext import file_name

if TYPE_CHECKING:
    from wizard.tui.app import WizardApp


def ask(app: WizardApp, exc: ChangedOnDiskError) -> None:
    """A save found the file changed on disk: ask whose version wins (once: saves that fail
    the same way meanwhile are answered by the same choice)."""
    from wizard.tui.screens.dialogs import ChangedOnDiskScreen

    if app.asking_whose:
        return
    app.asking_whose = True

    def chosen(choice: str | None) -> None:
        app.asking_whose = False
        if choice == "mine":
            keep_mine(app)
        elif choice == "theirs":
            load_theirs(app)
        screen = app.question_screen()
        if screen is not None and screen.is_mounted:
            screen.show_topbar()  # whatever was chosen, the file's state as it is now

    app.push_screen(ChangedOnDiskScreen(exc.path, exc.problem), chosen)


def keep_mine(app: WizardApp) -> None:
    """Write the version on screen over the file's; the one from disk is kept beside it."""
    session = app.session
    assert session is not None
    try:
        session.save(overwrite=True)
    except UserFileError as exc:
        app.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=8)
        return
    kept = (f"; the version from disk is kept as {file_name(session.file.kept[-1].name)}"
            if session.file.kept else "")
    app.notify(f"Saved your version{kept}.", markup=False, timeout=8)
    screen = app.question_screen()
    if screen is not None:
        screen.refresh_status()


def load_theirs(app: WizardApp) -> None:
    """Open the file's version; what was typed here is kept as drafts."""
    from wizard.core import resume
    from wizard.tui.screens.question import QuestionScreen

    session, screen = app.session, app.question_screen()
    assert session is not None
    try:
        session.reload()
    except UserFileError as exc:
        app.notify(f"{exc} Your version is still open here.", title="Not loaded", severity="error",
                   markup=False, timeout=10)
        return
    if screen is None:
        return
    screen.drafts.reloaded()
    resume.recover(screen.drafts, session)  # items added here and not saved: back in their boxes
    start = screen.step if session.exists(screen.step) else session.first_open() or session.steps()[-1]
    app.show_only(QuestionScreen(session, screen.drafts, start, coach=app.coach,
                                  clock=app.coach_clock, run=screen.run))  # the coach session goes on
    app.notify("Loaded the file from disk; what you had typed here is kept as drafts.", markup=False)


def ask_locked(app: WizardApp, path: Path, holder: str) -> None:
    """Another wizard has the file open: open it read-only, open another file, or close."""
    from wizard.tui.screens.dialogs import LockedScreen
    from wizard.tui.screens.welcome import WelcomeScreen

    def chosen(choice: str | None) -> None:
        if choice == "read-only":
            app.open_path(path, read_only=True)
        elif choice == "other":
            app.show_only(WelcomeScreen(f"{file_name(path)} is open in another wizard: open another file."))
        else:
            app.exit("")

    app.push_screen(LockedScreen(path, holder), chosen)
