"""A canvas open for editing: its file, and saving it as it changes.

Changes are made inside `changing()`, which holds the canvas still (a background save
never copies half a change) and saves once the outermost change is done: at once, or
through a front end's writer thread (`saver`). `Session` builds the wizard on top.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ParamSpec, TypeVar

from wizard.files import fingerprint, store
from wizard.files.canvas_file import CanvasFile
from wizard.files.errors import CanvasFileError, ChangedOnDiskError, ReadOnlyError
from wizard.files.saver import BackgroundSaver
from wizard.model.canvas import Canvas, now

P = ParamSpec("P")
R = TypeVar("R")


def changes(method: Callable[P, R]) -> Callable[P, R]:
    """A method that changes the canvas does so inside `EditedCanvas.changing`."""

    @functools.wraps(method)
    def changing(*args: P.args, **kwargs: P.kwargs) -> R:
        session = args[0]
        assert isinstance(session, EditedCanvas)
        with session.changing():
            return method(*args, **kwargs)

    return changing


@dataclass(frozen=True)
class SaveState:
    """Whether the file holds what is on screen, as a front end tells the user."""

    kind: str
    """`saved`, `saving` (a save is under way), `unsaved` (changes made here are not in
    the file), `changed` (nothing unsaved here, but the file on disk is no longer what was
    last read or written) or `read-only`."""
    at: datetime | None = None
    """When the file was last saved (or, resumed, last written): for `saved`."""
    label: str = ""
    """`unsaved` and `changed` in a word or two, for a status bar."""
    problem: str = ""
    """What is wrong with the file on disk, when something is."""


class EditedCanvas:
    def __init__(self, path: Path, canvas: Canvas, file: CanvasFile | None = None) -> None:
        self.path = path
        self.canvas = canvas
        self.file = file or CanvasFile.adopt(path)
        self.on_conflict: Callable[[ChangedOnDiskError], None] | None = None
        """Told when a save finds the file changed on disk, so a front end can ask the user."""
        self.last_saved: datetime | None = self._on_disk_since()
        self.lock = threading.RLock()
        """Held while the canvas changes and while a save copies it."""
        self._writing = threading.Lock()
        self._depth = 0
        self._save_due = False
        self.saver: BackgroundSaver | None = None
        """Set by a front end that wants canvases written off its own thread."""
        self._changes = 0
        self._saved_changes = 0
        self._same_content: tuple[int, int] | None = None
        """The (size, mtime) of a file found to hold what was last saved, touched since."""

    def changed(self, steps_too: bool = True) -> None:
        """Forget what was worked out from the canvas (nothing here; see Session)."""

    @contextlib.contextmanager
    def changing(self) -> Iterator[None]:
        """Hold the canvas still while it changes, so a background save never copies half a
        change; what changed is saved when the outermost change is done.

        The save happens outside the lock: a save takes the writing lock, then this one, and
        taking them in the other order could deadlock with the background writer.
        """
        with self.lock:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
        if self._depth == 0 and self._save_due:
            self._save_due = False
            self._store()

    def save_change(self, steps_too: bool = True) -> None:
        """After any change to the canvas: forget derived state, stamp the time, save.
        `steps_too=False` for a change that cannot add or remove a step (see changed)."""
        with self.changing():  # stored as the outermost change ends, outside the lock
            self.changed(steps_too)
            self.canvas.touch()
            self._changes += 1
            self._save_due = True

    def _store(self) -> None:
        try:
            if self.saver is None:
                self.save()
                return
            self._check_disk()
        except ChangedOnDiskError as exc:
            if self.on_conflict is not None:
                self.on_conflict(exc)
            raise
        store.ready_to_write()  # here, before the writer thread dumps a canvas (see there)
        self.saver.request()

    def _check_disk(self) -> None:
        """Before a change goes to the writer: a file edited by hand since the last save is
        found now, while the user is still at the change (the writer checks again as it
        writes, for an edit made in between)."""
        if not self._writing.acquire(blocking=False):
            return  # a save is being written, and what it saw last is about to change
        try:
            seen = self.file.seen
            if seen is not None and fingerprint.looks_unchanged(self.path, seen):
                return  # the writer compares the bytes anyway, as it writes
            on_disk = fingerprint.of_file(self.path)
            if fingerprint.changed(self.file.seen, on_disk):
                assert on_disk is not None
                when = on_disk.modified.astimezone().strftime("%H:%M:%S")
                raise ChangedOnDiskError(self.path, f"changed on disk since it was opened (at {when}); not saved")
        finally:
            self._writing.release()

    def save(self, overwrite: bool = False) -> None:
        """Save now; `overwrite` replaces a file changed on disk (theirs is backed up)."""
        # One save at a time, each copying the canvas after the one before it: a newer copy
        # can never be overwritten by an older one. Only the copy needs the canvas to hold
        # still; the writing does not.
        with self._writing:
            with self.lock:
                data, count = store.to_data(self.canvas), self._changes
            self.file.save(data, overwrite=overwrite)
            self._saved_changes = count
            self.last_saved = now()

    def _on_disk_since(self) -> datetime | None:
        """When the file as last read was written: a resumed canvas was saved then."""
        seen = self.file.seen
        return seen.modified if seen is not None else None

    @property
    def unsaved(self) -> bool:
        """Changes made that are not in the file yet (a save pending, or one that failed)."""
        return self._changes != self._saved_changes

    def save_state(self) -> SaveState:
        """What the file holds, found out from the file itself (a stat, and its content
        only when its size or time differ), never from what the last save hoped for."""
        if self.read_only:
            return SaveState("read-only", problem=self.read_only)
        if self.saver is not None and self.saver.pending:
            return SaveState("saving")
        label, problem = self.disk_problem()
        if self.unsaved:
            return SaveState("unsaved", label="NOT SAVED", problem=problem)
        if problem:
            return SaveState("changed", label=label, problem=problem)
        return SaveState("saved", self.last_saved)

    def disk_problem(self) -> tuple[str, str]:
        """Why the file on disk is not the canvas as last read or written, in a word or two
        and in a sentence; ("", "") when it is."""
        seen = self.file.seen
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return "FILE MISSING", "the file is no longer on disk"
        except OSError as exc:
            return "CANNOT CHECK FILE", f"the file cannot be checked ({exc.strerror or exc})"
        if not stat.S_ISREG(info.st_mode):
            return "NOT A FILE", "something that is not a file (a folder?) has taken its place"
        if seen is None:
            return "CHANGED ON DISK", "another program created the file"
        if (info.st_size, info.st_mtime_ns) in ((seen.size, seen.mtime_ns), self._same_content):
            return "", ""
        try:
            now = fingerprint.of_file(self.path)
        except CanvasFileError as exc:
            return "CANNOT CHECK FILE", exc.problem
        if fingerprint.changed(seen, now):
            return "CHANGED ON DISK", "another program changed the file on disk"
        self._same_content = (info.st_size, info.st_mtime_ns)  # touched, or rewritten alike
        return "", ""

    def flush(self, timeout: float = 30.0) -> None:
        """Make sure every change is in the file: wait for the writer, then save what is left.

        Raises the save's error when the file could not be written.
        """
        if self.saver is not None:
            self.saver.close(timeout)
            self.saver = None
        if self.unsaved and not self.read_only:
            self.save()

    def close(self) -> None:
        """Let go of the file (its lock); the canvas is already saved."""
        self.file.close()

    @property
    def read_only(self) -> str:
        """Why changes cannot be saved, or "" when they can."""
        return self.file.read_only

    def _writable(self) -> None:
        if self.file.read_only:
            raise ReadOnlyError(self.path, f"{self.file.read_only}; nothing can be saved")
