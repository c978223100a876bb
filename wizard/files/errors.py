"""Errors a user can cause, each carrying the file it is about and a one-line reason."""

from __future__ import annotations

import re
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_MESSAGE = 300


def printable(text: str) -> str:
    """`text` on one line with control characters escaped and its length capped: a file
    name or a key from a hostile file must not drive the terminal that shows the error."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates in names
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


class UserFileError(Exception):
    """A file the user gave us cannot be used; `str()` is the message to show."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = printable(problem)
        super().__init__(f"{printable(str(self.path))}: {self.problem}")


class CanvasFileError(UserFileError):
    """A canvas file that cannot be read or saved."""


class NewerVersionError(CanvasFileError):
    """A canvas written by a newer canvas-wizard than this one."""


class ChangedOnDiskError(CanvasFileError):
    """The canvas on disk is not what this session loaded or last saved (edited by hand, or
    by another program): saving now would overwrite that change, so the user must choose."""


class ReadOnlyError(CanvasFileError):
    """The canvas was opened read-only, because another wizard has it open."""


class LockedError(CanvasFileError):
    """Another live wizard holds the canvas's lock file; `holder` says who."""

    def __init__(self, path: Path | str, problem: str, holder: str) -> None:
        super().__init__(path, problem)
        self.holder = holder


class BankFileError(UserFileError):
    """A question bank that does not load."""
