"""One canvas file as a session holds it: its lock, what was on disk, saving and reloading.

The promises kept here: a second wizard is told who has the file and may only read it; a
file changed on disk since we read it (a hand edit) is never overwritten without the user
choosing to, and then their version is kept as a numbered backup; an old-format file is
kept as it was before it is upgraded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.files import atomic, backup, fingerprint, store, toml_write
from wizard.files.comments import KeptComments
from wizard.files.errors import CanvasFileError, LockedError, ReadOnlyError
from wizard.files.fingerprint import Fingerprint
from wizard.files.lock import CanvasLock
from wizard.model.canvas import SCHEMA_VERSION, Canvas
from wizard.model.safetext import file_name


@dataclass
class CanvasFile:
    path: Path
    seen: Fingerprint | None
    """The file as we last read or wrote it (None: there was no file)."""
    read_only: str = ""
    """Why saving is refused ("" when it is not): who else has the file open."""
    lock: CanvasLock | None = None
    kept: list[Path] = field(default_factory=list)
    """Numbered backups made while the file was open, newest last."""
    upgraded_from: int | None = None
    comments: KeptComments | None = None
    """The hand-written comments of the file as last read, kept by every save."""
    written: toml_write.Reuse = field(default_factory=toml_write.Reuse)
    """The text of the tables last saved, for the next save to reuse where they are unchanged."""

    @classmethod
    def adopt(cls, path: Path) -> CanvasFile:
        """A file whose canvas the caller loaded itself: changes from now on are noticed."""
        try:
            return cls(path, fingerprint.of_file(path))
        except CanvasFileError:
            return cls(path, None)  # unreadable now: saving will say why

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> tuple[CanvasFile, Canvas | None]:
        """Lock and load `path`; the canvas is None when there is no file yet.

        Raises LockedError when another live wizard has it (unless `read_only`), and
        CanvasFileError for a file that cannot be used.
        """
        lock: CanvasLock | None = None
        note = ""
        if not read_only and atomic.write_protected(path):  # chmod 444: not ours to replace
            read_only = True
            note = f"read-only: {file_name(path.name)} is write-protected (chmod u+w to change it)"
        elif read_only:
            holder = CanvasLock(path).holder()
            who = holder.describe() if holder else "another wizard"
            note = f"read-only: {who} has it open"
        else:
            lock = CanvasLock(path)
            holder = lock.acquire()
            if holder is not None:
                raise LockedError(path, f"{holder.describe()} has it open", holder.describe())
            store.sweep_temp_files(path)
        file = cls(path, None, note, lock)
        try:
            canvas = file.reload() if path.exists() or path.is_symlink() else None
        except BaseException:
            file.close()
            raise
        return file, canvas

    def reload(self) -> Canvas:
        """The canvas as it is on disk now; what we save from now on replaces this."""
        loaded = store.load_file(self.path)
        if loaded.version < SCHEMA_VERSION and not self.read_only:
            self._keep_copy("this old-format file before upgrading it", "not opened")
            self.upgraded_from = loaded.version
        self.seen = loaded.fingerprint
        self.comments = loaded.comments
        return loaded.canvas

    def _keep_copy(self, what: str, outcome: str) -> None:
        """A numbered copy kept for good before the file is replaced; refusing is safer than losing it."""
        try:
            kept = backup.keep_copy(self.path)
        except OSError as exc:
            problem = f"cannot keep a copy of {what} ({exc.strerror or exc}); {outcome}"
            raise CanvasFileError(self.path, problem) from None
        if kept is not None:
            self.kept.append(kept)

    def save(self, canvas: Canvas | dict[str, Any], *, overwrite: bool = False) -> None:
        """Save `canvas`; ChangedOnDiskError when the file changed since we last saw it.

        `overwrite` is the user's answer to that: replace it anyway, keeping theirs as a
        numbered backup first.
        """
        if self.read_only:
            raise ReadOnlyError(self.path, f"{self.read_only}; nothing can be saved")
        if overwrite:
            self._keep_copy("the version on disk", "not saved")
        self.seen = store.save(canvas, self.path, expected=store.ANYTHING if overwrite else self.seen,
                               comments=self.comments, reuse=self.written)
        if self.lock is not None:
            self.lock.refresh()

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()
