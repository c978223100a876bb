"""One writer thread per open canvas: saves requested while it writes are coalesced into one.

Writing a canvas (the TOML text, fsync of the file and its folder, the backup) takes
longer than painting the next question, so a front end hands every save to this thread.
The thread never touches the UI: it reports each save's outcome through `on_done`, which a
front end marshals to its own thread.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable

DELAY = 0.05
"""Seconds a save waits after it is asked for. Python runs one thread at a time, so a save
started at once would take turns with the UI thread while it paints the next question;
changes asked for meanwhile are written by the same save."""


class BackgroundSaver:
    def __init__(self, save: Callable[[], None], on_done: Callable[[BaseException | None], None],
                 delay: float = DELAY) -> None:
        self._save = save
        self._on_done = on_done
        self._delay = delay
        self._cond = threading.Condition()
        self._wanted = False
        self._busy = False
        self._closing = False
        self._thread: threading.Thread | None = None
        self.last_error: BaseException | None = None

    def request(self) -> None:
        """Ask for a save of the canvas as it is by the time the writer gets to it."""
        with self._cond:
            self._wanted = True
            if self._thread is None:
                # A daemon, so an idle writer never keeps a crashed program alive; the atexit
                # hook still lets a save that was asked for finish before the interpreter ends.
                self._thread = threading.Thread(target=self._run, name="canvas-saver", daemon=True)
                self._thread.start()
                atexit.register(self.close)
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._wanted and not self._closing:
                    self._cond.wait()
                if not self._wanted:
                    return
                # Closing (quitting, or the program ending) writes at once.
                self._cond.wait_for(lambda: self._closing, self._delay)
                self._wanted, self._busy = False, True
            error: BaseException | None = None
            try:
                self._save()
            except Exception as exc:  # handed to the front end, which says what went wrong
                error = exc
            with self._cond:
                self._busy = False
                self.last_error = error
                self._cond.notify_all()
            self._on_done(error)

    @property
    def pending(self) -> bool:
        with self._cond:
            return self._wanted or self._busy

    def wait(self, timeout: float | None = None) -> bool:
        """Until nothing is asked for or being written; False when `timeout` ran out first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._wanted and not self._busy, timeout)

    def close(self, timeout: float | None = None) -> None:
        """Finish what was asked for, then stop the thread."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
            atexit.unregister(self.close)
