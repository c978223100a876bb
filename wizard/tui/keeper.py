"""What could not be written while the wizard runs: told once, tried again every few seconds, said when written.

A save that fails (a full disk, a folder made read-only) leaves the answers in the open
canvas and the top bar saying NOT SAVED; drafts that cannot be written leave the typing on
screen only. Both are tried again on a timer, not only with the next change, so freeing
disk space is enough: the user is told once when the work is written after all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer

from wizard.files.errors import ChangedOnDiskError, ReadOnlyError

if TYPE_CHECKING:
    from wizard.core.session import Session
    from wizard.files.drafts import Drafts
    from wizard.tui.app import WizardApp

RETRY_SECONDS = 5.0


class Keeper:
    def __init__(self, app: WizardApp) -> None:
        self.app = app
        self._save_problem = ""
        self._drafts_problem = ""
        self._save_retry = False
        self._timer: Timer | None = None

    def watch(self, drafts: Drafts) -> None:
        drafts.on_trouble = self.drafts_trouble

    def save_failed(self, error: BaseException) -> None:
        """A background save failed: say so (once for the same reason) and keep trying."""
        message = str(error)
        if message != self._save_problem:
            self.app.notify(f"{message} Your answers stay open here; the wizard tries again every few seconds "
                            "and with your next change.", title="Not saved", severity="error", markup=False,
                            timeout=10)
        self._save_problem = message
        # A file changed on disk waits for the user's choice, and read-only stays so.
        self._save_retry = not isinstance(error, (ChangedOnDiskError, ReadOnlyError))
        if self._save_retry:
            self._start()

    def saved(self) -> None:
        if self._save_problem:
            self._save_problem = ""
            self.app.notify("Saved after all: every answer is in the file now.", title="Saved", markup=False)

    def drafts_trouble(self, problem: str) -> None:
        """The drafts file could not be written (or can be again)."""
        if problem:
            self.app.notify(f"What you type cannot be kept as a draft ({problem}): it is only in this window "
                            "until it can be written; the wizard tries again every few seconds.",
                            title="Drafts not written", severity="error", markup=False, timeout=10)
            self._start()
        elif self._drafts_problem:
            self.app.notify("Your drafts are written again.", title="Drafts kept", markup=False)
        self._drafts_problem = problem

    def _start(self) -> None:
        if self._timer is None:
            self._timer = self.app.set_interval(RETRY_SECONDS, self._retry)

    def _retry(self) -> None:
        session: Session | None = self.app.session
        screen = self.app.question_screen()
        pending = False
        if session is not None and self._save_problem and self._save_retry and not session.read_only:
            pending = True
            saver = session.saver
            if saver is not None and not saver.pending:
                saver.request()
        if screen is not None and not screen.drafts.retry():
            pending = True
        if not pending and self._timer is not None:
            self._timer.stop()
            self._timer = None
